"""Paths of the bundled corpora, for tests."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"
GOLD = ROOT / "corpora" / "gold" / "seeds.jsonl"
POOL = ROOT / "corpora" / "pool" / "vietnews-politics.jsonl"
LEGAL = ROOT / "corpora" / "pool" / "legal-docs.jsonl"
