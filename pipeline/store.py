"""The knowledge table: a DuckDB file holding documents and every mention found in them.

What users keep is this table, so loading is safe to repeat: a document is
known by `doc_id` plus the sha256 of its NFC text, and one already loaded with
the same hash by the same `pipeline.__version__` is skipped.  A changed text or
a new pipeline version replaces the document's rows; each batch is one
transaction, so a crash never leaves half a batch.  The store reads the
`Document` model only; it knows nothing of the extractors.

Schema (column names avoid SQL reserved words: `char_start`/`char_end`, not
`end`; `signed`, not `date`).  Offsets index the NFC text, `char_end` exclusive.

    documents         doc_id, source, line, url, title, published DATE,
                      content_hash, pipeline_version, char_count, loaded_at,
                      text (the NFC text that every offset indexes)
    citations         one row per reference mention: doc_id, char_start,
                      char_end, sentence_index, sentence_text, text, key,
                      doc_type, number, symbol, issuer, signed (ISO, may be
                      partial: "2016"), title, pinpoint, is_self
    cited_documents   one row per key, rebuilt from citations after each load:
                      the most frequent non-null doc_type/number/symbol/issuer/
                      signed/title, first_seen/last_seen (publication dates of
                      the citing documents), mention_count, document_count
    official_mentions doc_id, char_start, char_end, sentence_index, text, name,
                      titles VARCHAR[], person_id
    persons           person_id, name, mention_count, document_count (rebuilt)
    positions         person_id, name, title (the head: "Phó Bí thư"),
                      title_as_written ("Phó Bí thư Thành ủy Hà Nội"),
                      organisation, place, published DATE, doc_id
    date_mentions     doc_id, char_start, char_end, sentence_index, text, value
    quantities        doc_id, char_start, char_end, sentence_index, text,
                      value DOUBLE, unit, subject, kind, qualifier, per
    official_documents one row per input that is itself an official document
                      (its header): doc_id, key, doc_type, type_code, number,
                      symbol, number_symbol, issuer, issuer_parent, place,
                      signed DATE, title, party, signer_name, signer_title,
                      signer_capacity[], signing_mode, recipients[],
                      header_start, header_end
    document_targets  each official document's own targets: doc_id, key,
                      kind (quantity|date), char_start, char_end, text,
                      value_num, value_date, unit, subject, section, due
    targets (view)    each document's targets beside the results that other
                      documents report for the same key (pipeline/official/targets_sql.py)
    errors            source, line, stage, message, logged_at (one row per
                      distinct source/line/stage/message: a re-run adds none)
    store_state       name, value: bookkeeping ("derived_dirty" while the
                      registries lag the mention tables, e.g. after a crash)

>>> import tempfile, os
>>> from pipeline.model import Document, Reference
>>> d = Document(doc_id="a", text="Theo Nghị quyết 39.", published="2022-05-09")
>>> d.references = [Reference(start=5, end=18, text="Nghị quyết 39", doc_type="Nghị quyết",
...                           number="39", key="NQ 39 ?", doc_id="a")]
>>> with Store(os.path.join(tempfile.mkdtemp(), "kb.duckdb")) as st:
...     first, again = st.load([d]), st.load([d])
...     rows = st.con.execute("SELECT key, mention_count FROM cited_documents").fetchall()
>>> first.loaded, again.skipped, rows
(1, 1, [('NQ 39 ?', 1)])
"""
from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import duckdb
import pyarrow as pa

from pipeline.batching import batched
from pipeline.model import Document
from pipeline.people import person_id, positions

DEFAULT_DB = "vnpipe.duckdb"
DEFAULT_BATCH = 200
HASH_META = "store.content_hash"  # Document.meta key where the runner keeps the hash as read

