"""`vnpipe train`: retrain the quantity kind model from labelled mentions.

A thin layer over `pipeline.kind_model.train`: it cross-validates, saves the
model and MODEL_CARD.md under --out, and prints the figures.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_LABELS = [str(Path("corpora") / "labels" / "quantities.jsonl"),
                  str(Path("corpora") / "labels" / "dev_gold.jsonl")]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="train the quantity kind (target/result/other) model",
                       description="Cross-validate and fit the quantity kind model on labelled "
                                   "mentions; write the model and its card; print the figures.")
    p.add_argument("--labels", action="append", default=None,
                   help="labelled mentions, JSON Lines; repeatable (default: " + " and ".join(DEFAULT_LABELS) + ")")
    p.add_argument("--out", default=None,
                   help="directory for kind_model.json and MODEL_CARD.md (default: models/kind of the repo)")
    p.add_argument("--seed", type=int, default=0, help="seed of the CV folds and the solver (default: 0)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pipeline.kind_model import format_report, train
    labels = args.labels or DEFAULT_LABELS
    for path in labels:
        if not Path(path).is_file():
            print(f"vnpipe: no labels file {path}", file=sys.stderr)
            return 2
    report = train(labels, args.out, seed=args.seed)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(format_report(report))
        print(f"\nmodel: {report['model_path']} ({report['model_bytes']} bytes)")
    return 0
