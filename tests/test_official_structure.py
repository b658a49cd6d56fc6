"""Official documents: section paths from pool documents, the reading copy, pinpoints, self-references, targets."""
import json

import pytest

from corpus_paths import LEGAL
from pipeline.model import Document, Quantity, Reference
from pipeline.official import official_stage
from pipeline.official.mask import reading_copy
from pipeline.official.selfref import fill_pinpoints, pinpoint_before
from pipeline.official.structure import find_sections, section_at


@pytest.fixture(scope="module")
def pool():
    out = {}
    for line in LEGAL.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        out[r["id"]] = r
    return out


def _staged(pool, doc_id):
    return official_stage(Document.from_text(pool[doc_id]["text"], doc_id=doc_id))


# (document, text found in it, expected section path): headings as the pool prints them.
PATHS = [
    ("tnt-09daab284f92e2dd", "Trong giai đoạn 2026", "II.4"),  # Kế hoạch: "**4. **Trong ..."
    ("tnt-09daab284f92e2dd", "Đảm bảo xây dựng hệ thống", "I.1"),  # "**1**. **Mục đích**"
    ("tnt-09daab284f92e2dd", "Sở Nội vụ chủ trì", "IV.3"),
    ("tnt-01bf9d04a5b9e2c8", "Quyết định này có hiệu lực", "Điều 2 khoản 1"),
    ("tnt-01bf9d04a5b9e2c8", "Không cử nhạc tang", "Quy định > Điều 8 khoản 2 điểm đ"),
    ("tnt-01bf9d04a5b9e2c8", "Khen thưởng và xử lý vi phạm", "Quy định > Điều 13"),  # "**Điều\n13. ..."
    ("tnt-01bf9d04a5b9e2c8", "Lễ tang phải được tổ chức", "Quy định > Điều 8 khoản 2 điểm a"),
    ("tnt-85ff77cbda28ffbb", "Môi trường ao nuôi tôm", "II.1.1.b"),  # "**1.1. Tôm ...**" then "**b) ...**"
    ("tnt-09daab284f92e2dd", "Thường xuyên rà soát", "III.1"),
]


@pytest.mark.parametrize("doc_id, anchor, path", PATHS)
def test_section_paths_in_pool(pool, doc_id, anchor, path):
    d = _staged(pool, doc_id)
    pos = d.text.index(anchor)
    sec = section_at(d.meta["sections"], pos)
    assert sec is not None and sec.path == path


def test_table_cells_are_not_headings(pool):
    doc_id = next(i for i in pool if i.startswith("tnt-266dbea1"))
    d = _staged(pool, doc_id)
    tables = [s for s in d.meta["sections"] if s.kind == "table"]
    assert tables
    inside = [s for s in d.meta["sections"] if s.kind != "table"
              and any(t.start < s.start < t.end for t in tables)]
    assert not inside


def test_sections_nest_and_stay_in_text(pool):
    for doc_id in list(pool)[:60]:
        d = _staged(pool, doc_id)
        secs = d.meta.get("sections", [])
        for s in secs:
            assert 0 <= s.start < s.end <= len(d.text)
        for a in secs:  # two sections either nest or do not overlap
            for b in secs:
                if a.start < b.start < a.end:
                    assert b.end <= a.end, (doc_id, a, b)


@pytest.mark.parametrize("text, paths", [
    ("Mở.\n**Chương\nI**\n**Điều 1. Phạm vi**\n1. Áp dụng cho:\na) Cơ quan;\nb) Cá nhân.\n"
     "**Điều 2.** Hiệu lực.\n", ["Chương I", "Điều 1", "Điều 1 khoản 1", "Điều 1 khoản 1 điểm a",
                                 "Điều 1 khoản 1 điểm b", "Điều 2"]),
    ("**I. MỤC TIÊU**\n**1. Mục tiêu chung**\nNội dung.\n**1.1. Tôm nuôi**\n**a) Nguồn nước**\n"
     "- Lấy mẫu 01 vị trí.\n**II. NỘI DUNG**\n", ["I", "I.1", "I.1.1", "I.1.1.a", "II"]),
    ("Thực hiện Quyết định số\n7619/QĐ-BCA ngày 1/1/2025 và theo Điều\n12. Nội dung dài.\n", []),
])
def test_heading_grammar(text, paths):
    assert [s.path for s in find_sections(text)] == paths


