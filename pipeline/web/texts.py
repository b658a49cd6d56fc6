"""The text of a loaded document, for the annotated view: the table keeps offsets, not text.

`documents` has no `text` column (yet), so the text is read again from
`documents.source` (+ `line` for JSON Lines / CSV) with the ingest readers and
NFC-normalised like the normalise stage does.  The content hash stored at load
time tells whether the file still holds the same text; when it does not, the
caller is told (`note`) and only mentions whose slice still matches are drawn.
A `text` column, when the store gains one, is used first.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
>>> _ = p.write_text('{"id": "x", "text": "Nghị quyết 39"}\\n', encoding="utf-8")
>>> found = source_text(str(p), 1, "x")
>>> found.text, found.note
('Nghị quyết 39', '')
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path


@dataclass(frozen=True)
class FoundText:
    text: str | None
    note: str = ""  # why the text is missing or may not match the offsets
    title: str | None = None


def _resolve(source: str, base: Path | None) -> Path | None:
    """The source path as stored, else relative to the database's folder."""
    p = Path(source)
    if p.exists():
        return p
    if base is not None and not p.is_absolute() and (base / p).exists():
        return base / p
    return None


def _read_record_line(path: Path, line: int, doc_id: str):
    """One JSONL record by line number, read without decoding the rest of the file."""
    from pipeline.ingest.readers import FieldMap, _from_record  # no public one-record reader yet
    with path.open("rb") as fh:
        raw = next(islice(fh, line - 1, None), None)
    if raw is None:
        return None
    try:
        rec = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    doc = _from_record(rec, FieldMap(), str(path), line)
    return doc if getattr(doc, "doc_id", None) == doc_id else None


@lru_cache(maxsize=256)
def source_text(source: str | None, line: int | None, doc_id: str,
                base: str | None = None) -> FoundText:
    """Read one document's text again from its source file (cached)."""
    if not source or source == "-":
        return FoundText(None, "the document was read from stdin; its text is not kept")
    path = _resolve(source, Path(base) if base else None)
    if path is None:
        return FoundText(None, f"the source file {source} is not found from here")
    from pipeline.ingest import read_path
    from pipeline.model import Document
    doc = None
    try:
        if line and path.suffix.lower() in {".jsonl", ".ndjson", ".jsonlines"}:
            doc = _read_record_line(path, line, doc_id)
        if doc is None:
            doc = next((d for d in read_path(path) if isinstance(d, Document)
                        and d.doc_id == doc_id), None)
    except OSError as exc:
        return FoundText(None, f"cannot read {source}: {exc}")
    if doc is None:
        return FoundText(None, f"document {doc_id} is no longer in {source}")
    return FoundText(unicodedata.normalize("NFC", doc.text), "", doc.title)


def document_text(row: dict, base: str | None = None) -> FoundText:
    """The NFC text of a `documents` row: its `text` column, else its source file re-read.

    A text whose hash differs from the stored `content_hash` is returned with a note.
    """
    if row.get("text"):
        return FoundText(row["text"])
    found = source_text(row.get("source"), row.get("line"), row["doc_id"], base)
    if found.text is not None and row.get("content_hash"):
        from pipeline.store import content_hash
        if content_hash(found.text) != row["content_hash"]:
            return FoundText(found.text, f"{row.get('source')} has changed since this document "
                                         "was loaded: some highlights may be missing",
                             found.title)
    return found