# --- schema ------------------------------------------------------------------
# One source of truth: (column, DuckDB type, arrow type) per table.  The DDL and
# the arrow schemas used for the batch inserts are both generated from it.
_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_D, _T, _L = pa.date32(), pa.timestamp("us"), pa.list_(pa.string())
_SQL = {_S: "VARCHAR", _I: "BIGINT", _F: "DOUBLE", _B: "BOOLEAN", _D: "DATE",
        _T: "TIMESTAMP", _L: "VARCHAR[]"}
_SPAN = [("doc_id", _S), ("char_start", _I), ("char_end", _I), ("sentence_index", _I)]

TABLES: dict[str, list[tuple[str, pa.DataType]]] = {
    "documents": [("doc_id", _S), ("source", _S), ("line", _I), ("url", _S), ("title", _S),
                  ("published", _D), ("content_hash", _S), ("pipeline_version", _S),
                  ("char_count", _I), ("loaded_at", _T), ("text", _S)],
    "citations": _SPAN + [("sentence_text", _S), ("text", _S), ("key", _S), ("doc_type", _S),
                          ("number", _S), ("symbol", _S), ("issuer", _S), ("signed", _S),
                          ("title", _S), ("pinpoint", _S), ("is_self", _B)],
    "cited_documents": [("key", _S), ("doc_type", _S), ("number", _S), ("symbol", _S),
                        ("issuer", _S), ("signed", _S), ("title", _S), ("first_seen", _D),
                        ("last_seen", _D), ("mention_count", _I), ("document_count", _I)],
    "official_mentions": _SPAN + [("text", _S), ("name", _S), ("titles", _L), ("person_id", _S)],
    "persons": [("person_id", _S), ("name", _S), ("mention_count", _I), ("document_count", _I)],
    "positions": [("person_id", _S), ("name", _S), ("title", _S), ("title_as_written", _S),
                  ("organisation", _S),
                  ("place", _S), ("published", _D), ("doc_id", _S)],
    "date_mentions": _SPAN + [("text", _S), ("value", _S)],
    "quantities": _SPAN + [("text", _S), ("value", _F), ("unit", _S), ("subject", _S),
                           ("kind", _S), ("qualifier", _S), ("per", _S)],
    "official_documents": [("doc_id", _S), ("key", _S), ("doc_type", _S), ("type_code", _S),
                           ("number", _S), ("symbol", _S), ("number_symbol", _S), ("issuer", _S),
                           ("issuer_parent", _S), ("place", _S), ("signed", _D), ("title", _S),
                           ("party", _B), ("signer_name", _S), ("signer_title", _S),
                           ("signer_capacity", _L), ("signing_mode", _S), ("recipients", _L),
                           ("header_start", _I), ("header_end", _I)],
    "document_targets": [("doc_id", _S), ("key", _S), ("kind", _S), ("char_start", _I),
                         ("char_end", _I), ("text", _S), ("value_num", _F), ("value_date", _S),
                         ("unit", _S), ("subject", _S), ("section", _S), ("due", _S)],
    "errors": [("source", _S), ("line", _I), ("stage", _S), ("message", _S), ("logged_at", _T)],
    "store_state": [("name", _S), ("value", _S)],
}
# Tables whose rows belong to one document: deleted and re-inserted on replace.
DOC_TABLES = ("documents", "citations", "official_mentions", "positions", "date_mentions",
              "quantities", "official_documents", "document_targets")
# Tables derived from the others, rebuilt after each load.
DERIVED_TABLES = ("cited_documents", "persons")


def ddl() -> str:
    """CREATE TABLE statements for the whole schema, then its views."""
    from pipeline.official.targets_sql import TARGETS_VIEW
    out = []
    for name, cols in TABLES.items():
        body = ", ".join(f"{c} {_SQL[t]}" for c, t in cols)
        out.append(f"CREATE TABLE IF NOT EXISTS {name} ({body});")
    out.append(TARGETS_VIEW)
    return "\n".join(out)


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(c, t) for c, t in TABLES[table]])


