"""Ingest: every format and encoding, bad input named by file and line, boilerplate zones."""
import codecs
import json
import unicodedata

import pytest

from pipeline.ingest import FieldMap, IngestError, iter_documents, read_path
from pipeline.ingest.boilerplate import find_boilerplate
from pipeline.ingest.encoding import DecodeError, decode
from pipeline.ingest.html import html_to_text

TEXT = "Quy định số 55-QĐ/TƯ ngày 19-12-2016 của Bộ Chính trị về nêu gương."


def _collect(paths, **kw):
    errors = []
    docs = list(iter_documents(paths, errors=errors.append, **kw))
    return docs, errors


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16", b""),  # Python writes a BOM
    ("utf-16-le", b""),  # no BOM: detected by the NUL pattern
    ("utf-16-be", b""),
])
def test_txt_encodings(tmp_path, encoding, prefix):
    p = tmp_path / "a.txt"
    p.write_bytes(prefix + TEXT.encode(encoding))
    docs, errors = _collect([p])
    assert errors == []
    assert docs[0].text == TEXT and docs[0].doc_id == "a"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 writes vowels with their hat/horn/breve composed, tone marks combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in d if c not in tones)))
        out.append("".join(c for c in d if c in tones))
    return "".join(out).encode("cp1258")


def test_windows_1258_is_decoded_and_composed(tmp_path):
    p = tmp_path / "w.txt"
    p.write_bytes(to_cp1258(TEXT))
    docs, errors = _collect([p])
    from pipeline.normalise import normalise
    doc = normalise(docs[0])
    assert doc.text == TEXT
    # offsets map back to the decomposed source
    s = doc.text.index("Bộ Chính trị")
    rs, re_ = doc.raw_span(s, s + len("Bộ Chính trị"))
    assert unicodedata.normalize("NFC", doc.raw[rs:re_]) == "Bộ Chính trị"


def test_decode_refuses_binary():
    with pytest.raises(DecodeError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")


def test_jsonl_ids_lines_and_bad_lines(tmp_path):
    p = tmp_path / "dump.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a1", "text": TEXT, "title": "T", "published": "2022-05-09"}, ensure_ascii=False),
        "{not json",
        json.dumps({"text": "Văn bản không có id."}, ensure_ascii=False),
        json.dumps({"body": "no text field"}),
    ]) + "\n", encoding="utf-8")
    docs, errors = _collect([p])
    assert [d.doc_id for d in docs] == ["a1", "dump.jsonl:3"]
    assert docs[0].published == "2022-05-09" and docs[0].title == "T" and docs[0].line == 1
    assert [(e.line, e.message.split(" (")[0]) for e in errors] == [
        (2, "malformed JSON"), (4, "missing text field 'text'")]
    assert all(e.source == str(p) for e in errors)


