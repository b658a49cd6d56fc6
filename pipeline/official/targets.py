"""Targets of an official document, tied to the document's key and the section that sets them.

A news article reports "đạt 98%"; the plan that set "100% ... có trình độ đại
học" is the other half of the comparison.  So every quantity whose kind is
"target" (decided by the quantities stage) and every deadline date (a date
after the document's own date, written after a cue such as "hoàn thành
trước", "chậm nhất", "đến năm": pipeline/official/data/deadline_cues.tsv) in
an official document becomes a target row: the self key, the section path,
the value, and the deadline written in the same section-sentence, if any.

>>> from pipeline.model import Document, Quantity, DateMention
>>> from pipeline.official.structure import Section
>>> t = "II. MỤC TIÊU\\n1. Phấn đấu đến năm 2030 có 100% xã đạt chuẩn."
>>> d = Document.from_text(t)
>>> d.quantities = [Quantity(start=40, end=44, text="100%", value=100.0, unit="%", kind="target")]
>>> d.dates = [DateMention(start=21, end=32, text="đến năm 2030", value="2030")]
>>> secs = [Section(0, len(t), "II", "section", "II"), Section(13, len(t), "II.1", "item", "1", depth=1)]
>>> [(r["kind"], r["value"], r["section"], r["due"]) for r in find_targets(d, "KH 1 UBND", "2025-11-20", secs)]
[('date', '2030', 'II.1', None), ('quantity', 100.0, 'II.1', '2030')]
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pipeline.model import Document
from pipeline.official.mask import flat_copy
from pipeline.official.structure import Section, section_at
from pipeline.official.tables import rows

SENTENCE_END = re.compile(r"[.;!?\n]")


@lru_cache(maxsize=1)
def deadline_cue() -> re.Pattern[str]:
    alts = "|".join(f"(?:{r[0]})" for r in rows("deadline_cues.tsv"))
    return re.compile(rf"(?i:(?<![\w])(?:{alts}))\s*:?\s*(?:(?i:ngày|tháng|năm|quý)\s*)?$")


def _is_deadline(flat: str, start: int, text: str, value: str, issued: str | None) -> bool:
    if "/" in value or value.startswith("XXXX"):
        return False
    if issued and value[:len(issued)] < issued[:len(value)]:
        return False  # before the document was signed: a past date, not a deadline
    cue = deadline_cue()
    lead = text.rsplit(" ", 1)[0] if " " in text else ""  # "đến năm" of "đến năm 2030"
    return bool(cue.search(flat, max(0, start - 40), start) or (lead and cue.search(lead)))


def _clause(flat: str, pos: int) -> tuple[int, int]:
    """The sentence-like span around `pos` (between ., ;, ! ? or a line end)."""
    lo = max((m.end() for m in SENTENCE_END.finditer(flat, max(0, pos - 400), pos)), default=max(0, pos - 400))
    m = SENTENCE_END.search(flat, pos)
    return lo, (m.start() if m else len(flat))


def find_targets(doc: Document, key: str, issued: str | None,
                 sections: list[Section]) -> list[dict[str, Any]]:
    """Target rows (JSON-ready) for the document's own targets, in text order."""
    flat = flat_copy(doc.match_text or doc.text)
    deadlines = [d for d in doc.dates if _is_deadline(flat, d.start, d.text, d.value, issued)]
    out: list[dict[str, Any]] = []
    for d in deadlines:
        sec = section_at(sections, d.start)
        out.append({"key": key, "kind": "date", "text": d.text, "start": d.start, "end": d.end,
                    "value": d.value, "unit": None, "subject": None,
                    "section": sec.path if sec else None, "due": None})
    for q in doc.quantities:
        if q.kind != "target":
            continue
        lo, hi = _clause(flat, q.start)
        due = next((d.value for d in deadlines if lo <= d.start < hi), None)
        if due is None:  # "đến năm 2030", "giai đoạn 2026-2030" in the same clause set the horizon
            ends = [d.value.split("/")[-1] for d in doc.dates if lo <= d.start < hi]
            due = next((v for v in ends if not v.startswith("XXXX")
                        and (issued is None or v >= issued[:len(v)])), None)
        sec = section_at(sections, q.start)
        out.append({"key": key, "kind": "quantity", "text": q.text, "start": q.start, "end": q.end,
                    "value": q.value, "unit": q.unit, "subject": q.subject,
                    "section": sec.path if sec else None, "due": due})
    out.sort(key=lambda r: (r["start"], r["end"]))
    return out