# --- identity ----------------------------------------------------------------
def content_hash(text: str) -> str:
    """sha256 of the NFC text: the identity of a document's content.

    >>> content_hash("Hoà") == content_hash(unicodedata.normalize("NFD", "Hoà"))
    True
    """
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()


def document_hash(doc: Document) -> str:
    """The content hash of a document, taken before the stages ran when the runner noted it.

    The runner hashes the text as read, so the skip check and the stored hash
    agree even if a stage rewrote `doc.text`.
    """
    return doc.meta.get(HASH_META) or content_hash(doc.text)


def pipeline_version() -> str:
    from pipeline import __version__
    return __version__


def _to_date(value: Any) -> dt.date | None:
    """An ISO date (or its first 10 chars); None for partial or bad values."""
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# --- rows from a Document ------------------------------------------------------
def _sentence_text(doc: Document, index: int) -> str | None:
    return doc.sentences[index].text if 0 <= index < len(doc.sentences) else None


def document_positions(doc: Document) -> list[dict[str, Any]]:
    """Positions held by the officials of one document (see pipeline.people)."""
    return list(positions(doc))


def document_rows(doc: Document, chash: str, version: str,
                  now: dt.datetime) -> dict[str, list[dict[str, Any]]]:
    """The rows of every per-document table for one processed document."""
    did = doc.doc_id

    def span(m) -> dict[str, Any]:
        return {"doc_id": did, "char_start": m.start, "char_end": m.end,
                "sentence_index": m.sentence, "text": m.text}

    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in DOC_TABLES}
    rows["documents"].append({
        "doc_id": did, "source": doc.source, "line": doc.line, "url": doc.url,
        "title": doc.title, "published": _to_date(doc.published), "content_hash": chash,
        "pipeline_version": version, "char_count": len(doc.text), "loaded_at": now,
        "text": doc.text})
    for r in doc.references:
        rows["citations"].append(span(r) | {
            "sentence_text": _sentence_text(doc, r.sentence), "key": r.key,
            "doc_type": r.doc_type, "number": r.number, "symbol": r.symbol, "issuer": r.issuer,
            "signed": r.date, "title": r.title, "pinpoint": r.pinpoint, "is_self": r.is_self})
    for o in doc.officials:
        rows["official_mentions"].append(span(o) | {
            "name": o.name, "titles": list(o.titles), "person_id": person_id(o.name)})
    for p in document_positions(doc):
        rows["positions"].append({c: p.get(c) for c, _ in TABLES["positions"]} | {
            "published": _to_date(p.get("published", p.get("date"))),  # people.py says "date"
            "title_as_written": p.get("title_as_written") or p.get("title"), "doc_id": did})
    for d in doc.dates:
        rows["date_mentions"].append(span(d) | {"value": d.value})
    for q in doc.quantities:
        rows["quantities"].append(span(q) | {
            "value": float(q.value) if q.value is not None else None, "unit": q.unit,
            "subject": q.subject, "kind": q.kind, "qualifier": q.qualifier, "per": q.per})
    own = doc.meta.get("record.self")
    if own:
        from pipeline.official.targets_sql import official_rows
        header, targets = official_rows(did, own, doc.meta.get("record.targets") or [])
        header["signed"] = _to_date(header.get("signed"))
        rows["official_documents"].append(header)
        rows["document_targets"].extend(targets)
    return rows


# --- derived tables --------------------------------------------------------------
def _most_frequent(col: str) -> str:
    """The most frequent non-null value of `col` per key (ties: the smallest)."""
    return (f"(SELECT key, first({col} ORDER BY n DESC, {col}) AS {col} FROM "
            f"(SELECT key, {col}, count(*) AS n FROM live WHERE {col} IS NOT NULL "
            f"GROUP BY ALL) GROUP BY key)")


_REGISTRY_FIELDS = ("doc_type", "number", "symbol", "issuer", "signed", "title")


