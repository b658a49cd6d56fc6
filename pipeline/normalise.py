"""Normalise text to NFC and build a same-length matching text with one tone placement.

Why two texts: ANNOTATION.md scores offsets into the NFC text, so output
spans are sliced from it unchanged; grammars, though, should not care whether
a writer typed "hoà" or "hòa", "khoá" or "khóa", "Thuý" or "Thúy".  In NFC
both placements are the same number of code points, so moving the mark gives
a text of identical length and offsets carry over one to one.

NFD or other decomposed input changes length under NFC: `nfc_with_offsets`
returns, for each NFC character, the index of the source character it came
from, so spans map back to the original.

>>> unify_tone_placement("hoà thuận, Thuý, khoá XII, quý, hoàn")
'hòa thuận, Thúy, khóa XII, quý, hoàn'
"""
from __future__ import annotations

import re
import unicodedata

from pipeline.model import Document

# Vowel + tone mark, decomposed: base vowel letter -> {mark: composed}
_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng


def _strip_tone(ch: str) -> tuple[str, str]:
    """Split a composed vowel into (vowel without tone, tone mark or '')."""
    d = unicodedata.normalize("NFD", ch)
    tone = "".join(c for c in d if c in _TONES)
    base = "".join(c for c in d if c not in _TONES)
    return unicodedata.normalize("NFC", base), tone


def _with_tone(ch: str, tone: str) -> str:
    return unicodedata.normalize("NFC", ch + tone)


# Old placement puts the mark on the second vowel of an open "oa", "oe", "uy"
# syllable ("hoà", "khoé", "thuý"); the placement used by most of the press
# and by the gold is on the first ("hòa", "khóe", "thúy").  "qu" is a
# consonant, so "quý" is already right and is left alone.
_LETTER = r"[^\W\d_]"
_OLD_PLACEMENT = re.compile(
    r"(?<![qQ])([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?!" + _LETTER + ")"
)
_PAIRS = {"o": "ae", "u": "y"}


def _move_tone(m: re.Match[str]) -> str:
    first, second = m.group(1), m.group(2)
    base2, tone = _strip_tone(second)
    if base2.lower() not in _PAIRS[first.lower()]:
        return m.group(0)
    return _with_tone(first, tone) + base2


def unify_tone_placement(text: str) -> str:
    """Move old-style tone marks to the first vowel; length is unchanged."""
    out = _OLD_PLACEMENT.sub(_move_tone, text)
    return out.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")  # Ð -> Đ


def nfc_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """NFC-normalise; also return source offsets per output char (None if unchanged)."""
    nfc = unicodedata.normalize("NFC", text)
    if nfc == text:
        return nfc, None
    # Normalise cluster by cluster: a base char plus its combining marks.
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        out.append(piece)
        offsets.extend([i] * len(piece))
        i = j
    joined = "".join(out)
    if joined != nfc:  # composition across cluster boundaries (rare); fall back
        return nfc, None
    return joined, offsets


def compose_offsets(outer: list[int] | None, inner: list[int] | None) -> list[int] | None:
    """Chain two offset maps: inner maps text->mid, outer maps mid->raw."""
    if inner is None:
        return outer
    if outer is None:
        return inner
    return [outer[i] if i < len(outer) else len(outer) for i in inner]


def normalise(doc: Document) -> Document:
    """Stage: make `doc.text` NFC (keeping offsets to the source) and fill `match_text`."""
    nfc, offsets = nfc_with_offsets(doc.text)
    if offsets is not None:
        if doc.raw is None:
            doc.raw = doc.text
        doc.raw_offsets = compose_offsets(doc.raw_offsets, offsets)
        doc.text = nfc
    doc.match_text = unify_tone_placement(doc.text)
    assert len(doc.match_text) == len(doc.text)
    return doc
