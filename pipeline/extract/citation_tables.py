"""Loaders for the citation data tables: document types, issuers, law names.

The rules of what a citation may look like live in reviewed TSV files under
pipeline/data/ (doc_types.tsv, issuers.tsv, refs_law_names.tsv); this module
reads them once (module-level cache) into small frozen records, so the
grammar modules never hard-code a vocabulary.

>>> types = doc_types()
>>> types["Quy định"].type_code, types["Nghị định"].implied_authority
('QDI', 'CP')
>>> issuers()[0].authority
'TU'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class DocType:
    """One row of doc_types.tsv."""

    doc_type: str  # canonical Vietnamese name ("Nghị quyết")
    type_code: str  # TYPECODE of the key ("NQ")
    words: tuple[str, ...]  # written type words, matched case-insensitively
    abbrevs: tuple[str, ...]  # abbreviated type words before a number ("NĐ")
    symbol_codes: tuple[str, ...]  # type codes inside symbols, upper-cased ("QĐ", "QĐI")
    bare_number: bool  # "TYPE 12" with neither "số" nor symbol counts
    implied_authority: str | None  # authority that the type alone implies (NĐ -> CP)
    example: str


@dataclass(frozen=True)
class Issuer:
    """One row of issuers.tsv, with its compiled pattern."""

    words: str
    place: bool
    bare: bool
    name: str
    authority: str
    example: str
    pattern: re.Pattern[str]


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(line.split("\t"))
    return out


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x for x in cell.split("|") if x and x != "-")


@lru_cache(maxsize=1)
def doc_types() -> dict[str, DocType]:
    """Document types by canonical name, in table order."""
    out: dict[str, DocType] = {}
    for cells in _rows("doc_types.tsv"):
        dt, code, words, abbrevs, codes, bare, auth, example = cells
        out[dt] = DocType(dt, code, _split(words), _split(abbrevs), _split(codes),
                          bare == "yes", None if auth == "-" else auth, example)
    return out


@lru_cache(maxsize=1)
def type_by_word() -> dict[str, DocType]:
    """Lower-cased written type word or abbreviation -> its DocType."""
    out: dict[str, DocType] = {}
    for dt in doc_types().values():
        for w in dt.words:
            out[w.lower()] = dt
        for a in dt.abbrevs:
            out.setdefault(a.lower(), dt)
    return out


@lru_cache(maxsize=1)
def all_symbol_type_codes() -> frozenset[str]:
    """Every type code that may appear inside a symbol ("NQ", "QĐ", "CTR" ...)."""
    return frozenset(c for dt in doc_types().values() for c in dt.symbol_codes)


UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
# A capitalised place name after "Thành ủy", "UBND tỉnh" ...: up to four capitalised
# syllables ("Hà Nội", "Bà Rịa - Vũng Tàu", "TP Hồ Chí Minh"), never a type word or "Khóa".
_PLACE_WORD = rf"(?!(?:Khóa|Về|Ngày|Số|Nghị|Quy|Quyết|Chỉ|Kết|Luật|Chương|Kế|Đề|Thông|Hướng)\b)[{UPPER}]\w*(?:\.\w+)*"
PLACE = (rf"(?:(?:TP\.?|[Tt]hành phố|[Tt]ỉnh|[Qq]uận|[Hh]uyện)[ \xa0]*)?{_PLACE_WORD}"
         rf"(?:(?:[ \xa0]+|[ \xa0]?[-–][ \xa0]?){_PLACE_WORD}){{0,3}}")


# A ministry written by its initials after "Bộ": "Bộ GTVT", "bộ TN - MT", "Bộ VH, TT & DL",
# "Bộ NN & PTNT", "Bộ LĐ-TB&XH".  Capitals only (case-sensitive inside the case-insensitive
# row); a comma joins initials only in a list closed by "&" ("VH, TT & DL"), so "Bộ GTVT, UBND"
# stops at the comma.
_INITIALS = r"[A-ZĐ]{2,8}(?![\w])"
MINISTRY_INITIALS = (rf"(?-i:(?P<abbr>{_INITIALS}(?:[ \xa0]?[,\-–][ \xa0]?{_INITIALS})*[ \xa0]?&[ \xa0]?{_INITIALS}"
                     rf"|{_INITIALS}(?:[ \xa0]?[\-–&][ \xa0]?{_INITIALS})*))")


def _issuer_regex(words: str, place: bool) -> re.Pattern[str]:
    body = words.replace(" ", r"[ \xa0]+").replace("{ABBR}", MINISTRY_INITIALS)
    pat = f"(?i:{body})"
    if place:
        pat += rf"(?:[ \xa0]+(?P<place>{PLACE}))?"
    return re.compile(pat + r"(?![\w])")


@lru_cache(maxsize=1)
def issuers() -> tuple[Issuer, ...]:
    """Issuer rows in table order (first match wins)."""
    out = []
    for cells in _rows("issuers.tsv"):
        words, place, bare, name, auth, example = cells
        out.append(Issuer(words, place == "yes", bare == "yes", name, auth, example,
                          _issuer_regex(words, place == "yes")))
    return tuple(out)


@lru_cache(maxsize=1)
def issuer_heads() -> re.Pattern[str]:
    """Titles of a body's head that sign for it ("Bộ trưởng", "Chánh án"), from refs_issuer_heads.tsv."""
    heads = sorted((c[0].strip() for c in _rows("refs_issuer_heads.tsv")), key=len, reverse=True)
    alts = "|".join(re.escape(h).replace(r"\ ", r"[ \xa0]+") for h in heads)
    return re.compile(rf"(?P<head>(?i:{alts}))[ \xa0]+")


@lru_cache(maxsize=1)
def law_not_after() -> re.Pattern[str]:
    """Words before "luật" that make it part of another word or name ("pháp luật", "công ty Luật X"):
    searched on the few characters before a "Luật" head, from refs_law_not_after.tsv."""
    words = sorted((c[0].strip() for c in _rows("refs_law_not_after.tsv")), key=len, reverse=True)
    alts = "|".join(re.escape(w).replace(r"\ ", r"[ \xa0]+") for w in words)
    return re.compile(rf"(?<![\w])(?i:{alts})[ \t\xa0]+$")


@lru_cache(maxsize=1)
def law_names() -> tuple[str, ...]:
    """Known law names, longest first so the longest written name wins."""
    names = [c[0].strip() for c in _rows("refs_law_names.tsv")]
    return tuple(sorted(set(names), key=len, reverse=True))
