"""`vnpipe extract`: one ANNOTATION.md record per document, as JSON Lines on stdout."""
from __future__ import annotations

import argparse
import json
import sys

from pipeline.cli.common import ErrorLog, add_input_options, field_map


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="print one JSON record per document",
                       description="Extract references, officials, dates and quantities; "
                                   "print one JSON record per document (JSON Lines).")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files (.txt .html .jsonl .csv), directories, or - for stdin")
    p.add_argument("--pretty", action="store_true", help="indented JSON, one record after another")
    p.add_argument("--provenance", action="store_true",
                   help="add source path and raw offsets (for HTML input) to each record")
    p.add_argument("--corpus-registry", action="store_true",
                   help="resolve a short form that its own document leaves unknown ('Nghị quyết "
                        "39' -> '?') from the documents read before it, when they know exactly "
                        "one such document")
    add_input_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pipeline import process_document
    from pipeline.ingest import IngestError, iter_documents

    errors = ErrorLog()
    n = 0
    registry = None
    if args.corpus_registry:
        from pipeline.citations_registry import CitedRegistry
        from pipeline.resolve import resolve_references
        registry = CitedRegistry()
    for doc in iter_documents(args.paths, errors=errors, fields=field_map(args.fields),
                              max_bytes=args.max_bytes):
        try:
            process_document(doc)
            if registry is not None:
                resolve_references(doc, registry)
                registry.add(doc)
        except Exception as exc:  # one bad document never stops the batch
            errors(IngestError(doc.source or doc.doc_id, doc.line, f"{type(exc).__name__}: {exc}",
                               stage="extract"))
            continue
        rec = doc.to_record()
        if args.provenance:
            rec["source"] = doc.source
            rec["line"] = doc.line
            for kind in ("references", "officials", "dates", "quantities"):
                for m, out in zip(getattr(doc, kind), rec[kind]):
                    out["raw_start"], out["raw_end"] = doc.raw_span(m.start, m.end)
        print(json.dumps(rec, ensure_ascii=False, indent=2 if args.pretty else None))
        n += 1
    if errors.items:
        print(f"vnpipe: {n} document(s) extracted, {len(errors.items)} input(s) skipped",
              file=sys.stderr)
    return 0 if n or not errors.items else 1
