"""The CLI as a user runs it: real subprocesses over the bundled corpus."""
import json
import subprocess
import sys
import unicodedata

import pytest

from corpus_paths import GOLD, ROOT, SEEDS


def vnpipe(*args, input=None):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, input=input,
                          capture_output=True, text=True, timeout=600)


def test_extract_seeds_prints_five_records_whose_offsets_read_back():
    paths = sorted(SEEDS.glob("*.txt"))
    out = vnpipe("extract", *map(str, paths))
    assert out.returncode == 0, out.stderr
    recs = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["doc_id"] for r in recs] == [p.stem for p in paths]
    for rec, path in zip(recs, paths):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        for kind in ("references", "officials", "dates", "quantities"):
            for m in rec[kind]:
                assert text[m["start"]:m["end"]] == m["text"]


def test_extract_stdin_and_bad_file_named(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    out = vnpipe("extract", "-", str(bad), input="Ngày 17-3-2021, Thành ủy họp.")
    assert out.returncode == 0
    rec = json.loads(out.stdout)
    assert rec["doc_id"] == "stdin" and rec["dates"][0]["value"] == "2021-03-17"
    assert f"{bad}: empty file" in out.stderr


def test_extract_nothing_readable_is_an_error(tmp_path):
    out = vnpipe("extract", str(tmp_path / "missing.txt"))
    assert out.returncode == 1 and "no such file" in out.stderr


def test_eval_prints_the_table():
    out = vnpipe("eval", str(GOLD), "--texts", str(SEEDS))
    assert out.returncode == 0, out.stderr
    for word in ("references", "officials", "dates", "quantities", "detected F1", "title F1", "kind acc"):
        assert word in out.stdout
    js = json.loads(vnpipe("eval", str(GOLD), "--texts", str(SEEDS), "--json").stdout)
    assert set(js) >= {"references", "officials", "dates", "quantities"}
    assert js["dates"]["gold"] == sum(len(json.loads(l)["dates"]) for l in GOLD.open(encoding="utf-8"))


def test_every_command_has_help_and_is_in_the_readme():
    from pipeline.cli import build_parser
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert sub.choices, "no commands registered"
    for name, p in sub.choices.items():
        assert p.format_help().strip()
        assert f"vnpipe {name}" in readme, f"`vnpipe {name}` missing from README"


def test_extract_corpus_registry_resolves_short_forms_across_files(tmp_path):
    full = tmp_path / "a.txt"
    full.write_text("Thực hiện Nghị quyết số 39-NQ/TW của Bộ Chính trị.", encoding="utf-8")
    short = tmp_path / "b.txt"
    short.write_text("Sau 5 năm thực hiện Nghị quyết 39, biên chế giảm.", encoding="utf-8")
    alone = json.loads(vnpipe("extract", str(short)).stdout)
    assert [r["key"] for r in alone["references"]] == ["NQ 39 ?"]
    out = vnpipe("extract", "--corpus-registry", str(full), str(short)).stdout.splitlines()
    assert [r["key"] for r in json.loads(out[1])["references"]] == ["NQ 39 TW"]
