"""Run the pipeline over files into the knowledge table: iterate -> skip check -> process -> load.

Each step is a generator over Documents so a later engine can swap the
middle one (`process`) for parallel workers without touching the rest.
Documents already loaded with the same text and pipeline version are skipped
before extraction, which is what makes a re-run over a grown corpus cheap.
Bad inputs and stages that raise are logged in the `errors` table, never fatal.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Ngày 9/5/2022, Hà Nội.", encoding="utf-8")
>>> run([d], d / "kb.duckdb").counts.loaded, run([d], d / "kb.duckdb").counts.skipped
(1, 1)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from pipeline.model import Document
from pipeline.store import (DEFAULT_BATCH, DEFAULT_DB, HASH_META, LoadCounts, Store,
                            content_hash, pipeline_version)

MENTION_TABLES = {"references": "citations", "officials": "official_mentions",
                  "dates": "date_mentions", "quantities": "quantities"}


@dataclass
class RunSummary:
    """What a run did, and what the table now holds."""

    db: str
    counts: LoadCounts = field(default_factory=LoadCounts)
    errors: int = 0  # logged during this run
    total_errors: int = 0  # in the table
    documents: int = 0  # in the table
    mentions: dict[str, int] = field(default_factory=dict)  # kind -> rows in the table
    top_cited: list[tuple[Any, ...]] = field(default_factory=list)

    def render(self) -> str:
        c = self.counts
        lines = [f"{self.db}: {c.loaded} loaded, {c.skipped} skipped, {c.replaced} replaced "
                 f"({self.documents} documents in the table)",
                 "mentions in the table: " + ", ".join(f"{k} {n}" for k, n in self.mentions.items())]
        if self.top_cited:
            lines.append("most cited documents:")
            for key, doc_type, number, symbol, mentions, docs in self.top_cited:
                label = " ".join(str(x) for x in (doc_type, number) if x)
                label += f" {symbol}" if symbol else ""
                lines.append(f"  {mentions:5d} mentions {docs:4d} docs  {key:<20} {label}")
        lines.append(f"errors: {self.errors} this run ({self.total_errors} in the table)")
        return "\n".join(lines)


def pending(docs: Iterable[Document], store: Store, on_skip: Callable[[Document], None]
            ) -> Iterator[Document]:
    """Documents not yet loaded with this text and version; notes each one's hash."""
    known, version = store.fingerprints(), pipeline_version()
    for doc in docs:
        chash = content_hash(doc.text)
        if known.get(doc.doc_id) == (chash, version):
            on_skip(doc)
            continue
        doc.meta[HASH_META] = chash
        yield doc


def process(docs: Iterable[Document], on_error: Callable[[Document, Exception], None],
            stages: list[str] | None = None) -> Iterator[Document]:
    """Run the stages over each document; one that raises is reported and dropped."""
    from pipeline.stages import run_pipeline
    for doc in docs:
        try:
            yield run_pipeline(doc, stages)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus
            on_error(doc, exc)


def run_documents(docs: Iterable[Document], db: str | Path = DEFAULT_DB,
                  batch_size: int = DEFAULT_BATCH, stages: list[str] | None = None,
                  top: int = 10, on_error: Callable[[str], None] | None = None,
                  _on_open: Callable[[Store], None] | None = None,
                  workers: int | None = 1, engine: str = "local",
                  scheduler: str | None = None,
                  on_document: Callable[[Document], None] | None = None) -> RunSummary:
    """Process and load unprocessed Documents into the table at `db`.

    `engine` "local" runs the stages on `workers` processes (None: every core);
    "dask" on a dask.distributed cluster (`scheduler` address, or a LocalCluster).
    A stage that raises is logged in `errors` (and passed to `on_error` as a line
    of text); `on_document` sees each document as it is read (progress).
    """
    summary = RunSummary(db=str(db))
    skipped = 0

    def skip(_doc: Document) -> None:
        nonlocal skipped
        skipped += 1

    with Store(db) as store:
        before = store.con.execute("SELECT count(*) FROM errors").fetchone()[0]
        if _on_open is not None:
            _on_open(store)

        def failed(doc: Document, exc: Exception) -> None:
            message = f"{doc.doc_id}: {type(exc).__name__}: {exc}"
            store.log_error(doc.source or doc.doc_id, doc.line, "extract", message)
            if on_error is not None:
                on_error(f"{doc.source or doc.doc_id}: {message}")

        todo = pending(_observe(docs, on_document), store, skip)
        if engine == "dask":
            from pipeline.engines.dask_engine import load_partitions, make_client
            with make_client(scheduler, workers) as client:
                summary.counts = load_partitions(
                    todo, store, client, stages, staging=None,
                    on_error=lambda src, line, msg: on_error and on_error(f"{src}: {msg}"))
        elif engine == "local":
            from pipeline.engines.local import process_documents
            if workers == 1:
                done = process(todo, failed, stages)
            else:
                done = process_documents(todo, workers, failed, stages)
            summary.counts = store.load(done, batch_size)
        else:
            raise ValueError(f"unknown engine {engine!r}; use 'local' or 'dask'")
        summary.counts.skipped += skipped
        _fill_totals(summary, store, before, top)
    return summary


def _observe(docs: Iterable[Document], see: Callable[[Document], None] | None
             ) -> Iterator[Document]:
    for doc in docs:
        if see is not None:
            see(doc)
        yield doc


def run(paths: Iterable[str | Path], db: str | Path = DEFAULT_DB,
        batch_size: int = DEFAULT_BATCH, stages: list[str] | None = None,
        top: int = 10, on_error: Callable[[str], None] | None = None,
        workers: int | None = 1, engine: str = "local", scheduler: str | None = None,
        on_document: Callable[[Document], None] | None = None,
        **ingest_options: Any) -> RunSummary:
    """Ingest files/directories (`-` for stdin), process what is new, load it into `db`.

    Bad inputs go to the `errors` table (and to `on_error` as text, e.g. to echo them);
    `ingest_options` (fields=FieldMap, max_bytes=...) pass to iter_documents.
    """
    from pipeline.ingest import iter_documents
    holder: dict[str, Store] = {}

    def ingest_error(err: Any) -> None:  # an IngestError(source, line, message, stage)
        holder["store"].log_error(str(err.source), err.line, getattr(err, "stage", "ingest"),
                                  str(err.message))
        if on_error is not None:
            on_error(str(err))

    docs = iter_documents(list(paths), errors=ingest_error, **ingest_options)
    return run_documents(docs, db, batch_size, stages, top, on_error,
                         _on_open=lambda s: holder.__setitem__("store", s), workers=workers,
                         engine=engine, scheduler=scheduler, on_document=on_document)


def _fill_totals(summary: RunSummary, store: Store, errors_before: int, top: int) -> None:
    q = store.con.execute
    summary.total_errors = q("SELECT count(*) FROM errors").fetchone()[0]
    summary.errors = summary.total_errors - errors_before
    summary.documents = q("SELECT count(*) FROM documents").fetchone()[0]
    summary.mentions = {kind: q(f"SELECT count(*) FROM {table}").fetchone()[0]
                        for kind, table in MENTION_TABLES.items()}
    summary.top_cited = q(
        "SELECT key, doc_type, number, symbol, mention_count, document_count "
        "FROM cited_documents ORDER BY mention_count DESC, document_count DESC, key "
        "LIMIT ?", [top]).fetchall()
