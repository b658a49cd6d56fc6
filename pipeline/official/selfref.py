"""Self-references ("Kế hoạch này", "Điều 3 Quyết định này") and pinpoints ("khoản 3 Điều 14 Nghị định ...").

Inside an official document "Quyết định này" means the document itself, so
it is a reference to the header's key (`is_self=True`).  Only the document's
own type counts: a "Quy định này" inside the Quy định that a Quyết định
promulgates names the attachment, not the Quyết định, and is left alone.
A pinpoint is the article part written right before a citation; the
references extractor may leave `pinpoint` empty, so `fill_pinpoints` reads it
from the text before each reference and fills it with dataclasses.replace.

>>> from pipeline.model import Document, Reference
>>> from pipeline.official.header import Header
>>> d = Document.from_text("Điều 3. Chánh Văn phòng thi hành Điều 1 Quyết định này./.")
>>> h = Header(0, 0, "QD 12 UBND", "Quyết định", "QD", "12", "QĐ-UBND", "12/QĐ-UBND",
...            None, None, None, None, None, False)
>>> [(r.text, r.key, r.pinpoint, r.is_self) for r in find_self_references(d, h)]
[('Quyết định này', 'QD 12 UBND', 'Điều 1', True)]
>>> d = Document.from_text("Căn cứ điểm a khoản 3 Điều 30 Nghị định số 181/2025/NĐ-CP")
>>> r = Reference(start=30, end=58, text=d.text[30:58], doc_type="Nghị định", key="ND 181 CP")
>>> fill_pinpoints(d, [r])[0].pinpoint
'điểm a khoản 3 Điều 30'
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from pipeline.extract.citation_tables import doc_types
from pipeline.model import Document, Reference
from pipeline.official.header import Header
from pipeline.official.mask import flat_copy

PINPOINT = re.compile(
    r"(?P<pin>(?:(?i:điểm)\s+[a-zđ](?:\s*(?:,|và)\s*[a-zđ])*\s*,?\s+)?"
    r"(?:(?i:khoản)\s+\d+(?:\s*(?:,|và)\s*\d+)*\s*,?\s+)?"
    r"(?i:điều)\s+\d+[a-zđ]?)\s*,?\s*(?:(?i:của|tại)\s+)?$")
SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _self_pattern() -> re.Pattern[str]:
    words = sorted({w for dt in doc_types().values() for w in dt.words} | {"Văn bản hợp nhất"},
                   key=len, reverse=True)
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w])(?P<type>(?i:{alts}))\s+(?:này|nay)(?![\w])")


def _same_type(word: str, header: Header) -> bool:
    w = SPACES.sub(" ", word).lower()
    own = (header.doc_type or "").lower()
    if w == own:
        return True
    return own == "công văn" and w == "văn bản"


def pinpoint_before(flat: str, start: int) -> str | None:
    """The article part written right before `start` ("khoản 3 Điều 14"), normalised."""
    m = PINPOINT.search(flat, max(0, start - 90), start)
    if not m:
        return None
    pin = SPACES.sub(" ", m.group("pin")).strip(" ,")
    pin = re.sub(r"(?i)\bđiều\b", "Điều", pin)
    return re.sub(r"(?i)\b(khoản|điểm)\b", lambda x: x.group(1).lower(), pin)


def find_self_references(doc: Document, header: Header) -> list[Reference]:
    """"<own type> này" after the header, as references to the document's own key."""
    src = doc.match_text or doc.text
    flat = flat_copy(src)
    out = []
    for m in _self_pattern().finditer(flat, header.end):
        if not _same_type(m.group("type"), header):
            continue
        s, e = m.span()
        out.append(Reference(start=s, end=e, text=doc.text[s:e], doc_type=header.doc_type or "",
                             number=header.number, symbol=header.symbol, key=header.key,
                             pinpoint=pinpoint_before(flat, s), is_self=True, doc_id=doc.doc_id))
    return out


def fill_pinpoints(doc: Document, refs: list[Reference]) -> list[Reference]:
    """The references with `pinpoint` filled from the text before them where it is empty."""
    flat = flat_copy(doc.match_text or doc.text)
    out = []
    for r in refs:
        if r.pinpoint is None:
            pin = pinpoint_before(flat, r.start)
            if pin:
                r = dataclasses.replace(r, pinpoint=pin)
        out.append(r)
    return out
