"""The knowledge table: idempotent, incremental, transactional loading and the derived tables."""
from __future__ import annotations

import duckdb
import pytest

import pipeline
import pipeline.store as store_mod
from pipeline.model import DateMention, Document, Official, Quantity, Reference
from pipeline.runner import run, run_documents
from pipeline.stages import run_pipeline
from pipeline.store import TABLES, Store, content_hash, ddl, person_id

TEXT = ("Thực hiện Quy định số 55-QĐ/TƯ ngày 19-12-2016 của Bộ Chính trị, "
        "đồng chí Nguyễn Ngọc Tuấn, Phó Bí thư Thành ủy, phát biểu. "
        "Năm 2021, có 98,65% tổ chức cơ sở Đảng hoàn thành tốt nhiệm vụ.")


def make_doc(doc_id: str = "a", text: str = TEXT, published: str | None = "2022-05-09",
             symbol: str | None = "QĐ/TW", key: str = "QDI 55 TW", **kw) -> Document:
    """A document as the pipeline would leave it, with one mention of each kind."""
    doc = Document(doc_id=doc_id, text=text, published=published, title=f"Bài {doc_id}", **kw)
    run_pipeline(doc, ["normalise", "segment"])
    cite = "Quy định số 55-QĐ/TƯ ngày 19-12-2016 của Bộ Chính trị"
    i = text.find(cite)
    if i >= 0:
        doc.references = [Reference(start=i, end=i + len(cite), text=cite, doc_type="Quy định",
                                    number="55", symbol=symbol, issuer="Bộ Chính trị",
                                    date="2016-12-19", key=key, sentence=doc.sentence_index(i),
                                    doc_id=doc_id)]
    j = text.find("Nguyễn Ngọc Tuấn")
    if j >= 0:
        doc.officials = [Official(start=j, end=j + 16, text="Nguyễn Ngọc Tuấn",
                                  name="Nguyễn Ngọc Tuấn", titles=("Phó Bí thư Thành ủy",),
                                  sentence=doc.sentence_index(j), doc_id=doc_id)]
    k = text.find("Năm 2021")
    if k >= 0:
        doc.dates = [DateMention(start=k, end=k + 8, text="Năm 2021", value="2021",
                                 sentence=doc.sentence_index(k), doc_id=doc_id)]
    q = text.find("98,65%")
    if q >= 0:
        doc.quantities = [Quantity(start=q, end=q + 6, text="98,65%", value=98.65, unit="%",
                                   subject="tổ chức cơ sở Đảng", kind="result",
                                   sentence=doc.sentence_index(q), doc_id=doc_id)]
    return doc


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "kb.duckdb")


