"""Whole archives: parallel and Dask runs equal the serial one row for row; a killed run
restarted ends with exactly the rows of an uninterrupted one; bad inputs never stop a batch."""
import json
import os
import signal
import subprocess
import sys
import time
from itertools import islice

import duckdb
import pytest

from pipeline.runner import run
from pipeline.store import TABLES

from corpus_paths import POOL, ROOT, SEEDS

VOLATILE = {"loaded_at", "logged_at"}


def snapshot(db) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without load timestamps."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table, cols in TABLES.items():
            names = [c for c, _ in cols if c not in VOLATILE]
            rows = con.execute(f"SELECT {', '.join(names)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    with POOL.open(encoding="utf-8") as fh, (d / "pool.jsonl").open("w", encoding="utf-8") as out:
        for line in islice(fh, 60):
            out.write(line)
    for p in sorted(SEEDS.glob("*.txt"))[:2]:
        (d / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    summary = run([corpus], db, workers=1)
    assert summary.counts.loaded == 62
    return snapshot(db)


def test_two_workers_equal_one(corpus, reference, tmp_path):
    db = tmp_path / "w2.duckdb"
    run([corpus], db, workers=2, batch_size=7)
    assert snapshot(db) == reference


def test_dask_equals_local(corpus, reference, tmp_path):
    pytest.importorskip("dask.distributed")
    db = tmp_path / "dask.duckdb"
    summary = run([corpus], db, engine="dask", workers=2)
    assert summary.counts.loaded == 62
    assert snapshot(db) == reference


def _vnpipe_run(corpus, db, *extra):
    return subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(corpus), "--db", str(db),
                             "--batch-size", "4", "--workers", "1", "--no-progress", *extra],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.parametrize("delay", [0.0, 0.7, 1.6])
def test_killed_run_restarted_equals_uninterrupted(corpus, reference, tmp_path, delay):
    db = tmp_path / "crash.duckdb"
    proc = _vnpipe_run(corpus, db)
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + 60
    while not wal.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)  # writing has begun once the write-ahead log exists
    time.sleep(delay)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    again = _vnpipe_run(corpus, db)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    assert snapshot(db) == reference
    if killed:
        assert b"0 replaced" in out  # nothing committed twice


def _bad_inputs(d):
    """One file of each bad kind, among good ones."""
    good = "Ngày 17-3-2021, Thành ủy Hà Nội ban hành Chương trình số 01-CTr/TU."
    (d / "good.txt").write_text(good, encoding="utf-8")
    (d / "good-utf16.txt").write_bytes(good.encode("utf-16"))
    import unicodedata
    tones = "\u0300\u0301\u0303\u0309\u0323"
    cp = "".join(unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", ch)
                                                      if c not in tones))
                 + "".join(c for c in unicodedata.normalize("NFD", ch) if c in tones) for ch in good)
    (d / "good-cp1258.txt").write_bytes(cp.encode("cp1258"))
    (d / "page.html").write_text("<html><head><style>p{color:red}</style><script>var a=1;</script>"
                                 "</head><body><p>" + good + "</p></body></html>", encoding="utf-8")
    (d / "controls.txt").write_text("Ngày 1/1/2020\x00 họp\x07 bàn.", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "undecodable.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 50)
    (d / "dump.jsonl").write_text(json.dumps({"id": "j1", "text": good}, ensure_ascii=False)
                                  + "\n{broken\n", encoding="utf-8")
    (d / "nocol.csv").write_text("id,body\n1,abc\n", encoding="utf-8")
    (d / "big.txt").write_text("x" * 5000, encoding="utf-8")


def test_bad_inputs_folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    _bad_inputs(d)
    db = tmp_path / "bad.duckdb"
    out = subprocess.run([sys.executable, "-m", "pipeline", "run", str(d), "--db", str(db),
                          "--max-bytes", "4000", "--no-progress"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    con = duckdb.connect(str(db), read_only=True)
    ids = sorted(r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall())
    errors = con.execute("SELECT source, line, message FROM errors ORDER BY source").fetchall()
    con.close()
    assert ids == ["controls", "good", "good-cp1258", "good-utf16", "j1", "page"]
    reasons = {os.path.basename(s): (line, m) for s, line, m in errors}
    assert reasons["empty.txt"][1] == "empty file"
    assert "binary" in reasons["binary.txt"][1]
    assert "undecodable" in reasons["undecodable.txt"][1]
    assert reasons["dump.jsonl"][0] == 2 and "malformed JSON" in reasons["dump.jsonl"][1]
    assert "missing column 'text'" in reasons["nocol.csv"][1]
    assert "over the limit" in reasons["big.txt"][1]
    for name in reasons:
        assert name in out.stderr  # each bad file named on stderr
    assert "errors: 6 this run" in out.stdout
