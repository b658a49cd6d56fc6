"""Vietnamese number reading, with the ambiguous shapes decided once (see numbers.py)."""
from __future__ import annotations

import pytest

from pipeline.extract.numbers import (currency_unit, load_table, parse_number, scale_factor,
                                      spelled_value, unit_rows)

WRITTEN = [
    ("1.950", 1950.0), ("98,65", 98.65), ("14", 14.0), ("1.950.000", 1950000.0),
    ("2,5", 2.5), ("0,01", 0.01), ("318,889", 318.889), ("1.234,5", 1234.5),
    # ambiguous shapes, decided
    ("1.5", 1.5),            # a dot before 1 digit: decimal
    ("100,000", 100.0),      # one comma group: Vietnamese decimal
    ("1,000,000", 1e6),      # two comma groups: English thousands
    ("1,234.5", 1234.5),     # comma groups then a dot: English
    ("12.5000", 12.5),       # a dot before 4 digits: decimal
    ("03", 3.0), ("01", 1.0),
]


@pytest.mark.parametrize("written,value", WRITTEN)
def test_parse_number(written, value):
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize("written", ["", "abc", "1..2", "1.2.3,4,5", ",5", "5,"])
def test_parse_number_rejects(written):
    assert parse_number(written) is None


SPELLED = [
    ("hai", 2), ("ba", 3), ("bốn", 4), ("năm", 5), ("bảy", 7), ("bẩy", 7), ("mười", 10),
    ("mười lăm", 15), ("mười một", 11), ("hai mươi", 20), ("hai mươi mốt", 21),
    ("hai mươi tư", 24), ("ba trăm", 300), ("hai trăm linh năm", 205), ("một nghìn hai trăm", 1200),
    ("ba triệu", 3e6), ("trăm", 100),
]


@pytest.mark.parametrize("phrase,value", SPELLED)
def test_spelled_value(phrase, value):
    assert spelled_value(phrase) == value


@pytest.mark.parametrize("phrase", ["đề án", "hai hai", "mươi", "", "hai đề án"])
def test_spelled_value_rejects(phrase):
    assert spelled_value(phrase) is None


@pytest.mark.parametrize("words,factor", [("nghìn", 1e3), ("ngàn", 1e3), ("triệu", 1e6), ("tỷ", 1e9),
                                          ("tỉ", 1e9), ("nghìn tỷ", 1e12), ("ngàn  tỷ", 1e12),
                                          ("triệu tỷ", 1e15), ("đồng", 1.0)])
def test_scale_factor(words, factor):
    assert scale_factor(words) == factor


@pytest.mark.parametrize("form,unit", [("đồng", "đồng"), ("VNĐ", "đồng"), ("VND", "đồng"), ("đ", "đồng"),
                                       ("USD", "USD"), ("đô la Mỹ", "USD"), ("euro", "EUR"), ("ha", None)])
def test_currency_unit(form, unit):
    assert currency_unit(form) == unit


def test_units_table_well_formed():
    roles = {"scale", "currency", "percent", "duration", "per", "measure"}
    rows = unit_rows()
    assert rows
    for form, unit, role, factor in rows:
        assert role in roles, form
        assert factor > 0
        assert (role == "scale") == (factor != 1), form


@pytest.mark.parametrize("row", load_table("units.tsv", 5), ids=lambda r: r[0])
def test_units_examples_contain_form(row):
    form, _, _, _, example = row
    assert form in example


@pytest.mark.parametrize("row", load_table("number_words.tsv", 4), ids=lambda r: r[0])
def test_number_words_rows(row):
    word, value, role, example = row
    assert role in {"digit", "link", "ten", "tens", "multiplier"}
    assert float(value) >= 0
    assert word in example.split()
    if role != "link":
        assert spelled_value(example) is not None or role == "digit", example
