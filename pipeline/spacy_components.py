"""vnpipe's extractors as spaCy components, for users with an existing spaCy pipeline.

    nlp = spacy.blank("vi")
    nlp.add_pipe("vnpipe_references")
    doc = nlp("Quy định số 55-QĐ/TƯ ngày 19-12-2016 của Bộ Chính trị")
    doc.spans["references"][0]._.vnpipe["key"]   # 'QDI 55 TW'

Each component runs the vnpipe stages it needs over `doc.text` and puts the
mentions in `doc.spans[KIND]`, each span carrying the normalised fields in
`span._.vnpipe` (the same dict as the JSON record).  Character offsets are
snapped to spaCy tokens with alignment_mode="expand".
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.model import Document
from pipeline.stages import run_pipeline

if not Span.has_extension("vnpipe"):
    Span.set_extension("vnpipe", default=None)

# the stages each component needs, in registry order
_NEEDS = {
    "references": ["normalise", "metadata", "segment", "references", "resolve", "finalise"],
    "dates": ["normalise", "metadata", "segment", "references", "resolve", "dates", "finalise"],
    "quantities": ["normalise", "metadata", "segment", "references", "resolve", "dates",
                   "quantities", "finalise"],
    "officials": ["normalise", "metadata", "segment", "references", "resolve", "dates",
                  "quantities", "officials", "finalise"],
}


class VnpipeComponent:
    """Fill `doc.spans[kind]` with vnpipe mentions of one kind."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __call__(self, doc: Doc) -> Doc:
        vdoc = run_pipeline(Document(doc_id="spacy", text=doc.text), _NEEDS[self.kind])
        spans = []
        for m in getattr(vdoc, self.kind):
            span = doc.char_span(m.start, m.end, label=self.kind, alignment_mode="expand")
            if span is None:
                continue
            span._.vnpipe = m.to_json()
            spans.append(span)
        doc.spans[self.kind] = spans
        return doc


@Language.factory("vnpipe_references")
def make_references(nlp: Language, name: str) -> VnpipeComponent:
    return VnpipeComponent("references")


@Language.factory("vnpipe_officials")
def make_officials(nlp: Language, name: str) -> VnpipeComponent:
    return VnpipeComponent("officials")


@Language.factory("vnpipe_dates")
def make_dates(nlp: Language, name: str) -> VnpipeComponent:
    return VnpipeComponent("dates")


@Language.factory("vnpipe_quantities")
def make_quantities(nlp: Language, name: str) -> VnpipeComponent:
    return VnpipeComponent("quantities")
