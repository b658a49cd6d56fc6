"""`vnpipe show FILE [--html OUT]` and `vnpipe serve [--db FILE]`: look at what was extracted.

`show` runs the whole pipeline on one file and prints each document with its
mentions coloured by kind (or writes one self-contained HTML page); `serve`
starts the read-only web app over a knowledge table.  No extraction logic
lives here: pipeline.annotate draws, pipeline.web serves.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.store import DEFAULT_DB


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("show", help="show one file's mentions highlighted (terminal or HTML)",
                       description="Run the pipeline on FILE and show each document with its "
                                   "references, officials, dates and quantities highlighted; "
                                   "--html writes one self-contained page instead.")
    p.add_argument("file", metavar="FILE", help="a .txt, .html, .jsonl or .csv file")
    p.add_argument("--html", metavar="OUT", help="write an HTML page to OUT")
    p.add_argument("--doc", metavar="DOC_ID", help="only this document of a JSONL/CSV file")
    p.add_argument("--limit", type=int, default=None, metavar="N",
                   help="at most N documents (JSONL/CSV)")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("serve", help="browse the knowledge table in a local web app",
                       description="Serve a read-only web app over the knowledge table: "
                                   "search citations, persons and text; pages per cited "
                                   "document, person and document; CSV export; JSON API "
                                   "documented at /docs.")
    p.add_argument("--db", default=DEFAULT_DB, metavar="FILE",
                   help=f"the DuckDB knowledge table (default ./{DEFAULT_DB})")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only)")
    p.set_defaults(func=cmd_serve)


def _documents(args: argparse.Namespace):
    from pipeline.cli.common import ErrorLog
    from pipeline.ingest import iter_documents
    from pipeline.stages import run_pipeline
    shown = 0
    for doc in iter_documents([args.file], errors=ErrorLog()):
        if args.doc and doc.doc_id != args.doc:
            continue
        if args.limit is not None and shown >= args.limit:
            break
        shown += 1
        yield run_pipeline(doc)


def cmd_show(args: argparse.Namespace) -> int:
    from pipeline.annotate import annotate_fragment, annotate_html, annotate_terminal
    if not Path(args.file).exists():
        print(f"vnpipe show: no such file {args.file}", file=sys.stderr)
        return 1
    docs = list(_documents(args))
    if not docs:
        print(f"vnpipe show: no document to show in {args.file}", file=sys.stderr)
        return 1
    if args.html:
        if len(docs) == 1:
            page = annotate_html(docs[0])
        else:  # one page, one section per document
            import html
            first = annotate_html(docs[0])
            head = first[:first.index("<body>") + len("<body>")]
            body = "".join(f"<section><h2>{html.escape(d.title or d.doc_id)}</h2>"
                           f"{annotate_fragment(d)}</section>" for d in docs)
            page = head + body + "</body></html>\n"
        Path(args.html).write_text(page, encoding="utf-8")
        print(f"wrote {args.html} ({len(docs)} document{'s' if len(docs) > 1 else ''})")
        return 0
    from rich.console import Console
    from rich.rule import Rule
    console = Console()
    for i, doc in enumerate(docs):
        if i:
            console.print(Rule())
        console.print(annotate_terminal(doc))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    if not Path(args.db).exists():
        print(f"vnpipe serve: no knowledge table at {args.db} (build one with "
              f"`vnpipe run PATH --db {args.db}`)", file=sys.stderr)
        return 1
    try:
        from pipeline.web.app import serve
        import fastapi, jinja2, uvicorn  # noqa: F401,E401 - fail early with a clear message
    except ImportError as exc:
        print(f"vnpipe serve: the web app needs fastapi, jinja2 and uvicorn ({exc.name} is "
              f"missing): pip install fastapi uvicorn jinja2", file=sys.stderr)
        return 1
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"vnpipe serve: listening on {args.host}: anyone who can reach it can read "
              "the table", file=sys.stderr)
    serve(args.db, args.host, args.port)
    return 0
