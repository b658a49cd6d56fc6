"""The local engine: the stages over a stream of documents on every core of one machine.

Documents go to worker processes in small chunks; at most `2 * workers`
chunks are in flight, so memory stays flat whatever the archive size, and
results come back in input order, so a parallel run loads exactly the rows
of a serial one.  With one worker nothing is forked.

>>> from pipeline.model import Document
>>> docs = [Document(doc_id=str(i), text=f"Ngày {i}/5/2022, họp.") for i in range(1, 4)]
>>> [d.doc_id for d in process_documents(docs, workers=1)]
['1', '2', '3']
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable, Iterable, Iterator

from pipeline.batching import batched
from pipeline.model import Document

OnError = Callable[[Document, Exception], None]


class StageFailure(Exception):
    """A stage raised inside a worker; carries the original type and message."""


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _run_one(doc: Document, stages: list[str] | None) -> Document | tuple[Document, str]:
    from pipeline.stages import run_pipeline
    try:
        return run_pipeline(doc, stages)
    except Exception as exc:  # noqa: BLE001 - reported, never fatal
        return doc, f"{type(exc).__name__}: {exc}"


def _slim(doc: Document) -> None:
    """Drop what is derived and no longer needed, so less travels back to the parent."""
    doc.match_text = ""  # the matching copy of the text: extraction is over
    for s in doc.sentences:
        s._words = None  # lazily segmented words


def _run_chunk(chunk: list[Document], stages: list[str] | None) -> list:
    out = []
    for doc in chunk:
        res = _run_one(doc, stages)
        if isinstance(res, Document):
            _slim(res)
        out.append(res)
    return out


def _warm_up() -> None:
    """Import the stages once per worker, not once per chunk."""
    from pipeline.stages import get_stages
    get_stages()


def _unpack(results: list, on_error: OnError | None) -> Iterator[Document]:
    for res in results:
        if isinstance(res, Document):
            yield res
        else:
            doc, message = res
            if on_error is not None:
                on_error(doc, StageFailure(message))


def process_documents(docs: Iterable[Document], workers: int | None = None,
                      on_error: OnError | None = None, stages: list[str] | None = None,
                      chunk_size: int = 16) -> Iterator[Document]:
    """Run the stages over `docs`, in order, on `workers` processes (default: all cores)."""
    workers = workers or default_workers()
    if workers <= 1:
        for doc in docs:
            yield from _unpack([_run_one(doc, stages)], on_error)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm_up) as pool:
        inflight: deque[Future] = deque()
        for chunk in batched(docs, chunk_size):
            inflight.append(pool.submit(_run_chunk, chunk, stages))
            if len(inflight) >= 2 * workers:
                yield from _unpack(inflight.popleft().result(), on_error)
        while inflight:
            yield from _unpack(inflight.popleft().result(), on_error)
