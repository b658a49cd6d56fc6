"""Vietnamese personal names: a surname from the table, then 1-3 capitalised syllables.

Why a table and not NER: underthesea's NER tags "Nguyễn Ngọc Tuấn" after
"Hà Nội" as a place (TOOLKITS.md).  A name here is a run of capitalised
syllables that starts with a known surname, once known place names
("Hà Nội", "Quảng Ninh") and capitalised body names ("Đoàn Thanh niên")
have been taken off its front: "Hà Nội Nguyễn Ngọc Tuấn" gives
"Nguyễn Ngọc Tuấn".

>>> from pipeline.extract.names import tokenize, names_in_tokens
>>> t = "Bí thư Thành ủy Hà Nội Nguyễn Ngọc Tuấn phát biểu"
>>> [t[s:e] for s, e in names_in_tokens(t, tokenize(t))]
['Nguyễn Ngọc Tuấn']
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

TOKEN = re.compile(r"\w+(?:['’]\w+)?|[^\w\s]")
MAX_GIVEN = 3  # surname + up to 3 given syllables ("Ngô Thị Thanh Hằng")

# Lower-case words after which a capitalised run is a place or a thing named
# after a person, never the person: "TP. Hồ Chí Minh", "đường Lê Duẩn".
# Administrative words ("tỉnh", "huyện") are not cues: "Chủ tịch UBND huyện
# Lê Văn Nam" names the chairman of a district known from context.
PLACE_CUES = frozenset("""tp thành phố đường phố cầu chợ sông núi hồ đảo vịnh cảng
    sân bay bến khu trường lăng đền quảng trường cộng sản quốc gia tập đoàn công ty ngân hàng""".split())


def tokenize(text: str, base: int = 0) -> list[tuple[int, int]]:
    """(start, end) of every syllable or punctuation mark of `text`, shifted by `base`."""
    return [(m.start() + base, m.end() + base) for m in TOKEN.finditer(text)]


def is_cap(word: str) -> bool:
    """A capitalised syllable: "Tuấn", "Đức" (not "HĐND", not "tuấn")."""
    return word[:1].isupper() and word.isalpha() and (len(word) == 1 or word[1:].islower())


def _read_lines(name: str) -> list[str]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(line)
    return rows


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """The surname table (pipeline/data/surnames.txt)."""
    return frozenset(_read_lines("surnames.txt"))


@lru_cache(maxsize=1)
def blocked_runs() -> dict[str, list[tuple[str, ...]]]:
    """Capitalised phrases that are never a person, by first syllable, longest first.

    Places from officials_places.tsv and bodies from bodies.tsv that start
    with a capital ("Đoàn Thanh niên", "Bộ Công Thương").
    """
    phrases: list[str] = []
    for row in _read_lines("officials_places.tsv")[1:]:
        phrases.append(row.split("\t")[0])
    for row in _read_lines("bodies.tsv")[1:]:
        body = row.split("\t")[0]
        if body[:1].isupper():
            phrases.append(body)
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        words = tuple(w for w in TOKEN.findall(p))
        out.setdefault(words[0], []).append(words)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out


def _blocked_len(words: list[str], i: int) -> int:
    """Length in tokens of a place/body phrase starting at words[i] (0 if none)."""
    for phrase in blocked_runs().get(words[i], ()):
        if tuple(words[i:i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _prev_words(text: str, tokens: list[tuple[int, int]], k: int, base: int) -> tuple[str, str]:
    """The lower-cased word(s) before token k, for the place-cue test."""
    if k == 0:
        return "", ""
    s, e = tokens[k - 1]
    w = text[s - base:e - base]
    if w == "." and k >= 2:  # "TP. Hồ Chí Minh"
        s, e = tokens[k - 2]
        w = text[s - base:e - base]
    two = ""
    if k >= 2:
        s2, _ = tokens[k - 2]
        two = text[s2 - base:e - base].lower()
    return w.lower(), two


def names_in_tokens(text: str, tokens: list[tuple[int, int]], base: int = 0,
                    blocked: set[int] | None = None) -> list[tuple[int, int]]:
    """Spans of personal names among `tokens` of `text` (offsets include `base`).

    `blocked` holds token indices that may not be part of a name (title words).
    """
    sn = surnames()
    words = [text[s - base:e - base] for s, e in tokens]
    n = len(tokens)
    out: list[tuple[int, int]] = []
    k = 0
    while k < n:
        if not is_cap(words[k]) or (blocked and k in blocked):
            k += 1
            continue
        j = k + 1  # the run of capitalised syllables separated by one space
        while (j < n and is_cap(words[j]) and not (blocked and j in blocked)
               and tokens[j][0] - tokens[j - 1][1] == 1 and text[tokens[j][0] - base - 1] == " "):
            j += 1
        i = k
        while i < j - 1:
            skip = _blocked_len(words, i)
            if skip:
                i += skip
                continue
            if words[i] in sn and j - i <= MAX_GIVEN + 1:
                w1, w2 = _prev_words(text, tokens, i, base)
                if w1 not in PLACE_CUES and w2 not in PLACE_CUES:
                    out.append((tokens[i][0], tokens[j - 1][1]))
                break
            i += 1
        k = j
    return out


def given_parts(name: str) -> list[str]:
    """The short forms a later mention may use: last one or two given syllables.

    >>> given_parts("Nguyễn Ngọc Tuấn")
    ['Tuấn', 'Ngọc Tuấn']
    """
    parts = name.split()
    out = []
    if len(parts) >= 2:
        out.append(parts[-1])
    if len(parts) >= 3:
        out.append(" ".join(parts[-2:]))
    return out
