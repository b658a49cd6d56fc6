"""`vnpipe bench`: stage and pipeline throughput on N MB of the bundled real articles."""
from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="measure throughput of each stage and the whole pipeline",
                       description="Build an N-MB corpus from the real articles in corpora/ and "
                                   "measure every stage, the pipeline with 1, 2 and all workers, "
                                   "peak RSS, and the yardsticks (regex pass, underthesea "
                                   "word_tokenize).")
    p.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    p.add_argument("--workers", type=int, action="append",
                   help="worker counts to measure (repeatable; default 1, 2 and all cores)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pipeline.bench import run_bench
    result = run_bench(args.mb, args.workers, progress=lambda m: print(m, file=sys.stderr))
    print(json.dumps(result.to_json(), indent=2) if args.json else result.table())
    return 0