def _rebuild_sql() -> list[str]:
    joins = " ".join(f"LEFT JOIN {_most_frequent(f)} AS f_{f} USING (key)"
                     for f in _REGISTRY_FIELDS)
    picks = ", ".join(f"f_{f}.{f}" for f in _REGISTRY_FIELDS)
    return [
        "DELETE FROM cited_documents",
        "INSERT INTO cited_documents "
        "WITH live AS (SELECT c.*, d.published FROM citations c "
        "  LEFT JOIN documents d USING (doc_id) "
        "  WHERE c.key IS NOT NULL AND c.key <> '' AND NOT coalesce(c.is_self, false)), "
        "counts AS (SELECT key, min(published) AS first_seen, max(published) AS last_seen, "
        "  count(*) AS mention_count, count(DISTINCT doc_id) AS document_count "
        "  FROM live GROUP BY key) "
        f"SELECT key, {picks}, first_seen, last_seen, mention_count, document_count "
        f"FROM counts {joins} ORDER BY mention_count DESC, key",
        "DELETE FROM persons",
        "INSERT INTO persons "
        "WITH names AS (SELECT person_id, name, count(*) AS n FROM official_mentions GROUP BY ALL), "
        "best AS (SELECT person_id, first(name ORDER BY n DESC, name) AS name FROM names "
        "  GROUP BY person_id), "
        "totals AS (SELECT person_id, count(*) AS mention_count, "
        "  count(DISTINCT doc_id) AS document_count FROM official_mentions GROUP BY person_id) "
        "SELECT person_id, name, mention_count, document_count FROM totals JOIN best "
        "USING (person_id) ORDER BY mention_count DESC, name",
    ]


# --- the store ------------------------------------------------------------------
@dataclass
class LoadCounts:
    """What one `Store.load` did."""

    loaded: int = 0  # new documents
    skipped: int = 0  # same doc_id, hash and version: nothing to do
    replaced: int = 0  # known doc_id whose text or pipeline version changed

    def __add__(self, other: "LoadCounts") -> "LoadCounts":
        return LoadCounts(self.loaded + other.loaded, self.skipped + other.skipped,
                          self.replaced + other.replaced)


