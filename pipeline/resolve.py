"""Resolve short-form references to the identity of their full citation (stage after references).

A short form ("Nghị quyết 39", "Chương trình 01", "Nghị quyết Trung ương 4",
"Nghị quyết Đại hội Đảng bộ thành phố") carries an unknown part in its key
("?").  It takes, in order: the key and symbol of a full citation of the same
type and number in the same document (the first one in text order); else the
authority of the issuer named with it (already in its key); else a corpus
registry, if one is passed; else it keeps "?".  Short forms without a symbol
take the symbol of the first citation of the same key that gives one
(DECISIONS.md: "NQ 54" -> "NQ/QH14"), and a signing date written without a year
("ngày 1/3" -> "XXXX-03-01") the year of the same day and month given to that document
elsewhere.  A plenum resolution without a term takes
the term of another mention of the same plenum, else the term in office at
the publication date; a congress resolution without its ordinal takes the one
the document names for the same level, and is dropped when there is none
("nghị quyết đại hội" with no congress named does not count).

>>> from pipeline.extract.references import find_references
>>> d = Document.from_text("Nghị quyết 39 của Bộ Chính trị ... Nghị quyết 39 đã đi vào cuộc sống.")
>>> d.references = find_references(d)
>>> [r.key for r in resolve_references(d).references]
['NQ 39 TW', 'NQ 39 TW']
"""
from __future__ import annotations

import dataclasses
import re
from typing import Protocol

from pipeline.model import Document, Reference

# Central Committee terms by first year (the congress that opened them).
_TERMS = [(1996, "VIII"), (2001, "IX"), (2006, "X"), (2011, "XI"), (2016, "XII"),
          (2021, "XIII"), (2026, "XIV")]


class KeyRegistry(Protocol):
    """What the resolver asks of a corpus registry: a full key for a short one."""

    def lookup(self, type_code: str, number: str) -> str | None: ...


def term_at(iso_date: str | None) -> str | None:
    """Central Committee term in office at a date ("2018-05-02" -> "XII")."""
    if not iso_date or not iso_date[:4].isdigit():
        return None
    y, term = int(iso_date[:4]), None
    for first, roman in _TERMS:
        if y >= first:
            term = roman
    return term


def _split_key(key: str) -> tuple[str, str, str]:
    parts = key.split(" ", 2)
    while len(parts) < 3:
        parts.append("")
    return parts[0], parts[1], parts[2]


def _resolve_numbered(refs: list[Reference], registry: KeyRegistry | None) -> list[Reference]:
    authority: dict[tuple[str, str], str] = {}
    symbol: dict[str, str] = {}
    for r in refs:
        code, num, auth = _split_key(r.key)
        if num != "?" and auth not in ("?", "") and not num.startswith(("TW", "DH")):
            authority.setdefault((code, num), auth)
        if r.symbol and r.key not in symbol and "?" not in r.key:
            symbol[r.key] = r.symbol
    out = []
    for r in refs:
        code, num, auth = _split_key(r.key)
        if auth == "?" and num != "?":
            found = authority.get((code, num))
            if found is None and registry is not None:
                full = registry.lookup(code, num)
                found = _split_key(full)[2] if full else None
            if found:
                r = dataclasses.replace(r, key=f"{code} {num} {found}")
        if r.symbol is None and r.number and r.key in symbol:
            r = dataclasses.replace(r, symbol=symbol[r.key])
        out.append(r)
    return _resolve_years(out)


def _resolve_years(refs: list[Reference]) -> list[Reference]:
    """A signing date without a year ("ngày 1/3", kept as "XXXX-03-01") takes the year of a full
    date with the same day and month given to the same document elsewhere in the text."""
    full: dict[tuple[str, str], str] = {}
    for r in refs:
        if r.date and len(r.date) == 10 and r.date[:4].isdigit():
            full.setdefault((r.key, r.date[4:]), r.date)
    if not full:
        return refs
    return [dataclasses.replace(r, date=full[(r.key, r.date[4:])])
            if r.date and r.date.startswith("XXXX") and (r.key, r.date[4:]) in full else r
            for r in refs]


_PLENUM = re.compile(r"^(\w+) TW(\d+)-(\S+)$")
_CONGRESS = re.compile(r"^NQ DH-(?:(\w+)-)?(\S+)$")
_HP = re.compile(r"^HP(?: (\d{4}))?$")


def _resolve_named(refs: list[Reference], published: str | None) -> list[Reference]:
    plenum_term: dict[str, str] = {}
    congress: dict[str, str] = {}
    hp_year = None
    for r in refs:
        m = _PLENUM.match(r.key)
        if m and m.group(3) != "?":
            plenum_term.setdefault(m.group(2), m.group(3))
        m = _CONGRESS.match(r.key)
        if m and m.group(2) != "?":
            congress.setdefault(m.group(1) or "", m.group(2))
        m = _HP.match(r.key)
        if m and m.group(1):
            hp_year = hp_year or m.group(1)
    out = []
    for r in refs:
        m = _PLENUM.match(r.key)
        if m and m.group(3) == "?":
            term = plenum_term.get(m.group(2)) or term_at(published) or "?"
            r = dataclasses.replace(r, key=f"{m.group(1)} TW{m.group(2)}-{term}")
        m = _CONGRESS.match(r.key)
        if m and m.group(2) == "?":
            level = m.group(1) or ""
            if level not in congress:
                continue  # a congress never named: not a reference
            r = dataclasses.replace(r, key=f"NQ DH-{level + '-' if level else ''}{congress[level]}")
        if r.key == "HP" and hp_year:
            r = dataclasses.replace(r, key=f"HP {hp_year}")
        out.append(r)
    return out


def resolve_references(doc: Document, registry: KeyRegistry | None = None) -> Document:
    """Stage: fill the unknown parts of short-form keys and symbols in `doc.references`."""
    refs = sorted(doc.references, key=lambda r: (r.start, r.end))
    refs = _resolve_numbered(refs, registry)
    doc.references = _resolve_named(refs, doc.published)
    return doc
