"""Golden files: the whole record of a few real documents, so any change in output shows.

A change that is meant (a better extractor) is accepted by regenerating them:
`VNPIPE_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`, then reading
the diff of tests/golden/ before committing it.
"""
import json
import os
from itertools import islice

import pytest

from pipeline.ingest import iter_documents
from pipeline.stages import run_pipeline

from corpus_paths import LEGAL, POOL, ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden"
POOL_IDS = ("vn-train-071867", "vn-train-010521", "vn-train-100197")


def _cases():
    for p in sorted(SEEDS.glob("*.txt")):
        yield p.stem, lambda p=p: next(iter_documents([p]))
    wanted = set(POOL_IDS)
    for doc in iter_documents([POOL]):
        if doc.doc_id in wanted:
            yield doc.doc_id, lambda doc=doc: doc
    first_legal = next(iter_documents([LEGAL]))
    yield first_legal.doc_id, lambda: next(iter_documents([LEGAL]))


CASES = dict(islice(_cases(), 20))


@pytest.mark.parametrize("doc_id", sorted(CASES))
def test_record_matches_golden_file(doc_id):
    rec = run_pipeline(CASES[doc_id]()).to_record()
    path = GOLDEN / f"{doc_id}.json"
    if os.environ.get("VNPIPE_UPDATE_GOLDEN"):
        path.write_text(json.dumps(rec, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with VNPIPE_UPDATE_GOLDEN=1"
    assert rec == json.loads(path.read_text(encoding="utf-8"))
