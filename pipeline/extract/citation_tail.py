"""What follows a citation: signing date, issuer clause, term of office, quoted title.

Real citations put these in varying order and punctuation ("Chỉ thị số
05-CT/TW, ngày 15-5-2016, của Bộ Chính trị khóa XII", "Thông tư số
22/2016/TT-BTC do Bộ Tài chính ban hành ngày 16/02/2016"), so the tail is
read as a loop: at each step try a date, an issuer, a term; stop when none
matches.  A comma is only swallowed when something that belongs to the
citation follows it.

>>> t = read_tail("Quy định số 55-QĐ/TƯ ngày 19-12-2016 của Bộ Chính trị về", 20)
>>> t.end, t.date, t.issuer, t.authority
(53, '2016-12-19', 'Bộ Chính trị', 'TW')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.extract.citation_grammar import (
    ISSUER_VERB, PLENUM_APPOSITION, TAIL_DATE, TAIL_ISSUER_LEAD, TERM, TITLE_OPEN,
)
from pipeline.extract.citation_keys import parse_date, term_roman
from pipeline.extract.citation_tables import issuer_heads, issuers


@dataclass
class Tail:
    end: int
    date: str | None = None
    issuer: str | None = None
    authority: str | None = None
    term: str | None = None  # Roman numeral


@dataclass(frozen=True)
class IssuerHit:
    end: int
    name: str
    authority: str


def _clean(s: str) -> str:
    return re.sub(r"[\s*]+", " ", s).strip()


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _initials_authority(abbr: str) -> str:
    """"TN - MT" -> "BTNMT", "VH, TT & DL" -> "BVHTTDL": B and the ministry's initials."""
    return "B" + re.sub(r"[^A-ZĐ]", "", abbr)


def _unit_initials(unit: str) -> str:
    """"Xây dựng" -> "XD", "Kế hoạch và Đầu tư" -> "KHĐT": the initials of a department's name."""
    return "".join(w[0].upper() for w in re.findall(r"[^\W\d_]+", unit) if w.lower() != "và")


@lru_cache(maxsize=1)
def _full_name_by_authority() -> dict[str, str]:
    return {row.authority: row.name for row in issuers() if "{" not in row.name + row.authority}


def _match_body(text: str, pos: int, bare: bool) -> IssuerHit | None:
    for row in issuers():
        if bare and not row.bare:
            continue
        m = row.pattern.match(text, pos)
        if not m:
            continue
        groups = m.groupdict()
        place = groups.get("place")
        authority = row.authority
        if groups.get("abbr"):
            authority = _initials_authority(groups["abbr"])
            name = _full_name_by_authority().get(authority) or _cap(_clean(m.group(0)))
        elif row.name == "{m}":
            name = _cap(_clean(m.group(0)))
        else:
            unit = groups.get("unit")
            name = row.name.replace("{unit}", _cap(_clean(unit)) if unit else "")
            if "{initials}" in authority:  # "Sở Xây dựng" -> SXD, as its symbols write it
                authority = authority.replace("{initials}", _unit_initials(unit or ""))
            if place:
                name += " " + _clean(place)
        return IssuerHit(m.end(), name, authority)
    return None


def match_issuer(text: str, pos: int, bare: bool = False) -> IssuerHit | None:
    """The issuer written at `pos` (first table row that matches), normalised.

    A head's title before the body ("Bộ trưởng bộ GTVT", "Chánh án TAND Tối cao") is kept in
    the name; the authority is the body's.  Only after "của"/"do" (not `bare`).

    >>> h = match_issuer("Bộ trưởng bộ VH, TT & DL về", 0)
    >>> h.name, h.authority, h.end
    ('Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch', 'BVHTTDL', 24)
    """
    if not bare:
        head = issuer_heads().match(text, pos)
        if head:
            body = _match_body(text, head.end(), bare=False)
            if body:
                return IssuerHit(body.end, f"{_cap(_clean(head.group('head')))} {body.name}", body.authority)
    return _match_body(text, pos, bare)


def read_tail(text: str, pos: int, published_year: str | None = None,
              allow_bare_issuer: bool = True) -> Tail:
    """Date, issuer and term written after a citation ending at `pos`."""
    tail = Tail(end=pos)
    for _ in range(4):
        progressed = False
        if tail.date is None:
            m = TAIL_DATE.match(text, tail.end)
            if m and m.group("comma") and tail.issuer is not None:
                m = None  # "..., ngày 19/4/2023" after the issuer dates the event, not the document
            if m:
                # a day and month with no year and no publication date: "XXXX-MM-DD" (ANNOTATION.md);
                # the resolver gives it the year of a full date of the same document, if any
                if m.group("d"):
                    d = parse_date(m.group("d"), published_year or "XXXX")
                elif m.group("m"):
                    month = int(m.group("m"))
                    d = f"{m.group('my')}-{month:02d}" if 1 <= month <= 12 else None
                else:
                    d = m.group("y")
                if d:
                    tail.date, tail.end, progressed = d, m.end(), True
        if tail.issuer is None:
            lead = TAIL_ISSUER_LEAD.match(text, tail.end)
            if lead:
                kw = lead.group("kw")
                if kw or allow_bare_issuer:
                    hit = match_issuer(text, lead.end(), bare=not kw)
                    verb = hit and kw and kw.lower() in ("do", "mà", "được") and ISSUER_VERB.match(text, hit.end)
                    if hit and (verb or kw is None or kw.lower() not in ("mà", "được")):
                        tail.issuer, tail.authority = hit.name, hit.authority
                        tail.end, progressed = (verb.end() if verb else hit.end), True
            if tail.issuer is None:
                ap = PLENUM_APPOSITION.match(text, tail.end)
                hit = ap and match_issuer(text, ap.end())
                if hit:
                    tail.issuer, tail.authority = hit.name, hit.authority
                    tail.end, progressed = hit.end, True
        if tail.term is None:
            m = TERM.match(text, tail.end)
            if m:
                tail.term = term_roman(m.group("t1") or m.group("t2"))
                tail.end, progressed = m.end(), True
        if not progressed:
            break
    return tail


_QUOTES = re.compile(r"[“”]")


def read_title(text: str, pos: int) -> str | None:
    """A quoted title right after the citation ("về “…”"), nested quotes allowed."""
    m = TITLE_OPEN.match(text, pos)
    if not m:
        return None
    start = m.end()
    limit = min(len(text), start + 600)
    if m.group("q") == '"':
        end = text.find('"', start, limit)
    else:
        depth, end = 1, -1
        for q in _QUOTES.finditer(text, start, limit):
            depth += 1 if q.group(0) == "“" else -1
            if depth == 0:
                end = q.start()
                break
    if end <= start or "\n" in text[start:end]:
        return None
    title = _clean(text[start:end])
    return title or None
