"""People: stable ids and position rows parsed from officials' titles."""
from __future__ import annotations

import pytest

from pipeline.extract.officials import find_officials
from pipeline.model import Document
from pipeline.people import person_id, positions, split_title
from pipeline.segment import split_sentences


@pytest.mark.parametrize("a,b,same", [
    ("Hoàng Trung Hải", "hoàng trung hải", True),
    ("Hoàng Trung Hải", "Hoàng  Trung Hải", True),
    ("Hoàng Trung Hải", "Hoàng Trung Hai", False),
    ("Nguyễn Ngọc Tuấn", "Nguyễn Văn Tuấn", False),
])
def test_person_id(a, b, same):
    assert (person_id(a) == person_id(b)) is same


@pytest.mark.parametrize("title,head,org,place", [
    ("Bí thư Thành ủy Hà Nội", "Bí thư", "Thành ủy", "Hà Nội"),
    ("Chủ tịch HĐND thành phố (TP) Hà Nội", "Chủ tịch", "HĐND", "Hà Nội"),
    ("Chủ tịch UBND tỉnh Bạc Liêu", "Chủ tịch", "UBND", "Bạc Liêu"),
    ("Phó trưởng ban Tổ chức Thành ủy Hà Nội", "Phó trưởng ban", "Ban Tổ chức Thành ủy", "Hà Nội"),
    ("Trưởng Ban Tuyên giáo Trung ương", "Trưởng Ban", "Ban Tuyên giáo Trung ương", None),
    ("Phó Bí thư Thường trực Thành ủy", "Phó Bí thư Thường trực", "Thành ủy", None),
    ("Phó Thủ tướng Thường trực", "Phó Thủ tướng Thường trực", None, None),
    ("Ủy viên Bộ Chính trị", "Ủy viên", "Bộ Chính trị", None),
    ("nguyên Bộ trưởng", "nguyên Bộ trưởng", None, None),
    ("Chủ tịch", "Chủ tịch", None, None),
    # "của" + the body (pool-d gold "Chủ tịch của Vinaxuki")
    ("Phó Chủ tịch HĐQT của Hapulico", "Phó Chủ tịch", "HĐQT của Hapulico", None),
    ("Chủ tịch của Vinaxuki", "Chủ tịch", "Vinaxuki", None),
])
def test_split_title(title, head, org, place):
    assert split_title(title) == {"title": head, "organisation": org, "place": place}


def test_positions_rows():
    text = ("Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Hoàng Trung Hải chủ trì. "
            "Bí thư Thành ủy Hoàng Trung Hải kết luận. Đồng chí Hoàng Trung Hải nói.")
    doc = split_sentences(Document.from_text(text, doc_id="d1", published="2017-07-21"))
    doc.officials = find_officials(doc)
    rows = positions(doc)
    got = [(r["title"], r["organisation"], r["place"]) for r in rows]
    assert got == [("Ủy viên", "Bộ Chính trị", None), ("Bí thư", "Thành ủy", "Hà Nội"),
                   ("Bí thư", "Thành ủy", "Hà Nội")]
    assert {r["person_id"] for r in rows} == {person_id("Hoàng Trung Hải")}
    assert all(r["date"] == "2017-07-21" and r["doc_id"] == "d1" for r in rows)


def test_local_titles_share_the_place_written_once():
    text = ("Phó Bí thư Thành ủy, Chủ tịch HĐND thành phố Hà Nội Nguyễn Ngọc Tuấn phát biểu. "
            "Ủy viên Bộ Chính trị Nguyễn Ngọc Tuấn nói.")
    doc = split_sentences(Document.from_text(text, doc_id="d2"))
    doc.officials = find_officials(doc)
    got = [(r["title"], r["organisation"], r["place"]) for r in positions(doc)]
    assert got == [("Phó Bí thư", "Thành ủy", "Hà Nội"), ("Chủ tịch", "HĐND", "Hà Nội"),
                   ("Ủy viên", "Bộ Chính trị", None)]
