"""pipeline.annotate: the highlighted view keeps the text, nests marks, escapes everything."""
import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_paths import ROOT
from pipeline.annotate import (annotate_fragment, annotate_html, annotate_terminal,
                               highlight_html, mention_fields)
from pipeline.model import DateMention, Document, Official, Quantity, Reference

SENTENCE = ("Theo Quy định số 55-QĐ/TW ngày 19/12/2016 của Bộ Chính trị, đồng chí "
            "Nguyễn Văn A, Bí thư Tỉnh ủy, chi 15 tỷ đồng.")


def span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def sample() -> Document:
    d = Document(doc_id="s", text=SENTENCE)
    rs, re_ = span(SENTENCE, "Quy định số 55-QĐ/TW ngày 19/12/2016 của Bộ Chính trị")
    d.references = [Reference(start=rs, end=re_, text=SENTENCE[rs:re_], doc_type="Quy định",
                              number="55", symbol="QĐ/TW", issuer="Bộ Chính trị",
                              date="2016-12-19", key="QDI 55 TW")]
    ds, de = span(SENTENCE, "19/12/2016")
    d.dates = [DateMention(start=ds, end=de, text=SENTENCE[ds:de], value="2016-12-19")]
    os_, oe = span(SENTENCE, "Nguyễn Văn A, Bí thư Tỉnh ủy")
    d.officials = [Official(start=os_, end=oe, text=SENTENCE[os_:oe], name="Nguyễn Văn A",
                            titles=("Bí thư Tỉnh ủy",))]
    qs, qe = span(SENTENCE, "15 tỷ đồng")
    d.quantities = [Quantity(start=qs, end=qe, text=SENTENCE[qs:qe], value=15e9, unit="đồng",
                             kind="result")]
    return d


