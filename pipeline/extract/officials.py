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
from pipeline.extract.names import (CITY_CUE, PLACE_CUES, SPACED_SYLLABLES, foreign_cue_regex, foreign_name,
                                    given_parts, names_in_tokens, tokenize)
from pipeline.extract.titles import (bare_head, find_heads, foreign_heads, full_title_end, generic_heads,
                                     head_regex, reaches_name, title_end, unit_length)
from pipeline.model import Document, Official

_CHAIN_SEP = re.compile(r"\s*(?:,|;?\s*kiêm|\s+và|\s+[-–])\s*", re.IGNORECASE)
_NAME_SEP = re.compile(r"\s*(?:,|[-–]|\()\s*")
_CUE = r"(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|[Bb]ị cáo|[Nn]guyên)"
_CREDIT = re.compile(r"\((?:Ảnh|Ảnh|Nguồn|Đồ họa|Video)\s*:[^)]*\)")


def _sentence_spans(doc: Document) -> list[tuple[int, int]]:
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", doc.match_text)]


# Between a name and the titles after it: an aside ("(quê quận Hải Châu, TP. Đà
# Nẵng)", ", sinh năm 1978") may come first.
_ASIDE = re.compile(r"\s*(?:\((?![^()\n]*\b(?:nguyên|cựu)\b)[^()\n]{1,80}\)"
                    r"|,\s*(?:sinh (?:năm|ngày)|SN)\s*\d[\d/.-]{1,9}"  # ", sinh ngày 05/11/1972 quê tại Nghệ An"
                    r"(?:\s*,?\s*(?:quê|trú|ngụ|thường trú)(?:\s+quán)?(?:\s+(?:tại|ở))?\s+[^,;()\n]{1,40})?(?=\s*,))",
                    re.IGNORECASE)
# A verb that gives, holds or takes away a post, between a name and a title:
# "ông X được bổ nhiệm làm", "giữ chức", "thôi làm", "là", "với tư cách".  A post
# only proposed or planned ("được đề nghị", "quy hoạch") is not listed, so not matched.
_POST = re.compile(
    r"\s*[,(]?\s*(?:(?:trong thời gian|thời gian|khi đó|lúc đó|khi ấy|lúc ấy|khi còn|khi|lúc"
    r"|đã|vừa|mới|sẽ|được|đang|từng|tiếp tục|chính thức|cũng|hiện|nay)\s+)*"
    r"(?:(?:(?:được\s+)?(?:điều động|tái bổ nhiệm|bổ nhiệm|bầu|luân chuyển|phân công|chỉ định)\s*,?\s+)+"
    r"(?:(?:làm|giữ chức(?:\s+vụ)?|vào vị trí|vào chức(?:\s+vụ)?|chức(?:\s+vụ)?|giữ)\s+)?"
    r"|(?:(?:bị\s+)?cách chức(?:\s+vụ)?|thôi làm|thôi giữ chức(?:\s+vụ)?|thôi giữ|giữ chức(?:\s+vụ)?|giữ cương vị|đảm nhận(?:\s+chức(?:\s+vụ)?)?"
    r"|vào vị trí|vào chức(?:\s+vụ)?"
    r"|làm|là|với tư cách(?:\s+là)?)\s+)")
# Between titles and the name they introduce: "Phó Tổng giám đốc OGC – ông Lê Huy
# Giang", "trong thời gian làm Giám đốc Sở …, bà X", "thôi làm thành viên Ủy ban X
# đối với ông Y" (the last only after a word that gives a post).
_TERM = (r"(?:,?\s*(?:bây giờ|hiện nay|hiện tại|lúc đó|khi đó|lúc bấy giờ|khi ấy|lúc ấy"  # "Chủ tịch bây giờ - ông X"
         r"|(?:nhiệm kỳ|giai đoạn)\s+\d{4}\s*[-–]\s*\d{4}"  # the term is not part of the post
         r"|(?:giai đoạn\s+)?từ\s+(?:ngày|tháng|năm)\s+\d[\d/.-]*(?:\s+(?:đến|tới)\s+(?:nay"
         r"|(?:(?:ngày|tháng|năm)\s+)?\d[\d/.-]*))?))")
