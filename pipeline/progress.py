"""Progress of a long run: a live bar on a terminal, plain periodic lines otherwise.

Counts documents and the bytes of text read against the total size of the
input files (so MB/s and an ETA are known before the end), and errors.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Iterable, TextIO

from pipeline.model import Document


def input_bytes(paths: Iterable[str | Path]) -> int:
    """Total size of the files under `paths` (0 when unknown, e.g. stdin)."""
    from pipeline.ingest import iter_files
    total = 0
    for p in iter_files([p for p in paths if str(p) != "-"]):
        try:
            total += p.stat().st_size
        except OSError:
            pass
    return total


class Progress:
    """Call `doc(d)` per document read and `error()` per error; `close()` at the end."""

    def __init__(self, total_bytes: int = 0, stream: TextIO | None = None,
                 every: float = 5.0, enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.total = total_bytes
        self.docs = self.bytes = self.errors = 0
        self.start = self.last = time.monotonic()
        self.every = every
        self.enabled = enabled
        self._bar = None
        if enabled and self.stream.isatty():
            from rich.progress import (BarColumn, Progress as Bar, TextColumn,
                                       TimeRemainingColumn)
            self._bar = Bar(TextColumn("{task.description}"), BarColumn(),
                            TextColumn("{task.percentage:>3.0f}%"), TimeRemainingColumn(),
                            transient=True)
            self._task = self._bar.add_task("vnpipe", total=total_bytes or None)
            self._bar.start()

    def _line(self) -> str:
        secs = max(time.monotonic() - self.start, 1e-9)
        mb = self.bytes / 1e6
        eta = ""
        if self.total and self.bytes:
            rest = (self.total - self.bytes) / (self.bytes / secs)
            eta = f", ETA {max(rest, 0):.0f}s"
        return (f"{self.docs:,} docs, {mb:.1f} MB ({mb / secs:.2f} MB/s), "
                f"{self.errors} errors{eta}")

    def doc(self, d: Document) -> None:
        self.docs += 1
        src = d.raw if d.raw is not None else d.text
        self.bytes += len(src.encode("utf-8", "ignore"))
        self._tick()

    def error(self, *_: object) -> None:
        self.errors += 1
        self._tick()

    def _tick(self) -> None:
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.update(self._task, completed=self.bytes, description=self._line())
            return
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            print(f"vnpipe: {self._line()}", file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
        if self.enabled:
            print(f"vnpipe: done: {self._line()} in {time.monotonic() - self.start:.1f}s",
                  file=self.stream, flush=True)
