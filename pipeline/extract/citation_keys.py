"""Normal forms of citation parts: symbols, authorities, keys, terms, law slugs, dates.

ANNOTATION.md compares references by `key` = "TYPECODE NUMBER AUTHORITY"; these
functions turn the written pieces into that identity.  They are pure string
functions so the grammar, the resolver and the registry share one definition.

>>> normalise_symbol("-", ["QĐ", "TƯ"], ["/"], "Quy định")
'QĐ/TW'
>>> normalise_symbol("/", ["QĐ", "TW"], ["-"], "Quy định")  # party rule misprinted state-style
'QĐ/TW'
>>> normalise_symbol("/", ["2019", "NĐ", "CP"], ["/", "-"], "Nghị định")
'2019/NĐ-CP'
>>> symbol_authority("2017/QH14", "Nghị quyết"), symbol_authority("BGTVT-QLDN", "Văn bản")
('QH', 'BGTVT')
>>> make_key("CTR", "01", "TU"), law_slug("Cán bộ, công chức"), to_roman(11)
('CTR 1 TU', 'can-bo-cong-chuc', 'XI')
>>> parse_date("19-12-2016"), parse_date("17 tháng 3 năm 2021"), parse_date("5/5/2022")
('2016-12-19', '2021-03-17', '2022-05-05')
"""
from __future__ import annotations

import re
import unicodedata

from pipeline.extract.citation_tables import all_symbol_type_codes

# Issuer codes of party bodies: a state-order symbol "55/QĐ-TW" with one of these
# is a misprinted party symbol and is rewritten "QĐ/TW" (DECISIONS.md).
PARTY_ISSUER_CODES = frozenset({
    "TW", "TU", "HU", "QU", "TXU", "TPU", "ĐU", "ĐUK", "VPTW", "UBKTTW", "BTCTW", "BTGTW",
    "BDVTW", "BNCTW", "BKTTW", "BĐNTW", "QUTW", "BCĐ", "CB",
})

# Type codes that head a letter's symbol as an issuer's code in a công văn: "5665/CT-CS" is the
# Cục Thuế, "12/TT-..." a Thanh tra; other type codes there name the paper ("62/BC - UBND").
_CV_ISSUER_LIKE = frozenset({"CT", "TT"})
# A department written glued to the people's committee: "723/UBNDVX" is UBND's (Văn xã).
_UBND_UNIT = re.compile(r"^UBND[A-ZĐ]{1,3}$")
_AUTHORITY_MAP = {"TW": "TW", "TƯ": "TW", "TU": "TU", "CP": "CP", "TTG": "CP"}
_QH = re.compile(r"^(?:UBTV)?QH\d*$")


def clean_code(part: str) -> str:
    """Upper-case a symbol part; TƯ is written TW."""
    p = re.sub(r"\s+", "", part).upper()
    return "TW" if p == "TƯ" else p


def normalise_symbol(first_sep: str, parts: list[str], seps: list[str], doc_type: str) -> str:
    """Rebuild a symbol from its parts: no spaces, upper case, TW, party order fixed.

    `first_sep` is what separated the number from the symbol ("-", "/", "" or " "),
    `seps[i]` separates parts[i] from parts[i+1].
    """
    codes = [clean_code(p) for p in parts]
    seps = ["-" if s.strip() in ("-", "–") else "/" for s in seps]
    type_codes = all_symbol_type_codes()
    if (first_sep.strip() in ("/", "-", "–") and len(codes) == 2 and seps == ["-"]
            and codes[0] in type_codes and codes[1] in PARTY_ISSUER_CODES):
        seps = ["/"]  # "55/QĐ-TW" and "05-NQ-TW" -> "QĐ/TW", "NQ/TW"
    out = codes[0]
    for s, c in zip(seps, codes[1:]):
        out += s + c
    return out


def _parts(symbol: str) -> list[str]:
    return [p for p in re.split(r"[-/]", symbol) if p]


