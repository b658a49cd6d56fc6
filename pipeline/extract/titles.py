"""Titles of office: where a position starts (its head) and where it ends (its tail).

A title is `[nguyên|cựu] [Phó] HEAD TAIL`: the head comes from
data/position_heads.tsv ("Bí thư", "Chủ tịch", "Trưởng ban" ...), the tail
names the organisation and place ("Thành ủy Hà Nội", "HĐND thành phố (TP)
Hà Nội").  Vietnamese capitalises only the first syllable of each word of an
organisation's name ("Ban Tổ chức Trung ương"), so the tail grammar reads:
capitalised syllables, acronyms, known bodies and places, one lower-case
syllable that completes a capitalised word ("Tổ chức", "Thành ủy"; listed
in data/officials_tail_words.tsv), lower-case words that continue an
organisation ("thành phố", "tỉnh", "nhân dân", "tối cao"), short
parentheses ("(TP)"), "và"/"-" followed by a capitalised non-title word.
Anything else (a verb: "chủ trì", "phát biểu"; a comma) ends the title.

>>> from pipeline.extract.titles import find_heads, title_end
>>> t = "đồng chí Hoàng Trung Hải, Ủy viên Bộ Chính trị, Bí thư Thành ủy chủ trì hội nghị"
>>> h = find_heads(t)
>>> [t[s:title_end(t, e, set())] for s, e, _ in h]
['Ủy viên Bộ Chính trị', 'Bí thư Thành ủy']
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.names import DATA, TOKEN, is_cap

PREFIXES = r"(?:(?:nguyên|cựu|Nguyên|Cựu|NGUYÊN|đương kim|Đương kim)\s+)?(?:(?:Quyền|quyền)\s+)?(?:(?:Phó|phó|PHÓ)\s+)?"
ACTING = re.compile(r"^(?:(?:nguyên|cựu)\s+)?quyền\s", re.I)
# a head inside a body's name is not a title: "Ban Bí thư", "Văn phòng Chủ tịch nước",
# "Hội đồng thành viên"
_INSIDE_BODY = re.compile(r"(?:\bBan|Văn phòng|\bLăng|\bPhủ|\b[Hh]ội đồng)\s+$")
# heads that must open a segment when written in lower case: "phụ trách" inside
# "Phó Vụ trưởng phụ trách vụ X" belongs to the title before it
_SEGMENT_OPEN = re.compile(r"(?:^|[,;(:–.\n-]|\bkiêm|\blà|\blàm)\s*$")


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines[1:] if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def heads() -> list[str]:
    """Position heads, longest first."""
    return sorted({r[0] for r in _rows("position_heads.tsv")}, key=len, reverse=True)


@lru_cache(maxsize=1)
def rank_heads() -> frozenset[str]:
    """Heads that are military ranks: they present a person but are not titles."""
    return frozenset(r[0].lower() for r in _rows("position_heads.tsv") if r[1] == "rank")


@lru_cache(maxsize=1)
def _segment_heads() -> frozenset[str]:
    """Heads that are also common verbs ("phụ trách"): a head only where a segment opens."""
    return frozenset(r[0].lower() for r in _rows("position_heads.tsv") if r[1] == "role")


@lru_cache(maxsize=1)
def foreign_heads() -> frozenset[str]:
    """Heads that present foreign leaders ("Tổng thống"), who have no Vietnamese surname."""
    return frozenset(r[0].lower() for r in _rows("position_heads.tsv") if r[1] == "foreign")


@lru_cache(maxsize=1)
def generic_heads() -> frozenset[str]:
    """Heads that are a title only with the organisation after them: "người đứng đầu
    cơ quan này" is, "với cương vị là người đứng đầu, ông X" is not."""
    return frozenset(r[0].lower() for r in _rows("position_heads.tsv") if r[1] == "generic")


@lru_cache(maxsize=1)
def bodies() -> list[str]:
    """Organisation names, longest first."""
    return sorted({r[0] for r in _rows("bodies.tsv")}, key=len, reverse=True)


def trie_alternation(words: list[str]) -> str:
    """A case-insensitive regex alternation of literal words, factored as a trie.

    A flat alternation of 50 heads is tried head by head at every word start;
    the trie reads each character once.  At every node the longer words come
    before the end, so it matches the same text as the longest-first list.

    >>> rx = re.compile(trie_alternation(["Bí thư", "Bí thư Thành ủy", "Chủ tịch"]), re.IGNORECASE)
    >>> rx.match("bí thư Thành ủy Hà Nội").group(0), rx.match("Chủ tịch nước").group(0)
    ('bí thư Thành ủy', 'Chủ tịch')
    """
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ("|" if "" in node else "") + ")"

    return emit(trie)


