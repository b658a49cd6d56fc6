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
PLACE_CUES = frozenset(w.strip() for w in """tp, đường, phố, cầu, chợ, sông, núi, hồ, đảo, vịnh, cảng, sân bay, bến,
    khu, trường, lăng, đền, quảng trường, cộng sản, quốc gia, tập đoàn, công ty,
    ngân hàng, đại học, học viện, bệnh viện""".split(","))
# After an administrative unit or a number, two capitalised syllables name the
# place ("UBND xã Hoàng Châu", "trường tiểu học số 1 Quảng Phú"); a personal name
# there has three or more ("Chủ tịch UBND huyện Lê Văn Nam").
ADMIN_CUES = frozenset("xã phường huyện quận tỉnh thôn ấp bản làng thị trấn thị xã".split())
# "thành phố" / "TP" name a city after a person only for these ("thành phố Hồ Chí
# Minh"); "Phó chủ tịch UBND thành phố Lê Văn Khoa" names the vice-chairman.
CITY_CUE = "thành phố"
PERSON_NAMED_CITIES = frozenset({"Hồ Chí Minh"})


def tokenize(text: str, base: int = 0) -> list[tuple[int, int]]:
    """(start, end) of every syllable or punctuation mark of `text`, shifted by `base`."""
    if not base:
        return [m.span() for m in TOKEN.finditer(text)]
    return [(m.start() + base, m.end() + base) for m in TOKEN.finditer(text)]


def is_cap(word: str) -> bool:
    """A capitalised syllable: "Tuấn", "Đức" (not "HĐND", not "tuấn")."""
    return word.istitle() and word.isalpha()  # for letters: first upper, the rest lower


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
        if j - k >= 4 and words[k + 2] in sn and _prev_words(text, tokens, k, base)[0] in ADMIN_CUES:
            i = k + 2  # "xã Quảng Thái Trần Công Tính": the place, then the person
        while i < j - 1:
            skip = _blocked_len(words, i)
            if skip:
                i += skip
                continue
            if words[i] in sn and j - i <= MAX_GIVEN + 1:
                w1, w2 = _prev_words(text, tokens, i, base)
                span = (tokens[i][0], tokens[j - 1][1])
                city = w2 == CITY_CUE or w1 == "tp"
                if city:  # "UBND TP Nguyễn Thế Hùng" is the chairman, "TP Hồ Chí Minh" the city
                    place = text[span[0] - base:span[1] - base] in PERSON_NAMED_CITIES
                else:
                    place = w1 in PLACE_CUES or " ".join(w2.split()) in PLACE_CUES
                if j - i == 2 and (w1 in ADMIN_CUES or w1.isdigit() or city):
                    place = True
                if not place:
                    out.append(span)
                break
            i += 1
        k = j
    return out


