"""The header of an official document: who issued it, its number, place, date, type, title, signer.

Every state and party document opens with the same layout (Nghị định
30/2020/NĐ-CP; Hướng dẫn 36-HD/VPTW): issuing body (under its parent) on the
left, the national or party motto on the right, then "Số: 153/KH-UBND" /
"Số 39-NQ/TW" and "Cần Thơ, ngày 17 tháng 11 năm 2025", then the type line
("KẾ HOẠCH") and the capitalised title; it closes with the recipients
("Nơi nhận") and the signature ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / name").
The motto together with a "Số" line is what makes a text an official
document; a news article quoting one never has both.  Scraped copies break
every line and scatter `**` marks, so fields are read on a flattened copy
of the same length and sliced from the text.

>>> from pipeline.model import Document
>>> t = ("**ỦY BAN NHÂN DÂN**\\nTHÀNH PHỐ CẦN THƠ\\n|\\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\\n"
...      "|\\nSố: 153/KH-UBND\\n|\\n*Cần Thơ, ngày 17\\ntháng 11 năm 2025*\\n|\\n**KẾ HOẠCH**\\n"
...      "TRIỂN KHAI CHƯƠNG TRÌNH\\n\\nNội dung.")
>>> h = find_header(Document.from_text(t))
>>> h.issuer, h.number, h.symbol, h.place, h.date, h.doc_type, h.title, h.key
('ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ', '153', 'KH-UBND', 'Cần Thơ', '2025-11-17', 'Kế hoạch', 'TRIỂN KHAI CHƯƠNG TRÌNH', 'KH 153 UBND')
"""
from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from pipeline.extract.citation_keys import make_key, normalise_symbol, symbol_authority
from pipeline.extract.citation_tables import UPPER, doc_types
from pipeline.model import Document
from pipeline.official.mask import flat_copy
from pipeline.official.signature import Signature, find_signature
from pipeline.official.tables import header_types, org_head_regex, org_heads, type_for_code

SCAN = 12_000  # the header sits at the top, after at most a scraped summary of a few KB

MOTTO = re.compile(
    r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM"
    r"|(?i:cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+việt\s+nam)(?=\s+(?i:độc\s+lập))")
NUMBER_LINE = re.compile(
    r"(?<![\w/])(?:Số|SỐ)\s*:?\s*(?P<num>\d{1,6})(?![\d.,]\d)"
    r"(?P<sym>\s{0,2}[-/–]\s{0,2}[\w.&]+(?:\s?[-/–]\s?[\w.&]+){0,5})?")
HEADER_DATE = re.compile(
    r"(?i:ngày)\s+(?P<d>\d{1,2})\s+(?i:tháng)\s+(?P<m>\d{1,2})\s+(?i:năm)\s+(?P<y>(?:19|20)\d\d)"
    r"|(?i:ngày)\s+(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>(?:19|20)\d\d)")
PLACE_TAIL = re.compile(
    rf"(?P<place>(?:TP\.?\s*)?[{UPPER}][\w.]*(?:[ \t\n]+(?:[{UPPER}][\w.]*|phố|-|–)){{0,5}})[ \t\n]*,?[ \t\n]*$")
SUBJECT = re.compile(r"\s*(?:(?i:v/v)|(?i:về việc)|Về)(?![\w])[ \t:]*")
SPACES = re.compile(r"\s+")
_RULE = re.compile(r"^[\s*|_=\-–]*$")


@dataclass(frozen=True)
class Header:
    """The `self` block: what the document says about itself."""

    start: int  # header span: from the issuing body to the end of the title
    end: int
    key: str
    doc_type: str | None
    type_code: str | None
    number: str | None  # "153"
    symbol: str | None  # normalised as ANNOTATION.md: "KH-UBND", "NQ/TW"
    number_symbol: str | None  # as written, spaces removed: "153/KH-UBND"
    issuer: str | None  # "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"
    issuer_parent: str | None  # "BỘ TÀI CHÍNH" above "CỤC THUẾ"
    place: str | None
    date: str | None  # ISO
    title: str | None
    party: bool  # party motto (ĐẢNG CỘNG SẢN VIỆT NAM) rather than the state one
    signature: Signature | None = None
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out = {k: v for k, v in asdict(self).items() if k not in ("signature", "spans")}
        sig = self.signature
        out["signer"] = sig.to_json() if sig else None
        out["recipients"] = list(sig.recipients) if sig else []
        out["spans"] = {k: list(v) for k, v in self.spans.items()}
        return out


def _clean(s: str) -> str:
    return SPACES.sub(" ", s.replace("*", " ").replace("|", " ")).strip(" ,;:.-")


