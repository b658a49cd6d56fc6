"""Loaders for the official-document tables: header type lines, body heads, signing capacities.

The citation tables (pipeline/data/doc_types.tsv) already know the document
types and their key codes; this module adds only what a header needs beyond
them (pipeline/official/data/*.tsv), read once and cached.

>>> header_types()["KẾ HOẠCH"].type_code, header_types()["VĂN BẢN HỢP NHẤT"].type_code
('KH', 'VBHN')
>>> type_for_code("QĐ").doc_type, type_for_code("CĐ").doc_type
('Quyết định', 'Công điện')
>>> signing_modes()["KT."]
'ký thay'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.extract.citation_tables import doc_types

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class HeaderType:
    """A document type as its header prints it ("KẾ HOẠCH")."""

    doc_type: str
    type_code: str
    title: str
    code_wins: bool = False  # the symbol's code names the document whatever the type line says


def rows(name: str) -> list[list[str]]:
    """Data rows of a TSV under pipeline/official/data (comments and blanks skipped)."""
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


@lru_cache(maxsize=1)
def header_types() -> dict[str, HeaderType]:
    """Capitalised type line -> HeaderType: every citation type, then the header-only ones."""
    out: dict[str, HeaderType] = {}
    for dt in doc_types().values():
        for w in dt.words:
            out.setdefault(w.upper(), HeaderType(dt.doc_type, dt.type_code, w.upper()))
    for doc_type, code, title, wins, _example in rows("header_types.tsv"):
        out.setdefault(title, HeaderType(doc_type, code, title, wins == "yes"))
    return out


@lru_cache(maxsize=1)
def _code_map() -> dict[str, HeaderType]:
    out: dict[str, HeaderType] = {}
    for dt in doc_types().values():  # a type claims a code it is abbreviated by ("QĐ" Quyết định)
        for c in dt.symbol_codes:
            if c in (a.upper() for a in dt.abbrevs):
                out[c] = HeaderType(dt.doc_type, dt.type_code, dt.doc_type.upper())
    for dt in doc_types().values():
        if dt.doc_type in ("Văn bản",):
            continue
        for c in dt.symbol_codes:
            out.setdefault(c, HeaderType(dt.doc_type, dt.type_code, dt.doc_type.upper()))
    for ht in header_types().values():
        if ht.type_code not in {h.type_code for h in out.values()}:
            out.setdefault(ht.type_code, ht)
    return out


def type_for_code(code: str) -> HeaderType | None:
    """The document type a symbol's type code stands for ("QĐ" -> Quyết định)."""
    return _code_map().get(code.upper())


@dataclass(frozen=True)
class OrgHead:
    head: str
    sub: bool


@lru_cache(maxsize=1)
def org_heads() -> tuple[OrgHead, ...]:
    """Words that begin an issuing body's name, longest first."""
    heads = [OrgHead(h, level == "sub") for h, level, _ex in rows("org_heads.tsv")]
    return tuple(sorted(heads, key=lambda h: len(h.head), reverse=True))


@lru_cache(maxsize=1)
def org_head_regex() -> re.Pattern[str]:
    alts = "|".join(re.escape(h.head).replace(r"\ ", r"\s+") for h in org_heads())
    return re.compile(rf"(?<![\w])(?:{alts})(?![\w])")


@lru_cache(maxsize=1)
def signing_modes() -> dict[str, str]:
    """Capacity prefix ("KT.") -> signing mode ("ký thay")."""
    return {prefix: mode for prefix, mode, _ex in rows("signing.tsv")}


@lru_cache(maxsize=1)
def rank_regex() -> re.Pattern[str]:
    """A rank or academic title before a signer's name ("Thượng tướng ", "PGS.TS. ")."""
    words = sorted((r[0] for r in rows("ranks.tsv")), key=len, reverse=True)
    return re.compile("^(?:" + "|".join(re.escape(w) for w in words) + r")\s*")