@pytest.mark.parametrize("text", [
    "**ỦY BAN NHÂN\nDÂN **\n|\nSố:\n2820/QĐ-UBND\n**Điều\n12. Khen thưởng**\nQuyết định số\n7619/QĐ-BCA",
    "a|b*c\n\n\n# Tiêu đề\n- x\n+ y\n",
])
def test_reading_copy_keeps_length_and_non_noise(text):
    rc = reading_copy(text)
    assert len(rc) == len(text)
    assert all(a == b or a in "*|#\\\n" for a, b in zip(text, rc))


# Pinpoints written before citations (sentences from the pool).
@pytest.mark.parametrize("before, pin", [
    ("Căn cứ điểm a khoản 3 Điều 30 ", "điểm a khoản 3 Điều 30"),
    ("Căn cứ khoản 2\nĐiều 15 ", "khoản 2 Điều 15"),
    ("Căn cứ tại Điều 34 ", "Điều 34"),
    ("tại khoản 3 Điều 1 ", "khoản 3 Điều 1"),
    ("quy định tại Điều 4 của ", "Điều 4"),
    ("điểm a, b khoản 1 Điều 5 ", "điểm a, b khoản 1 Điều 5"),
    ("theo quy định của ", None),
    ("trong 5 điều kiện của ", None),
])
def test_pinpoint_before(before, pin):
    assert pinpoint_before(before, len(before)) == pin


def test_fill_pinpoints_keeps_existing():
    d = Document.from_text("Căn cứ khoản 3 Điều 18 Thông tư số 219/2013/TT-BTC")
    s = d.text.index("Thông tư")
    r = Reference(start=s, end=len(d.text), text=d.text[s:], doc_type="Thông tư", key="TT 219 BTC")
    kept = Reference(start=s, end=len(d.text), text=d.text[s:], doc_type="Thông tư", key="TT 219 BTC",
                     pinpoint="Điều 1")
    assert [x.pinpoint for x in fill_pinpoints(d, [r, kept])] == ["khoản 3 Điều 18", "Điều 1"]


def test_self_references_in_pool(pool):
    d = _staged(pool, "tnt-09daab284f92e2dd")
    selfs = [r for r in d.references if r.is_self]
    assert selfs and all(r.key == "KH 141 UBND" and r.text.startswith("Kế") for r in selfs)
    d = _staged(pool, "tnt-01bf9d04a5b9e2c8")
    selfs = [r for r in d.references if r.is_self]
    assert {r.text for r in selfs} == {"Quyết định này"}  # "Quy định này" names the attachment
    assert any(r.pinpoint == "Điều 1" for r in selfs) or all(r.key == "QD 87 UBND" for r in selfs)


def test_targets_take_section_and_key(pool):
    d = Document.from_text(pool["tnt-09daab284f92e2dd"]["text"], doc_id="k")
    s = d.text.index("10% đội ngũ")
    d.quantities = [Quantity(start=s, end=s + 3, text="10%", value=10.0, unit="%", kind="target"),
                    Quantity(start=s, end=s + 3, text="10%", value=10.0, unit="%", kind="result")]
    official_stage(d)
    t = d.meta["record.targets"]
    assert [(x["key"], x["section"], x["value"]) for x in t] == [("KH 141 UBND", "II.4", 10.0)]
    assert t[0]["due"] is None or t[0]["due"].startswith("20")


def test_news_untouched():
    d = official_stage(Document.from_text("Thành ủy ban hành Kế hoạch này. Điều 5. Nội dung"))
    assert "record.self" not in d.meta and not d.references
