"""The cited-document registry: one row per key, facts merged from every mention."""
from __future__ import annotations

import doctest

from pipeline import citations_registry
from pipeline.citations_registry import CitedRegistry
from pipeline.extract.references import find_references
from pipeline.model import Document
from pipeline.resolve import resolve_references


def _doc(text: str, doc_id: str, published: str | None) -> Document:
    doc = Document.from_text(text, doc_id=doc_id, published=published)
    doc.references = find_references(doc)
    return resolve_references(doc)


def _registry() -> CitedRegistry:
    reg = CitedRegistry()
    reg.add(_doc("Quy định số 55-QĐ/TƯ ngày 19-12-2016 của Bộ Chính trị về “Một số việc cần làm ngay”. "
                 "Quy định số 55-QĐ/TƯ được quán triệt.", "a", "2022-05-09"))
    reg.add(_doc("Các Quy định 55/QĐ-TW, 37/QĐ-TW đã được thực hiện.", "b", "2021-01-02"))
    reg.add(_doc("Nghị định 100/2019/NĐ-CP ngày 30/12/2019. Chương trình 04 được triển khai.", "c", None))
    return reg


def test_one_row_per_key_with_merged_facts():
    rows = {r.key: r for r in _registry().rows()}
    assert set(rows) == {"QDI 55 TW", "QDI 37 TW", "ND 100 CP"}  # "CTR 4 ?" identifies nothing
    qd55 = rows["QDI 55 TW"]
    assert (qd55.doc_type, qd55.number, qd55.symbol, qd55.issuer, qd55.date) == (
        "Quy định", "55", "QĐ/TW", "Bộ Chính trị", "2016-12-19")
    assert qd55.title == "Một số việc cần làm ngay"
    assert (qd55.mentions, qd55.documents) == (3, 2)
    assert (qd55.first_seen, qd55.last_seen) == ("2021-01-02", "2022-05-09")


def test_undated_documents_do_not_move_seen_dates():
    rows = {r.key: r for r in _registry().rows()}
    assert (rows["ND 100 CP"].first_seen, rows["ND 100 CP"].last_seen) == (None, None)
    assert rows["ND 100 CP"].date == "2019-12-30"


def test_a_dated_signing_beats_one_without_year():
    reg = CitedRegistry()
    for i in range(2):  # two articles cite it with the day and month only
        reg.add(_doc("Chính phủ ban hành nghị quyết số 120/NQ-CP ngày 17-11 về đồng bằng.", f"x{i}", None))
    assert reg.rows()[0].date == "XXXX-11-17"
    reg.add(_doc("Nghị quyết số 120/NQ-CP ngày 17/11/2017 của Chính phủ.", "y", None))
    assert reg.rows()[0].date == "2017-11-17"


def test_rows_are_sorted_by_mentions():
    rows = _registry().rows()
    assert rows[0].key == "QDI 55 TW"
    assert [r.mentions for r in rows] == sorted((r.mentions for r in rows), reverse=True)


def test_lookup_by_type_and_number():
    reg = _registry()
    assert reg.lookup("QDI", "055") == "QDI 55 TW"
    assert reg.lookup("NQ", "39") is None
    assert len(reg) == 3


def test_lookup_is_none_when_two_authorities_share_a_number():
    reg = CitedRegistry()
    reg.add(_doc("Quyết định số 33/2014/QĐ-UBND của UBND thành phố.", "a", None))
    reg.add(_doc("Quyết định số 33/QĐ-TTg của Thủ tướng Chính phủ.", "b", None))
    assert reg.lookup("QD", "33") is None
    reg2 = CitedRegistry()
    reg2.add(_doc("Quyết định số 33/QĐ-TTg của Thủ tướng Chính phủ.", "b", None))
    assert reg2.lookup("QD", "33") == "QD 33 CP"


def test_doctests():
    result = doctest.testmod(citations_registry)
    assert result.failed == 0 and result.attempted > 0