@lru_cache(maxsize=1)
def foreign_countries() -> dict[str, list[tuple[str, ...]]]:
    """Foreign countries of officials_places.tsv (note "foreign country"), by first syllable."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for row in _read_lines("officials_places.tsv")[1:]:
        place, note = row.split("\t")
        if note == "foreign country":
            words = tuple(TOKEN.findall(place))
            out.setdefault(words[0], []).append(words)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out


@lru_cache(maxsize=1)
def foreign_cue_regex() -> re.Pattern[str]:
    """A foreign country or a head that only foreign leaders hold: a sentence without
    one names no foreign leader, and skips the search."""
    from pipeline.extract.titles import foreign_heads
    words = [" ".join(seq) for seqs in foreign_countries().values() for seq in seqs]
    words = sorted(set(words) | {h.capitalize() for h in foreign_heads()} | set(foreign_heads()),
                   key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


# Lower-case syllables joined by spaced hyphens end a foreign name ("Prayut Chan -
# ocha"); capitalised ones would be two names ("Pháp Vân - Cầu Giẽ").
SPACED_SYLLABLES = re.compile(r"(?:\s?[-–]\s?[a-zà-ỹ]{1,8})+(?!\w)")
MAX_FOREIGN = 4  # syllables of a foreign name ("Kim Jong Un", "Donald Trump")
MAX_BEFORE_COUNTRY = 3  # words of the title between head and country ("Quốc phòng" Mỹ)


def foreign_name(text: str, tokens: list[tuple[int, int]], lo: int, hi: int,
                 foreign_head: bool, base: int = 0) -> tuple[int, int] | None:
    """The foreign leader's name that ends the title tail tokens[lo:hi], if any.

    Names without a Vietnamese surname are only taken right after a foreign
    country named in the title ("Tổng thống Mỹ Donald Trump", "Ngoại trưởng
    Trung Quốc Vương Nghị"), or right after a head that only foreign leaders
    hold ("Tổng thống Donald Trump"): 2-4 capitalised syllables (or joined
    by "-") up to the end of the tail ("Công ty Đức Trung" is a company).

    >>> t = "Tổng thống Nga Vladimir Putin phát biểu"
    >>> tk = tokenize(t)
    >>> s, e = foreign_name(t, tk, 2, 5, True)
    >>> t[s:e]
    'Vladimir Putin'
    >>> t = "Thủ tướng Thái Lan Prayut Chan - ocha, Thủ tướng"
    >>> s, e = foreign_name(t, tokenize(t), 2, 6, False)
    >>> t[s:e]
    'Prayut Chan - ocha'
    """
    words = [text[s - base:e - base] for s, e in tokens[lo:hi]]
    countries = foreign_countries()
    start = 0 if foreign_head else None
    for i in range(min(len(words), MAX_BEFORE_COUNTRY + 1)):
        if i and not is_cap(words[i - 1]) and not words[i - 1].islower():
            break  # an acronym or sign before the country: a company ("CTCP BOT Pháp Vân")
        for seq in countries.get(words[i], ()):
            if tuple(words[i:i + len(seq)]) == seq and i + len(seq) < len(words):
                start = i + len(seq)
    if start is None or start >= len(words):
        return None
    run = words[start:]
    syllables = [w for w in run if w != "-"]
    if not 2 <= len(syllables) <= MAX_FOREIGN:
        return None
    if not all(w == "-" or is_cap(w) for w in run) or run[-1] == "-":
        return None
    k = lo + start  # a hyphen inside a name is glued ("Chan-o-cha"), not spaced ("Vân - Cầu")
    if any(text[tokens[j][0] - base - 1] == " " or text[tokens[j][1] - base] == " "
           for j in range(k, hi) if text[tokens[j][0] - base:tokens[j][1] - base] == "-"):
        return None
    if _blocked_len(words, start) or run[0] in surnames():
        return None  # a place or body, or a Vietnamese name that names_in_tokens reads
    end = tokens[hi - 1][1]
    tail = SPACED_SYLLABLES.match(text, end - base)  # "Prayut Chan - ocha", "Chan - o - cha"
    return tokens[lo + start][0], end + (tail.end() - tail.start() if tail else 0)


_NOT_VIETNAMESE = re.compile(r"[fjwzFJWZ]")


def given_parts(name: str) -> list[str]:
    """The short forms a later mention may use: last one or two given syllables;
    for an East Asian name of three syllables that is not Vietnamese, also the
    family name it opens with ("ông Kim", "ông Tập").

    >>> given_parts("Nguyễn Ngọc Tuấn"), given_parts("Kim Jong Un")
    (['Tuấn', 'Ngọc Tuấn'], ['Un', 'Jong Un', 'Kim'])
    """
    parts = [p for p in name.split() if p not in ("-", "–")]
    out = []
    if len(parts) >= 2:
        out.append(parts[-1])
    if len(parts) >= 3:
        out.append(" ".join(parts[-2:]))
    if len(parts) == 3 and (parts[0] not in surnames() or _NOT_VIETNAMESE.search(name)):
        out.append(parts[0])
    return out
