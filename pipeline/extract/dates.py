"""Dates: calendar days, months, quarters, years and spans, with ISO values.

A grammar over `doc.match_text` in three passes:

1. *atoms*: "17-3-2021", "17 tháng 3 năm 2021", "21/7", "tháng 3/2021",
   "quý I/2022", "6 tháng đầu năm 2023", "năm 2018", "2016-2020" ...;
2. *joins*: "từ A đến B" is one span ("từ năm 2007 đến năm 2014" ->
   "2007/2014"), a bare day before "đến"/"và" borrows the month and year of
   the date after it ("từ ngày 3 đến 4-1-2019", "ngày 20 và 21/8/2019");
3. *leads*: the words in front that make the date ("ngày", "Sáng",
   "Thứ hai,", "đến cuối", "giai đoạn") are added to the span.

Values (ANNOTATION.md "Dates"): "2021-03-17", "2017-07", "2018",
"2021/2025".  Decisions not fixed by the guide:

- a quarter is the span of its months: "quý I/2022" -> "2022-01/2022-03";
  "6 tháng đầu năm 2023" -> "2023-01/2023-06", "nửa cuối năm 2022" ->
  "2022-07/2022-12"; "cuối năm 2017" stays "2017" (as in the gold);
- a day or month without a year takes the publication year (the year before
  when that would put it more than a month after publication), else the first
  year written in the same sentence, else the year the document names most
  often, else "XXXX";
- a bare day/month ("21/7") needs a word in front ("ngày", "Sáng", "từ",
  "vào", ...) or parentheses, so ratios and scores ("3/4") are left alone;
  a bare 4-digit year needs a year word ("SN 1959", "trước 2020") or a
  span ("2016-2020");
- years inside reference symbols ("54/2017/QH14") never match (a "/" touches
  them); a signing date in a reference ("ngày 19-12-2016") is a date.

>>> d = Document.from_text("Sáng 21/7, hội nghị bàn việc đến cuối năm 2017.")
>>> [(m.text, m.value) for m in find_dates(d)]
[('Sáng 21/7', '2017-07-21'), ('đến cuối năm 2017', '2017')]
"""
from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from pipeline.extract.numbers import load_table
from pipeline.model import DateMention, Document

_END = r"(?![\w]|[/.,-]\d)"  # nothing glued after: not "2017/QH14", not "1.950"
_BEGIN = r"(?<![\w/.,-])"  # nothing glued before
_Y = r"\d{4}"

