"""First version placeholder: replaced by the officials extractor."""
from __future__ import annotations

from pipeline.model import Document, Official


def find_officials(doc: Document) -> list[Official]:
    return []
