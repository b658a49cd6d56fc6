"""The officials data tables: well-formed rows, no duplicates, examples that match."""
from __future__ import annotations

import re

import pytest

from pipeline.extract.names import DATA, surnames
from pipeline.extract.titles import head_regex
from pipeline.normalise import unify_tone_placement


def rows(name):
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    out = [ln.split("\t") for ln in lines[1:] if ln.strip()]
    return header, out


@pytest.mark.parametrize("name", ["position_heads.tsv", "bodies.tsv", "officials_places.tsv",
                                  "officials_tail_words.tsv", "officials_title_stops.tsv"])
def test_rows_well_formed(name):
    header, body = rows(name)
    assert body
    keys = [r[0] for r in body]
    assert all(len(r) == len(header) and all(c.strip() == c and c for c in r) for r in body), name
    assert len(keys) == len(set(zip(keys, [r[1] for r in body]))), name


def test_heads_examples_match():
    _, body = rows("position_heads.tsv")
    rx = head_regex()
    for head, _kind, example in body:
        assert head.lower() in example.lower()
        assert rx.search(unify_tone_placement(example)), example


def test_bodies_examples_contain_body():
    _, body = rows("bodies.tsv")
    for b, _kind, example in body:
        assert b in example, (b, example)


def test_surnames():
    lines = [ln for ln in (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    assert len(lines) == len(set(lines)) >= 100
    assert all(re.fullmatch(r"[^\W\d_][^\W\d_]*", s) and s[0].isupper() for s in lines)
    assert {"Nguyễn", "Trần", "Lê", "Hồ", "Đinh", "Ksor"} <= surnames()


def test_places_are_never_surname_led_names():
    from pipeline.extract.names import names_in_tokens, tokenize
    _, body = rows("officials_places.tsv")
    for place, _ in body:
        t = "Chủ tịch " + place + " phát biểu"
        assert names_in_tokens(t, tokenize(t)) == [], place