# Every form starts a word with a digit or one of these words: testing that first
# lets the scan skip other positions without trying each branch.
_ATOMS = re.compile(rf"""(?ix)(?<!\w)(?=\d|tháng|quý|nửa|năm|ba|sáu|chín)(?:
 (?P<dayrange>{_BEGIN}(?P<r_d1>\d{{1,2}})\s*[-–]\s*(?P<r_d2>\d{{1,2}})\s*/\s*(?P<r_m>\d{{1,2}})
     (?:\s*/\s*(?P<r_y>{_Y}))?{_END})
|(?P<dmy>{_BEGIN}(?P<a_d>\d{{1,2}})[ ]?(?P<a_sep>[/.-])[ ]?(?P<a_m>\d{{1,2}})[ ]?(?P=a_sep)[ ]?(?P<a_y>{_Y}){_END})
|(?P<dmyw>{_BEGIN}(?P<b_d>\d{{1,2}})\s+tháng\s+(?P<b_m>\d{{1,2}})(?:\s*,?\s*năm\s+|\s*[/.-]\s*)(?P<b_y>{_Y}){_END})
|(?P<dmw>(?<=ngày\s)(?P<c_d>\d{{1,2}})\s+tháng\s+(?P<c_m>\d{{1,2}})(?!\d))
|(?P<dm>{_BEGIN}(?P<e_d>\d{{1,2}})[ ]?(?P<e_sep>[/-])[ ]?(?P<e_m>\d{{1,2}})(?![\w%]|[/.,-]\d|\s*%))
|(?P<my>(?<!\w)tháng\s+(?P<f_m>\d{{1,2}})(?:\s*[/.-]\s*|\s*,?\s*năm\s+)(?P<f_y>{_Y}){_END})
|(?P<mybare>{_BEGIN}(?P<k_m>\d{{1,2}})/(?P<k_y>{_Y}){_END})
|(?P<quarter>(?<!\w)quý\s+(?P<q>IV|I{{1,3}}|[1-4])(?!\w)(?:(?:\s*[/.-]\s*|\s*,?\s*năm\s+)(?P<q_y>{_Y}){_END})?)
|(?P<part>(?<!\w)(?P<p_n>\d{{1,2}}|ba|sáu|chín)\s+tháng\s+(?P<p_w>đầu|cuối)\s+năm(?:\s+(?P<p_y>{_Y}){_END})?)
|(?P<half>(?<!\w)nửa\s+(?P<h_w>đầu|cuối)\s+năm(?:\s+(?P<h_y>{_Y}){_END})?)
|(?P<month>(?<!\w)(?<!\d\s)(?<!mạng\s)tháng\s+(?P<g_m>\d{{1,2}})(?![\w]|[/.,-]\d|\s+(?:năm\s+)?\d))
|(?P<yspan>{_BEGIN}(?P<s_a>{_Y})\s*[-–—]\s*(?P<s_b>{_Y}){_END})
|(?P<yword>(?<!\w)năm\s+(?P<w_y>{_Y}){_END}(?!\s*[-–—]\s*\d{{4}}))
|(?P<ybare>{_BEGIN}(?P<x_y>(?:1[89]|20)\d\d){_END})
|(?P<dayonly>(?<=ngày\s)(?P<o_d>\d{{1,2}})(?=\s*(?:đến|tới|và|,|-|–)\s*(?:ngày\s+)?\d))
)""")


@lru_cache(maxsize=1)
def _words() -> dict[str, list[tuple[str, str]]]:
    """role -> [(phrase, value)] from date_words.tsv."""
    out: dict[str, list[tuple[str, str]]] = {}
    for phrase, role, value, *_ in load_table("date_words.tsv", 4):
        out.setdefault(role, []).append((phrase, value))
    return out


def _alt(role: str) -> str:
    phrases = sorted((p for p, _ in _words()[role]), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)