class Balance(HTMLParser):
    """Checks tags close in order and collects the text outside tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.ok = [], [], True

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        self.ok = self.ok and bool(self.stack) and self.stack.pop() == tag

    def handle_data(self, data):
        self.text.append(data)


def parsed(markup: str) -> Balance:
    p = Balance()
    p.feed(markup)
    p.close()
    return p


def test_highlight_keeps_the_text_and_nests_the_date_inside_the_citation():
    doc = sample()
    markup, skipped = highlight_html(doc)
    p = parsed(markup)
    assert skipped == 0 and p.ok and not p.stack
    assert "".join(p.text) == doc.text
    assert re.search(r'<mark class="m-references"[^>]*>Quy định số 55-QĐ/TW ngày '
                     r'<mark class="m-dates"[^>]*>19/12/2016</mark> của Bộ Chính trị</mark>',
                     markup)


@pytest.mark.parametrize("kind, expected", [
    ("references", ["key: QDI 55 TW", "issuer: Bộ Chính trị", "date: 2016-12-19"]),
    ("officials", ["name: Nguyễn Văn A", "titles: Bí thư Tỉnh ủy"]),
    ("dates", ["value: 2016-12-19"]),
    ("quantities", ["value: 1.5e+10", "unit: đồng", "kind: result"]),
])
def test_tooltips_hold_the_normalised_fields(kind, expected):
    markup, _ = highlight_html(sample())
    tip = html.unescape(re.search(rf'<mark class="m-{kind}" title="([^"]*)"', markup)[1])
    assert tip.splitlines() == [e for e in tip.splitlines()]  # one field a line
    for line in expected:
        assert line in tip.splitlines()


def test_empty_fields_are_left_out_of_the_tooltip():
    ref = Reference(start=0, end=4, text="Luật", doc_type="Luật", key="LUAT x")
    assert [k for k, _ in mention_fields(ref, "references")] == ["key", "doc_type"]


def test_crossing_mentions_are_closed_and_reopened():
    text = "một hai ba bốn"
    d = Document(doc_id="x", text=text)
    d.dates = [DateMention(start=0, end=7, text=text[:7], value="a"),
               DateMention(start=4, end=10, text=text[4:10], value="b")]
    markup, _ = highlight_html(d)
    p = parsed(markup)
    assert p.ok and "".join(p.text) == text
    assert markup.count("<mark") == 3  # the second date reopened after the first closes


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
                                     "a & b < c"])
def test_every_document_value_is_escaped(hostile):
    text = f"Xem {hostile} và Nghị quyết 39."
    d = Document(doc_id=hostile, text=text, title=hostile, source=hostile)
    s, e = span(text, "Nghị quyết 39")
    d.references = [Reference(start=s, end=e, text=text[s:e], doc_type="Nghị quyết",
                              number="39", key=hostile, title=hostile)]
    page = annotate_html(d)
    assert hostile not in page.replace(html.escape(hostile, quote=True), "")
    assert "<script>" not in page and "<img" not in page
    assert "".join(parsed(annotate_fragment(d, legend=False)).text) == text


def test_mentions_that_do_not_fit_the_text_are_counted_not_drawn():
    d = Document(doc_id="x", text="Nghị quyết 39")
    d.references = [Reference(start=0, end=13, text="Nghị quyết 39", doc_type="Nghị quyết"),
                    Reference(start=5, end=40, text="quyết 39 và", doc_type="Nghị quyết"),
                    Reference(start=0, end=4, text="Luật", doc_type="Luật")]
    markup, skipped = highlight_html(d)
    assert skipped == 2 and markup.count("<mark") == 1
    assert "2 mention(s) not drawn" in annotate_fragment(d)


def test_links_wrap_the_marked_text():
    markup, _ = highlight_html(sample(), lambda kind, m: "/cited/QDI%2055%20TW"
                               if kind == "references" else None)
    assert '<a class="vn-link" href="/cited/QDI%2055%20TW">' in markup
    assert parsed(markup).ok


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet="ab <>&\"'\n", min_size=1, max_size=40),
       raw=st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12),
                              st.sampled_from(["references", "officials", "dates",
                                               "quantities"])), max_size=8))
def test_any_spans_give_balanced_markup_and_the_same_text(text, raw):
    d = Document(doc_id="h", text=text)
    for start, length, kind in raw:
        start, end = min(start, len(text) - 1), min(start + length, len(text))
        if end <= start:
            continue
        sl = text[start:end]
        m = {"references": lambda: Reference(start=start, end=end, text=sl, doc_type="x"),
             "officials": lambda: Official(start=start, end=end, text=sl, name=sl),
             "dates": lambda: DateMention(start=start, end=end, text=sl, value=sl),
             "quantities": lambda: Quantity(start=start, end=end, text=sl, value=1.0)}[kind]()
        getattr(d, kind).append(m)
    markup, skipped = highlight_html(d, lambda k, m: "/x" if k == "references" else None)
    p = parsed(markup)
    assert skipped == 0 and p.ok and not p.stack
    assert "".join(p.text) == text


def test_terminal_view_shows_text_legend_and_mentions_without_reading_markup():
    from rich.console import Console
    d = sample()
    d.text = d.text.replace("Theo", "[i]T")  # rich markup in a text shows as is (same length)
    d.references = []
    console = Console(record=True, width=200, color_system="truecolor")
    console.print(annotate_terminal(d))
    out = console.export_text()
    assert "[i]T Quy" in out and "Nguyễn Văn A, Bí thư Tỉnh ủy" in out
    assert "official (1)" in out and "value=2016-12-19" in out
    assert "titles=Bí thư Tỉnh ủy" in out


def test_a_real_seed_annotates_every_mention():
    from pipeline.ingest import iter_documents
    from pipeline.stages import run_pipeline
    doc = run_pipeline(next(iter_documents([ROOT / "corpora/seeds/001_37eb0be5976f77df.txt"])))
    markup, skipped = highlight_html(doc)
    p = parsed(markup)
    assert skipped == 0 and p.ok and "".join(p.text) == doc.text
    total = sum(len(getattr(doc, k)) for k in ("references", "officials", "dates",
                                                 "quantities"))
    assert total > 10 and markup.count("<mark") >= total