def test_jsonl_configurable_fields(tmp_path):
    p = tmp_path / "d.jsonl"
    p.write_text(json.dumps({"guid": "g1", "body": TEXT, "date": "09/05/2022"}, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    docs, _ = _collect([p], fields=FieldMap(text="body", id="guid", published="date"))
    assert docs[0].doc_id == "g1" and docs[0].text == TEXT and docs[0].published == "2022-05-09"


def test_csv_rows_and_missing_column(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text('id,text,url\nr1,"' + TEXT + '",http://x\nr2,"Dòng hai, có dấu phẩy",\n',
                    encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\n1,abc\n", encoding="utf-8")
    docs, errors = _collect([good, bad])
    assert [d.doc_id for d in docs] == ["r1", "r2"]
    assert docs[0].url == "http://x" and docs[1].text == "Dòng hai, có dấu phẩy"
    assert len(errors) == 1 and errors[0].source == str(bad) and "missing column 'text'" in errors[0].message


def test_html_strips_scripts_menus_and_keeps_offsets(tmp_path):
    html = ("<html><head><title>Tin</title><style>p{}</style></head><body>"
            "<nav><a>Trang chủ</a><a>Chính trị</a></nav>"
            "<article><p>Ngày 9/5, Đoàn kiểm tra làm việc về Quy định s&#7889; 55-QĐ/TƯ.</p>"
            "<script>alert(1)</script><p>Đoạn hai.</p></article>"
            "<footer>Bản quyền</footer></body></html>")
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    docs, errors = _collect([p])
    doc = docs[0]
    assert doc.title == "Tin"
    assert "alert" not in doc.text and "Trang chủ" not in doc.text and "Bản quyền" not in doc.text
    assert "Quy định số 55-QĐ/TƯ" in doc.text and "Đoạn hai." in doc.text
    s = doc.text.index("Đoàn kiểm tra")
    rs, re_ = doc.raw_span(s, s + len("Đoàn kiểm tra"))
    assert html[rs:re_] == "Đoàn kiểm tra"


def test_html_entity_maps_into_source():
    text, offs = html_to_text("<p>A &amp; B</p>")
    assert text == "A & B" and offs[2] == 5


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"   \n\n ", "empty file"),
    (b"\x00\x01\x02\x03binary\x00\x00\xff\xfe\x00", "binary"),
])
def test_bad_single_files(tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    docs, errors = _collect([p])
    assert docs == [] and message in errors[0].message and errors[0].source == str(p)


def test_size_limit_and_missing_path(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("x" * 2000, encoding="utf-8")
    docs, errors = _collect([p, tmp_path / "nope.txt"], max_bytes=1000)
    assert docs == []
    assert "over the limit" in errors[0].message and "no such file" in errors[1].message


def test_control_characters_become_spaces(tmp_path):
    p = tmp_path / "c.txt"
    p.write_text("Nghị\x00quyết\x0739", encoding="utf-8")
    docs, _ = _collect([p])
    assert docs[0].text == "Nghị quyết 39"


def test_directory_recursion_is_sorted_and_filtered(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("B văn bản", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("A văn bản", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    docs, errors = _collect([tmp_path])
    assert [d.doc_id for d in docs] == ["b", "a"] and errors == []


def test_read_path_yields_errors_not_exceptions(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_bytes(b'{"text": "ok"}\n\xff\xfe broken\n')
    items = list(read_path(p))
    assert isinstance(items[0].__class__, type) and items[0].text == "ok"
    assert isinstance(items[1], IngestError) and items[1].line == 2


BOILERPLATE = """Bài chính về Nghị quyết 39.

Tin liên quan
Hà Nội triển khai Nghị quyết 18
Đà Nẵng sơ kết Chỉ thị 05

Đoạn tiếp theo của bài viết, đủ dài để không phải là một dòng tiêu đề của danh sách tin liên quan ở trên nữa.
Ý kiến bình luận
Email của bạn sẽ không được hiển thị công khai.
"""


def test_boilerplate_zones():
    zones = find_boilerplate(BOILERPLATE)
    texts = [BOILERPLATE[s:e] for s, e in zones]
    assert texts[0].startswith("Tin liên quan") and "Chỉ thị 05" in texts[0]
    assert "Đoạn tiếp theo" not in texts[0]
    assert texts[1].startswith("Ý kiến bình luận") and texts[1].rstrip().endswith("công khai.")


def test_boilerplate_zone_mentions_are_dropped():
    from pipeline.model import DateMention, Document
    from pipeline.stages import _attach
    doc = Document.from_text(BOILERPLATE)
    from pipeline.metadata import fill_metadata
    fill_metadata(doc)
    inside = BOILERPLATE.index("Nghị quyết 18")
    kept = _attach(doc, [DateMention(start=0, end=3, text="Bài", value="2018"),
                         DateMention(start=inside, end=inside + 5, text="Nghị ", value="2018")])
    assert [m.start for m in kept] == [0]
