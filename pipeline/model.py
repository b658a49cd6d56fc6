"""The data model every stage shares: one `Document`, one frozen dataclass per mention kind.

Offsets (`start`, `end`, end exclusive) always index `Document.text`, the
NFC-normalised text that ANNOTATION.md scores against.  `Document.match_text`
has the same length and is what grammars should search (tone marks moved to
one placement, "Ð" read as "Đ"), so a match found there is sliced from
`text` for output.

>>> from pipeline.model import Document
>>> d = Document.from_text("Thuý đọc Nghị quyết 39.", doc_id="x")
>>> d.match_text[:4]
'Thúy'
"""
from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Iterator


@dataclass(frozen=True, kw_only=True)
class Mention:
    """A span of `Document.text` with its provenance."""

    start: int
    end: int
    text: str
    sentence: int = -1  # index into Document.sentences; -1 until attached
    doc_id: str = ""

    mention_kind: ClassVar[str] = "mention"  # the record list it belongs to

    def __repr__(self) -> str:  # eyecite-style: show what matched
        return f"{type(self).__name__}({self.text!r} @{self.start}:{self.end})"

    def to_json(self) -> dict[str, Any]:
        """The record of ANNOTATION.md: contract fields first, provenance last."""
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name in ("doc_id",):
                continue
            v = getattr(self, f.name)
            out[f.name] = list(v) if isinstance(v, tuple) else v
        return out


@dataclass(frozen=True, kw_only=True)
class Reference(Mention):
    """A citation of one identifiable document ("Quy định số 55-QĐ/TƯ ...")."""

    doc_type: str
    number: str | None = None
    symbol: str | None = None
    issuer: str | None = None
    date: str | None = None
    key: str = ""
    title: str | None = None
    pinpoint: str | None = None  # "khoản 3 Điều 14" when the citation names a part
    is_self: bool = False  # "Kế hoạch này" inside an official document

    mention_kind: ClassVar[str] = "references"

    def to_json(self) -> dict[str, Any]:
        out = {
            "text": self.text, "start": self.start, "end": self.end,
            "doc_type": self.doc_type, "number": self.number, "symbol": self.symbol,
            "issuer": self.issuer, "date": self.date, "key": self.key,
        }
        if self.title is not None:
            out["title"] = self.title
        if self.pinpoint is not None:
            out["pinpoint"] = self.pinpoint
        if self.is_self:
            out["is_self"] = True
        out["sentence"] = self.sentence
        return out


@dataclass(frozen=True, kw_only=True)
class Official(Mention):
    """A named person presented with a position (or a later mention of one)."""

    name: str
    titles: tuple[str, ...] = ()

    mention_kind: ClassVar[str] = "officials"

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "titles": list(self.titles),
                "start": self.start, "end": self.end, "sentence": self.sentence}


@dataclass(frozen=True, kw_only=True)
class DateMention(Mention):
    """A calendar day, month, year or span; `value` is ISO ("2021/2025" for spans)."""

    value: str

    mention_kind: ClassVar[str] = "dates"

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "start": self.start,
                "end": self.end, "sentence": self.sentence}


@dataclass(frozen=True, kw_only=True)
class Quantity(Mention):
    """A number that measures something, with unit, subject and target/result kind."""

    value: float
    unit: str | None = None
    subject: str | None = None
    kind: str = "other"  # "target" | "result" | "other"
    qualifier: str | None = None  # "gần", "hơn", "trên", "khoảng", "ít nhất" ...
    per: str | None = None  # "năm" in "14 nghìn tỷ đồng/năm"

    mention_kind: ClassVar[str] = "quantities"

    def to_json(self) -> dict[str, Any]:
        out = {"text": self.text, "value": self.value, "unit": self.unit,
               "subject": self.subject, "kind": self.kind,
               "start": self.start, "end": self.end}
        if self.qualifier is not None:
            out["qualifier"] = self.qualifier
        if self.per is not None:
            out["per"] = self.per
        out["sentence"] = self.sentence
        return out


MENTION_KINDS = ("references", "officials", "dates", "quantities")


@dataclass
class Sentence:
    """A sentence of a document; words are segmented lazily, on first use."""

    index: int
    start: int
    end: int
    text: str
    _words: list[tuple[str, int, int]] | None = field(default=None, repr=False)

    def words(self) -> list[tuple[str, int, int]]:
        """(word, start, end) with document offsets; underthesea, computed once."""
        if self._words is None:
            from pipeline.segment import segment_words
            self._words = segment_words(self.text, self.start)
        return self._words


@dataclass
class Document:
    """One input document flowing through the stages, and everything found in it."""

    doc_id: str
    text: str  # NFC text: every offset indexes this
    match_text: str = ""  # same length as text; tone placement and Đ unified
    raw: str | None = None  # source text before cleaning (e.g. HTML), if different
    raw_offsets: list[int] | None = None  # raw_offsets[i] = index in raw of text[i]
    source: str | None = None  # path of the file it came from ("-" for stdin)
    line: int | None = None  # line number in source for JSONL/CSV rows
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date
    excluded: list[tuple[int, int]] = field(default_factory=list)  # boilerplate zones
    sentences: list[Sentence] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # stage outputs beyond the contract
    _sent_starts: list[int] | None = field(default=None, repr=False)

    @classmethod
    def from_text(cls, text: str, doc_id: str = "doc", published: str | None = None,
                  **kw: Any) -> "Document":
        """Build a document from raw text: NFC, match text and offsets ready."""
        from pipeline.normalise import normalise
        doc = cls(doc_id=doc_id, text=text, published=published, **kw)
        normalise(doc)
        return doc

    # --- provenance helpers -------------------------------------------------
    def sentence_index(self, pos: int) -> int:
        """Index of the sentence holding character `pos` (-1 when none)."""
        if not self.sentences:
            return -1
        if self._sent_starts is None or len(self._sent_starts) != len(self.sentences):
            self._sent_starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(self._sent_starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < max(self.sentences[i].end, pos + 1):
            return i
        return -1

    def sentence_of(self, pos: int) -> Sentence | None:
        i = self.sentence_index(pos)
        return self.sentences[i] if i >= 0 else None

    def in_excluded(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.excluded)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `text` back to the original source text.

        The end is widened over what one text character came from: combining
        marks of a decomposed source, the rest of an HTML entity.
        """
        if self.raw_offsets is None or self.raw is None or not self.raw_offsets:
            return start, end
        last = len(self.raw_offsets) - 1
        rs = self.raw_offsets[min(start, last)]
        if end <= start:
            return rs, rs
        re_ = self.raw_offsets[min(end - 1, last)] + 1
        raw = self.raw
        if raw[re_ - 1] == "&":
            semi = raw.find(";", re_, re_ + 12)
            re_ = semi + 1 if semi >= 0 else re_
        while re_ < len(raw) and unicodedata.combining(raw[re_]):
            re_ += 1
        return rs, re_

    def mentions(self) -> Iterator[Mention]:
        for kind in MENTION_KINDS:
            yield from getattr(self, kind)

    # --- the record ----------------------------------------------------------
    def to_record(self) -> dict[str, Any]:
        """The JSON record of ANNOTATION.md for this document."""
        rec: dict[str, Any] = {"doc_id": self.doc_id, "published": self.published}
        for kind in MENTION_KINDS:
            rec[kind] = [m.to_json() for m in getattr(self, kind)]
        if self.authors:
            rec["authors"] = list(self.authors)
        for k, v in self.meta.items():
            if k.startswith("record."):
                rec[k[len("record."):]] = v
        return rec
