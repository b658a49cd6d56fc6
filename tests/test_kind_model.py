"""The quantity kind model: features, reproducible training, prediction, `vnpipe train`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import kind_model
from pipeline.kind_model import KINDS, features, load_model, predict_kind, train, unit_kind
from pipeline.model import Document
from pipeline.segment import split_sentences

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "corpora" / "labels" / "quantities.jsonl"


def _rel(sentence: str, span: str) -> tuple[int, int]:
    i = sentence.index(span)
    return i, i + len(span)


# Real pool sentences: (sentence, number span, unit, published, features that must be on / off)
FEATURE_CASES = [
    ("Giai đoạn đến năm 2025, phấn đấu đạt khoảng 45% lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội",
     "45%", "%", "2019-01-01",
     ["cue_left=phấn đấu", "cue_near=đạt", "unit=pct", "den_nam", "den_nam=future", "year=future", "L1=khoảng"],
     ["tense=đã", "year=past"]),
    ("Lực lượng Công an toàn quốc đã triệt phá 11.767 băng nhóm, 56.355 đối tượng.",
     "11.767", "băng nhóm", None,
     ["tense=đã", "cue_left=đã", "unit=count", "unit_head=băng", "R1=băng", "L1=phá"],
     ["unit=pct", "tense=none"]),
    ("Thành viên Ban kiểm soát Than Miền Trung bị phạt 55 triệu đồng",
     "55 triệu đồng", "đồng", None,
     ["cue_near=phạt", "unit=money", "pos=headline", "tense=none"],
     ["cue_left=đạt"]),
    ("Năm 2018, doanh thu và lợi nhuận sau thuế của Thế Giới Di Động đạt 86.516 tỷ đồng và 2.880 tỷ đồng.",
     "86.516 tỷ đồng", "đồng", "2019-03-01",
     ["year=past", "cue_near=đạt", "unit=money"],
     ["year=future", "pos=headline"]),
    ("Chương trình này có mục tiêu đến năm 2020 giảm từ 3 - 5% tổng số vụ phạm tội hình sự so với năm 2016,",
     "3", "%", None,
     ["cue_left=mục tiêu", "year=unknown_pub", "range", "unit=pct"],
     ["year=future"]),
]


# sentences of other pool articles for the clause-level features: the frame of an earlier clause,
# the tense marker with its verb, the governing word past hedges, fractions, cue groups
FEATURE_CASES += [
    ("Mục tiêu đến năm 2020: hoàn thành cổ phần hóa; thu hút 15 triệu lượt khách quốc tế",
     "15 triệu", "lượt khách quốc tế", None,
     ["g_frame=plan", "gov=hút", "g_near=done"], ["g_left=plan"]),
    ("Trong số trên, các cơ quan của Đảng, đoàn thể tinh giản 1.361 người; cơ quan hành chính 4.100 người",
     "4.100", "người", None,
     ["g_frame=done", "pos=headline"], ["g_left=done", "cue_left=tinh giản"]),
    ("UBND TP Hà Nội lại ban hành 2 văn bản có nội dung trái ngược nhau.",
     "2", "văn bản", None,
     ["gov=hành", "gov2=ban_hành", "g_near=done"], ["TV=đã_ban"]),
    ("Như vậy, Ban chỉ đạo đã ban hành khoảng 20 văn bản hướng dẫn.",
     "20", "văn bản", None,
     ["TV=đã_ban", "gov=hành", "tense=đã"], ["gov=khoảng"]),
    ("Kết quả có 446/447 đại biểu tán thành", "446", None, None, ["fraction"], []),
    ("Đến cuối năm 2018, theo thống kê có 40 vụ vi phạm bị xử phạt 500 triệu đồng",
     "500 triệu đồng", "đồng", None,
     ["g_near=violation", "g_left=stat"], ["g_frame=violation"]),
]


@pytest.mark.parametrize("sentence,span,unit,published,on,off", FEATURE_CASES)
def test_features_on_real_sentences(sentence, span, unit, published, on, off):
    start, end = _rel(sentence, span)
    f = features(sentence, start, end, unit, published)
    for name in on:
        assert f.get(name) == 1.0, name
    for name in off:
        assert name not in f, name


def test_features_read_old_tone_placement_like_new():
    a = features("Hoà Bình phấn đấu đạt 12 xã", 22, 24, "xã", None)
    b = features("Hòa Bình phấn đấu đạt 12 xã", 22, 24, "xã", None)
    assert a == b


@pytest.mark.parametrize("unit,span,expected", [
    ("%", "98,65%", "pct"), ("đồng", "14 nghìn tỷ đồng", "money"), ("USD", "19,1 tỷ USD", "money"),
    ("ha", "12", "measure"), ("đảng viên", "213", "count"), (None, "1.900", "none"),
])
def test_unit_kind(unit, span, expected):
    assert unit_kind(unit, span) == expected


def _subset(tmp_path: Path, per_kind: int = 25) -> Path:
    """A small, balanced slice of the real labels, enough for 5 folds."""
    rows = [json.loads(line) for line in LABELS.open(encoding="utf-8")]
    picked = []
    for k in KINDS:
        picked += [r for r in rows if r["kind"] == k][:per_kind]
    out = tmp_path / "labels.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in picked), encoding="utf-8")
    return out


def test_labels_file_is_well_formed():
    rows = [json.loads(line) for line in LABELS.open(encoding="utf-8")]
    assert len(rows) >= 800 and len({r["doc_id"] for r in rows}) >= 150
    for r in rows:
        assert r["kind"] in KINDS
        assert r["sentence"][r["start"] - r["sent_start"]:r["end"] - r["sent_start"]] == r["text"]
        assert isinstance(r["value"], float) and r["value"] >= 0


def test_training_twice_gives_identical_model_and_figures(tmp_path):
    labels = _subset(tmp_path)
    r1 = train(labels, tmp_path / "a", seed=3)
    r2 = train(labels, tmp_path / "b", seed=3)
    assert (tmp_path / "a" / "kind_model.json").read_bytes() == (tmp_path / "b" / "kind_model.json").read_bytes()
    for key in ("accuracy", "confusion", "fold_accuracy", "majority_baseline"):
        assert r1[key] == r2[key]
    assert sum(map(sum, r1["confusion"])) == r1["n_mentions"] == 75
    card = (tmp_path / "a" / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert f"{r1['accuracy']:.3f}" in card and "seed 3" in card


def test_predict_kind_on_a_document(tmp_path):
    train(_subset(tmp_path), tmp_path / "m", seed=0)
    text = "Năm 2021, quận đã kết nạp 213 đảng viên mới.\nPhấn đấu đến năm 2025 đạt 45% hộ dân dùng nước sạch."
    doc = split_sentences(Document.from_text(text, doc_id="t", published="2022-05-09"))
    for span, unit in (("213", "đảng viên"), ("45%", "%")):
        start = text.index(span)
        kind = predict_kind(doc, start, start + len(span), unit, model_path=tmp_path / "m")
        assert kind in KINDS
    start = text.index("213")
    same = predict_kind(doc, start, start + 3, "đảng viên", model_path=tmp_path / "m" / "kind_model.json")
    assert same == predict_kind(doc, start, start + 3, "đảng viên", model_path=tmp_path / "m")


def test_predict_kind_is_none_without_a_model(tmp_path, monkeypatch):
    doc = split_sentences(Document.from_text("Thu ngân sách đạt 14 nghìn tỷ đồng.", doc_id="t"))
    assert predict_kind(doc, 18, 34, "đồng", model_path=tmp_path / "missing") is None
    monkeypatch.setenv(kind_model.ENV_VAR, str(tmp_path / "nowhere"))
    assert load_model() is None
    assert predict_kind(doc, 18, 34, "đồng") is None


def test_shipped_model_loads_and_predicts():
    assert load_model(kind_model.DEFAULT_DIR) is not None, "models/kind/kind_model.json missing"
    assert (kind_model.DEFAULT_DIR / "kind_model.json").stat().st_size < 5_000_000
    text = "Năm 2018, tăng trưởng GDP của nước ta đạt 7,08%."
    doc = split_sentences(Document.from_text(text, doc_id="t", published="2018-12-29"))
    start = text.index("7,08%")
    assert predict_kind(doc, start, start + 5, "%", model_path=kind_model.DEFAULT_DIR) in KINDS


def test_cli_train_writes_model_and_card(tmp_path, capsys):
    from pipeline.cli import main
    labels = _subset(tmp_path, per_kind=20)
    out = tmp_path / "model"
    assert main(["train", "--labels", str(labels), "--out", str(out), "--seed", "1"]) == 0
    printed = capsys.readouterr().out
    assert "accuracy" in printed and "majority baseline" in printed and "confusion" in printed
    assert (out / "kind_model.json").is_file() and (out / "MODEL_CARD.md").is_file()
    assert json.loads((out / "kind_model.json").read_text(encoding="utf-8"))["classes"]


def test_cli_train_missing_labels(tmp_path, capsys):
    from pipeline.cli import main
    assert main(["train", "--labels", str(tmp_path / "none.jsonl"), "--out", str(tmp_path)]) == 2


DEV_GOLD = ROOT / "corpora" / "labels" / "dev_gold.jsonl"


def test_rule_answer_is_a_feature():
    sentence = "Trong đó, cần tập trung hoàn thành 5 đề tài, đề án, kế hoạch còn lại của Chương trình."
    start, end = _rel(sentence, "5")
    f = features(sentence, start, end, "đề tài", None)
    assert f["rule=target"] == kind_model.RULE_WEIGHT
    assert not {"rule=result", "rule=other"} & set(f)


def test_dev_gold_rows_are_well_formed_and_only_dev_sets():
    rows = [json.loads(line) for line in DEV_GOLD.open(encoding="utf-8")]
    # the dev sets only: never the held-out pool-e/f
    assert {r["source"] for r in rows} == {"seeds", "pool-a", "pool-b", "pool-c", "pool-d"}
    for r in rows:
        assert r["kind"] in KINDS and r["weight"] >= 1.0
        assert r["sentence"][r["start"] - r["sent_start"]:r["end"] - r["sent_start"]] == r["text"]


def test_training_on_several_files_reports_each_source(tmp_path):
    labels = _subset(tmp_path)
    gold = tmp_path / "gold.jsonl"
    rows = [json.loads(line) for line in DEV_GOLD.open(encoding="utf-8")][:30]
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    report = train([labels, gold], tmp_path / "m", seed=0)
    assert report["n_mentions"] == 75 + 30
    assert set(report["by_source"]) == {"labels"} | {r["source"] for r in rows}
    assert report["sources"]["seeds"]["weight"] == rows[0]["weight"]
    card = (tmp_path / "m" / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "NOT a held-out figure" in card and "| seeds |" in card


@pytest.mark.parametrize("text", [
    "Năm 2018, doanh thu đạt 86.516 tỷ đồng, đã giảm được 5% và sẽ tăng 10%",
    "đã đạt, đang đạt được; sẽ giảm được",
    "chưa có, dự kiến sẽ, vừa qua đã",
])
def test_tense_spans_agree_with_a_scan_of_the_window(text):
    spans = kind_model._TENSES_IN.spans(text)
    for lo, hi in ((0, len(text)), (0, len(text) // 2), (len(text) // 3, len(text))):
        window = kind_model._within(spans, lo, hi)
        assert window <= kind_model._TENSES_IN.found_in(text[lo:hi])
    assert kind_model._within(spans, 0, len(text)) == kind_model._TENSES_IN.found_in(text)
