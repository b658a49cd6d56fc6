"""Fuzzing: random and mutated real text through every stage never raises, offsets read back."""
import json
from itertools import islice

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.model import Document
from pipeline.stages import run_pipeline

from corpus_paths import POOL, SEEDS


def _real_snippets() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    with POOL.open(encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in islice(fh, 60)]
    out = []
    for t in texts:
        for i in range(0, len(t), 400):
            out.append(t[i:i + 400])
    return out


SNIPPETS = _real_snippets()
TOKENS = ["Nghị quyết", "số", "55-QĐ/TƯ", "ngày", "19-12-2016", "của", "Bộ Chính trị", "khóa XII",
          "Quy định", "/", "-", "–", "(", ")", "Bí thư", "Thành ủy", "Nguyễn Văn", "ông", "đồng chí",
          "98,65%", "14 nghìn tỷ đồng", "năm 2030", "giai đoạn 2021-2025", "Sáng 21/7", "31/2",
          "Luật", "Hiến pháp", "Điều lệ Đảng", "1.950", "hai", "lần thứ", "\n", ", ", ". ", "“", "”"]


def check(text: str) -> None:
    doc = run_pipeline(Document(doc_id="fuzz", text=text))
    for m in doc.mentions():
        assert 0 <= m.start <= m.end <= len(doc.text)
        assert doc.text[m.start:m.end] == m.text


mutated = st.builds(
    lambda base, cuts, inserts: _mutate(base, cuts, inserts),
    st.sampled_from(SNIPPETS),
    st.lists(st.integers(0, 399), max_size=6),
    st.lists(st.tuples(st.integers(0, 399), st.sampled_from(TOKENS)), max_size=6),
)


def _mutate(base: str, cuts: list[int], inserts: list[tuple[int, str]]) -> str:
    s = base
    for c in cuts:
        if c < len(s):
            s = s[:c] + s[c + 1:]
    for pos, tok in inserts:
        pos = min(pos, len(s))
        s = s[:pos] + tok + s[pos:]
    return s


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated)
def test_mutated_real_text(text):
    check(text)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join))
def test_token_soup(text):
    check(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_random_unicode(text):
    check(text)
