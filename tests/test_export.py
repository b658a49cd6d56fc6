"""Export: CSV reads back the same rows, formulas are neutralised, Parquet is unchanged."""
from __future__ import annotations

import csv

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.export import export_all, export_table, neutralise
from pipeline.kb import open_kb
from pipeline.model import Document, Official, Quantity
from pipeline.stages import run_pipeline
from pipeline.store import TABLES, Store

FORMULA = '=HYPERLINK("http://x.example","bấm vào")'


@pytest.mark.parametrize("cell, expected", [
    ("=1+1", "'=1+1"), ("+84 912", "'+84 912"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("Hà Nội", "Hà Nội"), ("", ""), ("a=b", "a=b"),
    ("'quoted", "'quoted"), ("98,65%", "98,65%"),
])
def test_neutralise(cell, expected):
    assert neutralise(cell) == expected


@pytest.fixture
def kb_path(tmp_path):
    text = f"Ông Nguyễn Văn A, Giám đốc Sở, nói: {FORMULA}. Lợi nhuận giảm -3,5 tỷ đồng."
    doc = Document(doc_id="d1", text=text, published="2022-05-09", title=FORMULA,
                   url="https://example.org/a")
    run_pipeline(doc, ["normalise", "segment"])
    i = text.index("Nguyễn Văn A")
    doc.officials = [Official(start=i, end=i + 12, text="Nguyễn Văn A", name="Nguyễn Văn A",
                              titles=("Giám đốc Sở", "=cmd|' /C calc'!A0"), sentence=0)]
    q = text.index("-3,5")
    doc.quantities = [Quantity(start=q, end=q + 4, text="-3,5", value=-3.5, unit="tỷ đồng",
                               subject="-lợi nhuận", kind="result", sentence=0)]
    other = Document(doc_id="d2", text="Tin ngắn.\nDòng hai, \"trích\".", published=None)
    run_pipeline(other, ["normalise", "segment"])
    path = str(tmp_path / "kb.duckdb")
    with Store(path) as st:
        st.load([doc, other])
        st.log_error("x.jsonl", 2, "ingest", "@bad line")
    return path


def test_csv_reads_back_in_pandas_with_the_same_rows(kb_path, tmp_path):
    kb = open_kb(kb_path)
    for table in ("documents", "quantities", "official_mentions", "errors"):
        out = tmp_path / f"{table}.csv"
        n = export_table(kb_path, table, "csv", out)
        back = pd.read_csv(out, keep_default_na=False, dtype=str)
        assert n == len(back) == len(kb[table]) and list(back.columns) == list(kb[table].columns)
    back = pd.read_csv(tmp_path / "documents.csv").set_index("doc_id")
    original = kb.documents.set_index("doc_id")
    for col in ("char_count", "content_hash", "url", "pipeline_version"):
        assert back[col].tolist() == original.loc[back.index, col].tolist()
    assert back.loc["d2", "published"] != back.loc["d2", "published"]  # NaN: empty cell
    assert back.loc["d1", "published"] == "2022-05-09"


def test_a_formula_in_the_source_text_is_not_a_formula_in_the_csv(kb_path, tmp_path):
    out = tmp_path / "documents.csv"
    export_table(kb_path, "documents", "csv", out)
    with open(out, encoding="utf-8", newline="") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    assert "'" + FORMULA in cells
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_numbers_stay_numbers_and_text_cells_are_neutralised(kb_path, tmp_path):
    out = tmp_path / "q.csv"
    export_table(kb_path, "quantities", "csv", out)
    row = pd.read_csv(out).iloc[0]
    assert row["value"] == -3.5  # a numeric column is never prefixed
    assert row["text"] == "'-3,5" and row["subject"] == "'-lợi nhuận"
    out = tmp_path / "o.csv"
    export_table(kb_path, "official_mentions", "csv", out)
    titles = pd.read_csv(out).titles[0]
    assert titles == '["Giám đốc Sở", "=cmd|\' /C calc\'!A0"]'  # a JSON list: starts with [


def test_parquet_keeps_values_unchanged(kb_path, tmp_path):
    kb = open_kb(kb_path)
    for table in ("documents", "quantities", "official_mentions"):
        out = tmp_path / f"{table}.parquet"
        export_table(kb_path, table, "parquet", out)
        back = pd.read_parquet(out)
        assert len(back) == len(kb[table])
    assert pd.read_parquet(tmp_path / "documents.parquet").set_index("doc_id").loc[
        "d1", "title"] == FORMULA
    assert pd.read_parquet(tmp_path / "quantities.parquet").value.tolist() == [-3.5]
    assert list(pd.read_parquet(tmp_path / "official_mentions.parquet").titles[0]) == [
        "Giám đốc Sở", "=cmd|' /C calc'!A0"]


def test_excel_flag_adds_a_bom(kb_path, tmp_path):
    export_table(kb_path, "documents", "csv", tmp_path / "plain.csv")
    export_table(kb_path, "documents", "csv", tmp_path / "excel.csv", excel=True)
    assert not (tmp_path / "plain.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (tmp_path / "excel.csv").read_bytes().startswith(b"\xef\xbb\xbfdoc_id,")


def test_unknown_table_or_format(kb_path, tmp_path):
    with pytest.raises(ValueError, match="no table"):
        export_table(kb_path, "users; DROP TABLE x", "csv", tmp_path / "x.csv")
    with pytest.raises(ValueError, match="unknown format"):
        export_table(kb_path, "documents", "xlsx", tmp_path / "x.xlsx")


def test_export_all_writes_every_table(kb_path, tmp_path):
    written = export_all(kb_path, tmp_path / "all", "parquet")
    assert set(written) == set(TABLES)
    assert all(path.exists() for path, _ in written.values())
    assert written["documents"][1] == 2


def test_export_command(kb_path, tmp_path, capsys):
    out = tmp_path / "cli" / "citations.csv"
    assert main(["export", "--db", kb_path, "--table", "documents", "--format", "csv",
                 "--out", str(out), "--excel"]) == 0
    assert "documents: 2 rows" in capsys.readouterr().out
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert main(["export", "--db", kb_path, "--all", str(tmp_path / "dir")]) == 0
    assert len(list((tmp_path / "dir").glob("*.csv"))) == len(TABLES)
    assert main(["export", "--db", kb_path, "--table", "documents"]) == 1
    assert "--out" in capsys.readouterr().err
