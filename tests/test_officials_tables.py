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
                                  "officials_tail_words.tsv", "officials_title_stops.tsv",
                                  "officials_gap_verbs.tsv"])
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


def test_head_kinds_are_known():
    _, body = rows("position_heads.tsv")
    assert {k for _, k, _ in body} <= {"party", "state", "court", "enterprise", "police", "army",
                                         "rank", "role", "foreign", "generic"}
    assert {"trung tá", "đại úy"} <= {h.lower() for h, k, _ in body if k == "rank"}


def test_foreign_countries_are_places():
    from pipeline.extract.names import foreign_countries
    _, body = rows("officials_places.tsv")
    countries = {p for p, note in body if note == "foreign country"}
    assert {"Trung Quốc", "Mỹ", "Nga", "Triều Tiên"} <= countries
    assert "Hà Nội" not in countries and "Việt Nam" not in countries
    assert sum(len(v) for v in foreign_countries().values()) == len(countries)


@pytest.mark.parametrize("text", [
    "Phó Bí thư Thành ủy, Chủ tịch HĐND thành phố Hà Nội Nguyễn Ngọc Tuấn",
    "nguyên Phó Chủ tịch UBND tỉnh; QUYỀN CHỦ TỊCH; PHÓ Thủ tướng; cựu Bộ trưởng",
    "Ban Bí thư, Văn phòng Chủ tịch nước, Hội đồng thành viên, Đảng ủy viên, thành viên",
    "İstanbul Thủ tướng",  # lower() longer than the text: the plain scan answers
])
def test_lower_case_head_scan_equals_the_case_insensitive_regex(text):
    from pipeline.extract.titles import head_matches
    assert [m.span() for m in head_matches(text)] == [m.span() for m in head_regex().finditer(text)]


def test_lower_case_head_scan_on_pool_text():
    import json
    from pipeline.extract.titles import head_matches
    from corpus_paths import POOL
    if not POOL.exists():
        pytest.skip("pool corpus not present")
    with POOL.open(encoding="utf-8") as fh:
        for line in list(fh)[:80]:
            text = unify_tone_placement(json.loads(line)["text"])
            assert [m.span() for m in head_matches(text)] == [m.span() for m in head_regex().finditer(text)]
