"""Resolver: short forms take the key and symbol of their full citation in the same document."""
from __future__ import annotations

import doctest

import pytest

from pipeline import resolve
from pipeline.citations_registry import CitedRegistry
from pipeline.extract.references import find_references
from pipeline.model import Document
from pipeline.resolve import resolve_references, term_at


def test_date_without_year_takes_year_of_same_document_and_day():
    refs = _resolved("Chỉ thị 05/CT-TTg ngày 1/3 của Thủ tướng. Chỉ thị số 05/CT-TTg ngày 1/3/2019. "
                     "Nghị quyết 20/NQ-CP ngày 28-3 được ban hành.")
    assert [r.date for r in refs] == ["2019-03-01", "2019-03-01", "XXXX-03-28"]


def _resolved(text: str, published: str | None = None, registry=None):
    doc = Document.from_text(text, published=published)
    doc.references = find_references(doc)
    return resolve_references(doc, registry=registry).references


@pytest.mark.parametrize("text,keys,symbols", [
    # a later bare short form takes the authority the document gives it elsewhere
    ("Nghị quyết 39 của Bộ Chính trị về tinh giản biên chế. Nghị quyết 39 được thực hiện tốt.",
     ["NQ 39 TW", "NQ 39 TW"], [None, None]),
    # ... also when the full citation comes later in the text
    ("Chương trình 01 được triển khai. Chương trình 01 của Thành ủy Hà Nội đạt kết quả.",
     ["CTR 1 TU", "CTR 1 TU"], [None, None]),
    # symbol of the first full citation goes to the short forms (DECISIONS.md: NQ 54 -> NQ/QH14)
    ("Nghị quyết số 54/NQ/QH14 ngày 24-11-2017 của Quốc hội. Thực hiện Nghị quyết số 54 của Quốc hội. "
     "Nghị quyết số 54/2017/QH14 của Quốc hội.",
     ["NQ 54 QH", "NQ 54 QH", "NQ 54 QH"], ["NQ/QH14", "NQ/QH14", "2017/QH14"]),
    ("Đề án số 02-ĐA/TU ngày 24-3-2014 của BTV Thành ủy. Sơ kết Đề án số 02 của BTV Thành ủy.",
     ["DA 2 TU", "DA 2 TU"], ["ĐA/TU", "ĐA/TU"]),
    # nothing in the document says whose programme it is
    ("Tập trung thực hiện Chương trình 04 và 2 bộ Quy tắc ứng xử.", ["CTR 4 ?"], [None]),
    # a plenum without its term takes the term of another mention of the same plenum
    ("Nghị quyết Trung ương 4 (khóa XII) được quán triệt. Nghị quyết Trung ương 4 đi vào cuộc sống.",
     ["NQ TW4-XII", "NQ TW4-XII"], [None, None]),
    # an unnumbered congress takes the congress the document names for the same level
    ("Nghị quyết Đại hội Đảng bộ thành phố lần thứ X đề ra 7 chương trình. "
     "Thực hiện Nghị quyết Đại hội Đảng bộ thành phố, Thành ủy ban hành kế hoạch.",
     ["NQ DH-TU-X", "NQ DH-TU-X"], [None, None]),
    # a bare Constitution takes the year written elsewhere
    ("Theo Hiến pháp năm 2013, công dân có quyền. Hiến pháp quy định rõ.", ["HP 2013", "HP 2013"], [None, None]),
])
def test_short_forms(text, keys, symbols):
    refs = _resolved(text)
    assert [r.key for r in refs] == keys
    assert [r.symbol for r in refs] == symbols


def test_issuer_stays_as_written():
    refs = _resolved("Nghị quyết 39 của Bộ Chính trị. Nghị quyết 39 được thực hiện.")
    assert [r.issuer for r in refs] == ["Bộ Chính trị", None]


def test_congress_never_named_is_dropped():
    assert _resolved("Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh, tỉnh đạt nhiều kết quả.") == []


def test_plenum_term_from_publication_date():
    [ref] = _resolved("Nghị quyết Trung ương 6 về sắp xếp bộ máy.", published="2018-03-01")
    assert ref.key == "NQ TW6-XII"


def test_plenum_without_any_term_keeps_question_mark():
    [ref] = _resolved("Nghị quyết Trung ương 6 về sắp xếp bộ máy.")
    assert ref.key == "NQ TW6-?"


def test_registry_fills_unknown_authority():
    reg = CitedRegistry()
    first = Document.from_text("Nghị quyết số 39-NQ/TW ngày 17/4/2015 của Bộ Chính trị.", doc_id="a")
    first.references = find_references(first)
    reg.add(resolve_references(first))
    [ref] = _resolved("Tiếp tục thực hiện Nghị quyết 39 về tinh giản biên chế.", registry=reg)
    assert ref.key == "NQ 39 TW"
    [ref] = _resolved("Tiếp tục thực hiện Nghị quyết 39 về tinh giản biên chế.")
    assert ref.key == "NQ 39 ?"


@pytest.mark.parametrize("date,term", [("2016-05-01", "XII"), ("2021-02-02", "XIII"), ("2010-12-31", "X"),
                                       (None, None), ("", None)])
def test_term_at(date, term):
    assert term_at(date) == term


def test_doctests():
    result = doctest.testmod(resolve)
    assert result.failed == 0 and result.attempted > 0