class Store:
    """A read-write DuckDB knowledge table; use as a context manager to release the file."""

    def __init__(self, path: str | Path = DEFAULT_DB):
        self.path = str(path)
        self.con = duckdb.connect(self.path)
        self.con.execute(ddl())

    # -- lifecycle
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- identity checks
    def has(self, doc_id: str, content_hash: str, version: str | None = None) -> bool:
        """True when this exact text was loaded by this pipeline version: skip it."""
        row = self.con.execute(
            "SELECT 1 FROM documents WHERE doc_id = ? AND content_hash = ? "
            "AND pipeline_version = ? LIMIT 1",
            [doc_id, content_hash, version or pipeline_version()]).fetchone()
        return row is not None

    def fingerprints(self) -> dict[str, tuple[str, str]]:
        """doc_id -> (content_hash, pipeline_version) of everything loaded: one query."""
        rows = self.con.execute(
            "SELECT doc_id, content_hash, pipeline_version FROM documents").fetchall()
        return {d: (h, v) for d, h, v in rows}

    # -- writing
    def log_error(self, source: str | None, line: int | None, stage: str, message: str) -> None:
        """Keep a failure (bad input, a stage that raised) next to the data, once."""
        self.con.execute(
            "INSERT INTO errors SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM errors "
            "WHERE source IS NOT DISTINCT FROM ? AND line IS NOT DISTINCT FROM ? "
            "AND stage = ? AND message = ?)",
            [source, line, stage, message, dt.datetime.now(), source, line, stage, message])

    def load(self, docs: Iterable[Document], batch_size: int = DEFAULT_BATCH) -> LoadCounts:
        """Load processed documents, `batch_size` per transaction; rebuild the registries."""
        total = LoadCounts()
        for batch in batched(docs, batch_size):
            total += self._load_batch(batch)
        if self.derived_dirty():
            self.rebuild_derived()
        return total

    def derived_dirty(self) -> bool:
        """True when a batch was committed after the registries were last rebuilt."""
        row = self.con.execute("SELECT value FROM store_state WHERE name = 'derived_dirty'").fetchone()
        return bool(row and row[0] == "1")

    def _mark_dirty(self) -> None:
        """Inside a batch transaction: the registries now lag (survives a crash)."""
        self.con.execute("DELETE FROM store_state WHERE name = 'derived_dirty'")
        self.con.execute("INSERT INTO store_state VALUES ('derived_dirty', '1')")

    def rebuild_derived(self) -> None:
        """Recompute cited_documents and persons from the mention tables."""
        def work() -> None:
            for sql in _rebuild_sql():
                self.con.execute(sql)
            self.con.execute("DELETE FROM store_state WHERE name = 'derived_dirty'")
        self._in_transaction(work)

    def load_parquet(self, part_dir: Path, doc_ids: list[str]) -> None:
        """Load one partition written by a distributed worker, in one transaction.

        `part_dir` holds TABLE.parquet for each per-document table, with the
        rows `document_rows` builds; the documents' old rows are replaced.
        """
        def write() -> None:
            if doc_ids:
                for table in DOC_TABLES:
                    self.con.execute(f"DELETE FROM {table} WHERE list_contains(?, doc_id)", [doc_ids])
            for table in DOC_TABLES:
                path = Path(part_dir) / f"{table}.parquet"
                if path.exists():
                    self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet(?)",
                                     [str(path)])
            self._mark_dirty()
        self._in_transaction(write)

    def _load_batch(self, batch: list[Document]) -> LoadCounts:
        version, now = pipeline_version(), dt.datetime.now()
        ids = list({d.doc_id for d in batch})
        known = dict(((d, (h, v)) for d, h, v in self.con.execute(
            "SELECT doc_id, content_hash, pipeline_version FROM documents "
            "WHERE list_contains(?, doc_id)", [ids]).fetchall()))
        counts = LoadCounts()
        fresh: dict[str, tuple[Document, str]] = {}  # last version of a doc_id in the batch wins
        for doc in batch:
            chash = document_hash(doc)
            if known.get(doc.doc_id) == (chash, version) or (
                    doc.doc_id in fresh and fresh[doc.doc_id][1] == chash):
                counts.skipped += 1
                continue
            if doc.doc_id in known or doc.doc_id in fresh:
                counts.replaced += 1
            else:
                counts.loaded += 1
            fresh[doc.doc_id] = (doc, chash)
        if not fresh:
            return counts
        columns: dict[str, dict[str, list[Any]]] = {
            t: {c: [] for c, _ in TABLES[t]} for t in DOC_TABLES}
        for doc, chash in fresh.values():
            for table, rows in document_rows(doc, chash, version, now).items():
                cols = columns[table]
                for row in rows:
                    for c in cols:
                        cols[c].append(row.get(c))

        def write() -> None:
            replaced = [d for d in fresh if d in known]
            if replaced:
                for table in DOC_TABLES:
                    self.con.execute(f"DELETE FROM {table} WHERE list_contains(?, doc_id)",
                                     [replaced])
            for table in DOC_TABLES:
                if not columns[table]["doc_id"]:
                    continue
                arrow = pa.table(columns[table], schema=arrow_schema(table))
                self.con.register("_batch", arrow)
                try:
                    self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch")
                finally:
                    self.con.unregister("_batch")
            self._mark_dirty()

        self._in_transaction(write)
        return counts

    def _in_transaction(self, work) -> None:
        self.con.execute("BEGIN TRANSACTION")
        try:
            work()
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # -- reading
    def counts(self) -> dict[str, int]:
        """Row count of every table."""
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
