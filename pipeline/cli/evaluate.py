"""`vnpipe eval`: score extraction against gold records, per ANNOTATION.md."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.evaluate import KINDS, format_table, score


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score extraction against a gold file",
                       description="Run extraction on the texts named by the gold doc_ids and "
                                   "print precision, recall and F1 per kind.")
    p.add_argument("gold", help="gold records, JSON Lines (ANNOTATION.md format)")
    p.add_argument("--texts", required=True,
                   help="directory of DOC_ID.txt/.html files, or a JSONL file whose ids are doc_ids")
    p.add_argument("--kind", choices=KINDS, action="append", help="score only this kind (repeatable)")
    p.add_argument("--errors", action="store_true", help="list every miss and false positive")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(func=run)


def load_gold(path: str) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"vnpipe: {path}:{i}: malformed gold record ({exc.msg})")
    return out


def find_texts(texts: str, doc_ids: list[str]) -> dict[str, "object"]:
    """Map each gold doc_id to its Document (read, not yet processed)."""
    from pipeline.ingest import iter_documents
    root = Path(texts)
    wanted = set(doc_ids)
    found = {}
    if root.is_dir():
        files = {f.stem: f for f in sorted(root.rglob("*")) if f.is_file()}
        paths = [files[d] for d in doc_ids if d in files]
    else:
        paths = [root]
    for doc in iter_documents(paths):
        if doc.doc_id in wanted:
            found[doc.doc_id] = doc
    return found


def run(args: argparse.Namespace) -> int:
    from pipeline import process_document
    golds = load_gold(args.gold)
    docs = find_texts(args.texts, [g["doc_id"] for g in golds])
    missing = [g["doc_id"] for g in golds if g["doc_id"] not in docs]
    for d in missing:
        print(f"vnpipe: no text for gold doc_id {d} under {args.texts}", file=sys.stderr)
    golds = [g for g in golds if g["doc_id"] in docs]
    preds, processed = [], {}
    for g in golds:
        doc = process_document(docs[g["doc_id"]])
        processed[g["doc_id"]] = doc
        preds.append(doc.to_record())
    kinds = args.kind or list(KINDS)
    result = score(golds, preds, kinds, keep_matches=True)
    details = result.pop("_details", {})
    if "quantities" in kinds:
        result["quantities"]["kind_accuracy_by_source"] = kind_sources(details, processed)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(f"{len(golds)} documents scored")
        print(format_table(result))
        src = result.get("quantities", {}).get("kind_accuracy_by_source")
        if src:
            print("quantity kind accuracy by source: " + ", ".join(
                f"{k} {v:.3f}" if v is not None else f"{k} -" for k, v in src.items()))
    if args.errors:
        print_errors(details, processed)
    return 0


def kind_sources(details: dict, docs: dict) -> dict[str, float | None]:
    """Kind accuracy on matched quantities as the pipeline gave it, by the rules alone, and
    by the trained model alone (None when no model file is present)."""
    from pipeline.extract.quantity_kind_rules import rule_kind
    from pipeline.kind_model import predict_kind
    tally = {"pipeline": [0, 0], "rules": [0, 0], "model": [0, 0]}
    for doc_id, kinds in details.items():
        m = kinds.get("quantities")
        if m is None:
            continue
        doc = docs[doc_id]
        for g, p in m.pairs:
            sent = doc.sentence_of(p["start"])
            base, text = (sent.start, sent.text) if sent else (0, doc.text)
            guesses = {"pipeline": p.get("kind"),
                       "rules": rule_kind(text, p["start"] - base, min(p["end"] - base, len(text))),
                       "model": predict_kind(doc, p["start"], p["end"], p.get("unit"))}
            for src, kind in guesses.items():
                if kind is not None:
                    tally[src][1] += 1
                    tally[src][0] += int(kind == g.get("kind"))
    return {k: (round(n / d, 4) if d else None) for k, (n, d) in tally.items()}


def _label(kind: str, m: dict) -> str:
    if kind == "references":
        return f"{m.get('key')!r} {m.get('text')!r}"
    if kind == "officials":
        return f"{m.get('name')!r} titles={m.get('titles')}"
    if kind == "dates":
        return f"{m.get('value')!r} {m.get('text')!r}"
    return f"{m.get('value')} {m.get('unit')!r} kind={m.get('kind')} {m.get('text')!r}"


def print_errors(details: dict, docs: dict) -> None:
    for doc_id, kinds in details.items():
        doc = docs[doc_id]
        for kind, m in kinds.items():
            for label, items in (("MISS", m.missed), ("FALSE", m.spurious)):
                for it in items:
                    sent = doc.sentence_of(it.get("start", 0))
                    ctx = sent.text if sent else ""
                    print(f"{doc_id} {kind} {label} {_label(kind, it)} @{it.get('start')}\n    | {ctx}")
            if kind == "references":
                for g, p in m.pairs:
                    diffs = [f"{f}: gold {g.get(f)!r} got {p.get(f)!r}"
                             for f in ("symbol", "issuer", "date") if g.get(f) != p.get(f)]
                    if diffs:
                        print(f"{doc_id} references FIELD {g.get('key')!r} {g.get('text')!r}: " + "; ".join(diffs))
            if kind == "officials":
                for g, p in m.pairs:
                    if sorted(t.casefold() for t in g.get("titles", [])) != sorted(t.casefold() for t in p.get("titles", [])):
                        print(f"{doc_id} officials TITLES {g.get('name')!r} @{g.get('start')}: gold {g.get('titles')} got {p.get('titles')}")
            if kind == "quantities":
                for g, p in m.pairs:
                    if g.get("kind") != p.get("kind"):
                        print(f"{doc_id} quantities KIND {g.get('value')} {g.get('text')!r}: gold {g.get('kind')} got {p.get('kind')}")