@lru_cache(maxsize=1)
def head_regex() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + PREFIXES + trie_alternation(heads()) + r"(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def lower_head_regex() -> re.Pattern[str]:
    """head_regex for lower-cased text, case-sensitive: the same matches, ~2x faster
    than IGNORECASE (which folds every character it reads)."""
    prefixes = r"(?:(?:nguyên|cựu|đương kim)\s+)?(?:quyền\s+)?(?:phó\s+)?"
    # a lookahead on the possible first letters lets the engine skip most positions at once
    first = "".join(sorted({h.lower()[0] for h in heads()} | set("ncđqp")))
    return re.compile(r"(?=[" + re.escape(first) + r"])(?<!\w)" + prefixes + trie_alternation(heads())
                      + r"(?!\w)")


def head_matches(text: str):
    """Matches of head_regex over `text` (spans as in `text`), found on its lower-case form."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer ("İ"): plain scan
        return head_regex().finditer(text)
    return lower_head_regex().finditer(low)


@lru_cache(maxsize=1)
def _tail_words() -> tuple[dict[str, list[tuple[str, ...]]], frozenset[str]]:
    cont: dict[str, list[tuple[str, ...]]] = {}
    comp: set[str] = set()
    for words, role in _rows("officials_tail_words.tsv"):
        if role == "completion":
            comp.add(words)
        else:
            toks = tuple(words.split())
            cont.setdefault(toks[0], []).append(toks)
    for v in cont.values():
        v.sort(key=len, reverse=True)
    return cont, frozenset(comp)


@lru_cache(maxsize=1)
def _units() -> dict[str, list[tuple[str, ...]]]:
    """Multi-word bodies and places read as one unit by the tail grammar."""
    from pipeline.extract.names import blocked_runs
    out: dict[str, list[tuple[str, ...]]] = {k: list(v) for k, v in blocked_runs().items()}
    for b in bodies():
        toks = tuple(TOKEN.findall(b))
        # the press also writes the body's first word in lower case: "bộ Văn hóa, Thể thao
        # và Du lịch", "sở Xây dựng"
        for seq in (toks, (toks[0].lower(),) + toks[1:]):
            if seq not in out.setdefault(seq[0], []):
                out[seq[0]].append(seq)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out


_PREFIX_WORDS = re.compile(r"^(?:(?:nguyên|cựu|đương kim|quyền|phó)\s+)*")


@lru_cache(maxsize=4096)
def bare_head(head: str) -> str:
    """The head without "nguyên/cựu/quyền/Phó", lower-cased: "nguyên Phó Bí thư" -> "bí thư"."""
    return _PREFIX_WORDS.sub("", head.lower())


def find_heads(text: str) -> list[tuple[int, int, str]]:
    """(start, end, not_title) of each title head in `text`, prefixes included.

    `not_title` is "" for a title, "acting" for acting duties ("Quyền Chủ
    tịch": neither a title nor a presentation) and "rank" for a military rank
    ("Trung tá": it presents an officer of the army or police, but is not a title).
    """
    out = []
    ranks, verbs = rank_heads(), _segment_heads()
    for m in head_matches(text):
        s = m.start()
        if _INSIDE_BODY.search(text, max(0, s - 12), s):
            continue
        word = text[s:m.end()]
        bare = bare_head(word)
        if bare in verbs and word[:1].islower() and not _SEGMENT_OPEN.search(text, max(0, s - 8), s):
            continue
        kind = "acting" if ACTING.match(word) else "rank" if bare in ranks else ""
        if out and out[-1][2] == "role" and s - out[-1][1] == 1:
            out[-1] = (out[-1][0], m.end(), "acting")  # "phụ trách Chủ tịch": acting duties
            continue
        out.append((s, m.end(), "role" if bare in verbs else kind))
    return [(s, e, "" if kind == "role" else kind) for s, e, kind in out]


def _match_seq(words: list[str], i: int, table: dict[str, list[tuple[str, ...]]],
               fold: bool = False) -> int:
    key = words[i].lower() if fold else words[i]
    for seq in table.get(key, ()):
        cand = tuple(w.lower() for w in words[i:i + len(seq)]) if fold else tuple(words[i:i + len(seq)])
        if cand == seq:
            return len(seq)
    return 0


# "của" + the body: "Chủ tịch của Vinaxuki", "Chủ tịch Mặt trận tổ quốc của phường"
def _of_body(text: str, toks: list[tuple[int, int]], words: list[str], i: int) -> int:
    """Tokens of the body named at words[i] after "của" (0 if none)."""
    w = words[i]
    if head_regex().match(text, toks[i][0]):
        return 0
    k = _match_seq(words, i, _units()) or _match_seq(words, i, _tail_words()[0], fold=True)
    if k:
        return k
    return 1 if is_cap(w) or (w[:1].isupper() and w.isalnum() and len(w) >= 2) else 0


# Organisation nouns a demonstrative may follow inside a title ("Giám đốc sở này").
_DEMONSTRABLE = frozenset("sở bộ cục vụ ban quan ty đoàn hàng viện trường tỉnh huyện xã phường quận vị".split())
# A unit inside an organisation, then ", " + the organisation that holds it: "Trưởng
# khoa Nội, Bệnh viện Việt Xô", "Phụ trách Khoa Vi sinh, bệnh viện Việt Nam – Cu Ba".
_SUBUNIT = re.compile(r"(?<!\w)(?:khoa|phòng|vụ|cục|trung tâm|(?<!ủy )ban)(?!\w)", re.IGNORECASE)
# A title read on to the end of its sentence ends on a body or place that an
# organisation noun introduces: "… bất động sản sở Xây dựng Thanh Hoá."
_ENDS_ON_BODY = re.compile(r"(?<!\w)(?:sở|bộ|công ty|tập đoàn|ngân hàng|tỉnh|huyện|thành phố|xã|phường"
                           r"|quận|ban|cục|vụ|viện|trường|ủy ban|hội)\s+(?:[A-ZĐ]\w*\s*)+$", re.IGNORECASE)
_CONTAINER = re.compile(r",\s*(?:[Bb]ệnh viện|[Tt]rường|[Ss]ở|[Bb]ộ|[Tt]ổng [Cc]ục|[Ủủ]y ban|[Tt]ổng [Cc]ông ty|[Cc]ông ty|[Tt]ập đoàn"
                        r"|[Nn]gân hàng|[Hh]ọc viện|[Đđ]ại học|[Vv]iện)(?=\s+[A-ZĐ])")


def _place_word(w: str) -> bool:
    """A place after "TP.": a name ("Hà Nội") or an acronym ("HCM")."""
    return is_cap(w) or (len(w) >= 2 and w.isupper() and w.isalpha())


def title_end(text: str, pos: int, stops: set[int], limit: int = 120, open_: bool = False) -> int:
    """End of the title whose head ends at `pos` in `text`.

    `stops` are offsets where the title must end (a personal name or another
    head starts there).  The result never includes trailing spaces.  `open_`
    says the title already has tail words before `pos` (a dash or a number may
    continue it).
    """
    toks = [m.span() for m in TOKEN.finditer(text, pos, pos + limit)]
    words = [text[s:e] for s, e in toks]
    cont, comp = _tail_words()
    units = _units()
    end = pos
    budget = 0  # lower-case syllables that may still complete a capitalised word
    i, n = 0, len(toks)
    while i < n:
        s, e = toks[i]
        if s in stops or text[end:s].strip():  # a gap must be plain spaces
            break
        if text[end:s].count("\n") or (s - end > 2 and end != pos):
            break
        w = words[i]
        k = _match_seq(words, i, units)
        if k and all(toks[i + j][0] not in stops for j in range(1, k)):
            end, budget, i = toks[i + k - 1][1], 0, i + k
            continue
        k = _match_seq(words, i, cont, fold=True) if w.islower() or w == "Trung" else 0
        if k:
            end, budget, i = toks[i + k - 1][1], 0, i + k
            continue
        if is_cap(w):
            end, budget, i = e, 1, i + 1
            continue
        if w == "." and text[s - 2:s] == "TP" and s == end and i + 1 < n and _place_word(words[i + 1]):
            end, budget, i = e, 0, i + 1  # "TP. Hồ Chí Minh" after a title read on to "TP"
            continue
        if w[:1].isupper() and w.isalnum() and len(w) >= 2:  # HĐND, UBND, TP, OceanBank
            end, budget, i = e, 0, i + 1
            if i < n and words[i] == "." and i + 1 < n and _place_word(words[i + 1]):  # "TP. Hà Nội", "TP. HCM"
                end, i = toks[i][1], i + 1
            continue
        if w.isdigit() and (end != pos or open_) and len(w) <= 4:  # "Quân khu 7"
            end, budget, i = e, 0, i + 1
            continue
        if w.islower() and budget and w in comp:
            end, budget, i = e, budget - 1, i + 1
            continue
        if w == "của" and i + 1 < n and toks[i + 1][0] not in stops:  # "Chủ tịch của Vinaxuki"
            k = _of_body(text, toks, words, i + 1)
            if k:
                end, budget, i = toks[i + k][1], 1 if is_cap(words[i + k]) else 0, i + 1 + k
                continue
            break
        if w == "này" and end != pos and words[i - 1].lower() in _DEMONSTRABLE:  # "Giám đốc sở này"
            end, budget, i = e, 0, i + 1
            continue
        if w == "," and (end != pos or open_) and _SUBUNIT.search(text, max(0, pos - 16), end):
            c = _CONTAINER.match(text, s)  # "Trưởng khoa Nội, Bệnh viện Việt Xô"
            if c and c.end() not in stops:
                end, budget = c.end(), 0
                while i < n and toks[i][0] < end:
                    i += 1
                continue
            break
        if w in ("và", "-", "–", "&") and i + 1 < n and (end != pos or open_):
            nxt_s = toks[i + 1][0]
            nw = words[i + 1]
            if (nxt_s not in stops and (is_cap(nw) or nw.isupper())
                    and not head_regex().match(text, nxt_s)):
                end, budget, i = toks[i + 1][1], 1 if is_cap(nw) else 0, i + 2
                continue
            break
        if w == "(" and (end != pos or open_):
            close = text.find(")", s, s + 40)
            inner = text[s + 1:close] if close > 0 else ""
            if inner and len(inner.split()) <= 4 and all(
                    x[:1].isupper() or x.isdigit() for x in inner.split()):
                end = close + 1
                while i < n and toks[i][0] < end:
                    i += 1
                budget = 0
                continue
            break
        break
    return end


@lru_cache(maxsize=1)
def _stop_regex() -> re.Pattern[str]:
    words = sorted({r[0] for r in _rows("officials_title_stops.tsv")}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)",
                      re.IGNORECASE)


_CLAUSE_REST = re.compile(r"[^,;().:\n]{1,80}")
_SEGMENT_END = re.compile(r"\s*(?:[,;(.:]|\s[-–]\s|$)")
MAX_EXTENSION = 16  # syllables of lower-case organisation name read past the grammar
MAX_CUT = 6  # syllables read past the grammar up to a verb, when they end in a capital


def extend_title(text: str, end: int) -> int:
    """Read a title on past the tail grammar to the next separator when nothing
    there looks like the sentence going on (no verb, preposition, aspect word).

    "Cục trưởng Cục Xử lý vi phạm hành chính, cho biết": the grammar stops
    at "vi", the clause ends at the comma.

    >>> t = "Cục trưởng Cục Kiểm tra văn bản quy phạm pháp luật, cho biết"
    >>> t[:extend_title(t, len("Cục trưởng Cục Kiểm tra"))]
    'Cục trưởng Cục Kiểm tra văn bản quy phạm pháp luật'
    >>> t = "Chủ tịch công ty Địa ốc Alibaba đã có mặt"
    >>> t[:extend_title(t, len("Chủ tịch công ty Địa"))]
    'Chủ tịch công ty Địa ốc Alibaba'
    """
    m = _CLAUSE_REST.match(text, end)
    if not m or not text[end:end + 1].isspace():
        return end
    seg = m.group(0)
    dash = re.search(r"\s[-–]\s", seg)
    if dash:
        seg = seg[:dash.start()]
    stop = _stop_regex().search(seg)
    if stop:  # a verb after a capitalised name ends it: "công ty Địa ốc Alibaba đã có mặt"
        last = seg[:stop.start()].split()[-1:]
        if not last or not last[0][:1].isupper() or len(seg[:stop.start()].split()) > MAX_CUT:
            return end
        seg = seg[:stop.start()]
    elif not dash and text[m.end():m.end() + 1] not in (",", ";", "(", ")"):  # the clause must go on
        last = seg.split()[-1:]  # or the sentence ends on a name: "… sở Xây dựng Thanh Hoá."
        if text[m.end():m.end() + 1] not in (".", "\n", "") or not last or not (
                is_cap(last[0]) or len(last[0]) > 1 and last[0].isupper()) or not _ENDS_ON_BODY.search(seg):
            return end
    words = seg.split()
    from pipeline.extract.names import surnames
    if any(w in surnames() and is_cap(v) for w, v in zip(words, words[1:])):
        return end  # the next person's name: "Tổng Giám đốc và Nguyễn Đình Khang"
    if not words or len(words) > MAX_EXTENSION or not all(_name_word(w) for w in words):
        return end
    if not words[0].islower():
        return end
    if head_regex().search(seg):
        return end
    return end + len(seg.rstrip())


def _name_word(w: str) -> bool:
    """A word an organisation's name may hold: letters, a short number ("giao thông 5"),
    a code ("Cienco5")."""
    return w.isalpha() or (w.isdigit() and len(w) <= 4) or (w.isalnum() and w[:1].isupper())


def full_title_end(text: str, pos: int, stops: set[int]) -> int:
    """End of a title written after a name: the tail grammar, read on past
    lower-case organisation words (extend_title) and again by the grammar
    after them ("trưởng ban chỉ đạo cổ phần hoá Tổng công ty X 5 - Cienco 5").

    >>> t = "ông A - trưởng ban chỉ đạo cổ phần hóa Tổng công ty Xây dựng 5 - Cienco 5, chủ tịch"
    >>> p = t.index("trưởng ban") + len("trưởng ban")
    >>> t[t.index("trưởng ban"):full_title_end(t, p, set())]
    'trưởng ban chỉ đạo cổ phần hóa Tổng công ty Xây dựng 5 - Cienco 5'
    """
    end = title_end(text, pos, stops)
    ext = extend_title(text, end)
    if ext > end:
        end = max(ext, title_end(text, ext, stops, open_=True))
    return end


MAX_GAP = 8  # syllables between a title's grammar end and the name it introduces


def reaches_name(text: str, end: int, name_start: int, name_end: int | None = None) -> bool:
    """Whether the words between a title's grammar end and a name that follows
    are the rest of the organisation's name, not the sentence going on:
    "Chủ tịch Địa ốc Alibaba Nguyễn Thái Luyện", "Cục trưởng Cục Quản lý nhà
    và thị trường bất động sản Nguyễn Trọng Ninh".

    >>> t = "Chủ tịch Địa ốc Alibaba Nguyễn Thái Luyện"
    >>> reaches_name(t, len("Chủ tịch Địa"), t.index("Nguyễn"))
    True
    >>> t = "Trưởng Ban quản lý Khu Kinh tế mở Chu Lai."
    >>> reaches_name(t, len("Trưởng Ban quản lý Khu Kinh tế"), t.index("Chu"), len(t) - 1)
    False
    >>> t = "Bộ trưởng tiếp Nguyễn Văn A"
    >>> reaches_name(t, len("Bộ trưởng"), t.index("Nguyễn"))
    False
    """
    gap = text[end:name_start]
    if not gap[:1].isspace() or not gap[-1:] == " ":
        return False
    if name_end is not None and len(text[name_start:name_end].split()) < 3:
        return False  # two syllables after an organisation's words name a company or place
    words = gap.split()
    if not words or len(words) > MAX_GAP or not all(_name_word(w) for w in words):
        return False
    if words[-1] in ("và", "với", "cho") or _stop_regex().search(gap) or head_regex().search(gap):
        return False
    return not _verb_regex().search(gap)


@lru_cache(maxsize=1)
def _verb_regex() -> re.Pattern[str]:
    """Lower-case verbs and prepositions that take a person as object ("tiếp", "gặp"),
    from data/officials_gap_verbs.tsv, plus the verbs of officials_title_stops.tsv."""
    words = [r[0] for r in _rows("officials_gap_verbs.tsv")]
    words += [r[0] for r in _rows("officials_title_stops.tsv")]
    words.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def unit_length(words: list[str], i: int) -> int:
    """Tokens of the body or place that starts at words[i] (0 if none): "Công an" in
    "Thứ trưởng Công an" is a body, not a later mention of Nguyễn Văn Công.

    >>> unit_length(["Công", "an", "tỉnh"], 0), unit_length(["Công", "cho", "biết"], 0)
    (2, 0)
    """
    k = _match_seq(words, i, _units())
    return k or _match_seq(words, i, _tail_words()[0], fold=True)
