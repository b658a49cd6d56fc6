"""Knowledge-table commands: `run`, `query`, `refs`, `person`, `top`, `export`.

A thin layer: each command parses its arguments, calls pipeline.runner,
pipeline.kb or pipeline.export, and prints.  Reading commands open the table
read-only.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Callable

import pandas as pd

from pipeline.store import DEFAULT_BATCH, DEFAULT_DB

FRAME_FORMATS = ("table", "csv", "json")


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_DB, metavar="FILE",
                   help=f"the DuckDB knowledge table (default ./{DEFAULT_DB})")


def _format_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FRAME_FORMATS, default="table",
                   help="output: aligned table (default), CSV or a JSON array")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="extract files into the knowledge table (DuckDB)",
                       description="Ingest files, extract what is new or changed, load it into "
                                   "the knowledge table; already loaded texts are skipped.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files (.txt .html .jsonl .csv), directories, or - for stdin")
    _db_option(p)
    p.add_argument("--batch-size", type=int, default=DEFAULT_BATCH,
                   help=f"documents per transaction (default {DEFAULT_BATCH})")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes (default: every core)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes (default) or a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: an existing scheduler (tcp://host:8786); "
                        "default: a LocalCluster on this machine")
    p.add_argument("--no-progress", action="store_true", help="no progress bar or log lines")
    from pipeline.cli.common import add_input_options
    add_input_options(p)
    p.set_defaults(func=_guard(cmd_run))

    p = sub.add_parser("query", help="run read-only SQL on the knowledge table",
                       description="Run SQL on a read-only connection; statements that would "
                                   "write (DELETE, UPDATE, COPY, ATTACH ...) are refused.")
    p.add_argument("sql", metavar="SQL")
    _db_option(p)
    _format_option(p)
    p.set_defaults(func=_guard(cmd_query))

    p = sub.add_parser("refs", help="documents citing a given document",
                       description="List every document citing the document named, however "
                                   "the citation is written ('Quy định 55/QĐ-TW', "
                                   "'Quy định số 55-QĐ/TƯ').")
    p.add_argument("citation", nargs="?", metavar="CITATION")
    p.add_argument("--key", help="a registry key instead of a written citation ('QDI 55 TW')")
    _db_option(p)
    _format_option(p)
    p.set_defaults(func=_guard(cmd_refs))

    p = sub.add_parser("person", help="an official's positions over time and documents",
                       description="Positions of one official over time, and the documents "
                                   "that mention them.")
    p.add_argument("name", metavar="NAME")
    _db_option(p)
    _format_option(p)
    p.set_defaults(func=_guard(cmd_person))

    p = sub.add_parser("top", help="most cited documents or most mentioned officials",
                       description="Most cited documents (--kind refs) or most mentioned "
                                   "officials (--kind officials).")
    p.add_argument("--kind", choices=("refs", "officials"), default="refs")
    p.add_argument("--since", metavar="DATE", help="only documents published on/after DATE "
                                                   "(YYYY-MM-DD)")
    p.add_argument("--limit", type=int, default=10, metavar="N")
    _db_option(p)
    _format_option(p)
    p.set_defaults(func=_guard(cmd_top))

    p = sub.add_parser("export", help="write tables to CSV or Parquet",
                       description="Write one table (--table NAME --out FILE) or all of them "
                                   "(--all DIR) to CSV or Parquet.  CSV cells that a "
                                   "spreadsheet would run as formulas are neutralised.")
    _db_option(p)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--table", metavar="NAME", help="the table to export (needs --out)")
    which.add_argument("--all", metavar="DIR", help="export every table into DIR")
    p.add_argument("--format", choices=("csv", "parquet"), default="csv")
    p.add_argument("--out", metavar="FILE", help="output file for --table")
    p.add_argument("--excel", action="store_true", help="CSV with a UTF-8 BOM for Excel")
    p.set_defaults(func=_guard(cmd_export))


def _guard(cmd: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Expected failures (no table, refused SQL, bad SQL) as one line on stderr, exit 1."""
    def run(args: argparse.Namespace) -> int:
        import duckdb

        from pipeline.kb import CitationParseError, ReadOnlyError
        try:
            return cmd(args)
        except (FileNotFoundError, ReadOnlyError, CitationParseError, ValueError,
                duckdb.Error) as exc:
            print(f"vnpipe {args.command}: {exc}", file=sys.stderr)
            return 1
    return run


def print_frame(df: pd.DataFrame, fmt: str = "table", width: int = 100) -> None:
    """Print a result as an aligned table, CSV or a JSON array."""
    if fmt == "csv":
        df.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        records = json.loads(df.to_json(orient="records", date_format="iso", force_ascii=False))
        print(json.dumps(records, ensure_ascii=False, indent=1))
    elif df.empty:
        print("(no rows)")
    else:
        print(df.to_string(index=False, max_colwidth=width))


