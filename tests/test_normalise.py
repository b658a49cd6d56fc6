"""Normalisation keeps offsets: NFC map back to the source, tone placement length-preserving."""
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import Document
from pipeline.normalise import nfc_with_offsets, normalise, unify_tone_placement


@pytest.mark.parametrize("old, new", [
    ("hoà", "hòa"), ("Hoà", "Hòa"), ("khoá XII", "khóa XII"), ("Thuý", "Thúy"), ("thuỷ lợi", "thủy lợi"),
    ("toà án", "tòa án"), ("loè", "lòe"), ("quý", "quý"), ("Quỳnh", "Quỳnh"), ("hoàn thành", "hoàn thành"),
    ("thuyết", "thuyết"), ("khuya", "khuya"), ("ÐẢNG", "ĐẢNG"), ("hòa", "hòa"),
])
def test_tone_placement(old, new):
    assert unify_tone_placement(old) == new


def test_tone_placement_keeps_length_and_text_is_untouched():
    doc = Document.from_text("Ban Chấp hành Trung ương khoá XII, hoà bình")
    assert doc.text == "Ban Chấp hành Trung ương khoá XII, hoà bình"
    assert doc.match_text == "Ban Chấp hành Trung ương khóa XII, hòa bình"
    assert len(doc.text) == len(doc.match_text)


WORDS = ["Nguyễn", "Thuý", "hoà", "khoá", "Nghị", "quyết", "Bộ", "Chính", "trị", "ngày", "19-12-2016",
         "98,65%", "Đảng", "Thủy", "quỹ", "ưu", "tiên", "Hà", "Nội", "1.950", "ĐBQH", "Ủy", "viên"]


@st.composite
def messy_text(draw):
    """Vietnamese words in NFC or NFD, old or new tone placement, mixed whitespace."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
    seps = draw(st.lists(st.sampled_from([" ", "  ", "\t", "\n", " \n ", "\u00a0"]),
                         min_size=len(words), max_size=len(words)))
    forms = draw(st.lists(st.sampled_from(["NFC", "NFD"]), min_size=len(words), max_size=len(words)))
    pieces = [unicodedata.normalize(f, w) + s for w, s, f in zip(words, seps, forms)]
    return "".join(pieces), words


@settings(max_examples=200, deadline=None)
@given(messy_text())
def test_every_mapped_span_reads_the_same_word(sample):
    raw, words = sample
    doc = Document(doc_id="h", text=raw)
    normalise(doc)
    assert doc.text == unicodedata.normalize("NFC", raw)
    assert len(doc.match_text) == len(doc.text)
    cursor = 0
    for w in words:
        k = doc.text.index(w, cursor)
        cursor = k + len(w)
        rs, re_ = doc.raw_span(k, k + len(w))
        src = doc.raw if doc.raw is not None else doc.text
        assert unicodedata.normalize("NFC", src[rs:re_]) == w
        # the match text reads the same word with the tone placement unified
        assert doc.match_text[k:k + len(w)] == unify_tone_placement(w)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
@settings(max_examples=200, deadline=None)
def test_nfc_offsets_are_monotonic_and_in_range(text):
    nfc, offs = nfc_with_offsets(text)
    assert nfc == unicodedata.normalize("NFC", text)
    if offs is not None:
        assert len(offs) == len(nfc)
        assert offs == sorted(offs) and all(0 <= o < len(text) for o in offs)
