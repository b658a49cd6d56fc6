"""Officials: named people presented with a position, and their later mentions.

Two word orders carry nearly every presentation in the press:

- titles before the name: "Phó Bí thư Thành ủy, Chủ tịch HĐND thành phố Hà
  Nội Nguyễn Ngọc Tuấn" (the last title runs up to the name);
- name, then titles: "đồng chí Hoàng Trung Hải, Ủy viên Bộ Chính trị, Bí thư
  Thành ủy chủ trì" or "ông Phan Đình Trạc - bí thư Trung ương Đảng, trưởng
  ban Nội chính Trung ương - làm trưởng đoàn" (each title ends where the
  tail grammar of titles.py ends it).

Titles chain across ",", "kiêm", "và" and dashes when the next segment
starts with a title head.  Once someone is presented, every later mention
of the full name, or of "ông/bà/đồng chí" + the given name, is listed with
the titles of its own clause (often none).  Only sentences holding a title
head are tokenised, so text without one costs a single regex scan.

>>> from pipeline.model import Document
>>> from pipeline.segment import split_sentences
>>> d = split_sentences(Document.from_text(
...     "Bí thư Thành ủy Hoàng Trung Hải chủ trì. Đồng chí Hoàng Trung Hải nói."))
>>> [(o.name, o.titles) for o in find_officials(d)]
[('Hoàng Trung Hải', ('Bí thư Thành ủy',)), ('Hoàng Trung Hải', ())]
"""
from __future__ import annotations

import re
from bisect import bisect_left

from pipeline.extract.bylines import find_authors
from pipeline.extract.names import PLACE_CUES, given_parts, names_in_tokens, tokenize
from pipeline.extract.titles import extend_title, find_heads, head_regex, title_end
from pipeline.model import Document, Official

_CHAIN_SEP = re.compile(r"\s*(?:,|;?\s*kiêm|\s+và|\s+[-–])\s*", re.IGNORECASE)
_NAME_SEP = re.compile(r"\s*(?:,|[-–]|\()\s*")
_CUE = r"(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|[Bb]ị cáo|[Nn]guyên)"
_CREDIT = re.compile(r"\((?:Ảnh|Ảnh|Nguồn|Đồ họa|Video)\s*:[^)]*\)")


def _sentence_spans(doc: Document) -> list[tuple[int, int]]:
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", doc.match_text)]


