"""Ingest: files, directories and stdin into `Document`s, bad input into `IngestError`s.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Nghị quyết 39", encoding="utf-8")
>>> _ = (d / "empty.txt").write_bytes(b"")
>>> errs = []
>>> [doc.doc_id for doc in iter_documents([d], errors=errs.append)]
['a']
>>> [e.message for e in errs]
['empty file']
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Iterable, Iterator

from pipeline.ingest.readers import (DEFAULT_MAX_BYTES, SUPPORTED, FieldMap, IngestError,
                                     read_path)
from pipeline.model import Document

__all__ = ["iter_documents", "iter_files", "read_path", "FieldMap", "IngestError",
           "DEFAULT_MAX_BYTES", "SUPPORTED"]


def iter_files(paths: Iterable[str | Path], errors: Callable[[IngestError], None] | None = None
               ) -> Iterator[Path]:
    """Expand paths: files as given, directories recursively (supported suffixes, sorted)."""
    for p in paths:
        p = Path(p)
        if str(p) == "-":
            yield p
        elif p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUPPORTED and not f.name.startswith("."):
                    yield f
        elif p.exists():
            yield p
        elif errors is not None:
            errors(IngestError(str(p), None, "no such file or directory"))


def _read_stdin(fields: FieldMap, max_bytes: int) -> Iterator[Document | IngestError]:
    """stdin: JSON Lines if it starts with '{', HTML if with '<', else one text."""
    data = sys.stdin.buffer.read(max_bytes + 1)
    import tempfile
    head = data.lstrip()[:1]
    suffix = ".jsonl" if head == b"{" else ".html" if head == b"<" else ".txt"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"stdin{suffix}"
        path.write_bytes(data)
        for item in read_path(path, fields, max_bytes):
            if isinstance(item, Document):
                item.source = "-"
                if item.doc_id == "stdin" or item.doc_id.startswith(path.name):
                    item.doc_id = item.doc_id.replace(path.name, "stdin")
            else:
                item = IngestError("-", item.line, item.message)
            yield item


def iter_documents(paths: Iterable[str | Path], errors: Callable[[IngestError], None] | None = None,
                   fields: FieldMap = FieldMap(), max_bytes: int = DEFAULT_MAX_BYTES
                   ) -> Iterator[Document]:
    """Every readable document under `paths`; each bad input goes to `errors` (or stderr)."""
    report = errors or (lambda e: print(f"vnpipe: {e}", file=sys.stderr))
    for path in iter_files(paths, report):
        items = _read_stdin(fields, max_bytes) if str(path) == "-" else read_path(path, fields, max_bytes)
        for item in items:
            if isinstance(item, IngestError):
                report(item)
            else:
                yield item
