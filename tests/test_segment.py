"""Segmentation is lossless: sentences and words read back from the text by their offsets."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import Document
from pipeline.segment import segment_words, sentence_spans, split_sentences


@pytest.mark.parametrize("text, expected", [
    ("Ngày 9/5, đoàn làm việc. TP. Hà Nội đạt 98,65%.", ["Ngày 9/5, đoàn làm việc.", "TP. Hà Nội đạt 98,65%."]),
    ("Dòng một\nDòng hai không chấm", ["Dòng một", "Dòng hai không chấm"]),
    ("GS. TS Nguyễn Văn A phát biểu. Hội nghị kết thúc.", ["GS. TS Nguyễn Văn A phát biểu.", "Hội nghị kết thúc."]),
    ("   \n\n  ", []),
])
def test_sentences(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Nghị quyết 39", "TP.", "Hà Nội", ".", "!", "?", " ", "\n", "98,65%",
                                 "ông", "A.", "1.950", "“", "”", "..."]), max_size=40).map("".join))
def test_every_non_space_character_is_in_exactly_one_sentence(text):
    spans = sentence_spans(text)
    covered = [0] * len(text)
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        for i in range(s, e):
            covered[i] += 1
    assert all(c <= 1 for c in covered)
    assert all(covered[i] == 1 for i, ch in enumerate(text) if not ch.isspace())


@pytest.mark.parametrize("engine", ["underthesea", "pyvi"])
def test_words_read_back_with_document_offsets(engine):
    text = "Bộ Chính trị ban hành Quy định số 55-QĐ/TƯ."
    words = segment_words(text, base=100, engine=engine)
    assert words and all(text[s - 100:e - 100] == w for w, s, e in words)
    assert any(" " in w for w, _, _ in words)  # multi-syllable words keep their spaces


def test_words_are_lazy_and_cached():
    doc = split_sentences(Document.from_text("Ông Nguyễn Văn A là Bí thư Thành ủy. Câu hai."))
    first = doc.sentences[0]
    assert first._words is None
    words = first.words()
    assert first._words is words and doc.sentences[1]._words is None
    assert all(doc.text[s:e] == w for w, s, e in words)
