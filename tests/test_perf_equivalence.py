"""The speed-ups of the extractors give the same answers as the plain forms they replaced.

Each fast form (one pass over many phrases, a trie of heads, later mentions
without a regex per document) is checked against the straightforward code it
replaced, on crafted edge cases and on real sentences of the pool.
"""
from __future__ import annotations

import json
import re
from itertools import islice

import pytest

from corpus_paths import POOL as POOL_NEWS
from pipeline.extract.officials import _CUE, _later_mentions
from pipeline.extract.quantity_kind_rules import _first_hit, _last_hit
from pipeline.extract.titles import PREFIXES, head_regex, heads
from pipeline.kind_model import CUES, TENSES, _WholeWords
from pipeline.normalise import unify_tone_placement

EDGES = [
    "đã giảm được 5%, quan trọng là ưu đãi", "giảm đượcx", "qua", "giảm  được", "Đã tăng gần 3 lần",
    "kế hoạch đề ra; chỉ tiêu: phấn đấu đạt", "", "đạt45", "trên, hơn và gần", "dự kiến sẽ đang",
]


def _pool_texts(n: int = 60) -> list[str]:
    if not POOL_NEWS.exists():
        return []
    with POOL_NEWS.open(encoding="utf-8") as fh:
        return [unify_tone_placement(json.loads(line)["text"]) for line in islice(fh, n)]


POOL = _pool_texts()


def _one_regex_per_phrase(text: str, phrases) -> set[str]:
    return {p for p in phrases if re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", text)}


@pytest.mark.parametrize("phrases", [CUES, TENSES])
def test_whole_words_match_one_search_per_phrase(phrases):
    finder = _WholeWords(phrases)
    texts = EDGES + [t.lower()[i:i + 90] for t in POOL for i in range(0, len(t), 70)]
    for text in texts:
        assert finder.found_in(text) == _one_regex_per_phrase(text, phrases), text


def _hits_one_by_one(text: str, phrases) -> tuple[int, int]:
    ends = [m.end() for p in phrases for m in re.finditer(r"(?<!\w)" + re.escape(p) + r"(?!\w)", text)]
    starts = [m.start() for p in phrases for m in re.finditer(r"(?<!\w)" + re.escape(p) + r"(?!\w)", text)]
    return max(ends, default=-1), min(starts, default=-1)


def test_rule_hits_match_one_search_per_phrase():
    phrases = ("đã", "đạt", "đạt được", "giảm", "giảm được", "phạt", "phạt tiền", "số tiền", "giá")
    texts = EDGES + ["bị phạt tiền 5 triệu", "giá bán đạt được"] + [t.lower()[:400] for t in POOL]
    for text in texts:
        assert (_last_hit(text, phrases), _first_hit(text, phrases)) == _hits_one_by_one(text, phrases)
        assert _last_hit(text, ()) == _first_hit(text, ()) == -1


def test_head_trie_matches_the_flat_alternation():
    flat = re.compile(r"(?<!\w)" + PREFIXES + r"(?:" + "|".join(re.escape(h) for h in heads()) + r")(?!\w)",
                      re.IGNORECASE)
    texts = ["Phó Bí thư Thành ủy, nguyên Chủ tịch UBND tỉnh", "PHÓ CHỦ TỊCH nước", "Bí thưx"] + POOL
    for text in texts:
        assert [m.span() for m in head_regex().finditer(text)] == [m.span() for m in flat.finditer(text)]


def _later_by_regex(mt: str, people: dict[str, int]) -> list[tuple[int, int, str]]:
    """The replaced form: one regex per document."""
    parts: dict[str, set[str]] = {}
    for name in people:
        for p in name.split()[-1:] + ([" ".join(name.split()[-2:])] if len(name.split()) >= 3 else []):
            parts.setdefault(p, set()).add(name)
    alts = [re.escape(n) for n in sorted(people, key=len, reverse=True)]
    short = [re.escape(p) for p, owners in sorted(parts.items(), key=lambda x: -len(x[0]))
             if len(owners) == 1 and p not in people]
    pats = [r"(?P<full>" + "|".join(alts) + r")"]
    if short:
        pats.append(_CUE + r"\s+(?P<part>" + "|".join(short) + r")")
    rx = re.compile(r"(?<!\w)(?:" + "|".join(pats) + r")(?![\w])(?!\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][a-zà-ỹ])")
    owner = {p: next(iter(o)) for p, o in parts.items()}
    out = []
    for m in rx.finditer(mt):
        g = "full" if m.group("full") else "part"
        out.append((*m.span(g), m.group(g) if g == "full" else owner[m.group(g)]))
    return out


@pytest.mark.parametrize("text, people", [
    ("Ông Tuấn nói, ông Ngọc Tuấn và Nguyễn Ngọc Tuấn. Bà Hằng Nga", ["Nguyễn Ngọc Tuấn", "Ngô Thị Hằng"]),
    ("Nguyễn Ngọc Tuấn Anh; Nguyễn Ngọc Tuấnx; đồng chí  Tuấn, bị cáo Tuấn", ["Nguyễn Ngọc Tuấn"]),
    ("Lê Văn An và Lê Văn Anh: ông An, ông Anh, ông Văn An", ["Lê Văn An", "Lê Văn Anh"]),
    ("Trần Hải gặp Trần Hải Nam; bà Hải Nam; Trần Hải Nam", ["Trần Hải", "Trần Hải Nam"]),
    ("xông Tuấn, Ông Tuấn Hà Nội, ông Tuấn ÷", ["Phạm Tuấn"]),
])
def test_later_mentions_match_the_regex_per_document(text, people):
    first = {p: 0 for p in people}
    assert _later_mentions(text, first) == _later_by_regex(text, first)


def test_later_mentions_match_on_pool_names():
    name = re.compile(r"(?:Nguyễn|Trần|Lê|Phạm|Hoàng|Võ|Đỗ|Bùi)(?: [A-ZĐ][a-zà-ỹ]+){1,3}")
    for text in POOL:
        people = {n: 0 for n in dict.fromkeys(name.findall(text))}
        if people:
            assert _later_mentions(text, people) == _later_by_regex(text, people)
