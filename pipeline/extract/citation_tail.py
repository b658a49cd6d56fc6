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

from pipeline.extract.citation_grammar import TAIL_DATE, TAIL_ISSUER_LEAD, TERM, TITLE_OPEN
from pipeline.extract.citation_keys import parse_date, term_roman
from pipeline.extract.citation_tables import issuers


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


def match_issuer(text: str, pos: int, bare: bool = False) -> IssuerHit | None:
    """The issuer written at `pos` (first table row that matches), normalised."""
    for row in issuers():
        if bare and not row.bare:
            continue
        m = row.pattern.match(text, pos)
        if not m:
            continue
        groups = m.groupdict()
        place = groups.get("place")
        if row.name == "{m}":
            name = _cap(_clean(m.group(0)))
        else:
            unit = groups.get("unit")
            name = row.name.replace("{unit}", _cap(_clean(unit)) if unit else "")
            if place:
                name += " " + _clean(place)
        return IssuerHit(m.end(), name, row.authority)
    return None


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
                d = parse_date(m.group("d"), published_year) if m.group("d") else m.group("y")
                if d:
                    tail.date, tail.end, progressed = d, m.end(), True
        if tail.issuer is None:
            lead = TAIL_ISSUER_LEAD.match(text, tail.end)
            if lead:
                kw = lead.group("kw")
                if kw or allow_bare_issuer:
                    hit = match_issuer(text, lead.end(), bare=not kw)
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
