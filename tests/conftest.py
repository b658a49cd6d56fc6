from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"
GOLD = ROOT / "corpora" / "gold" / "seeds.jsonl"
POOL = ROOT / "corpora" / "pool" / "vietnews-politics.jsonl"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
