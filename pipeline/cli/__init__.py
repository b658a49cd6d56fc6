"""`vnpipe`: a thin command line over the library (sqlite-utils style).

Each command group lives in its own module exposing `register(subparsers)`;
this module only wires them.  No extraction logic lives here.
"""
from __future__ import annotations

import argparse
import importlib
import sys

# Command modules, in the order their commands appear in `vnpipe --help`.
COMMAND_MODULES = (
    "pipeline.cli.extract",
    "pipeline.cli.evaluate",
    "pipeline.cli.kb",
    "pipeline.cli.train",
    "pipeline.cli.bench",
    "pipeline.cli.show",
)


def build_parser() -> argparse.ArgumentParser:
    from pipeline import __version__
    parser = argparse.ArgumentParser(
        prog="vnpipe",
        description="Extract document references, officials, dates and quantities "
                    "from Vietnamese news and party/state documents.")
    parser.add_argument("--version", action="version", version=f"vnpipe {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # command module not written yet
                continue
            raise
        mod.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("vnpipe: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