# --- commands -------------------------------------------------------------------
def cmd_run(args: argparse.Namespace) -> int:
    from pipeline.cli.common import field_map
    from pipeline.runner import run
    from pipeline.progress import Progress, input_bytes
    progress = Progress(input_bytes(args.paths), enabled=not args.no_progress)

    def on_error(msg: str) -> None:
        progress.error()
        print(f"vnpipe: {msg}", file=sys.stderr)

    try:
        summary = run(args.paths, args.db, batch_size=args.batch_size, on_error=on_error,
                      workers=args.workers, engine=args.engine, scheduler=args.scheduler,
                      on_document=progress.doc, fields=field_map(args.fields),
                      max_bytes=args.max_bytes)
    finally:
        progress.close()
    print(summary.render())
    c = summary.counts
    return 1 if summary.errors and not (c.loaded + c.skipped + c.replaced) else 0


def cmd_query(args: argparse.Namespace) -> int:
    from pipeline.kb import open_kb
    print_frame(open_kb(args.db).sql(args.sql), args.format)
    return 0


def snippet(sentence: str | None, mention: str, width: int = 90) -> str:
    """The part of a long sentence around the citation, so a narrow column still shows it.

    >>> snippet("Một hai ba bốn năm sáu bảy tám chín mười theo Quy định 55 của Bộ Chính trị", "Quy định 55", 30)
    '…ười theo Quy định 55 của Bộ Ch…'
    """
    if not sentence:
        return mention
    sentence = " ".join(sentence.split())
    if len(sentence) <= width:
        return sentence
    i = max(sentence.find(mention), 0)
    start = max(0, min(i - (width - len(mention)) // 2, len(sentence) - width))
    piece = sentence[start:start + width]
    return ("…" if start > 0 else "") + piece + ("…" if start + width < len(sentence) else "")


def cmd_refs(args: argparse.Namespace) -> int:
    from pipeline.kb import open_kb, parse_key
    if not args.citation and not args.key:
        raise ValueError("give a citation ('Quy định số 55-QĐ/TW') or --key")
    kb = open_kb(args.db)
    key = args.key or parse_key(args.citation)
    docs = kb.refs(key=key)
    if docs.empty and key.endswith(" ?"):  # "Nghị quyết 39": one known authority settles it
        similar = kb.similar_keys(key)
        if len(similar) == 1:
            print(f"{key}: the citation names no issuer; using {similar.key[0]}", file=sys.stderr)
            key = similar.key[0]
            docs = kb.refs(key=key)
    if args.format != "table":
        print_frame(docs, args.format)
        return 0
    entry = kb.cited(key)
    label = key
    if len(entry):
        e = entry.iloc[0]
        parts = [str(e[c]) for c in ("doc_type", "number", "symbol") if pd.notna(e[c])]
        extra = [str(e[c]) for c in ("issuer", "signed") if pd.notna(e[c])]
        label = f"{key}: {' '.join(parts)}" + (f" ({', '.join(extra)})" if extra else "")
    if docs.empty:
        print(f"{label}: no document in {args.db} cites it")
        similar = kb.similar_keys(key)
        if len(similar):
            print("cited under another authority: " + ", ".join(similar.key.head(5)))
        return 0
    print(f"{label}: cited by {len(docs)} document(s), {int(docs.mentions.sum())} mention(s)")
    docs["sentence"] = [snippet(s, m) for s, m in zip(docs.sentence, docs.mention)]
    print_frame(docs.drop(columns="mention"), "table", width=92)
    return 0


def cmd_person(args: argparse.Namespace) -> int:
    from pipeline.kb import open_kb
    kb = open_kb(args.db)
    found = kb.find_persons(args.name)
    if found.empty:
        print(f"no official named {args.name!r} in {args.db}")
        return 1
    if len(found) > 1 and found.name.str.casefold().nunique() > 1:
        print(f"{len(found)} officials match {args.name!r}; give the full name:")
        print_frame(found, "table")
        return 1
    person = found.iloc[0]
    positions, documents = kb.positions(person.person_id), kb.person_documents(person.person_id)
    if args.format != "table":
        print_frame(positions.assign(kind="position") if not documents.size else
                    pd.concat([positions.assign(kind="position"),
                               documents.assign(kind="document")], ignore_index=True),
                    args.format)
        return 0
    print(f"{person['name']}: {int(person.mention_count)} mention(s) in "
          f"{int(person.document_count)} document(s)")
    print("\npositions over time:")
    print_frame(positions, "table")
    print("\ndocuments:")
    print_frame(documents, "table", width=70)
    return 0


def cmd_top(args: argparse.Namespace) -> int:
    from pipeline.kb import open_kb
    print_frame(open_kb(args.db).top(args.kind, args.since, args.limit), args.format, width=60)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from pipeline.export import export_all, export_table
    if args.all:
        for table, (path, rows) in export_all(args.db, args.all, args.format, args.excel).items():
            print(f"{table}: {rows} rows -> {path}")
        return 0
    if not args.out:
        raise ValueError("--table needs --out FILE")
    rows = export_table(args.db, args.table, args.format, args.out, args.excel)
    print(f"{args.table}: {rows} rows -> {args.out}")
    return 0
