"""The data of each page, built once and served twice: as JSON (/api/...) and as HTML.

A page is a dict of scalars and tables; a table is `{"columns", "rows",
"total"}` with at most `MAX_ROWS` rows (the CSV export has them all).  The
web routes only pick a page function and a format, so the JSON API is
exactly what the HTML shows.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from pipeline.model import DateMention, Document, Official, Quantity, Reference
from pipeline.web.queries import (MAX_ROWS, MENTION_TABLES, VIEWS, WebKB, filter_frame,
                                  frame_records)
from pipeline.web.texts import document_text


class NotFound(LookupError):
    """No such cited document, person, document, table or view."""


def table(df: pd.DataFrame, view: str | None = None, args: dict[str, str] | None = None,
          limit: int = MAX_ROWS, total: int | None = None) -> dict[str, Any]:
    """A DataFrame as a page table: columns, the first `limit` rows, the full count."""
    return {"columns": list(df.columns), "rows": frame_records(df.head(limit)),
            "total": len(df) if total is None else total, "view": view, "args": args or {}}


def _first(df: pd.DataFrame) -> dict[str, Any] | None:
    rows = frame_records(df.head(1))
    return rows[0] if rows else None


def home(kb: WebKB) -> dict[str, Any]:
    o = kb.overview()
    return {"counts": o["counts"], "top_refs": table(o["top_refs"], "top_refs"),
            "top_officials": table(o["top_officials"], "top_officials")}


def search(kb: WebKB, q: str) -> dict[str, Any]:
    if not q.strip():
        return {"query": "", "key": None, "parse_error": None}
    r = kb.search(q)
    return {"query": r["query"], "key": r["key"], "parse_error": r["parse_error"],
            "cited": table(r["cited"]), "persons": table(r["persons"]),
            "sentences": table(r["sentences"]), "documents": table(r["documents"]),
            "text_search": "documents' text" if "text" in kb.document_columns
            else "citing sentences and titles"}


def cited(kb: WebKB, key: str) -> dict[str, Any]:
    row = _first(kb.cited(key))
    citing = kb.refs(key=key)
    if row is None and citing.empty:
        raise NotFound(f"no cited document with key {key!r}")
    timeline = kb.timeline(key)
    return {"key": key, "registry": row, "timeline": table(timeline, "timeline", {"key": key}),
            "months": [(m, int(n)) for m, n in zip(timeline.month, timeline.mentions)],
            "citing": table(citing, "citing", {"key": key}),
            "similar": table(kb.similar_keys(key), "similar", {"key": key})}


def person(kb: WebKB, person_id: str) -> dict[str, Any]:
    row = _first(kb.person(person_id))
    if row is None:
        raise NotFound(f"no person with id {person_id!r}")
    args = {"person_id": person_id}
    return {"person": row, "positions": table(kb.positions(person_id), "positions", args),
            "documents": table(kb.person_documents(person_id), "person_documents", args),
            "co_references": table(kb.co_references(person_id), "co_references", args)}


def _mentions_of(df: pd.DataFrame, kind: str, doc_id: str) -> list:
    """Rows of a mention table back into the model's dataclasses (for the annotator)."""
    out = []
    for r in frame_records(df):
        span = dict(start=r["char_start"], end=r["char_end"], text=r["text"] or "",
                    sentence=r["sentence_index"] if r["sentence_index"] is not None else -1,
                    doc_id=doc_id)
        if kind == "references":
            out.append(Reference(**span, doc_type=r["doc_type"] or "", number=r["number"],
                                 symbol=r["symbol"], issuer=r["issuer"], date=r["signed"],
                                 key=r["key"] or "", title=r["title"], pinpoint=r["pinpoint"],
                                 is_self=bool(r["is_self"])))
        elif kind == "officials":
            out.append(Official(**span, name=r["name"] or "", titles=tuple(r["titles"] or ())))
        elif kind == "dates":
            out.append(DateMention(**span, value=r["value"] or ""))
        else:
            out.append(Quantity(**span, value=r["value"], unit=r["unit"], subject=r["subject"],
                                kind=r["kind"] or "other", qualifier=r["qualifier"],
                                per=r["per"]))
    return out


def document(kb: WebKB, doc_id: str, base: str | None = None) -> dict[str, Any]:
    """A document's row, its mentions, and (when its text can be had) the Document to draw."""
    row = _first(kb.document(doc_id))
    if row is None:
        raise NotFound(f"no document {doc_id!r}")
    found = document_text(row, base)
    frames = {kind: kb.mentions(t, doc_id) for kind, t in MENTION_TABLES.items()}
    doc = None
    if found.text is not None:
        doc = Document(doc_id=doc_id, text=found.text, title=row.get("title") or found.title,
                       published=row.get("published"), source=row.get("source"))
        for kind, df in frames.items():
            setattr(doc, kind, _mentions_of(df, kind, doc_id))
    return {"document": row, "text": found.text, "text_note": found.note, "doc": doc,
            **{kind: table(df, f"document_{kind}", {"doc_id": doc_id})
               for kind, df in frames.items()}}


def view(kb: WebKB, name: str, args: dict[str, str], q: str | None = None) -> pd.DataFrame:
    """One table view, whole, narrowed to rows holding `q`."""
    if name not in VIEWS:
        raise NotFound(f"no view {name!r}; views: {', '.join(VIEWS)}")
    needed, fetch = VIEWS[name]
    missing = [a for a in needed if not args.get(a)]
    if missing:
        raise ValueError(f"view {name!r} needs {', '.join(missing)}")
    return filter_frame(fetch(kb, **{a: args[a] for a in needed}), q)


def browse(kb: WebKB, name: str, q: str = "", limit: int = 100, offset: int = 0
           ) -> dict[str, Any]:
    if name not in kb.tables:
        raise NotFound(f"no table {name!r}; tables: {', '.join(kb.tables)}")
    page, total = kb.browse(name, q, limit, offset)
    return {"table": name, "query": q, "limit": limit, "offset": offset,
            "rows": table(page, total=total)}
