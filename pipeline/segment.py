"""Sentences (eagerly, cheap) and words (lazily, per sentence, expensive).

underthesea's `sent_tokenize` knows Vietnamese abbreviations ("TP.", "GS.")
but returns stripped strings and does not split at newlines, so we split
lines first and find each sentence back in its line to keep offsets.
Word segmentation runs at ~70K chars/s, so it is only done for the sentences
a stage asks for (`Sentence.words()`), never for the whole document.

>>> from pipeline.model import Document
>>> d = Document.from_text("Ngày 9/5, đoàn làm việc. TP. Hà Nội đạt 98,65%.\\nDòng mới")
>>> [s.text for s in split_sentences(d).sentences]
['Ngày 9/5, đoàn làm việc.', 'TP. Hà Nội đạt 98,65%.', 'Dòng mới']
"""
from __future__ import annotations

import re

from pipeline.model import Document, Sentence

_LINE = re.compile(r"[^\n]+")
_MAX_LINE = 20_000  # a pathological unbroken line is cut so the tokenizer stays linear


def _sent_tokenize(line: str) -> list[str]:
    from underthesea import sent_tokenize
    return sent_tokenize(line)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence in `text`, in order, lossless."""
    spans: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        line, base = m.group(0), m.start()
        if not line.strip():
            continue
        pieces: list[str] = []
        for i in range(0, len(line), _MAX_LINE):
            pieces.extend(_sent_tokenize(line[i:i + _MAX_LINE]) if len(line) > 3 else [line])
        cursor = 0
        for sent in pieces:
            sent = sent.strip()
            if not sent:
                continue
            k = line.find(sent, cursor)
            if k < 0:  # tokenizer rewrote the text; fall back to the rest of the line
                k = cursor
                while k < len(line) and line[k].isspace():
                    k += 1
                spans.append((base + k, base + len(line.rstrip())))
                cursor = len(line)
                break
            spans.append((base + k, base + k + len(sent)))
            cursor = k + len(sent)
        if cursor < len(line.rstrip()):  # trailing text the tokenizer dropped
            rest = line[cursor:]
            lead = len(rest) - len(rest.lstrip())
            if rest.strip():
                spans.append((base + cursor + lead, base + len(line.rstrip())))
    return spans


def split_sentences(doc: Document) -> Document:
    """Stage: fill `doc.sentences` from `doc.text`."""
    doc.sentences = [Sentence(index=i, start=s, end=e, text=doc.text[s:e])
                     for i, (s, e) in enumerate(sentence_spans(doc.text))]
    doc._sent_starts = None
    return doc


def segment_words(text: str, base: int = 0, engine: str = "underthesea") -> list[tuple[str, int, int]]:
    """Word-segment one sentence: (word, start, end) with offsets `base`-shifted.

    Multi-syllable words keep their spaces ("Bộ Chính trị").  The segmenter's
    output is located back in the text; a word it rewrote is skipped.
    """
    if engine == "pyvi":
        from pyvi import ViTokenizer
        words = [w.replace("_", " ") for w in ViTokenizer.tokenize(text).split()]
    else:
        from underthesea import word_tokenize
        words = word_tokenize(text, use_token_normalize=False)
    out: list[tuple[str, int, int]] = []
    cursor = 0
    for w in words:
        k = text.find(w, cursor)
        if k < 0:
            continue
        out.append((w, base + k, base + k + len(w)))
        cursor = k + len(w)
    return out
