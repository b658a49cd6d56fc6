"""The record of ANNOTATION.md: fields, types, text order, and offsets that read back."""
import json
import unicodedata

import pytest

import pipeline
from pipeline.model import Document
from pipeline.stages import DEFAULT_PIPELINE, get_stages, run_pipeline

from corpus_paths import POOL, SEEDS

FIELDS = {
    "references": {"text": str, "start": int, "end": int, "doc_type": str, "key": str},
    "officials": {"text": str, "name": str, "titles": list, "start": int, "end": int},
    "dates": {"text": str, "value": str, "start": int, "end": int},
    "quantities": {"text": str, "value": float, "start": int, "end": int, "kind": str},
}
NULLABLE = {"references": ("number", "symbol", "issuer", "date"), "quantities": ("unit", "subject")}


def check_record(rec: dict, text: str) -> None:
    assert set(rec) >= {"doc_id", "published", *FIELDS}
    assert rec["published"] is None or len(rec["published"]) == 10
    for kind, spec in FIELDS.items():
        starts = []
        for m in rec[kind]:
            for name, typ in spec.items():
                assert isinstance(m[name], typ), (kind, name, m)
            for name in NULLABLE.get(kind, ()):
                assert name in m and (m[name] is None or isinstance(m[name], str))
            assert 0 <= m["start"] < m["end"] <= len(text)
            assert text[m["start"]:m["end"]] == m["text"], (kind, m)
            starts.append(m["start"])
        assert starts == sorted(starts), kind
    for q in rec["quantities"]:
        assert q["kind"] in ("target", "result", "other")
    json.dumps(rec, ensure_ascii=False)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_seed_records_read_back(path):
    [rec] = pipeline.process_file(path)
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    assert rec["doc_id"] == path.stem
    check_record(rec, text)


def test_pool_records_read_back():
    with POOL.open(encoding="utf-8") as fh:
        rows = [json.loads(next(fh)) for _ in range(40)]
    for row in rows:
        doc = run_pipeline(Document(doc_id=row["id"], text=row["text"]))
        check_record(doc.to_record(), doc.text)
        for m in doc.mentions():
            assert m.doc_id == row["id"] and m.sentence >= 0
            s = doc.sentences[m.sentence]
            assert s.start <= m.start < s.end


def test_process_returns_contract_record():
    rec = pipeline.process("Thứ hai, 09/05/2022 15:03\nNội dung.", doc_id="x")
    assert rec["doc_id"] == "x" and rec["published"] == "2022-05-09"
    assert [d["value"] for d in rec["dates"]] == ["2022-05-09"]


def test_registry_names_every_stage_once():
    stages = get_stages()
    assert list(DEFAULT_PIPELINE) == [n for n in stages]
    with pytest.raises(ValueError, match="unknown stage"):
        run_pipeline(Document(doc_id="x", text="a"), ["nope"])


def test_spacy_component_fills_spans():
    spacy = pytest.importorskip("spacy")
    import pipeline.spacy_components  # noqa: F401  registers the factories
    nlp = spacy.blank("vi")
    nlp.add_pipe("vnpipe_dates")
    doc = nlp("Ngày 17-3-2021, Thành ủy ban hành chương trình.")
    spans = doc.spans["dates"]
    assert [s._.vnpipe["value"] for s in spans] == ["2021-03-17"]
    assert spans[0].text.startswith("Ngày 17-3-2021") or spans[0].text.startswith("17-3-2021")