# titles chained before a name, each with its own term: "phó bí thư Đảng uỷ từ tháng
# 8-2012, bí thư Đảng uỷ từ tháng 10-2013, …, ông Dũng"
_CHAIN_BACK = re.compile(_TERM + r"?" + _CHAIN_SEP.pattern, re.IGNORECASE)
_INTRO = re.compile(_TERM + r"?"  # nor its dates: "bộ trưởng từ tháng 4-2016 đến nay, ông X"
                    r"\s*(?:,|[-–]|là|(?P<with>(?:đối\s+)?với))\s*(?:ông|bà|đồng chí)\s+$")  # "Chủ tịch HĐQT công ty này là bà X"
_GIVES_POST = re.compile(r"(?:chức vụ|chức danh|chức|làm|vị trí|bầu|bổ nhiệm)\s+$")


def _link_sentence(text: str, base: int, written: str | None = None,
                   extra: tuple[tuple[int, int], ...] = (),
                   heads: list[tuple[int, int, str]] | None = None
                   ) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, titles) of every name presented with titles in one sentence.

    `text` is the match text of the sentence, `written` the same span of
    `Document.text` that titles are copied from (defaults to `text`).  `extra`
    are spans (sentence offsets) of later mentions ("Nhạ" in "Bộ trưởng Nhạ")
    to read as names too; they are returned even without titles.  `heads` are
    the sentence's heads when the caller has them.
    """
    written = text if written is None else written
    heads = find_heads(text) if heads is None else heads
    if not heads:
        return [(s + base, e + base, ()) for s, e in extra]
    toks = tokenize(text)
    starts = [s for s, _ in toks]
    head_tokens = {k for hs, he, _ in heads  # tokens that start inside a head
                   for k in range(bisect_left(starts, hs), bisect_left(starts, he))}
    names = names_in_tokens(text, toks, 0, head_tokens)
    maybe_foreign = foreign_cue_regex().search(text) is not None
    if not names and not extra and not maybe_foreign:
        return []
    full = text  # offsets below are sentence offsets; `base` is added on return
    stops = {s for s, _ in names} | {s for s, _, _ in heads}
    ends = {hs: title_end(full, he, stops - {hs}) for hs, he, _ in heads}
    if maybe_foreign:  # foreign leaders named at the end of a title's tail
        foreign = foreign_heads()
        for hs, he, _ in heads:
            lo, hi = bisect_left(starts, he), bisect_left(starts, ends[hs])
            span = foreign_name(full, toks, lo, hi, bare_head(full[hs:he]) in foreign)
            if span:
                names.append(span)
                ends[hs] = title_end(full, he, stops - {hs} | {span[0]})
    names.extend(x for x in extra if not any(a < x[1] and x[0] < b for a, b in names))
    if not names:
        return []
    names.sort()
    by_start = {hs: (hs, he, no_title) for hs, he, no_title in heads}
    used: set[int] = set()
    ranked: set[int] = set()  # names presented by a military rank (listed without it)
    found: dict[int, tuple[int, int, tuple[str, ...]]] = {}

    def chain_back(first: int) -> list[int]:
        """Heads of the titles chained before the title starting at `first`."""
        out = [first]
        while True:
            prev = [hs for hs in by_start if hs < out[0] and hs not in used
                    and _CHAIN_BACK.fullmatch(full, ends[hs], out[0])]
            if not prev:
                return out
            out.insert(0, max(prev))

    def title_text(hs: int, end: int) -> str | None:
        if by_start[hs][2]:  # acting duties and military ranks are not titles
            return None
        he = by_start[hs][1]
        if not full[he:end].strip() and bare_head(full[hs:he]) in generic_heads():
            return None  # "người đứng đầu" without its organisation
        return written[hs:end].strip()

    name_end = dict(names)

    def reach(hs: int, ns: int, intro: bool) -> int | None:
        """Where the title at `hs` ends if it introduces the name at `ns`, else None.
        With `intro`, only through "…, ông X" / "… – ông X" / "… đối với ông X"."""
        e = ends[hs]
        if not intro:
            if e >= ns - 1 and not full[e:ns].strip():
                return ns
            return ns if reaches_name(full, e, ns, name_end[ns]) else None
        for e in (e, full_title_end(full, by_start[hs][1], stops - {hs})):  # "… Xi măng Hà Tiên 1, ông X"
            m = _INTRO.match(full, e, ns)
            if m and m.end() == ns and (not m.group("with") or _GIVES_POST.search(full, max(0, hs - 12), hs)):
                return e
        return None

    def titles_before(ns: int, ne: int, intro: bool) -> None:
        cands = [(hs, r) for hs in by_start if hs < ns and hs not in used
                 for r in [reach(hs, ns, intro)] if r is not None]
        if not cands:
            return
        last, last_end = max(cands)
        chain = chain_back(last)
        titles = [title_text(hs, last_end if hs == last else ends[hs]) for hs in chain]
        used.update(chain)
        ranked.update(ns for hs in chain if by_start[hs][2] == "rank")
        after = found[ns][2] if ns in found else ()
        found[ns] = (ns, ne, tuple(t for t in titles if t) + after)

    # titles, then the name
    for ns, ne in names:
        titles_before(ns, ne, False)

    # the name, then titles (also after a name that titles precede: "Trung tá Trần
    # Anh Tuấn - Trưởng Công an huyện Yên Thủy"); a title that runs into the next
    # name is that name's ("Bộ trưởng A, Phó chủ tịch UBND thành phố Đà Nẵng B")
    def runs_into_name(hs: int) -> bool:
        return any(n > hs and reach(hs, n, False) is not None for n, _ in names)

    def titles_from(first: int, ns: int, ne: int, proposed: bool) -> None:
        """Give the name at `ns` the title at `first` and the titles chained after it."""
        chain = [first]
        ext = {first: full_title_end(full, by_start[first][1], stops - {first})}
        while True:  # "- phó chủ tịch HĐQT, giữ chức chủ tịch HĐQT" also chains
            at = ext[chain[-1]]
            nxt = _CHAIN_SEP.match(full, at)
            if (not nxt or nxt.end() not in by_start) and not proposed:
                nxt = _POST.match(full, at)
            if (not nxt or nxt.end() not in by_start or nxt.end() in used
                    or nxt.end() == at or runs_into_name(nxt.end())):
                break
            chain.append(nxt.end())
            ext[nxt.end()] = full_title_end(full, by_start[nxt.end()][1], stops - {nxt.end()})
        used.update(chain)
        ranked.update(ns for hs in chain if by_start[hs][2] == "rank")
        titles = [title_text(hs, ext[hs]) for hs in chain]
        before = found[ns][2] if ns in found else ()
        found[ns] = (ns, ne, before + tuple(t for t in titles if t))

    for ns, ne in names:
        first = _titles_after(full, ne, by_start, used, ns)
        if first is None or runs_into_name(first):
            continue
        titles_from(first, ns, ne, _PROPOSED.search(full, max(0, ns - 40), ns) is not None)

    # titles, then "ông X" after a comma or dash: heads that no name took
    for ns, ne in names:
        titles_before(ns, ne, True)

    # a post given, held or lost further on in the sentence of the one person it
    # names: "ông Tuấn nêu nguyện vọng xin thôi chức vụ Chánh văn phòng sở Xây dựng"
    written_names = {full[s:e] for s, e in names}
    if len({n for n in written_names  # "ông Thắng" after "Nguyễn Văn Thắng" is one person
            if not any(m != n and m.endswith(" " + n) for m in written_names)}) == 1:
        for hs in sorted(by_start):
            given = _GIVEN_BEFORE.search(full, max(0, hs - 32), hs)
            if (hs in used or hs < names[0][0] or not given
                    or _PROPOSED.search(full, max(0, hs - 40), hs) or runs_into_name(hs)):
                continue
            ns, ne = max(n for n in names if n[0] < hs)
            between = full[ne:max(ne, given.start())]
            if _NOT_YET.search(between):
                continue  # "được giới thiệu để ... bầu giữ chức", "sẽ đảm nhận chức vụ"
            if not _PATIENT.search(between) and (_AGENT.search(between) or any(
                    ne <= h < hs for h in by_start if h not in used)):
                continue  # the person gives the post, or another holder comes first
            titles_from(hs, ns, ne, False)
    keep = set(extra)
    return [(s + base, e + base, t) for s, e, t in found.values()
            if t or s in ranked or (s, e) in keep] + [
        (s + base, e + base, ()) for s, e in extra if s not in found]


# Words that give, hold or take away the post written right after them, when no
# name follows: "giữ chức", "cách chức", "thôi chức vụ", "vào vị trí", "với cương vị".
_GIVEN_BEFORE = re.compile(r"(?<!\w)(?:(?:cách|thôi|giữ|miễn nhiệm|bổ nhiệm|bầu)\s+)?(?:chức vụ|chức danh|chức|cương vị|vị trí|thôi làm|bổ nhiệm làm"
                           r"|bầu làm|bổ nhiệm|bầu|đảm nhiệm|đảm nhận|kiêm nhiệm)\s+$")


# Between the person and that post: the person takes it ("bị", "được": "ông X bị Thủ
# tướng ra quyết định cách chức ..."), or gives or speaks of it ("Thủ tướng X phê
# chuẩn kết quả bầu chức vụ ...", "X công bố quyết định bổ nhiệm ...").
_PATIENT = re.compile(r"(?<!\w)(?:bị|được)(?!\w)")
_AGENT = re.compile(r"(?<!\w)(?:phê chuẩn|công bố|trình bày|trình|ký|trao|đọc|đề nghị|đề xuất|quyết định"
                    r"|tuyên bố|giới thiệu|thông qua|biểu quyết|cho rằng|nhất thể hóa|bầu|bổ nhiệm"
                    r"|miễn nhiệm|cách chức|điều động)(?!\w)")


_NOT_YET = re.compile(r"(?<!\w)(?:đề xuất|đề nghị|dự kiến|giới thiệu|quy hoạch|đề cử|ứng cử|sẽ|khả năng)(?!\w)")


# A post only proposed or planned is not given: "đề xuất ông X giữ chức Chủ tịch".
_PROPOSED = re.compile(r"(?:đề xuất|đề nghị|dự kiến|giới thiệu|quy hoạch|đề cử|ứng cử)"
                       r"[^,.;:]{0,25}$", re.IGNORECASE)


def _titles_after(full: str, ne: int, by_start: dict, used: set[int],
                  ns: int | None = None) -> int | None:
    """Start of the head of the first title written after the name ending at `ne`
    (`ns`: where the name starts, to see a proposal before it)."""
    proposed = ns is not None and _PROPOSED.search(full, max(0, ns - 40), ns) is not None
    for at in (ne, None):
        if at is None:
            m = _ASIDE.match(full, ne)
            if not m:
                return None
            at = m.end()
        for rx in (_NAME_SEP, _POST):
            if proposed and rx is _POST:
                continue
            m = rx.match(full, at)
            if m and m.end() in by_start and m.end() not in used:
                return m.end()
    return None


# After a later mention: no word glued on, no capitalised word (a longer name) next.
_MENTION_END = re.compile(r"(?![\w])(?!\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][a-zà-ỹ])")
# group 1 ends where the given name starts; the first-letter lookahead lets the engine skip most positions
_CUE_AT = re.compile(r"(?=[ĐđÔôBbAaCcNn])(?<!\w)(?=" + _CUE + r"(\s+))")
_WORD_CHAR = re.compile(r"\w")
_WORD = re.compile(r"\w+")


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
        # a foreign name with spaced hyphens is written several ways ("Prayut Chan -
        # ocha", "Prayut Chan - o - cha"): look for what comes before the hyphens
        stem = name.split(" -", 1)[0].split(" –", 1)[0]
        k = mt.find(stem)
        while k >= 0:
            if k == 0 or not _WORD_CHAR.match(mt, k - 1):
                end = k + len(stem)
                if stem != name:  # a variant, of a name already presented
                    tail = SPACED_SYLLABLES.match(mt, end)
                    end = tail.end() if tail and people[name] < k else -1
                if end > 0:
                    forms.append((k, rank, end, k, name))
            k = mt.find(stem, k + 1)
    if short:
        # a part can only end a mention if its first syllable is the word after
        # the cue (a longer word fails _MENTION_END), so look parts up by it
        by_first: dict[str, list[tuple[int, str, str]]] = {}
        for rank, (p, owner) in enumerate(short, start=len(fulls)):
            by_first.setdefault(p.split(" ", 1)[0], []).append((rank, p, owner))
        for m in _CUE_AT.finditer(mt):
            at = m.end(1)
            w = _WORD.match(mt, at)
            for rank, p, owner in by_first.get(w.group(0), ()) if w else ():
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


def _titled_mentions(mt: str, heads: list[tuple[int, int]], people: dict[str, int]
                     ) -> list[tuple[int, int, str]]:
    """(start, end, person) of every head + given part that one person has:
    "Bộ trưởng Nhạ", "Thứ trưởng Công" (not "Thứ trưởng Công an")."""
    owners: dict[str, set[str]] = {}
    for name in people:
        for p in given_parts(name):
            owners.setdefault(p, set()).add(name)
    parts = sorted((p for p, o in owners.items() if len(o) == 1 and p not in people),
                   key=len, reverse=True)
    out = []
    for _, he in heads:
        if mt[he:he + 1] != " ":
            continue
        at = he + 1
        for p in parts:
            if mt.startswith(p, at) and _MENTION_END.match(mt, at + len(p)):
                words = [w for w in mt[at:at + 40].split()[:4]]
                if unit_length(words, 0) <= len(p.split()):
                    out.append((at, at + len(p), next(iter(owners[p]))))
                break
    return out


def _clause_titles(doc: Document, mentions: list[tuple[int, int, str]],
                   heads: dict[int, list[tuple[int, int, str]]] | None = None,
                   spans: list[tuple[int, int]] | None = None) -> dict[int, tuple[str, ...]]:
    """Titles written with each later mention, by mention start: the linking
    grammar of its sentence run with the mention read as a name ("Bộ trưởng
    Nhạ", "cựu Chủ tịch OGC – ông Hà Văn Thắm", "ông Du với tư cách Bí thư
    Đảng ủy, ...")."""
    spans = _sentence_spans(doc) if spans is None else spans
    sent_starts = [s for s, _ in spans]
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for s, e, _ in mentions:
        k = bisect_left(sent_starts, s + 1) - 1
        if k >= 0 and e <= spans[k][1]:
            by_sentence.setdefault(k, []).append((s, e))
    out: dict[int, tuple[str, ...]] = {}
    mt = doc.match_text
    for k, ms in by_sentence.items():
        ss, se = spans[k]
        extra = tuple((s - ss, e - ss) for s, e in ms)
        known = heads.get(ss, []) if heads is not None else None
        for s, _, titles in _link_sentence(mt[ss:se], ss, doc.text[ss:se], extra, known):
            out[s] = titles
    return out


def find_officials(doc: Document) -> list[Official]:
    """Stage: every official mention of `doc`; also fills `doc.authors`."""
    mt = doc.match_text
    doc.authors = find_authors(doc)
    all_heads = find_heads(mt)  # one scan; each sentence takes its own heads
    if not all_heads:
        return []
    linked: list[tuple[int, int, tuple[str, ...]]] = []
    heads = [(hs, he) for hs, he, _ in all_heads]
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    spans = _sentence_spans(doc)
    sent_starts = [s for s, _ in spans]
    for hs, he, kind in all_heads:
        k = bisect_left(sent_starts, hs + 1) - 1
        if k >= 0 and he <= spans[k][1]:
            ss = spans[k][0]
            by_sentence.setdefault(ss, []).append((hs - ss, he - ss, kind))
    ends = dict(spans)
    for s, sentence_heads in by_sentence.items():  # a sentence without a head links nothing
        e = ends[s]
        linked.extend(_link_sentence(mt[s:e], s, doc.text[s:e], heads=sentence_heads))
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
    later: list[tuple[int, int, str]] = []
    candidates = sorted(_later_mentions(mt, first) + _titled_mentions(mt, heads, first))
    for s, e, name in candidates:
        if s < first[name] or any(a < e and s < b for a, b in taken):
            continue
        if any(a <= s < b for a, b in credits):
            continue
        before = mt[max(0, s - 12):s].lower().rstrip(" .")
        if any(before.endswith(c) for c in PLACE_CUES) or before.endswith(CITY_CUE):
            continue
        later.append((s, e, name))
        taken.append((s, e))
    titles = _clause_titles(doc, later, by_sentence, spans)
    # a sentence read again with its later mentions as names: a title that ran on
    # into one ("Tổng thống Mỹ Donald Trump, Tổng thống Putin nhấn mạnh") is no
    # longer the title of the name before it
    out = [o if o.start not in titles or not titles[o.start] or titles[o.start] == o.titles
           else Official(start=o.start, end=o.end, text=o.text, name=o.name, titles=titles[o.start])
           for o in out]
    out.extend(Official(start=s, end=e, text=doc.text[s:e], name=name, titles=titles.get(s, ()))
               for s, e, name in later)
    out.sort(key=lambda o: o.start)
    return out
