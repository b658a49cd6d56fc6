"""The Dask engine: the same stages on a dask.distributed cluster, loaded into the same table.

Why this shape: the client reads the input (so workers need not see the
files) and skips what is already loaded; each partition of documents goes to
a worker, which runs the stage registry and writes the partition's rows as
Parquet, one file per table, under a staging directory; the client then loads
each partition into DuckDB in one transaction, in submission order.  The
rows are those of the local engine (`store.document_rows` builds both), so
the two engines give equal tables, row for row.

With no scheduler address a `LocalCluster` is started on this machine.  To
use an existing cluster, pass its address (`tcp://host:8786`) and a staging
directory that the workers and this client both see (a shared filesystem).
"""
from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections import deque
from pathlib import Path
from typing import Any, Callable, Iterable

from pipeline.batching import batched
from pipeline.model import Document

OnError = Callable[[Document, Exception], None]


def _process_partition(docs: list[Document], stages: list[str] | None, part_dir: str,
                       version: str, now: dt.datetime) -> tuple[str, list[str], list[tuple]]:
    """On a worker: run the stages, write each table's rows as Parquet; return errors."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.stages import run_pipeline
    from pipeline.store import DOC_TABLES, TABLES, arrow_schema, document_hash, document_rows

    columns: dict[str, dict[str, list[Any]]] = {t: {c: [] for c, _ in TABLES[t]} for t in DOC_TABLES}
    done, errors = [], []
    for doc in docs:
        try:
            run_pipeline(doc, stages)
        except Exception as exc:  # noqa: BLE001 - reported, never fatal
            errors.append((doc.source or doc.doc_id, doc.line, f"{doc.doc_id}: {type(exc).__name__}: {exc}"))
            continue
        for table, rows in document_rows(doc, document_hash(doc), version, now).items():
            cols = columns[table]
            for row in rows:
                for c in cols:
                    cols[c].append(row.get(c))
        done.append(doc.doc_id)
    out = Path(part_dir)
    out.mkdir(parents=True, exist_ok=True)
    for table in DOC_TABLES:
        pq.write_table(pa.table(columns[table], schema=arrow_schema(table)), out / f"{table}.parquet")
    return part_dir, done, errors


def make_client(scheduler: str | None = None, workers: int | None = None):
    """A client on the given scheduler, or on a LocalCluster of `workers` processes."""
    from dask.distributed import Client, LocalCluster

    from pipeline.engines.local import default_workers
    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                           processes=True, dashboard_address=None)
    return Client(cluster)


def load_partitions(docs: Iterable[Document], store, client, stages: list[str] | None = None,
                    partition_size: int = 64, staging: str | Path | None = None,
                    on_error: Callable[[str, int | None, str], None] | None = None):
    """Process `docs` on the cluster and load every partition into `store`; return LoadCounts."""
    from pipeline.store import LoadCounts, pipeline_version

    version, now = pipeline_version(), dt.datetime.now()
    known = store.fingerprints()
    own_staging = staging is None
    root = Path(staging) if staging else Path(tempfile.mkdtemp(prefix="vnpipe-dask-"))
    counts = LoadCounts()
    inflight: deque = deque()
    limit = 2 * max(1, len(client.scheduler_info().get("workers", {})) or 1)

    def finish(future) -> None:
        part_dir, done, errors = future.result()
        for source, line, message in errors:
            store.log_error(source, line, "extract", message)
            if on_error is not None:
                on_error(source, line, message)
        store.load_parquet(Path(part_dir), done)
        for doc_id in done:
            if doc_id in known:
                counts.replaced += 1
            else:
                counts.loaded += 1
        shutil.rmtree(part_dir, ignore_errors=True)

    try:
        for i, part in enumerate(batched(docs, partition_size)):
            inflight.append(client.submit(_process_partition, part, stages,
                                          str(root / f"part-{i:06d}"), version, now, pure=False))
            if len(inflight) >= limit:
                finish(inflight.popleft())
        while inflight:
            finish(inflight.popleft())
    finally:
        if own_staging:
            shutil.rmtree(root, ignore_errors=True)
    if counts.loaded or counts.replaced:
        store.rebuild_derived()
    return counts