class Squeezed:
    """A window of the text with every `*` removed ("n**ă**m" -> "năm") and a map back.

    >>> q = Squeezed("ab**c*d", 0, 7)
    >>> q.s, q.pos(2), q.span(0, 4)
    ('abcd', 4, (0, 7))
    """

    def __init__(self, text: str, lo: int, hi: int):
        self.text, self.lo = text, lo
        parts, offs = [], []
        for m in _NOT_STAR.finditer(text, lo, hi):
            parts.append(m.group(0))
            offs.extend(range(m.start(), m.end()))
        self.s = "".join(parts)
        self.offs = offs
        self.offs.append(hi)

    def pos(self, i: int) -> int:
        return self.offs[min(i, len(self.offs) - 1)]

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Text span of squeezed [i, j): end is one past the last kept character."""
        return self.pos(i), (self.pos(j - 1) + 1 if j > i else self.pos(i))

    def find(self, text_pos: int) -> int:
        return bisect.bisect_left(self.offs, text_pos)

    def bold_before(self, i: int) -> bool:
        p = self.pos(i)
        return self.text[max(0, p - 2):p] == "**"


_NOT_STAR = re.compile(r"[^*]+")


def split_issuer(cell: str) -> tuple[str | None, str | None]:
    """(issuer, parent) from the flattened body cell, split before the last sub-unit head.

    >>> split_issuer("BỘ TÀI CHÍNH CỤC THUẾ")
    ('CỤC THUẾ', 'BỘ TÀI CHÍNH')
    >>> split_issuer("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU")
    ('ỦY BAN NHÂN DÂN TỈNH LAI CHÂU', None)
    >>> split_issuer("CỤC THUẾ THUẾ TỈNH TÂY NINH")
    ('THUẾ TỈNH TÂY NINH', 'CỤC THUẾ')
    """
    cell = _clean(cell)
    if not cell:
        return None, None
    subs = {h.head for h in org_heads() if h.sub}
    cut = None
    for m in org_head_regex().finditer(cell):
        head = SPACES.sub(" ", m.group(0))
        if (m.start() > 0 and head in subs and len(cell[:m.start()].split()) >= 2
                and len(cell[m.start():].split()) > len(head.split())):
            cut = m.start()
            break
    if cut is None:
        return cell, None
    return cell[cut:].strip(), cell[:cut].strip()


def _lines(q: Squeezed, i: int, j: int) -> list[tuple[int, str]]:
    out, pos = [], i
    for line in q.s[i:j].split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _issuer_cell(q: Squeezed, motto_start: int) -> tuple[str, int | None]:
    """The capitalised lines right above the motto (skipping a "Số" line of a party layout)."""
    got: list[str] = []
    first = None
    for pos, line in reversed(_lines(q, max(0, motto_start - 400), motto_start)):
        s = _clean(line)
        if not s or _RULE.match(line):
            if got and line.strip() == "|":
                break
            continue
        if re.match(r"(?:Số|SỐ)\b", s) and not got:
            continue
        letters = [c for c in s if c.isalpha()]
        if not letters or sum(c.islower() for c in letters) > 2 or len(got) >= 5:
            break
        got.append(s)
        first = pos + len(line) - len(line.lstrip())
    return " ".join(reversed(got)), first


def _symbol(sym: str | None, doc_type: str) -> tuple[str | None, str | None]:
    """(normalised symbol, first code) from the written symbol tail ("/KH-UBND")."""
    if not sym:
        return None, None
    s = sym.strip().rstrip(".")
    first_sep, body = s[0], s[1:].strip()
    pieces = re.split(r"\s*([-/–])\s*", body)
    parts, seps = pieces[0::2], pieces[1::2]
    parts = [p for p in parts if p]
    if not parts:
        return None, None
    return normalise_symbol(first_sep, parts, seps[:len(parts) - 1], doc_type), parts[0]


_TITLE_STOP = re.compile(r"(?:Căn cứ|Kính gửi|Thực hiện|Xét|Ngày|Theo|Trong|Để)\b")


def _type_and_title(q: Squeezed, start: int, limit: int):
    """The type line ("KẾ HOẠCH", maybe broken "NGHỊ / QUYẾT") a few lines after `start`, and the title."""
    types = header_types()
    lines = [(p, ln) for p, ln in _lines(q, start, limit)]
    seen = 0
    for i, (p, line) in enumerate(lines):
        s = _clean(line)
        if not s:
            continue
        seen += 1
        if seen > 8:
            break
        ht, used = types.get(s), 1
        if ht is None and i + 1 < len(lines):
            ht, used = types.get(s + " " + _clean(lines[i + 1][1])), 2
        if ht is None:
            continue
        type_end = lines[i + used - 1][0] + len(lines[i + used - 1][1].rstrip())
        t_start = t_end = None
        parts: list[str] = []
        for p2, l2 in lines[i + used:i + used + 10]:
            c = _clean(l2)
            if not c:
                if parts:
                    break
                continue
            lead = p2 + len(l2) - len(l2.lstrip())
            caps = c.upper() == c
            if parts and q.bold_before(lead):
                break
            if _TITLE_STOP.match(c) or (not parts and q.bold_before(lead) and not caps):
                break
            if not caps and not parts and not re.match(r"(?i:về|v/v)\b", c):
                break
            if parts and not caps and parts[0].upper() == parts[0]:
                break
            parts.append(c)
            t_start = lead if t_start is None else t_start
            t_end = p2 + len(l2.rstrip())
        return ht, (p, type_end), " ".join(parts) or None, (t_start, t_end)
    return None


def _subject(q: Squeezed, lo: int, hi: int):
    """"V/v ..." of a công văn: up to the end of its cell."""
    m = SUBJECT.match(q.s, lo, hi)
    if not m:
        return None
    end = q.s.find("\n|", m.end(), hi)
    end = hi if end < 0 else end
    s = _clean(q.s[m.end():end])
    return (s, m.start(), end) if s else None


def _date(q: Squeezed, lo: int, hi: int, floor: int = 0):
    m = HEADER_DATE.search(q.s, lo, hi)
    if not m:
        return None, None, None
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (
        m.group("d2"), m.group("m2"), m.group("y2"))
    iso = f"{y}-{int(mo):02d}-{int(d):02d}" if 1 <= int(d) <= 31 and 1 <= int(mo) <= 12 else None
    b0 = max(lo, m.start() - 80, floor if floor <= m.start() else 0)
    before = q.s[b0:m.start()]
    cut = max(before.rfind("|"), before.rfind("\n\n"))
    b0 += cut + 1
    pm = PLACE_TAIL.search(q.s[b0:m.start()])
    place = _clean(pm.group("place")) if pm else None
    pstart = b0 + pm.start() if pm else m.start()
    return iso, place, (pstart, m.end())


def find_header(doc: Document) -> Header | None:
    """The header of an official document, or None for any other text (see module doc)."""
    src = doc.match_text or doc.text
    flat = flat_copy(src[:SCAN])
    for motto in MOTTO.finditer(flat):
        lo, hi = max(0, motto.start() - 500), min(len(src), motto.end() + 2500)
        q = Squeezed(src, lo, hi)
        m0, m1 = q.find(motto.start()), q.find(motto.end())
        num = None
        for num in NUMBER_LINE.finditer(q.s, max(0, m0 - 400), min(len(q.s), m1 + 600)):
            break
        if num is None:
            continue
        return _parse(doc, q, motto.group(0), m0, m1, num)
    return None


def _parse(doc: Document, q: Squeezed, motto: str, m0: int, m1: int, num: re.Match) -> Header:
    text = doc.text
    party = motto.upper().startswith("ĐẢNG")
    cell, cell_start = _issuer_cell(q, m0)
    issuer, parent = split_issuer(cell)
    after = max(num.end(), m1)
    iso, place, dspan = _date(q, min(num.start(), m1), min(len(q.s), after + 400), after)
    body_from = max(after, dspan[1] if dspan else after)
    tt = _type_and_title(q, body_from, min(len(q.s), body_from + 1500))
    spans: dict[str, tuple[int, int]] = {"number": q.span(num.start(), num.end())}
    if dspan:
        spans["date"] = q.span(*dspan)
    sym_written = num.group("sym")
    title, end = None, body_from
    doc_type = type_code = None
    if tt:
        ht, (ts, te), title, (t0, t1) = tt
        doc_type, type_code = ht.doc_type, ht.type_code
        spans["type"] = q.span(ts, te)
        end = t1 if t1 else te
        if t0 is not None:
            spans["title"] = q.span(t0, t1)
    symbol, first_code = _symbol(sym_written, doc_type or "")
    code_type = type_for_code(first_code) if first_code else None
    if code_type is not None and code_type.code_wins:
        doc_type, type_code = code_type.doc_type, code_type.type_code
    subj = _subject(q, num.end(), min(len(q.s), body_from + 600))
    if doc_type is None:
        letter = subj is not None or re.search(r"(?i:kính\s+gửi)", q.s[after:body_from + 600])
        if code_type is not None and not letter:
            doc_type, type_code = code_type.doc_type, code_type.type_code
        else:
            doc_type, type_code = "Công văn", doc_types()["Công văn"].type_code
    if subj and (doc_type == "Công văn" or title is None):
        title = title or subj[0]
        spans["title"] = q.span(subj[1], subj[2])
    authority = symbol_authority(symbol, doc_type)
    if code_type is not None and code_type.code_wins and authority == code_type.type_code and symbol:
        authority = symbol_authority(symbol.split("-", 1)[-1], doc_type)  # "VBHN-BQP" -> BQP
    if authority is None and doc_type in doc_types():
        authority = doc_types()[doc_type].implied_authority
    number = num.group("num")
    key = make_key(type_code, number, authority)
    start = q.pos(min(cell_start if cell_start is not None else m0, m0, num.start()))
    hend = q.span(0, max(end, num.end()))[1]
    spans["header"] = (start, hend)
    sig = find_signature(text, hend)
    if sig is not None:
        spans["signature"] = (sig.start, sig.end)
    written = number + re.sub(r"\s+", "", sym_written).rstrip(".") if sym_written else number
    return Header(start=start, end=hend, key=key, doc_type=doc_type, type_code=type_code,
                  number=number, symbol=symbol, number_symbol=written, issuer=issuer,
                  issuer_parent=parent, place=place, date=iso, title=title, party=party,
                  signature=sig, spans=spans)
