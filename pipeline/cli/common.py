"""Small pieces every command shares: input options, error reporting."""
from __future__ import annotations

import argparse
import sys

from pipeline.ingest import DEFAULT_MAX_BYTES, FieldMap, IngestError


def add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--fields", default="",
                   help="JSONL/CSV field names, e.g. 'text=body,id=guid,published=date'")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                   help="largest single file (or JSONL record) read, in bytes (default 20 MB)")


def field_map(spec: str) -> FieldMap:
    """Parse 'text=body,id=guid' into a FieldMap; unknown names are an error."""
    if not spec:
        return FieldMap()
    kw = {}
    for part in spec.split(","):
        name, _, col = part.partition("=")
        name, col = name.strip(), col.strip()
        if name not in FieldMap.__dataclass_fields__ or not col:
            raise SystemExit(f"vnpipe: bad --fields entry {part!r}; "
                             f"use NAME=COLUMN with NAME in {list(FieldMap.__dataclass_fields__)}")
        kw[name] = col
    return FieldMap(**kw)


class ErrorLog:
    """Collects ingest/stage errors and prints each to stderr as it happens."""

    def __init__(self, quiet: bool = False) -> None:
        self.items: list[IngestError] = []
        self.quiet = quiet

    def __call__(self, err: IngestError) -> None:
        self.items.append(err)
        if not self.quiet:
            print(f"vnpipe: {err}", file=sys.stderr)