def _link_sentence(text: str, base: int, written: str | None = None
                   ) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, titles) of every name presented with titles in one sentence.

    `text` is the match text of the sentence, `written` the same span of
    `Document.text` that titles are copied from (defaults to `text`).
    """
    written = text if written is None else written
    heads = find_heads(text)
    if not heads:
        return []
    toks = tokenize(text)
    starts = [s for s, _ in toks]
    head_tokens = {k for hs, he, _ in heads  # tokens that start inside a head
                   for k in range(bisect_left(starts, hs), bisect_left(starts, he))}
    names = names_in_tokens(text, toks, 0, head_tokens)
    if not names:
        return []
    full = text  # offsets below are sentence offsets; `base` is added on return
    stops = {s for s, _ in names} | {s for s, _, _ in heads}
    ends = {hs: title_end(full, he, stops - {hs}) for hs, he, _ in heads}
    by_start = {hs: (hs, he, acting) for hs, he, acting in heads}
    used: set[int] = set()
    found: dict[int, tuple[int, int, tuple[str, ...]]] = {}

    def chain_back(first: int) -> list[int]:
        """Heads of the titles chained before the title starting at `first`."""
        out = [first]
        while True:
            prev = [hs for hs in by_start if hs < out[0] and hs not in used
                    and _CHAIN_SEP.fullmatch(full, ends[hs], out[0])]
            if not prev:
                return out
            out.insert(0, max(prev))

    def title_text(hs: int, end: int) -> str | None:
        if by_start[hs][2]:  # acting duties are not a title
            return None
        return written[hs:end].strip()

    # titles, then the name
    for ns, ne in names:
        cands = [hs for hs in by_start if hs < ns and ends[hs] >= ns - 1
                 and not full[ends[hs]:ns].strip()]
        if not cands:
            continue
        last = max(cands)
        chain = chain_back(last)
        titles = [title_text(hs, ns if hs == last else ends[hs]) for hs in chain]
        used.update(chain)
        found[ns] = (ns, ne, tuple(t for t in titles if t))

    # the name, then titles (also after a name that titles preceded:
    # "Trung tá Trần Anh Tuấn - Trưởng Công an huyện Yên Thủy")
    for ns, ne in names:
        m = _NAME_SEP.match(full, ne)
        if not m or m.end() not in by_start or m.end() in used:
            continue
        chain = [m.end()]
        while True:
            nxt = _CHAIN_SEP.match(full, ends[chain[-1]])
            if (not nxt or nxt.end() not in by_start or nxt.end() in used
                    or nxt.end() == ends[chain[-1]]):
                break
            chain.append(nxt.end())
        used.update(chain)
        titles = [title_text(hs, extend_title(full, ends[hs])) for hs in chain]
        before = found[ns][2] if ns in found else ()
        found[ns] = (ns, ne, before + tuple(t for t in titles if t))
    return [(s + base, e + base, t) for s, e, t in found.values() if t]


# After a later mention: no word glued on, no capitalised word (a longer name) next.
_MENTION_END = re.compile(r"(?![\w])(?!\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][a-zà-ỹ])")
_CUE_AT = re.compile(r"(?<!\w)(?=" + _CUE + r"(\s+))")  # group 1 ends where the given name starts
_WORD_CHAR = re.compile(r"\w")


def _later_mentions(mt: str, people: dict[str, int]) -> list[tuple[int, int, str]]:
    """(start, end, person) of every full name of `people` and every cue + given part
    that only one of them has ("ông Tuấn"), left to right, not overlapping.

    Where several forms start at one place, the longest full name comes first,
    then the cue forms, longest part first; a form that fails _MENTION_END
    gives way to the next.  (A regex alternation of the names does the same,
    but compiling one per document cost more than the whole search.)
    """
    parts: dict[str, set[str]] = {}
    for name in people:
        for p in given_parts(name):
            parts.setdefault(p, set()).add(name)
    fulls = sorted(people, key=len, reverse=True)
    short = [(p, next(iter(owners))) for p, owners in sorted(parts.items(), key=lambda x: -len(x[0]))
             if len(owners) == 1 and p not in people]
    # (form start, rank, form end, mention start, person)
    forms: list[tuple[int, int, int, int, str]] = []
    for rank, name in enumerate(fulls):
        k = mt.find(name)
        while k >= 0:
            if k == 0 or not _WORD_CHAR.match(mt, k - 1):
                forms.append((k, rank, k + len(name), k, name))
            k = mt.find(name, k + 1)
    if short:
        for m in _CUE_AT.finditer(mt):
            at = m.end(1)
            for rank, (p, owner) in enumerate(short, start=len(fulls)):
                if mt.startswith(p, at):
                    forms.append((m.start(), rank, at + len(p), at, owner))
    forms.sort()
    out: list[tuple[int, int, str]] = []
    free_from = 0
    for start, _, end, mention_start, person in forms:
        if start >= free_from and _MENTION_END.match(mt, end):
            out.append((mention_start, end, person))
            free_from = end
    return out


def _clause_titles(doc: Document, start: int, end: int) -> tuple[str, ...]:
    return ()


def find_officials(doc: Document) -> list[Official]:
    """Stage: every official mention of `doc`; also fills `doc.authors`."""
    mt = doc.match_text
    doc.authors = find_authors(doc)
    if not head_regex().search(mt):
        return []
    linked: list[tuple[int, int, tuple[str, ...]]] = []
    for s, e in _sentence_spans(doc):  # a sentence without a title head links nothing
        linked.extend(_link_sentence(mt[s:e], s, doc.text[s:e]))
    credits = [(m.start(), m.end()) for m in _CREDIT.finditer(mt)]
    linked = [x for x in linked if not any(a <= x[0] < b for a, b in credits)]
    if not linked:
        return []
    linked.sort()
    first: dict[str, int] = {}
    for s, e, _ in linked:
        first.setdefault(doc.text[s:e], s)
    out = [Official(start=s, end=e, text=doc.text[s:e], name=doc.text[s:e], titles=t)
           for s, e, t in linked]
    taken = [(s, e) for s, e, _ in linked]
    for s, e, name in _later_mentions(mt, first):
        if s < first[name] or any(a < e and s < b for a, b in taken):
            continue
        if any(a <= s < b for a, b in credits):
            continue
        before = mt[max(0, s - 12):s].lower().rstrip(" .")
        if any(before.endswith(c) for c in PLACE_CUES):
            continue
        out.append(Official(start=s, end=e, text=doc.text[s:e], name=name,
                            titles=_clause_titles(doc, s, e)))
    out.sort(key=lambda o: o.start)
    return out
