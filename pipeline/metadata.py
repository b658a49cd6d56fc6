"""Stage: document-level facts found in the text itself: boilerplate zones, publication date.

Runs after normalisation so it sees the NFC text.  Metadata from the input
(a JSONL `published` field) wins over what the text says.

>>> from pipeline.model import Document
>>> d = Document.from_text("Tiêu đề\\n\\nThứ hai, 09/05/2022 15:03\\nNội dung.")
>>> fill_metadata(d).published
'2022-05-09'
"""
from __future__ import annotations

from pipeline.extract.dates import find_published
from pipeline.ingest.boilerplate import find_boilerplate
from pipeline.model import Document


def fill_metadata(doc: Document) -> Document:
    doc.excluded = find_boilerplate(doc.match_text or doc.text)
    if doc.published is None:
        found = find_published(doc.text)
        if found:
            doc.published = found[2]
    return doc