def symbol_authority(symbol: str | None, doc_type: str) -> str | None:
    """AUTHORITY from a normalised symbol: the issuer code, TW/TU/QH/CP mapped."""
    if not symbol:
        return None
    codes = [p for p in _parts(re.sub(r"\(.*?\)", "", symbol))  # "QĐ-VKS(P3)": the unit is not the issuer
             if not re.fullmatch(r"(?:19|20)\d\d", p)]
    type_codes = all_symbol_type_codes()
    if doc_type in ("Công văn", "Văn bản"):
        type_codes = type_codes - _CV_ISSUER_LIKE
    if codes and codes[0] in type_codes:
        codes = codes[1:]  # "244/BC - TCT" is a report of TCT: the type code is not the authority
    if not codes:
        return None
    code = _UBND_UNIT.sub("UBND", codes[0])
    if code in _AUTHORITY_MAP:
        return _AUTHORITY_MAP[code]
    if _QH.match(code):
        return "QH"
    return code


def strip_zeros(number: str) -> str:
    """Key form of a number: digits without leading zeros ("01" -> "1")."""
    n = number.lstrip("0")
    return n or "0"


def make_key(type_code: str, number: str | None, authority: str | None) -> str:
    """"TYPECODE NUMBER AUTHORITY" ("?" for an unknown authority)."""
    num = strip_zeros(number) if number else "?"
    return f"{type_code} {num} {authority or '?'}"


_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
_ROMAN_VAL = {"I": 1, "V": 5, "X": 10, "L": 50}


def to_roman(n: int) -> str:
    """Roman numeral for a term or congress number (1..39)."""
    out = ""
    for v, s in _ROMAN:
        while n >= v:
            out += s
            n -= v
    return out


def from_roman(s: str) -> int | None:
    s = s.upper()
    if not s or any(c not in _ROMAN_VAL for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN_VAL[c]
        total += -v if i + 1 < len(s) and _ROMAN_VAL[s[i + 1]] > v else v
    return total


_NUMBER_WORDS = {"nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5,
                 "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "mười": 10}


def ordinal_value(s: str) -> int | None:
    """"4", "IV", "bảy", "mười hai" -> int; None when not an ordinal."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    low = s.lower()
    if low in _NUMBER_WORDS:
        return _NUMBER_WORDS[low]
    if low.startswith("mười "):
        rest = _NUMBER_WORDS.get(low[5:].replace("lăm", "năm"))
        return 10 + rest if rest else None
    if low == "mười lăm":
        return 15
    return from_roman(s)


def term_roman(s: str | None) -> str | None:
    """A term ("XII", "12", "khóa 11") as a Roman numeral."""
    if not s:
        return None
    v = ordinal_value(s)
    return to_roman(v) if v else None


def law_slug(name: str) -> str:
    """Lower case, no diacritics, words joined by '-': "Cán bộ, công chức" -> "can-bo-cong-chuc"."""
    s = name.replace("Đ", "D").replace("đ", "d")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", s))


_DMY = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})")
_WORDY = re.compile(r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_DM = re.compile(r"(\d{1,2})\s*[-/]\s*(\d{1,2})$")
_GLUED = re.compile(r"(\d{1,2})/(1[0-2]|[1-9])((?:19|20)\d\d)$")  # "29/62001"


def parse_date(text: str, year: str | None = None) -> str | None:
    """ISO date from "19-12-2016", "19/12/2016", "17 tháng 3 năm 2021", "2016".

    A day and month without a year ("12/3") take `year` when given, else None.
    """
    t = text.strip()
    m = _DMY.search(t) or _WORDY.search(t) or _GLUED.fullmatch(t)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
    else:
        m = _DM.search(t)
        if m and year:
            d, mo, y = int(m.group(1)), int(m.group(2)), year
        else:
            y4 = re.fullmatch(r"(?:năm\s+)?((?:19|20)\d\d)", t)
            return y4.group(1) if y4 else None
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    return f"{y}-{mo:02d}-{d:02d}"
