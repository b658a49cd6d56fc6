"""Decode bytes of unknown encoding: UTF-8 (BOM or not), UTF-16, Windows-1258.

Vietnamese archives come in all three.  Order matters: a BOM is certain;
UTF-16 without a BOM shows as NUL bytes in every other position; strict
UTF-8 rarely decodes anything else by accident; Windows-1258 (which writes
tone marks as combining characters, fixed later by NFC) is the fallback.
A file with many NUL or control bytes that is not UTF-16 is binary and refused.

>>> decode("Hòa".encode("utf-16"))[0]
'Hòa'
>>> import unicodedata
>>> text, enc = decode(unicodedata.normalize("NFD", "Hòa bình").encode("cp1258"))
>>> unicodedata.normalize("NFC", text), enc
('Hòa bình', 'cp1258')
"""
from __future__ import annotations

import codecs


class DecodeError(ValueError):
    """The bytes are not text in any encoding we read."""


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); raise DecodeError for binary data."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16", errors="replace"), "utf-16"
    utf16 = _looks_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    sample = data[:8000]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    # a stray NUL or control byte in text is cleaned later; many mean a binary file
    if sample.count(0) > max(2, 0.01 * len(sample)) or controls > max(8, 0.05 * len(sample)):
        raise DecodeError("binary file (NUL and control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    # Windows-1258 decodes every byte except a few; only accept it when the
    # result looks like text (few control characters).
    text = data.decode("cp1258", errors="replace")
    controls = sum(1 for c in text[:8000] if ord(c) < 32 and c not in "\r\n\t")
    if controls > 0.01 * max(1, min(len(text), 8000)) or text[:8000].count("\ufffd") > 8:
        raise DecodeError(f"undecodable bytes (not UTF-8 at byte {bad_at}, not Windows-1258)")
    return text, "cp1258"
