"""An in-memory registry of cited documents: one row per key, merging every mention.

Why: a corpus cites the same few hundred documents again and again, each
mention giving some facts (the full symbol here, the date there, the issuer
elsewhere).  Merging them by key gives one row per cited document, and the
registry doubles as the corpus lookup that `resolve_references(doc,
registry=...)` uses for short forms ("Nghị quyết 39" -> NQ 39 TW).

A fact is the most frequent non-null value among the mentions (ties: the
first seen); first/last seen are the publication dates of the citing
documents (documents without one do not move them).

>>> from pipeline.model import Document
>>> from pipeline.extract.references import find_references
>>> reg = CitedRegistry()
>>> for i, (t, pub) in enumerate([("Quy định số 55-QĐ/TƯ ngày 19-12-2016 của Bộ Chính trị", "2022-05-09"),
...                               ("Quy định 55/QĐ-TW và Quy định 37/QĐ-TW", "2023-01-02")]):
...     d = Document.from_text(t, doc_id=str(i), published=pub)
...     d.references = find_references(d)
...     reg.add(d)
>>> row = reg.rows()[0]
>>> row.key, row.symbol, row.issuer, row.date, row.mentions, row.documents, row.first_seen, row.last_seen
('QDI 55 TW', 'QĐ/TW', 'Bộ Chính trị', '2016-12-19', 2, 2, '2022-05-09', '2023-01-02')
>>> reg.lookup("QDI", "37")
'QDI 37 TW'
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pipeline.model import Document, Reference


@dataclass(frozen=True)
class CitedDocument:
    """One cited document, as the corpus knows it."""

    key: str
    doc_type: str
    number: str | None
    symbol: str | None
    issuer: str | None
    date: str | None
    title: str | None
    first_seen: str | None
    last_seen: str | None
    mentions: int
    documents: int


@dataclass
class _Acc:
    doc_type: str
    number: Counter = field(default_factory=Counter)
    symbol: Counter = field(default_factory=Counter)
    issuer: Counter = field(default_factory=Counter)
    date: Counter = field(default_factory=Counter)
    title: Counter = field(default_factory=Counter)
    first_seen: str | None = None
    last_seen: str | None = None
    mentions: int = 0
    doc_ids: set[str] = field(default_factory=set)


def _best(c: Counter) -> str | None:
    return c.most_common(1)[0][0] if c else None  # Counter keeps insertion order on ties


def _best_date(c: Counter) -> str | None:
    """The most cited signing date; one with its year ("2019-03-01") beats "XXXX-03-01"."""
    known = Counter({d: n for d, n in c.items() if not d.startswith("XXXX")})
    return _best(known) or _best(c)


class CitedRegistry:
    """Accumulates the references of many documents; `rows()` gives one row per key."""

    def __init__(self) -> None:
        self._acc: dict[str, _Acc] = {}
        self._by_number: dict[tuple[str, str], Counter] = {}

    def add(self, doc: Document) -> None:
        """Merge the references of one (extracted, resolved) document."""
        for ref in doc.references:
            self.add_reference(ref, doc.doc_id, doc.published)

    def add_reference(self, ref: Reference, doc_id: str, published: str | None) -> None:
        if not ref.key or "?" in ref.key.split(" ")[-1:]:
            return  # an unresolved short form identifies nothing
        acc = self._acc.get(ref.key)
        if acc is None:
            acc = self._acc[ref.key] = _Acc(ref.doc_type)
        for name in ("number", "symbol", "issuer", "date", "title"):
            value = getattr(ref, name)
            if value:
                getattr(acc, name)[value] += 1
        acc.mentions += 1
        acc.doc_ids.add(doc_id)
        if published:
            acc.first_seen = min(acc.first_seen or published, published)
            acc.last_seen = max(acc.last_seen or published, published)
        parts = ref.key.split(" ")
        if len(parts) == 3:
            self._by_number.setdefault((parts[0], parts[1]), Counter())[ref.key] += 1

    def lookup(self, type_code: str, number: str) -> str | None:
        """The full key for a type code and number when the corpus knows exactly one.

        Two authorities for the same type and number (Quyết định 33 of two
        provinces) are ambiguous: None, and the short form keeps "?".
        """
        c = self._by_number.get((type_code, number.lstrip("0") or "0"))
        known = [k for k in (c or {}) if not k.endswith(" ?")]
        return known[0] if len(known) == 1 else None

    def rows(self) -> list[CitedDocument]:
        """One row per key, most cited first, then by key."""
        out = [CitedDocument(key=k, doc_type=a.doc_type, number=_best(a.number),
                             symbol=_best(a.symbol), issuer=_best(a.issuer), date=_best_date(a.date),
                             title=_best(a.title), first_seen=a.first_seen, last_seen=a.last_seen,
                             mentions=a.mentions, documents=len(a.doc_ids))
               for k, a in self._acc.items()]
        out.sort(key=lambda r: (-r.mentions, r.key))
        return out

    def __len__(self) -> int:
        return len(self._acc)
