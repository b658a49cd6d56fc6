"""vnpipe: extract document references, officials, dates and quantities from Vietnamese text.

>>> import pipeline
>>> rec = pipeline.process("Ngày 9/5, Nghị quyết 39 được bàn.", published="2022-05-09")
>>> sorted(rec)[:3]
['authors', 'dates', 'doc_id']
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

__version__ = "0.1.0"

from pipeline.model import (DateMention, Document, Official, Quantity,  # noqa: E402
                            Reference)
from pipeline.stages import run_pipeline  # noqa: E402

__all__ = ["process", "process_document", "process_file", "open_kb", "Document", "Reference",
           "Official", "DateMention", "Quantity", "run_pipeline", "__version__"]


def open_kb(path: str | Path = "vnpipe.duckdb"):
    """The knowledge table at `path`, read-only: tables as pandas DataFrames, `.sql(...)`."""
    from pipeline.kb import open_kb as _open
    return _open(path)


def process_document(doc: Document, stages: list[str] | None = None) -> Document:
    """Run the pipeline over a `Document` in place and return it."""
    return run_pipeline(doc, stages)


def process(text: str, published: str | None = None, doc_id: str = "doc") -> dict[str, Any]:
    """Extract the ANNOTATION.md record from one text."""
    doc = Document(doc_id=doc_id, text=text, published=published)
    run_pipeline(doc)
    rec = doc.to_record()
    rec.setdefault("authors", [])
    return rec


def process_file(path: str | Path) -> list[dict[str, Any]]:
    """Extract the records of every document in one file (a JSONL/CSV file holds many)."""
    from pipeline.ingest import read_path
    out = []
    for item in read_path(Path(path)):
        if isinstance(item, Document):
            run_pipeline(item)
            out.append(item.to_record())
    return out
