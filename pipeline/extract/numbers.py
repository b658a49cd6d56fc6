"""Reading Vietnamese numbers: digit strings, scale words and spelled cardinals.

Vietnamese writes "." between thousands and "," before decimals ("1.950" is
1950, "98,65" is 98.65).  The press also borrows the English habit now and
then, so the ambiguous shapes are decided here once, and tabled in the tests:

==============  ========  ====================================================
written         value     why
==============  ========  ====================================================
"1.950"         1950      a dot before exactly 3 digits groups thousands
"1.950.000"     1950000   several 3-digit groups after dots
"1.5"           1.5       a dot before 1, 2 or 4+ digits can only be a decimal
"98,65"         98.65     the comma is the Vietnamese decimal mark
"100,000"       100.0     one comma group is read the Vietnamese way (decimal)
"1,000,000"     1000000   two or more comma groups of 3 are English thousands
"1,234.5"       1234.5    comma groups then a dot: English
"1.234,5"       1234.5    dot groups then a comma: Vietnamese
==============  ========  ====================================================

The word tables live in ``pipeline/data/number_words.tsv`` (spelled digits)
and ``pipeline/data/units.tsv`` (scale words, currencies, durations, periods).

>>> parse_number("1.950"), parse_number("98,65"), parse_number("14") * scale_factor("nghìn tỷ")
(1950.0, 98.65, 14000000000000.0)
>>> spelled_value("hai mươi lăm")
25.0
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def load_table(name: str, columns: int) -> list[tuple[str, ...]]:
    """Rows of a TSV table under pipeline/data ('#' lines and blanks skipped).

    Rows are padded with "" up to `columns`; extra trailing cells are kept.
    """
    rows: list[tuple[str, ...]] = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        cells += [""] * (columns - len(cells))
        rows.append(tuple(c.strip() for c in cells))
    return rows


# --- digits ------------------------------------------------------------------

#: One written number: digit groups with "." or "," separators.
NUMBER_PATTERN = r"\d+(?:[.,]\d+)*"
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_COMMA_GROUPS = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d{1,3}(?:,\d{3})+\.\d+")


def parse_number(written: str) -> float | None:
    """The value of a written number, Vietnamese separators first (see module table).

    >>> [parse_number(s) for s in ("1.950", "1.5", "100,000", "1,000,000", "abc")]
    [1950.0, 1.5, 100.0, 1000000.0, None]
    """
    s = written.strip()
    if not s or not s[0].isdigit() or not s[-1].isdigit():
        return None
    if _DOT_GROUPS.fullmatch(s):
        return float(s.replace(".", "").replace(",", "."))
    if _COMMA_GROUPS.fullmatch(s):
        return float(s.replace(",", ""))
    if s.count(",") + s.count(".") > 1:
        return None
    try:
        return float(s.replace(",", "."))
    except ValueError:
        return None


# --- scale words and units ------------------------------------------------------

@lru_cache(maxsize=1)
def unit_rows() -> tuple[tuple[str, str, str, float], ...]:
    """(form, unit, role, factor) rows of units.tsv."""
    return tuple((f, u, r, float(x)) for f, u, r, x, *_ in load_table("units.tsv", 5))


@lru_cache(maxsize=1)
def _by_role() -> dict[str, dict[str, tuple[str, float]]]:
    out: dict[str, dict[str, tuple[str, float]]] = {}
    for form, unit, role, factor in unit_rows():
        out.setdefault(role, {})[form] = (unit, factor)
    return out


def forms(role: str) -> list[str]:
    """The written forms of one role, longest first (for regex alternations)."""
    return sorted(_by_role().get(role, {}), key=len, reverse=True)


def scale_factor(words: str) -> float:
    """Factor of a scale phrase ("nghìn tỷ" -> 1e12); 1.0 for an unknown phrase."""
    words = " ".join(words.split())
    hit = _by_role()["scale"].get(words)
    if hit:
        return hit[1]
    return 1.0


def currency_unit(form: str) -> str | None:
    """Normalised currency of a written form ("VNĐ" -> "đồng", "đô la Mỹ" -> "USD")."""
    hit = _by_role()["currency"].get(" ".join(form.split()))
    return hit[0] if hit else None


# --- spelled cardinals --------------------------------------------------------------

@lru_cache(maxsize=1)
def number_words() -> dict[str, tuple[float, str]]:
    """word -> (value, role) from number_words.tsv."""
    return {w: (float(v), role) for w, v, role, *_ in load_table("number_words.tsv", 4)}


def spelled_value(phrase: str) -> float | None:
    """Value of a spelled cardinal ("mười lăm" -> 15, "hai trăm linh năm" -> 205).

    Returns None when a word is not a number word or the order makes no sense.

    >>> spelled_value("hai"), spelled_value("mười lăm"), spelled_value("ba trăm"), spelled_value("đề án")
    (2.0, 15.0, 300.0, None)
    """
    table = number_words()
    words = phrase.lower().split()
    if not words:
        return None
    total = 0.0  # finished part above the current multiplier
    group = 0.0  # the part below 1000 being built
    digit: float | None = None
    for w in words:
        if w not in table:
            return None
        value, role = table[w]
        if role == "link":
            continue
        if role == "digit":
            if digit is not None:
                return None
            digit = value
        elif role == "ten":
            if digit is not None:
                return None
            group += 10
        elif role == "tens":
            if digit is None:
                return None
            group += digit * 10
            digit = None
        elif role == "multiplier":
            base = group + (digit or 0.0)
            if base == 0:
                base = 1.0 if not words.index(w) else 0.0
                if base == 0:
                    return None
            if value == 100:
                group = base * 100
            else:
                total += base * value
                group = 0.0
            digit = None
    return total + group + (digit or 0.0)
