"""The year of a date written without one ("Sáng 21/7", "quý III", "6 tháng cuối năm").

ANNOTATION.md: the publication year, else the year that the text itself sets for
the event, else "XXXX". The annotators' calls: a year inside a citation (its
symbol or signing date) is another document's year, not the news event's, so it
never sets one; infer a year only when the text clearly sets it. `YearSetter`
turns that into an order of evidence over the year-bearing dates of a document.

>>> from pipeline.extract.dates import find_dates
>>> d = Document.from_text("Chiều 19/7, Văn phòng họp báo về Nghị định 174/2013/NĐ-CP.")
>>> [m.value for m in find_dates(d)]
['XXXX-07-19']
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Protocol

from pipeline.extract.numbers import load_table
from pipeline.model import Document

_S = r"[^\S\n]"
_VALUE_MONTH = re.compile(r"\{Y\}-(\d\d)")
_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Bounds, targets, plans and budgets ("đến hết ngày 26-8-2021", "định hướng 2030", "dự toán
# Ngân sách 2017", "kế hoạch 2018") are years the story aims at or accounts for, not points in it.
_BOUND = re.compile(r"(?i)(?<!\w)(?:đến|tới|hết|trước|sau|định\s+hướng|tầm\s+nhìn|dự\s+toán|quyết\s+toán|ngân\s+sách|kế\s+hoạch)(?!\w)")
_BIRTH = re.compile(r"(?i)(?<!\w)(?:sn|sinh)\b")
_YEARLY = re.compile(r"(?i)[^\S\n]*,?[^\S\n]*(?:hằng|hàng)[^\S\n]+năm(?!\w)")
_ISO_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)$")
_CITED_BEFORE_DAYS = 31
_NORMS = frozenset({"Luật", "Bộ luật", "Hiến pháp", "Pháp lệnh", "Nghị định", "Thông tư"})


class Atom(Protocol):
    """What a date atom of `dates` offers here."""

    start: int
    end: int
    lead: int
    kind: str
    y: int | None
    m: int | None
    d: int | None
    value: str | None
    parts: tuple["Atom", "Atom"] | None
    law: bool
    named: bool
    now: bool


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


@lru_cache(maxsize=1)
def _now_rows() -> list[tuple[str, str]]:
    return [(p, v) for p, role, v, *_ in load_table("date_words.tsv", 4) if role == "now"]


@lru_cache(maxsize=1)
def _now_pattern() -> re.Pattern[str]:
    """The phrases of role "now": a year stated as the present ("từ nay đến cuối năm 2017")."""
    alts = []
    for phrase, _ in _now_rows():
        out = ""
        for tok in phrase.split():
            gap = tok == "..."
            if out:
                out += f"{_S}*" if gap or out.endswith("?") else f"{_S}+"
            out += r"[^.;!?\n]{0,60}?" if gap else r"(?:19|20)\d\d(?![\d/])" if tok == "YYYY" else re.escape(tok)
        alts.append(out)
    firsts = "".join(sorted({a[0] for a in alts}))  # scan only words that can start a phrase
    return re.compile(rf"(?i)(?<![\w/])(?=[{firsts}])(?:" + "|".join(alts) + ")")


@lru_cache(maxsize=1)
def _issued_pattern() -> re.Pattern[str]:
    """The phrases of role "issued", anchored at the start of a citation: "vừa ban hành"."""
    alts = []
    for phrase, role, _, *_ in load_table("date_words.tsv", 4):
        if role == "issued":
            alts.append(f"{_S}+".join(r"(?:[^\W\d_]+" + _S + r"+){0,3}?" if tok == "..." else re.escape(tok)
                                      for tok in phrase.split()).replace(f"?{_S}+", "?"))
    return re.compile(rf"(?i)(?<!\w)(?:{'|'.join(alts)}){_S}+$")


_SYMBOL_YEAR = re.compile(r"^((?:19|20)\d\d)/")
_EFFECT_MONTHS = 2  # a paper just issued may take effect in the first months of the next year


@dataclass
class _Anchor:
    """A year written outside any citation: it may set the year of the days around it."""
    pos: int
    y: int
    m: tuple[int, int] | None  # first and last month it covers
    point: bool = True  # a point in time, not a bound or the end of a span
    day: tuple[int, int] | None = None  # (month, day) when it names one day


def _months(a: Atom) -> tuple[int, int] | None:
    """First and last month a date covers ("quý III" -> (7, 9)); None for whole years."""
    if a.m is not None:
        return a.m, a.m
    found = _VALUE_MONTH.findall(a.value or "")
    return (int(found[0]), int(found[-1])) if found else None


def _month_gap(x: tuple[int, int], y: tuple[int, int]) -> int:
    return max(0, x[0] - y[1], y[0] - x[1])


def _lead_paragraph_end(text: str) -> int:
    """End of the headline and the lead paragraph: the second non-empty line, at most 800
    chars in."""
    pos, seen = 0, 0
    while pos < len(text) and pos < 800:
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        if text[pos:end].strip():
            seen += 1
            if seen == 2:
                return min(end, 800)
        pos = end + 1
    return min(pos, 800)


class YearSetter:
    """The year of a day or month written without one (ANNOTATION.md "Dates").

    The publication year first (the year before when that would put the date more
    than a month after publication). Else the year the text sets for the event, in
    order of evidence:

    1. a date inside a citation takes that citation's signing year ("Chỉ thị
       05/CT-TTg ngày 1/3" after "Chỉ thị số 05/CT-TTg ngày 1/3/2019");
    2. a year in the same sentence, outside citations ("Ngày 28/12, tại Hội nghị
       tổng kết công tác năm 2021"); a month written there must lie within two
       months ("ngày 1/12 ... trước ngày 1/1/1945" does not set 1945);
    3. a month written with its year elsewhere, within two months, when that year
       is the story's (the latest point in time written outside citations, not
       older than a cited document) or when the headline or lead paragraph writes
       it ("có hiệu lực từ tháng 12/2018" ... "từ 15/12"); only when it places the
       whole run of days in calendar order that the day belongs to, else only the
       same day written with a year ("ngày 15/1/2018" ... "tính đến ngày 15/1");
    4. a year stated as the present ("từ nay đến cuối năm 2017", "năm nay ... Kỷ
       Hợi 2019", "từ đầu năm 2019 đến nay"), else the year of a paper just issued
       ("vừa ban hành Thông tư 13/2019/TT-BYT"), but for January and February;
    5. the year of an event named in the same sentence ("Hội nghị BĐS Quốc tế IREC
       2018 được tổ chức ... từ 5-7/9"): last, since stories often come after the
       event they name ("Tại cuộc họp ngày 19/6, ... trong kỳ thi THPT quốc gia 2018").

    A day signed for by a citation next to it (same or neighbouring sentence, signed
    up to a month before: "ngày 10-7, Ban Bí thư đã họp ... tờ trình số 121 ngày
    6-7-2018") is written with that year, as a point of the story for rules 2 and 3.
    Birth years, spans and bounds ("đến hết ngày 26-8-2021") are not points of the
    story. A day "hằng năm" (every year) has none. Else "XXXX".
    """

    def __init__(self, doc: Document, atoms: list[Atom], joined: list[Atom]) -> None:
        self.doc = doc
        self.atoms = atoms
        self.span_parts = {id(p) for j in joined if j.parts for p in j.parts}
        self._ready = False

    def _prepare(self) -> None:
        doc, text = self.doc, self.doc.match_text
        spans = [(r.start, r.end) for r in doc.references]
        self.by_sentence: dict[int, list[_Anchor]] = {}
        self.named: dict[int, int] = {}
        self.months: list[_Anchor] = []
        anchors: list[_Anchor] = []
        for a in self.atoms:
            if a.y is None or a.kind in ("yspan", "span") or a.law or _overlaps(spans, a.start, a.end):
                continue
            if a.named:  # "IREC 2018": a name's year, the last evidence of its sentence
                self.named.setdefault(doc.sentence_index(a.start), a.y)
                continue
            if _BIRTH.search(text, max(0, min(a.lead, a.start) - 12), a.start + 4):
                continue  # "sinh ngày 26/8/1968", "(SN 1957)"
            bound = _BOUND.search(text, a.lead, a.start + 1) is not None
            an = _Anchor(a.start, a.y, _months(a), point=id(a) not in self.span_parts and not bound,
                         day=(a.m, a.d) if a.m is not None and a.d is not None else None)
            anchors.append(an)
        latest = max((an.y for an in anchors if an.point), default=None)
        anchors[:0] = self._cited_days(spans, latest)  # first: the nearest evidence of its sentence
        for an in anchors:
            self.by_sentence.setdefault(doc.sentence_index(an.pos), []).append(an)
            if an.m is not None:
                self.months.append(an)
        # The story's year: the latest point in time written outside citations, not an end
        # or a bound ("đến hết ngày 26-8-2021", "trước năm 2020") nor either end of a span.
        # A month of another year belongs to another story (a career, a history) unless
        # the headline or the lead paragraph sets it ("có hiệu lực từ tháng 12/2018").
        # A story is never older than the documents it cites: an older month is history.
        story = max((an.y for an in anchors if an.point), default=None)
        cited = [int(y) for r in doc.references for y in _YEAR_IN.findall(r.text)]
        if story is not None and cited and max(cited) > story:
            story = None
        lead_end = _lead_paragraph_end(text)
        self.months = [an for an in self.months if an.y == story or an.pos < lead_end]
        self.anchors = anchors
        self.now: str | None = None
        self.fits: dict[int, bool] | None = None
        self.issued: int | None = None
        self._ready = True

    def _cited_days(self, spans: list[tuple[int, int]], latest: int | None) -> list[_Anchor]:
        """Days whose year a citation next to them sets: a paper signed up to a month
        before the day, in the same or a neighbouring sentence, is that story's
        ("ngày 10-7, Ban Bí thư đã họp ... tại tờ trình số 121 ngày 6-7-2018"). A norm
        in force (a decree, a law: "Theo ... Nghị định số 147/2013/NĐ-CP ngày
        30/10/2013") is the legal basis, not the story, and neither is a paper older
        than a year the story writes outside citations."""
        doc = self.doc
        cited = []
        for r in doc.references:
            found = _ISO_DAY.match(r.date or "")
            if found and r.doc_type not in _NORMS:
                y, m, d = (int(x) for x in found.groups())
                try:
                    cited.append((doc.sentence_index(r.start), date(y, m, d)))
                except ValueError:
                    continue
        out: list[_Anchor] = []
        if not cited:
            return out
        for a in self.atoms:
            if a.y is not None or a.m is None or a.d is None or _overlaps(spans, a.start, a.end):
                continue
            sentence = doc.sentence_index(a.start)
            for where, signed in cited:
                if abs(where - sentence) > 1:
                    continue
                try:
                    gap = (date(signed.year, a.m, a.d) - signed).days
                except ValueError:
                    continue
                if 0 <= gap <= _CITED_BEFORE_DAYS and (latest is None or signed.year >= latest):
                    out.append(_Anchor(a.start, signed.year, (a.m, a.m)))
                    break
        return out

    def _now_year(self) -> str:
        """The year most often stated as the present; only the text around written years
        is searched, since every such phrase holds one."""
        if self.now is None:
            text, pattern = self.doc.match_text, _now_pattern()
            votes: Counter[int] = Counter()
            for an in self.anchors:
                for m in pattern.finditer(text, max(0, an.pos - 80), an.pos + 20):
                    y = _YEAR_IN.search(m.group(0))
                    if y and m.start() + y.start() >= an.pos and int(y.group(0)) == an.y:
                        votes[an.y] += 1
            self.now = str(max(votes, key=lambda y: (votes[y], y))) if votes else "XXXX"
        return self.now

    def _issued_year(self) -> int | None:
        """The year of the papers the text says were just issued ("Bộ Y tế vừa ban hành
        Thông tư 13/2019/TT-BYT"): the present of the story. A paper signed in December
        takes effect weeks later, in the next year ("Từ ngày 12/2, ... Bộ Tài chính vừa
        ban hành Thông tư 146/2017/TT-BTC"), so it says nothing of the first months."""
        if self.issued is None:
            text, pattern, votes = self.doc.match_text, _issued_pattern(), Counter[int]()
            for r in self.doc.references:
                if not pattern.search(text, max(0, r.start - 60), r.start):
                    continue
                found = _SYMBOL_YEAR.match(r.symbol or "") or re.match(r"(\d{4})", r.date or "")
                if found:
                    votes[int(found.group(1))] += 1
            self.issued = max(votes, key=lambda y: (votes[y], y)) if votes else 0
        return self.issued or None

    def year(self, a: Atom) -> str:
        doc = self.doc
        if _YEARLY.match(doc.match_text, a.end):
            return "XXXX"  # "lấy ngày 21-4 hằng năm là Ngày sách": every year, none in particular
        if a.now and not doc.published:
            return "XXXX"  # "3 tháng đầu năm nay": the year of writing, which the text does not give
        if doc.published and re.match(r"\d{4}-\d{2}-\d{2}", doc.published):
            py, pm, pd = (int(x) for x in doc.published[:10].split("-"))
            if a.m is not None and (a.m, a.d or 1) > (pm + 1, pd) and pm < 12:
                return str(py - 1)
            return str(py)
        for r in doc.references:
            if r.start <= a.start < r.end and r.date and r.date[:4].isdigit():
                return r.date[:4]
        if not self._ready:
            self._prepare()
        found = self._in_sentence(a)
        if found is None:
            found = self._same_day(a) if not self._run_fits(a) else self._near_month(a)
        if found is not None:
            return str(found)
        now = self._now_year()
        issued, months = self._issued_year(), _months(a)
        if now == "XXXX" and issued is not None and months is not None and months[0] > _EFFECT_MONTHS:
            return str(issued)
        named = self.named.get(doc.sentence_index(a.start))
        return str(named) if now == "XXXX" and named is not None else now

    def _in_sentence(self, a: Atom) -> int | None:
        """Rule 2: a year written in the same sentence (a month there within two months)."""
        months = _months(a)
        for an in self.by_sentence.get(self.doc.sentence_index(a.start), ()):
            if an.m is None or months is None or _month_gap(an.m, months) <= 2:
                return an.y
        return None

    def _near_month(self, a: Atom, across_years: bool = False) -> int | None:
        """Rule 3: the nearest month of the story's year written elsewhere, within two
        months (`across_years`: or on the other side of a new year, "ngày 21/12" by
        "tháng 1/2019", which places it near, though not in that year)."""
        months = _months(a)
        if months is None:
            return None
        near = [an for an in self.months if _month_gap(an.m, months) <= 2 or (  # type: ignore[arg-type]
            across_years and 12 - _month_gap(an.m, months) <= 2)]  # type: ignore[arg-type]
        if not near:
            return None
        return min(near, key=lambda an: (_month_gap(an.m, months), abs(an.pos - a.start))).y  # type: ignore[arg-type]

    def _run_fits(self, a: Atom) -> bool:
        """Rule 3 holds only when it places the whole run of `a`: the days and months
        without a year that the text gives in calendar order ("ngày 5/3" ... "ngày 15/5"
        ... "ngày 24/6" ... "ngày 31/7") tell one story of one year, so a written month
        near some of them ("vào tháng 8/2018") proves nothing when the others lie far
        from it. A step back in the calendar starts a new run."""
        if self.fits is None:
            spans = [(r.start, r.end) for r in self.doc.references]
            self.fits = {}
            run: list[Atom] = []
            last: tuple[int, int] | None = None
            for b in self._needing():
                if _overlaps(spans, b.start, b.end):
                    continue
                key = (_months(b)[0], b.d or 0)  # type: ignore[index]
                if last is not None and key < last:
                    self._close_run(run)
                    run = []
                run.append(b)
                last = key
            self._close_run(run)
        return self.fits.get(id(a), True)

    def _close_run(self, run: list[Atom]) -> None:
        ok = all(self._in_sentence(b) is not None or self._near_month(b, across_years=True) is not None
                 for b in run)
        for b in run:
            self.fits[id(b)] = ok  # type: ignore[index]

    def _needing(self) -> list[Atom]:
        """The days and months written without a year, in text order, but those of every
        year ("ngày 21-4 hằng năm"); quarters are too coarse to tell a story's order."""
        text = self.doc.match_text
        return [a for a in self.atoms if a.y is None and a.m is not None
                and not _YEARLY.match(text, a.end)]

    def _same_day(self, a: Atom) -> int | None:
        """The year of the same day written with one elsewhere in the story ("ngày 15/1/2018
        là hạn cuối" ... "tính đến ngày 15/1"): clear even where rule 3 is not."""
        if a.d is None:
            return None
        found = {an.y for an in self.months if an.day == (a.m, a.d)}
        return found.pop() if len(found) == 1 else None