@lru_cache(maxsize=1)
def _lead_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Regexes anchored at the end of the text before a date: its lead words."""
    day_lead = re.compile(rf"""(?ix)(?<!\w)(?:
        (?:(?:{_alt('weekday')})\s*,?\s*)?
        (?:(?:{_alt('daypart')})\s*[,(]?\s*)?
        (?:(?:{_alt('lead')})\s+)?
        (?:ngày\s+|(?:đầu|giữa|cuối|hết)\s+)?
        )$""")
    year_lead = re.compile(rf"""(?ix)(?<!\w)(?:
        (?:(?:{_alt('lead')})\s+)?
        (?:(?:đầu|giữa|cuối|hết|trong)\s+)?
        (?:(?:{_alt('spanlead')})\s*\(?\s*)?
        )$""")
    bare_year_lead = re.compile(rf"(?i)(?<!\w)(?:{_alt('yearlead')})\s*[(]?\s*$|\(\s*$")
    return day_lead, year_lead, bare_year_lead


_TIME_AFTER = re.compile(r"\s*,?\s*(?:lúc\s+)?\d{1,2}\s*[:h]\s*\d{2}(?:\s*\(?GMT\s*[+-]?\s*\d*\)?)?(?!\d)")
_DAY_WORD = re.compile(r"(?i)ngày|sáng|chiều|tối|trưa|đêm|khuya|hôm|thứ|chủ nhật")
_FROM_BEFORE = re.compile(r"(?i)(?<!\w)(?:từ|kể từ)\s+(?:ngày\s+)?$")
_JOIN_SPAN = re.compile(r"(?i)\s*(?:đến|tới|-|–|—)\s*(?:hết\s+|cuối\s+)?(?:ngày\s+)?$")
_JOIN_LIST = re.compile(r"(?i)\s*(?:,|và|,\s*và)\s*(?:ngày\s+)?$")
_ROMAN_Q = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass
class _Atom:
    start: int
    end: int
    kind: str
    y: int | None = None
    m: int | None = None
    d: int | None = None
    value: str | None = None  # a preset value (spans, quarters) with YYYY placeholders
    y_known: bool = True
    lead: int = -1  # start once lead words are added
    parts: tuple["_Atom", "_Atom"] | None = None  # the two ends of a joined span


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    if y is not None and not 1000 <= y <= 2100:
        return False
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None:
        if m is None or not 1 <= d <= 31:
            return False
        return d <= calendar.monthrange(y if y is not None else 2000, m)[1]
    return True


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _atom(m: re.Match[str]) -> _Atom | None:
    k = m.lastgroup or ""
    g = m.group
    s, e = m.start(k), m.end(k)
    if k == "dayrange":
        y = _int(g("r_y"))
        a = _Atom(s, e, k, y, int(g("r_m")), int(g("r_d1")), y_known=y is not None)
        d2 = int(g("r_d2"))
        if not (_valid(y, a.m, a.d) and _valid(y, a.m, d2) and a.d < d2):  # type: ignore[operator]
            return None
        a.value = f"{{Y}}-{a.m:02d}-{a.d:02d}/{{Y}}-{a.m:02d}-{d2:02d}"
        return a
    if k in ("dmy", "dmyw", "dmw", "dm", "dayonly"):
        p = {"dmy": "a", "dmyw": "b", "dmw": "c", "dm": "e", "dayonly": "o"}[k]
        y = _int(g(f"{p}_y")) if p in "ab" else None
        mo = _int(g(f"{p}_m")) if p != "o" else None
        d = int(g(f"{p}_d"))
        if k == "dayonly":
            return _Atom(s, e, k, None, None, d, y_known=False) if 1 <= d <= 31 else None
        return _Atom(s, e, k, y, mo, d, y_known=y is not None) if _valid(y, mo, d) else None
    if k in ("my", "month", "mybare"):
        y = _int(g("f_y") or g("k_y"))
        mo = int(g("f_m") or g("g_m") or g("k_m"))
        return _Atom(s, e, k, y, mo, y_known=y is not None) if _valid(y, mo, None) else None
    if k == "quarter":
        q = g("q").upper()
        q_n = _ROMAN_Q.get(q) or int(q)
        y = _int(g("q_y"))
        first, last = 3 * q_n - 2, 3 * q_n
        a = _Atom(s, e, k, y, y_known=y is not None)
        a.value = f"{{Y}}-{first:02d}/{{Y}}-{last:02d}"
        return a if _valid(y, None, None) else None
    if k in ("part", "half"):
        y = _int(g("p_y") if k == "part" else g("h_y"))
        n = g("p_n").lower() if k == "part" else "6"
        n_val = {"ba": 3, "sáu": 6, "chín": 9}.get(n) or int(n)
        if not 1 <= n_val <= 11:
            return None
        first, last = (1, n_val) if (g("p_w") or g("h_w")).lower() == "đầu" else (13 - n_val, 12)
        a = _Atom(s, e, k, y, y_known=y is not None)
        a.value = f"{{Y}}-{first:02d}/{{Y}}-{last:02d}"
        return a if _valid(y, None, None) else None
    if k == "yspan":
        a_y, b_y = int(g("s_a")), int(g("s_b"))
        if not (_valid(a_y, None, None) and _valid(b_y, None, None) and 0 < b_y - a_y <= 50):
            return None
        a = _Atom(s, e, k, a_y)
        a.value = f"{a_y}/{b_y}"
        return a
    if k in ("yword", "ybare"):
        y = int(g("w_y") if k == "yword" else g("x_y"))
        return _Atom(s, e, k, y) if _valid(y, None, None) else None
    return None


def _iso(a: _Atom, year: str) -> str:
    y = f"{a.y:04d}" if a.y is not None else year
    if a.value is not None:
        return a.value.replace("{Y}", y)
    if a.d is not None:
        return f"{y}-{a.m:02d}-{a.d:02d}"
    if a.m is not None:
        return f"{y}-{a.m:02d}"
    return y


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _find_atoms(doc: Document) -> list[_Atom]:
    text = doc.match_text
    day_lead, year_lead, bare_year_lead = _lead_patterns()
    refs = [(r.start, r.end) for r in doc.references]
    atoms: list[_Atom] = []
    for m in _ATOMS.finditer(text):
        a = _atom(m)
        if a is None:
            continue
        before = text[max(0, a.start - 60):a.start]
        is_year = a.kind in ("yspan", "yword", "ybare", "quarter", "part", "half")
        lead = (year_lead if is_year else day_lead).search(before)
        a.lead = a.start - (len(lead.group(0)) if lead else 0)
        if a.kind == "dm":
            wrapped = before.endswith("(") and text[a.end:a.end + 1] == ")"
            if a.lead == a.start and not wrapped:
                continue  # "3/4", "213/210": a ratio, not a day
            if m.group("e_sep") == "-" and not wrapped and not _DAY_WORD.search(text, a.lead, a.start):
                continue  # "từ 3-5 triệu đồng": a range of numbers
        if a.kind == "mybare":
            bare = bare_year_lead.search(before)
            if not bare or bare.group(0).startswith("(") or _overlaps(refs, a.start, a.end):
                continue  # "Nghị quyết 10/2017": a number, not a month
            a.lead = a.start - len(before) + bare.start()
        if a.kind == "ybare":
            bare = bare_year_lead.search(before)
            if not bare:
                continue
            a.lead = a.start if bare.group(0).startswith("(") else a.start - len(before) + bare.start()
        if a.kind in ("ybare", "yspan") and _overlaps(refs, a.start, a.end):
            continue  # a year inside a citation's symbol
        atoms.append(a)
    return atoms


def _join(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Merge "từ A đến B" into one span; give a bare day the month and year after it."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        gap = text[a.end:b.start] if b else ""
        if b is not None and a.kind == "dayonly" and b.m is not None and b.d is not None:
            a.m, a.y, a.y_known = b.m, b.y, b.y_known
            if not _valid(a.y, a.m, a.d):
                i += 1
                continue
            if _JOIN_SPAN.fullmatch(gap) and a.d < b.d:  # type: ignore[operator]
                out.append(_span(a, b))
                i += 2
                continue
            if _JOIN_LIST.fullmatch(gap):
                out.append(a)
                i += 1
                continue
        if a.kind == "dayonly":
            i += 1
            continue
        if b is not None and b.kind != "dayonly" and _JOIN_SPAN.fullmatch(gap) and (
                _FROM_BEFORE.search(text[max(0, a.lead - 12):a.start]) or "-" in gap or "–" in gap):
            if _same_grain(a, b):
                if a.y is None and b.y is not None and a.value is None:
                    a.y, a.y_known = b.y, True
                out.append(_span(a, b))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _grain(a: _Atom) -> str:
    if a.value is not None:
        return "span"
    return "d" if a.d is not None else "m" if a.m is not None else "y"


def _same_grain(a: _Atom, b: _Atom) -> bool:
    return _grain(a) == _grain(b) and _grain(a) != "span"


def _span(a: _Atom, b: _Atom) -> _Atom:
    joined = _Atom(a.start, b.end, "span", y_known=a.y_known and b.y_known)
    joined.lead = a.lead
    joined.parts = (a, b)
    return joined


def _default_year(doc: Document, atoms: list[_Atom]) -> tuple[dict[int, str], str]:
    """Year per sentence (first year written there) and a document-wide fallback."""
    by_sentence: dict[int, str] = {}
    counts: Counter[str] = Counter()
    targets: Counter[str] = Counter()
    for a in atoms:
        if a.kind in ("yword", "dmy", "dmyw", "my") and a.y is not None:
            si = doc.sentence_index(a.start)
            by_sentence.setdefault(si, str(a.y))
            lead = doc.match_text[a.lead:a.start].lower()
            (targets if "đến" in lead or "tới" in lead else counts)[str(a.y)] += 1
    pool = counts or targets
    fallback = max(pool) if pool else "XXXX"  # news tells of its latest year
    return by_sentence, fallback


def _year_for(doc: Document, a: _Atom, by_sentence: dict[int, str], fallback: str) -> str:
    if doc.published and re.match(r"\d{4}-\d{2}-\d{2}", doc.published):
        py, pm, pd = (int(x) for x in doc.published[:10].split("-"))
        if a.m is not None and (a.m, a.d or 1) > (pm + 1, pd) and pm < 12:
            return str(py - 1)
        return str(py)
    si = doc.sentence_index(a.start)
    return by_sentence.get(si, fallback)


def find_dates(doc: Document) -> list[DateMention]:
    """Every calendar date or span in the document (see module docstring).

    >>> d = Document.from_text("Từ ngày 3 đến 4-1-2019, tại quý I/2022 và giai đoạn 2021-2025.")
    >>> [m.value for m in find_dates(d)]
    ['2019-01-03/2019-01-04', '2022-01/2022-03', '2021/2025']
    """
    text = doc.match_text
    atoms = _find_atoms(doc)
    by_sentence, fallback = _default_year(doc, atoms)
    out: list[DateMention] = []
    for a in _join(text, atoms):
        if a.parts is not None:
            first, second = a.parts
            year2 = str(second.y) if second.y else _year_for(doc, second, by_sentence, fallback)
            year1 = str(first.y) if first.y else year2
            value = f"{_iso(first, year1)}/{_iso(second, year2)}"
        else:
            value = _iso(a, _year_for(doc, a, by_sentence, fallback))
        start, end = a.lead, a.end
        if text[start:a.start].endswith("(") and text[end:end + 1] == ")":
            end += 1  # "Sáng nay (25/12)"
        if text[start:a.start].lower().startswith("thứ") or start == text.rfind("\n", 0, start) + 1:
            t = _TIME_AFTER.match(text, end)
            if t and a.kind in ("dmy", "dm"):
                end = t.end()
        out.append(DateMention(start=start, end=end, text=doc.text[start:end], value=value))
    return out


_STAMP = re.compile(
    r"(?im)^[ \t*_]*(?:(?:cập\s+nhật|ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|xuất\s+bản|ngày)\s*:?\s*)?"
    r"(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*,?\s*)?"
    r"(?:(?:ngày\s+)?(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4}))"
    r"(?:\s*[,|-]?\s*(?:lúc\s+)?\d{1,2}\s*[:h]\s*\d{2}(?:\s*\(?GMT\s*[+-]?\s*\d*\)?)?)?"
    r"[ \t*_]*$")


def find_published(text: str, max_lines: int = 8) -> tuple[int, int, str] | None:
    """A publication stamp on a line of its own near the top: (start, end, ISO date).

    >>> find_published("Tiêu đề\\n\\nThứ hai, 09/05/2022 15:03\\n(ĐCSVN) – ...")
    (9, 34, '2022-05-09')
    >>> find_published("Ngày 9/5, đoàn làm việc.") is None
    True
    """
    head_end = 0
    for _ in range(max_lines):
        nl = text.find("\n", head_end)
        if nl < 0:
            head_end = len(text)
            break
        head_end = nl + 1
    from pipeline.normalise import unify_tone_placement
    head = unify_tone_placement(text[:head_end])
    for m in _STAMP.finditer(head):
        d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        if not _valid(y, mo, d):
            continue
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t*_"))
        end = m.end() - (len(m.group(0)) - len(m.group(0).rstrip(" \t*_")))
        return start, end, f"{y:04d}-{mo:02d}-{d:02d}"
    return None
