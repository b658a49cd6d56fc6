"""The registry of named stages: the one path every caller takes through the code.

The Python API (`pipeline.process`), the CLI and the batch engines all call
`run_pipeline`, so a document goes through the same stages in the same
order whoever asks.  A stage is a plain function over a `Document`; an
extractor stage returns its mentions and the registry stores them, adds
provenance (doc_id, sentence) and drops hits inside boilerplate zones.

>>> [s for s in DEFAULT_PIPELINE]
['normalise', 'metadata', 'segment', 'references', 'resolve', 'dates', 'quantities', 'officials', 'official', 'finalise']
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable, Iterable

from pipeline.model import Document, Mention


@dataclass(frozen=True)
class Stage:
    """A named step.  `writes` names the Document list an extractor fills."""

    name: str
    func: Callable[[Document], object]
    writes: str | None = None
    doc: str = ""


def _attach(doc: Document, mentions: Iterable[Mention]) -> list[Mention]:
    """Provenance and hygiene for an extractor's output: sentence, doc_id, order."""
    out = []
    for m in mentions:
        if doc.excluded and doc.in_excluded(m.start, m.end):
            continue
        if m.sentence < 0 or m.doc_id != doc.doc_id:
            m = dataclasses.replace(m, sentence=doc.sentence_index(m.start), doc_id=doc.doc_id)
        out.append(m)
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _finalise(doc: Document) -> Document:
    for kind in ("references", "officials", "dates", "quantities"):
        setattr(doc, kind, _attach(doc, getattr(doc, kind)))
    return doc


def _registry() -> dict[str, Stage]:
    from pipeline.extract.dates import find_dates
    from pipeline.extract.officials import find_officials
    from pipeline.extract.quantities import find_quantities
    from pipeline.extract.references import find_references
    from pipeline.metadata import fill_metadata
    from pipeline.official import official_stage
    from pipeline.normalise import normalise
    from pipeline.resolve import resolve_references
    from pipeline.segment import split_sentences

    stages = [
        Stage("normalise", normalise, doc="NFC text, offset map, tone-unified match text"),
        Stage("metadata", fill_metadata, doc="boilerplate zones, publication date from the text"),
        Stage("segment", split_sentences, doc="sentences with offsets (words lazily)"),
        Stage("references", find_references, "references", "citations of documents"),
        Stage("resolve", resolve_references, doc="short forms take their full citation's key"),
        Stage("dates", find_dates, "dates", "calendar dates and spans"),
        Stage("quantities", find_quantities, "quantities", "numbers with unit, subject, kind"),
        Stage("officials", find_officials, "officials", "named people with positions"),
        Stage("official", official_stage,
              doc="official documents: header (self block), sections, self-references, targets"),
        Stage("finalise", _finalise, doc="provenance, boilerplate filter, text order"),
    ]
    return {s.name: s for s in stages}


DEFAULT_PIPELINE = ("normalise", "metadata", "segment", "references", "resolve", "dates",
                    "quantities", "officials", "official", "finalise")

_STAGES: dict[str, Stage] | None = None


def get_stages() -> dict[str, Stage]:
    global _STAGES
    if _STAGES is None:
        _STAGES = _registry()
    return _STAGES


def run_pipeline(doc: Document, names: Iterable[str] | None = None) -> Document:
    """Run the named stages (default: all) in registry order over one document."""
    stages = get_stages()
    wanted = list(DEFAULT_PIPELINE if names is None else names)
    unknown = [n for n in wanted if n not in stages]
    if unknown:
        raise ValueError(f"unknown stage(s) {unknown}; known: {list(stages)}")
    for name in DEFAULT_PIPELINE:
        if name not in wanted:
            continue
        stage = stages[name]
        result = stage.func(doc)
        if stage.writes is not None:
            setattr(doc, stage.writes, _attach(doc, result))  # type: ignore[arg-type]
    return doc
