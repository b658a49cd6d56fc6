"""Dates: calendar days, months, quarters, years and spans, with ISO values.

A grammar over `doc.match_text` in three passes:

1. *atoms*: "17-3-2021", "17 tháng 3 năm 2021", "21/7", "tháng 3/2021",
   "ngày 29/62001" (a slash lost between month and year, read after "ngày"),
   "tháng Tám năm 1945", "quý I/2022", "6 tháng đầu năm 2023", "năm 2018",
   "2016-2020" ...;
2. *joins*: "từ A đến B" is one span ("từ năm 2007 đến năm 2014" ->
   "2007/2014", "từ năm 2015 đến đầu tháng 3/2018" -> "2015/2018-03", "từ 0h
   ngày 4-2 đến 23h30 ngày 6-2"), a bare day before "đến"/"và" borrows the
   month and year of the date after it ("từ 28 đến 30-5", "ngày 20 và 21/8/2019");
3. *leads*: the words in front that make the date ("ngày", "Sáng",
   "Thứ hai,", "từ", "trước", "đến cuối", "giai đoạn") are added to the span;
   "vào" and "trong" are not (the annotators' call), nor anything across a line.

Values (ANNOTATION.md "Dates"): "2021-03-17", "2017-07", "2018",
"2021/2025".  Decisions not fixed by the guide:

- a quarter is the span of its months: "quý I/2022" -> "2022-01/2022-03";
  "6 tháng đầu năm 2023" -> "2023-01/2023-06", "nửa cuối năm 2022" ->
  "2022-07/2022-12"; "cuối năm 2017" stays "2017" (as in the gold);
- a day or month without a year takes the publication year, else the year the
  text sets for that event, else "XXXX" (see `date_years.YearSetter`): a year inside a
  citation (its symbol or signing date) never sets the year of the news;
- a bare day/month ("21/7") needs a word in front ("ngày", "Sáng", "từ",
  "vào", ...), parentheses or a date it is joined to, so ratios and scores
  ("3/4") are left alone; a bare 4-digit year needs a year word ("SN 1959",
  "trước 2020", "thường niên 2018", "Kỷ Hợi 2019"), parentheses ("(1789)"), a
  year before it in a list ("năm 2016, 2017 và 2018"), a span ("2016-2020")
  or the end of a law's name ("luật Bảo hiểm xã hội 2014");
- years inside reference symbols ("54/2017/QH14") never match (a "/" touches
  them); a signing date in a reference ("ngày 19-12-2016") is a date.

>>> d = Document.from_text("Sáng 21/7, hội nghị bàn việc đến cuối năm 2017.")
>>> [(m.text, m.value) for m in find_dates(d)]
[('Sáng 21/7', '2017-07-21'), ('đến cuối năm 2017', '2017')]
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.extract.numbers import load_table
from pipeline.extract.date_stamps import find_published  # noqa: F401  (metadata reads it here)
from pipeline.extract.date_years import YearSetter
from pipeline.model import DateMention, Document

_END = r"(?![\w]|[/.,-]\d)"  # nothing glued after: not "2017/QH14", not "1.950"
_BEGIN = r"(?<![\w/.,-])"  # nothing glued before
_Y = r"\d{4}"

# Every form starts a word with a digit or one of these words: testing that first
# lets the scan skip other positions without trying each branch.
_ATOMS_TEMPLATE = r"""(?ix)(?<!\w)(?=\d|tháng|quý|nửa|năm|ba|sáu|chín)(?:
 (?P<dayrange>{B}(?P<r_d1>\d{{1,2}})\s*[-–]\s*(?P<r_d2>\d{{1,2}})\s*/\s*(?P<r_m>\d{{1,2}})
     (?:\s*/\s*(?P<r_y>{Y}))?{E})
|(?P<dmy>{B}(?P<a_d>\d{{1,2}})[ ]?(?P<a_sep>[/.-])[ ]?(?P<a_m>\d{{1,2}})[ ]?(?P=a_sep)[ ]?(?P<a_y>{Y}){E})
|(?P<dmyw>{B}(?P<b_d>\d{{1,2}})\s+tháng\s+(?P<b_m>\d{{1,2}})(?:\s*,?\s*năm\s+|\s*[/.-]\s*)(?P<b_y>{Y}){E})
|(?P<dmw>(?<=ngày\s)(?P<c_d>\d{{1,2}})\s+tháng\s+(?P<c_m>\d{{1,2}})(?!\d))
|(?P<dmglued>(?<=ngày\s)(?P<z_d>\d{{1,2}})/(?P<z_m>\d{{1,2}}?)(?P<z_y>(?:19|20)\d\d)(?![\w]|[/.,-]\d))
|(?P<dm>{B}(?P<e_d>\d{{1,2}})[ ]?(?P<e_sep>[/-])[ ]?(?P<e_m>\d{{1,2}})(?![\w%]|[/.,-]\d|\s*%))
|(?P<monthrange>(?<!\w)tháng\s+(?P<t_m1>\d{{1,2}})\s*[-–]\s*(?P<t_m2>\d{{1,2}})\s*[/.-]\s*(?P<t_y>{Y}){E})
|(?P<my>(?<!\w)tháng\s+(?P<f_m>\d{{1,2}})(?:\s*[/.-]\s*|\s*,?\s*năm\s+)(?P<f_y>{Y}){E})
|(?P<mywords>(?<!\w)tháng\s+(?P<n_m>{MONTHS})\s*,?\s*năm\s+(?P<n_y>{Y}){E})
|(?P<mybare>{B}(?P<k_m>\d{{1,2}})/(?P<k_y>{Y}){E})
|(?P<quarter>(?<!\w)quý\s+(?P<q>IV|I{{1,3}}|[1-4])(?!\w)(?:(?:\s*[/.-]\s*|\s*,?\s*năm\s+)(?P<q_y>{Y}){E}|\s+năm\s+(?P<q_now>nay)(?!\w))?)
|(?P<part>(?<!\w)(?P<p_n>\d{{1,2}}|ba|sáu|chín)\s+tháng\s+(?P<p_w>đầu|cuối)\s+năm(?:\s+(?P<p_y>{Y}){E}|\s+(?P<p_now>nay)(?!\w))?)
|(?P<half>(?<!\w)nửa\s+(?P<h_w>đầu|cuối)\s+năm(?:\s+(?P<h_y>{Y}){E}|\s+(?P<h_now>nay)(?!\w))?)
|(?P<month>(?<!\w)(?<!\d\s)(?<!mạng\s)tháng\s+(?P<g_m>\d{{1,2}})(?![\w]|[/.,-]\d|\s+(?:năm\s+)?\d))
|(?P<yspan>{B}(?P<s_a>{Y})\s*[-–—]\s*(?P<s_b>{Y}){E})
|(?P<yword>(?<!\w)năm\s+(?P<w_y>{Y}){E}(?!\s*[-–—]\s*\d{{4}}))
|(?P<ybare>{B}(?P<x_y>(?:1\d|20)\d\d){E})
|(?P<dayonly>(?:(?<=ngày\s)|(?<=từ\s)|(?<=\())(?P<o_d>\d{{1,2}})(?=\s*(?:đến|tới|và|,|-|–)\s*(?:ngày\s+)?\d))
)"""


@lru_cache(maxsize=1)
def _atoms_re() -> re.Pattern[str]:
    months = sorted((p for p, _ in _words()["monthname"]), key=len, reverse=True)
    return re.compile(_ATOMS_TEMPLATE.format(
        B=_BEGIN, E=_END, Y=_Y, MONTHS="|".join(r"\s+".join(p.split()) for p in months)))


@lru_cache(maxsize=1)
def _words() -> dict[str, list[tuple[str, str]]]:
    """role -> [(phrase, value)] from date_words.tsv."""
    out: dict[str, list[tuple[str, str]]] = {}
    for phrase, role, value, *_ in load_table("date_words.tsv", 4):
        out.setdefault(role, []).append((phrase, value))
    return out


_S = r"[^\S\n]"  # a space that does not cross a line: leads never reach into the line above
_TIME = rf"\d{{1,2}}{_S}*(?:h|giờ|:){_S}*(?:\d{{1,2}})?(?:{_S}*phút)?"  # "0h", "23h30", "9 giờ"


@lru_cache(maxsize=1)
def _month_names() -> dict[str, str]:
    return dict(_words()["monthname"])


def _alt(role: str) -> str:
    phrases = sorted((p for p, _ in _words()[role]), key=len, reverse=True)
    return "|".join(f"{_S}+".join(map(re.escape, p.split())) for p in phrases)


@lru_cache(maxsize=1)
def _lead_patterns() -> tuple[re.Pattern[str], ...]:
    """Regexes anchored at the end of the text before a date: its lead words, and the cues
    ("vào", "trong") that make a bare form a date without joining its span."""
    day_lead = re.compile(rf"""(?ix)(?<!\w)(?:
        (?:(?:{_alt('weekday')}){_S}*,?{_S}*)?
        (?:(?:{_alt('daypart')}){_S}*[,(]?{_S}*)?
        (?:(?:{_alt('lead')}){_S}+(?:{_TIME}{_S}+)?)?
        (?:ngày{_S}+|(?:đầu|giữa|cuối|hết){_S}+)?
        )$""")
    year_lead = re.compile(rf"""(?ix)(?<!\w)(?:
        (?:(?:{_alt('lead')}){_S}+)?
        (?:(?:đầu|giữa|cuối|hết){_S}+)?
        (?:(?:{_alt('spanlead')}){_S}*\(?{_S}*)?
        )$""")
    bare_year_lead = re.compile(
        rf"(?i)(?<!\w)(?:(?:{_alt('yearlead')}|{_alt('spanlead')}){_S}*[(]?"
        rf"|(?:(?:{_alt('lead')}){_S}+)?(?:đầu|giữa|cuối)|(?:{_alt('lead')}){_S}+hết"  # "từ cuối 2016", "Đến hết 2021"
        rf"|(?:{_alt('stem')}){_S}+(?:{_alt('branch')})){_S}*$"
        rf"|\({_S}*$")
    cue = re.compile(rf"(?i)(?<!\w)(?:{_alt('cue')}){_S}+$")
    span_from = re.compile(rf"(?i)(?<!\w)(?:{_alt('spanlead')}){_S}+$")
    return day_lead, year_lead, bare_year_lead, cue, span_from


@lru_cache(maxsize=1)
def _span_named() -> re.Pattern[str]:
    """Words in front of a year that make "A đến B" one span without "từ": "giai đoạn
    2013 đến 2017", "các năm 2016 đến 2020"."""
    return re.compile(rf"(?i)(?<!\w)(?:{_alt('spanlead')}|những|các)(?:{_S}+năm)?{_S}*\(?{_S}*$")


@lru_cache(maxsize=1)
def _event_before() -> re.Pattern[str]:
    """The head of an event's name before its year ("Hội nghị Bất động sản quốc tế 2018",
    "cuộc thi Hoa hậu Đại dương 2017"): up to six words, no digit or punctuation."""
    return re.compile(rf"(?i)(?<!\w)(?:{_alt('event')})(?:{_S}+[^\W\d_]+){{0,6}}?{_S}+$")


_TIME_AFTER = re.compile(r"\s*,?\s*(?:lúc\s+)?\d{1,2}\s*[:h]\s*\d{2}(?:\s*\(?GMT\s*[+-]?\s*\d*\)?)?(?!\d)")
_DAY_WORD = re.compile(r"(?i)ngày|sáng|chiều|tối|trưa|đêm|khuya|hôm|thứ|chủ nhật")
_FROM_BEFORE = re.compile(rf"(?i)(?<!\w)(?:từ|kể từ){_S}+(?:những{_S}+)?(?:{_TIME}{_S}+)?(?:ngày{_S}+)?$")
_JOIN_SPAN = re.compile(
    rf"(?i){_S}*(?:đến|tới|-|–|—){_S}*(?:(?:hết|cuối|đầu|giữa){_S}+)?(?:{_TIME}{_S}+)?(?:ngày{_S}+)?")
_JOIN_LIST = re.compile(rf"(?i){_S}*(?:,|và|,{_S}*và){_S}*(?:ngày{_S}+)?")
_JOIN_AND = re.compile(rf"(?i){_S}*(?:,{_S}*)?và{_S}*(?:ngày{_S}+)?")
_WORD_AFTER = re.compile(rf"{_S}*[^\W\d_]")
_YEAR_LIST = re.compile(rf"(?i){_S}*(?:,{_S}*(?:và{_S}+)?|và{_S}+|hoặc{_S}+)")
_LAW_TYPES = frozenset({"Luật", "Bộ luật", "Hiến pháp"})
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
    law: bool = False  # the year of a code's version ("BLHS 2015"): no year of the story
    named: bool = False  # the year of a named event ("IREC 2018"): weak evidence of the story's
    now: bool = False  # "3 tháng đầu năm nay": the publication year, never one borrowed


def _valid(y: int | None, m: int | None, d: int | None, loose: bool = False) -> bool:
    """A real calendar date; `loose` lets a written full date keep a day its month lacks
    ("31/6/2017": the writer's slip, still plainly a date, kept as written)."""
    if y is not None and not 1000 <= y <= 2100:
        return False
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None:
        if m is None or not 1 <= d <= 31:
            return False
        return loose or d <= calendar.monthrange(y if y is not None else 2000, m)[1]
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
    if k in ("dmy", "dmyw", "dmw", "dm", "dayonly", "dmglued"):
        p = {"dmy": "a", "dmyw": "b", "dmw": "c", "dm": "e", "dayonly": "o", "dmglued": "z"}[k]
        y = _int(g(f"{p}_y")) if p in "abz" else None
        mo = _int(g(f"{p}_m")) if p != "o" else None
        d = int(g(f"{p}_d"))
        if k == "dayonly":
            return _Atom(s, e, k, None, None, d, y_known=False) if 1 <= d <= 31 else None
        return _Atom(s, e, k, y, mo, d, y_known=y is not None) if _valid(y, mo, d, loose=y is not None) else None
    if k == "monthrange":
        y, m1, m2 = int(g("t_y")), int(g("t_m1")), int(g("t_m2"))
        if not (_valid(y, m1, None) and _valid(y, m2, None) and m1 < m2):
            return None
        a = _Atom(s, e, k, y)
        a.value = f"{{Y}}-{m1:02d}/{{Y}}-{m2:02d}"
        return a
    if k == "mywords":
        mo = int(_month_names()[" ".join(g("n_m").lower().split())])
        return _Atom(s, e, k, int(g("n_y")), mo)
    if k in ("my", "month", "mybare"):
        y = _int(g("f_y") or g("k_y"))
        mo = int(g("f_m") or g("g_m") or g("k_m"))
        return _Atom(s, e, k, y, mo, y_known=y is not None) if _valid(y, mo, None) else None
    if k == "quarter":
        q = g("q").upper()
        q_n = _ROMAN_Q.get(q) or int(q)
        y = _int(g("q_y"))
        first, last = 3 * q_n - 2, 3 * q_n
        a = _Atom(s, e, k, y, y_known=y is not None, now=bool(g("q_now")))
        a.value = f"{{Y}}-{first:02d}/{{Y}}-{last:02d}"
        return a if _valid(y, None, None) else None
    if k in ("part", "half"):
        y = _int(g("p_y") if k == "part" else g("h_y"))
        n = g("p_n").lower() if k == "part" else "6"
        n_val = {"ba": 3, "sáu": 6, "chín": 9}.get(n) or int(n)
        if not 1 <= n_val <= 11:
            return None
        first, last = (1, n_val) if (g("p_w") or g("h_w")).lower() == "đầu" else (13 - n_val, 12)
        a = _Atom(s, e, k, y, y_known=y is not None, now=bool(g("p_now") or g("h_now")))
        a.value = f"{{Y}}-{first:02d}/{{Y}}-{last:02d}"
        return a if _valid(y, None, None) else None
    if k == "yspan":
        a_y, b_y = int(g("s_a")), int(g("s_b"))
        if not (_valid(a_y, None, None) and _valid(b_y, None, None) and 0 < b_y - a_y <= 300):
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
    day_lead, year_lead, bare_year_lead, cue, span_from = _lead_patterns()
    refs = doc.references
    ref_spans = [(r.start, r.end) for r in refs]
    atoms: list[_Atom] = []
    for m in _atoms_re().finditer(text):
        a = _atom(m)
        if a is None:
            continue
        before = text[max(0, a.start - 48):a.start]
        is_year = a.kind in ("yspan", "yword", "ybare", "quarter", "part", "half")
        lead = (year_lead if is_year else day_lead).search(before)
        a.lead = a.start - (len(lead.group(0)) if lead else 0)
        prev = atoms[-1] if atoms else None
        if a.kind == "dm":
            wrapped = before.endswith("(") and text[a.end:a.end + 1] == ")"
            dashed = m.group("e_sep") == "-"
            if (a.lead == a.start or dashed) and not wrapped and not _after_date(text, prev, a):
                if a.lead == a.start and not cue.search(before):
                    continue  # "3/4", "213/210": a ratio, not a day
                if dashed and not _DAY_WORD.search(text, a.lead, a.start):
                    continue  # "từ 3-5 triệu đồng": a range of numbers
        if a.kind == "mybare":
            bare = bare_year_lead.search(before)
            if not bare or bare.group(0).startswith("(") or _overlaps(ref_spans, a.start, a.end):
                continue  # "Nghị quyết 10/2017": a number, not a month
            a.lead = a.start - len(before) + bare.start()
        if a.kind == "ybare":
            if not _bare_year(a, before, text, prev, refs, bare_year_lead, cue):
                continue
        elif a.kind == "yspan":
            if _overlaps(ref_spans, a.start, a.end):
                continue  # a year inside a citation's symbol
            first, last = (int(x) for x in a.value.split("/"))  # type: ignore[union-attr]
            if last - first > 50 and a.lead == a.start and not (
                    before.endswith("(") and text[a.end:a.end + 1] == ")"):
                continue  # "1000-2000": numbers; "(1789-2019)" is an anniversary's span
        if text[a.lead:a.lead + 3].lower() == "từ ":
            named = span_from.search(text, max(0, a.lead - 20), a.lead)
            a.lead = named.start() if named else a.lead  # "giai đoạn từ 1/1/2015 đến ..."
        atoms.append(a)
    return atoms


def _after_date(text: str, prev: _Atom | None, a: _Atom) -> bool:
    """Whether `a` is the second date of a pair ("từ 13/4 - 30/6", "ngày 6/2 và 5/2").
    After a bare number without "ngày" ("(28 đến 30-5)") no noun may follow: "từ 3 đến
    5-7 người" counts people."""
    if prev is None or prev.kind in ("yword", "ybare", "yspan") or not (
            _JOIN_SPAN.fullmatch(text, prev.end, a.start) or _JOIN_AND.fullmatch(text, prev.end, a.start)):
        return False
    if prev.kind == "dayonly" and "ngày" not in text[prev.lead:prev.start].lower():
        return not _WORD_AFTER.match(text, a.end)
    return True


def _bare_year(a: _Atom, before: str, text: str, prev: _Atom | None, refs: list,
               bare_year_lead: re.Pattern[str], cue: re.Pattern[str]) -> bool:
    """Whether a bare 4-digit number is a year, setting its lead: a year word ("SN 1959",
    "Kỷ Hợi 2019"), parentheses ("(1789)"), a list after a year ("2016, 2017 và 2018"),
    a cue ("trong 2021") or the end of a law's name ("luật Bảo hiểm xã hội 2014")."""
    inside = [r for r in refs if r.start < a.end and a.start < r.end]
    if inside:
        return all(r.doc_type in _LAW_TYPES for r in inside) and not before.endswith(("/", "số "))
    bare = bare_year_lead.search(before)
    if bare:
        if bare.group(0).startswith("("):
            a.lead = a.start
        else:
            a.lead = a.start - len(before) + bare.start()
        return a.y is not None and (a.y >= 1800 or bare.group(0).startswith("("))
    if a.y is None or a.y < 1800:
        return False
    listed = prev is not None and prev.kind in ("yword", "ybare") and _YEAR_LIST.fullmatch(text, prev.end, a.start)
    if listed or cue.search(before):
        return True
    last = _LAST_WORD.search(before)
    if last and last.group(1).isupper() and not set(last.group(1)) <= _ROMAN:
        a.law = last.group(1).startswith(("BL", "L"))  # "BLHS 2015": a code's version
        a.named = not a.law
        return True  # "IREC 2018", "ASIAD 2018", "GDP 2016"
    a.named = _names_event(before)
    return a.named


_LAST_WORD = re.compile(r"(?<!\w)([^\W\d_]{2,})[ ]$")
_ROMAN = frozenset("IVXLCDM")
_NOT_IN_NAMES = re.compile(
    r"(?i)(?<!\w)(?:năm|số|lần|khóa|là|có|gồm|được|đã|sẽ|với|và|của|tại|cho|đạt|hơn|khoảng|gần|trên)(?!\w)")


def _names_event(before: str) -> bool:
    """Whether a bare year ends an event's name headed by an event word ("Hội nghị Bất
    động sản quốc tế 2018", "giải Nữ hoàng thương hiệu Việt Nam 2019", "Giải báo chí
    quốc gia 2018"). The name is capitalised and made of nouns: "giải thích ... quyết
    định 2016" and "dự Giải là 1845 tác phẩm" are no names."""
    named = _event_before().search(before)
    if not named or _NOT_IN_NAMES.search(named.group(0)):
        return False
    words = named.group(0).split()
    return any(c.isupper() for c in named.group(0)[1:]) or (words[0][0].isupper() and len(words) >= 3)


def _join(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Merge "từ A đến B" into one span; give a bare day the month and year after it."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and a.kind == "dayonly" and b.m is not None and b.d is not None:
            a.m, a.y, a.y_known = b.m, b.y, b.y_known
            if not _valid(a.y, a.m, a.d):
                i += 1
                continue
            if _JOIN_SPAN.fullmatch(text, a.end, b.start) and a.d < b.d:  # type: ignore[operator]
                out.append(_span(a, b))
                i += 2
                continue
            if _JOIN_LIST.fullmatch(text, a.end, b.start):
                out.append(a)
                i += 1
                continue
        if a.kind == "dayonly":
            i += 1
            continue
        if b is not None and b.kind != "dayonly" and _JOIN_SPAN.fullmatch(text, a.end, b.start):
            written_from = bool(_FROM_BEFORE.search(text[max(0, a.lead - 20):a.start]))
            dashed = any(c in text[a.end:b.start] for c in "-–—")
            # "giai đoạn 2013 đến 2017", "giai đoạn 2011 đến tháng 6/2014"; "năm 2020, 2021 đến 2030"
            named = _grain(a) == "y" and bool(_span_named().search(text, max(0, a.lead - 20), a.start))
            listed = _grain(a) == _grain(b) == "y" and a.kind == "ybare" and a.lead == a.start
            if (written_from or dashed or named or listed) and (_same_grain(a, b) or (
                    (written_from or named) and "span" not in (_grain(a), _grain(b)))):
                if a.y is None and b.y is not None and a.value is None:
                    a.y, a.y_known = b.y, True
                    if b.m is not None and (a.m or 0, a.d or 0) > (b.m, b.d or 0):
                        a.y -= 1  # "từ 20h ngày 31/12 đến 4h ngày 1/1/2018"
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


def find_dates(doc: Document) -> list[DateMention]:
    """Every calendar date or span in the document (see module docstring).

    >>> d = Document.from_text("Từ ngày 3 đến 4-1-2019, tại quý I/2022 và giai đoạn 2021-2025.")
    >>> [m.value for m in find_dates(d)]
    ['2019-01-03/2019-01-04', '2022-01/2022-03', '2021/2025']
    """
    text = doc.match_text
    atoms = _find_atoms(doc)
    joined = _join(text, atoms)
    years = YearSetter(doc, atoms, joined)
    out: list[DateMention] = []
    for a in joined:
        if a.parts is not None:
            first, second = a.parts
            if second.y is None and first.y is not None and first.value is None:
                later = second.m is not None and first.m is not None and (second.m, second.d or 0) < (first.m, first.d or 0)
                year2 = str(first.y + later)
            else:
                year2 = str(second.y) if second.y else years.year(second)
            year1 = str(first.y) if first.y else year2
            if first.y is None and year2.isdigit() and first.m is not None and second.m is not None and (
                    first.m, first.d or 0) > (second.m, second.d or 0):
                year1 = str(int(year2) - 1)  # "từ 31/12 đến 1/1": the span crosses a new year
            value = f"{_iso(first, year1)}/{_iso(second, year2)}"
        else:
            value = _iso(a, years.year(a) if a.y is None else "")
        start, end = a.lead, a.end
        if text[start:a.start].endswith("(") and text[end:end + 1] == ")":
            end += 1  # "Sáng nay (25/12)"
        if text[start:a.start].lower().startswith("thứ") or start == text.rfind("\n", 0, start) + 1:
            t = _TIME_AFTER.match(text, end)
            if t and a.kind in ("dmy", "dm"):
                end = t.end()
        out.append(DateMention(start=start, end=end, text=doc.text[start:end], value=value))
    return out