def rows(db: str, sql: str):
    con = duckdb.connect(db, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def table_counts(db: str) -> dict[str, int]:
    return {t: rows(db, f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}


def test_schema_has_every_documented_table_and_no_reserved_column_names():
    con = duckdb.connect()
    con.execute(ddl())
    reserved = {r[0] for r in con.execute(
        "SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category = 'reserved'"
    ).fetchall()}
    cols = con.execute("SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal").fetchall()
    assert {t for t, _ in cols} == set(TABLES) | {"targets"}  # targets is a view
    assert not [c for _, c in cols if c.lower() in reserved]


def test_load_writes_one_row_per_mention_with_sentence_text(db):
    with Store(db) as st:
        counts = st.load([make_doc("a"), make_doc("b")])
    assert (counts.loaded, counts.skipped, counts.replaced) == (2, 0, 0)
    got = table_counts(db)
    assert got["documents"] == 2 and got["citations"] == 2 and got["official_mentions"] == 2
    assert got["date_mentions"] == 2 and got["quantities"] == 2 and got["positions"] == 2
    doc_id, start, end, sent, text, signed = rows(
        db, "SELECT doc_id, char_start, char_end, sentence_text, text, signed FROM citations "
            "WHERE doc_id = 'a'")[0]
    assert TEXT[start:end] == text and text in sent and signed == "2016-12-19"
    assert rows(db, "SELECT published, char_count, content_hash FROM documents "
                    "WHERE doc_id='a'")[0][1:] == (len(TEXT), content_hash(TEXT))
    assert rows(db, "SELECT titles FROM official_mentions LIMIT 1")[0][0] == ["Phó Bí thư Thành ủy"]
    assert rows(db, "SELECT value, unit, kind FROM quantities LIMIT 1")[0] == (98.65, "%", "result")


def test_loading_twice_loads_nothing_new(db):
    with Store(db) as st:
        st.load([make_doc("a"), make_doc("b")])
        before = st.counts()
        again = st.load([make_doc("a"), make_doc("b")])
        after = st.counts()
    assert (again.loaded, again.skipped, again.replaced) == (0, 2, 0)
    assert before == after


def test_changed_text_replaces_the_old_rows(db):
    with Store(db) as st:
        st.load([make_doc("a"), make_doc("b")])
        changed = make_doc("a", text="Bài mới. " + TEXT)
        counts = st.load([changed])
        assert (counts.loaded, counts.skipped, counts.replaced) == (0, 0, 1)
        assert st.load([changed]).skipped == 1  # once only
        starts = st.con.execute("SELECT char_start FROM citations WHERE doc_id='a'").fetchall()
        hashes = st.con.execute("SELECT content_hash FROM documents WHERE doc_id='a'").fetchall()
    assert starts == [(changed.references[0].start,)]
    assert hashes == [(content_hash(changed.text),)]


def test_new_pipeline_version_re_extracts(db, monkeypatch):
    with Store(db) as st:
        st.load([make_doc("a")])
        monkeypatch.setattr(pipeline, "__version__", "9.9.9")
        assert not st.has("a", content_hash(TEXT))
        assert st.load([make_doc("a")]).replaced == 1
        assert st.has("a", content_hash(TEXT), "9.9.9")
        assert st.con.execute("SELECT count(*) FROM citations").fetchone()[0] == 1


def test_a_failing_batch_leaves_nothing_behind(db, monkeypatch):
    with Store(db) as st:
        st.load([make_doc("a")])
        real = store_mod.arrow_schema

        def broken(table):
            if table == "quantities":  # after documents and citations were inserted
                raise RuntimeError("disk on fire")
            return real(table)
        monkeypatch.setattr(store_mod, "arrow_schema", broken)
        with pytest.raises(RuntimeError):
            st.load([make_doc("b"), make_doc("a", text="Khác. " + TEXT)])
        assert st.counts()["documents"] == 1
        assert st.con.execute("SELECT doc_id FROM citations").fetchall() == [("a",)]
        assert st.has("a", content_hash(TEXT))


def test_registry_takes_the_most_frequent_non_null_values(db):
    docs = [make_doc("a", published="2020-01-02"), make_doc("b", published="2022-05-09"),
            make_doc("c", published="2021-03-04", symbol=None),
            make_doc("d", published="2019-07-01", symbol="QĐ-TW")]
    with Store(db) as st:
        st.load(docs)
    got = rows(db, "SELECT key, symbol, issuer, signed, first_seen::VARCHAR, last_seen::VARCHAR, "
                   "mention_count, document_count FROM cited_documents")
    assert got == [("QDI 55 TW", "QĐ/TW", "Bộ Chính trị", "2016-12-19", "2019-07-01",
                    "2022-05-09", 4, 4)]


def test_self_references_and_empty_keys_stay_out_of_the_registry(db):
    doc = make_doc("a")
    r = doc.references[0]
    from dataclasses import replace
    doc.references = [r, replace(r, key="KH 1 ?", is_self=True), replace(r, key="")]
    with Store(db) as st:
        st.load([doc])
    assert rows(db, "SELECT key FROM cited_documents") == [("QDI 55 TW",)]
    assert rows(db, "SELECT count(*) FROM citations")[0][0] == 3


def test_persons_and_positions(db):
    with Store(db) as st:
        st.load([make_doc("a", published="2020-01-02"), make_doc("b")])
    pid = person_id("nguyễn ngọc tuấn")
    assert rows(db, "SELECT person_id, name, mention_count, document_count FROM persons") == [
        (pid, "Nguyễn Ngọc Tuấn", 2, 2)]
    assert rows(db, "SELECT title_as_written, published::VARCHAR, doc_id FROM positions "
                    "ORDER BY doc_id") == [
        ("Phó Bí thư Thành ủy", "2020-01-02", "a"), ("Phó Bí thư Thành ủy", "2022-05-09", "b")]


def test_positions_from_pipeline_people(db):
    with Store(db) as st:
        st.load([make_doc("a", published="2020-01-02")])
    title, written, published = rows(db, "SELECT title, title_as_written, published::VARCHAR "
                                         "FROM positions")[0]
    assert written == "Phó Bí thư Thành ủy" and written.startswith(title)
    assert published == "2020-01-02"


def test_has_and_log_error(db):
    with Store(db) as st:
        assert not st.has("a", content_hash(TEXT))
        st.load([make_doc("a")])
        assert st.has("a", content_hash(TEXT)) and not st.has("a", content_hash("x"))
        st.log_error("x.jsonl", 3, "ingest", "bad JSON")
    assert rows(db, "SELECT source, line, stage, message FROM errors") == [
        ("x.jsonl", 3, "ingest", "bad JSON")]


def test_bad_published_dates_load_as_null(db):
    with Store(db) as st:
        st.load([make_doc("a", published="2022-13-45"), make_doc("b", published=None)])
    assert rows(db, "SELECT count(*) FROM documents WHERE published IS NULL")[0][0] == 2


# --- the runner ------------------------------------------------------------------
def write_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "b.txt").write_text("Ngày 9/5/2022, Hà Nội tổng kết công tác.", encoding="utf-8")
    (corpus / "bad.jsonl").write_text('{"id": "j1", "text": "Ngày 1/1/2020."}\nnot json\n',
                                      encoding="utf-8")
    return corpus


def test_run_twice_loads_nothing_new(tmp_path, db):
    corpus = write_corpus(tmp_path)
    first = run([corpus], db)
    counts = table_counts(db)
    second = run([corpus], db)
    assert first.counts.loaded == 3 and second.counts.loaded == 0
    assert second.counts.skipped == 3
    assert {k: v for k, v in table_counts(db).items() if k != "errors"} == \
        {k: v for k, v in counts.items() if k != "errors"}
    assert first.errors == 1 and second.errors == 0  # "not json" is logged once, not per run
    assert rows(db, "SELECT DISTINCT source LIKE '%bad.jsonl', line, stage FROM errors") == [
        (True, 2, "ingest")]
    assert "3 loaded, 0 skipped" in first.render() and "0 loaded, 3 skipped" in second.render()


def test_run_re_extracts_a_changed_file_once(tmp_path, db):
    corpus = write_corpus(tmp_path)
    run([corpus], db)
    (corpus / "b.txt").write_text("Sáng 10/5/2022, Hà Nội họp.", encoding="utf-8")
    again = run([corpus], db)
    assert (again.counts.loaded, again.counts.replaced, again.counts.skipped) == (0, 1, 2)
    assert run([corpus], db).counts.replaced == 0
    assert rows(db, "SELECT count(*) FROM documents")[0][0] == 3


def test_run_logs_a_document_whose_stage_raises(db, monkeypatch):
    import pipeline.stages as stages

    real = stages.run_pipeline

    def flaky(doc, names=None):
        if doc.doc_id == "boom":
            raise ValueError("bad grammar")
        return real(doc, names)
    monkeypatch.setattr(stages, "run_pipeline", flaky)
    seen = []
    summary = run_documents([Document(doc_id="ok", text="Xin chào."),
                             Document(doc_id="boom", text="Nổ.")], db, on_error=seen.append)
    assert summary.counts.loaded == 1 and summary.errors == 1
    assert "bad grammar" in seen[0]
    assert rows(db, "SELECT stage FROM errors") == [("extract",)]
