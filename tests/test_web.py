"""Routes of the web app (pipeline.web) through FastAPI's TestClient, on a small real table.

The table is built by the real runner from two seed texts plus a few
articles written here (dated, citing Quy định 55, one with a hostile title
and text, one whose title looks like a spreadsheet formula, one whose source
file is gone), so every page has something to show and every guard something
to stop.
"""
import hashlib
import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from corpus_paths import ROOT

pytest.importorskip("fastapi", reason="the web app needs fastapi (pip install fastapi)")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx")

from fastapi.testclient import TestClient  # noqa: E402

from pipeline.web.app import create_app, path_for  # noqa: E402

SEEDS = [ROOT / "corpora/seeds/000_21fbef12a3967094.txt",
         ROOT / "corpora/seeds/001_37eb0be5976f77df.txt"]
XSS = "<script>alert(1)</script>"
KEY = "QDI 55 TW"
ARTICLES = [
    {"id": "art-1", "published": "2017-01-05", "title": "Nêu gương",
     "text": "Tổng Bí thư Nguyễn Phú Trọng nhấn mạnh việc thực hiện Quy định số 55-QĐ/TW "
             "ngày 19/12/2016 của Bộ Chính trị về một số việc cần làm ngay để tăng cường "
             "trách nhiệm nêu gương của cán bộ, đảng viên."},
    {"id": "art-2", "published": "2017-03-20", "title": XSS,
     "text": f"Các cấp ủy đã quán triệt Quy định 55-QĐ/TW của Bộ Chính trị. {XSS} "
             "Kinh phí 15 tỷ đồng."},
    {"id": "art-3", "published": "2017-03-28", "title": '=HYPERLINK("http://x","y")',
     "text": "Hội nghị học tập Quy định số 55-QĐ/TW và Chỉ thị số 05-CT/TW của Bộ Chính trị."},
]


def build_db(tmp: Path) -> Path:
    """The test table: seeds + ARTICLES (JSONL) + a text file deleted after loading."""
    from pipeline.runner import run
    src = tmp / "articles.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES),
                   encoding="utf-8")
    gone = tmp / "gone.txt"
    gone.write_text("Thực hiện Quy định số 55-QĐ/TW ngày 19/12/2016 của Bộ Chính trị.",
                    encoding="utf-8")
    db = tmp / "kb.duckdb"
    run([*SEEDS, src, gone], db)
    gone.unlink()
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_db(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


def person_id_of(client, name: str) -> str:
    rows = client.get("/api/search", params={"q": name}).json()["persons"]["rows"]
    return next(r["person_id"] for r in rows if r["name"] == name)


# -- search ---------------------------------------------------------------------
@pytest.mark.parametrize("query", ["Quy định 55", "Quy định số 55-QĐ/TW", "quy định 55/QĐ-TW"])
def test_search_reads_a_citation_in_any_written_form(client, query):
    page = client.get("/search", params={"q": query})
    assert page.status_code == 200
    assert f'href="{path_for("cited", KEY)}"' in page.text
    keys = [r["key"] for r in client.get("/api/search", params={"q": query}).json()
            ["cited"]["rows"]]
    assert KEY in keys


def test_search_finds_a_person_by_name(client):
    data = client.get("/api/search", params={"q": "Nguyễn Phú Trọng"}).json()
    assert [r["name"] for r in data["persons"]["rows"]] == ["Nguyễn Phú Trọng"]
    assert data["key"] is None


@pytest.mark.parametrize("query", ["trách nhiệm nêu gương", "trach nhiem neu guong"])
def test_search_free_text_with_or_without_tone_marks(client, query):
    rows = client.get("/api/search", params={"q": query}).json()["sentences"]["rows"]
    assert "art-1" in {r["doc_id"] for r in rows}


def test_search_matches_whole_numbers_only(client):
    rows = client.get("/api/search", params={"q": "Quy định 5"}).json()["sentences"]["rows"]
    assert not any("art-" in r["doc_id"] for r in rows)


def test_empty_search_shows_the_help(client):
    assert "Type a citation" in client.get("/search").text


# -- pages ----------------------------------------------------------------------------
def test_home_shows_counts_and_most_cited(client):
    page = client.get("/")
    assert page.status_code == 200
    assert "Most cited documents" in page.text and "/table/citations" in page.text
    top = client.get("/api/overview").json()
    assert top["counts"]["documents"] == 6
    assert KEY in [r["key"] for r in top["top_refs"]["rows"]]


def test_cited_page_has_registry_timeline_and_citing_sentences(client):
    page = client.get(path_for("cited", KEY))
    assert page.status_code == 200
    assert "Bộ Chính trị" in page.text and "2016-12-19" in page.text
    data = client.get(f"/api/cited/{quote(KEY)}").json()
    months = dict(data["months"])
    assert months["2017-01"] >= 1 and months["2017-03"] >= 2 and "2017-02" not in months
    first, last = data["months"][0][0], data["months"][-1][0]
    span = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:]) - int(first[5:]) + 1
    assert page.text.count("<rect") == span  # silent months drawn as empty bars
    citing = {r["doc_id"]: r["sentence"] for r in data["citing"]["rows"]}
    assert {"art-1", "art-2", "art-3", "gone", SEEDS[1].stem} <= set(citing)
    assert "nêu gương" in citing["art-1"]


def test_person_page_has_positions_documents_and_co_references(client):
    pid = person_id_of(client, "Nguyễn Phú Trọng")
    page = client.get(f"/person/{pid}")
    assert page.status_code == 200 and "Nguyễn Phú Trọng" in page.text
    data = client.get(f"/api/person/{pid}").json()
    assert "Tổng Bí thư" in [r["title"] for r in data["positions"]["rows"]]
    assert [r["doc_id"] for r in data["documents"]["rows"]] == ["art-1"]
    assert KEY in [r["key"] for r in data["co_references"]["rows"]]


def test_document_page_highlights_the_citation_and_links_it(client):
    page = client.get("/document/art-1")
    assert page.status_code == 200
    mark = re.search(r'<mark class="m-references" title="([^"]*)"[^>]*><a class="vn-link" '
                     r'href="([^"]+)">(.*?)</a>', page.text, re.S)
    assert mark is not None
    tip, href, inner = mark.groups()
    assert "key: QDI 55 TW" in tip and href == path_for("cited", KEY)
    assert re.sub(r"<[^>]+>", "", inner).startswith("Quy định số 55-QĐ/TW")
    assert 'class="m-officials"' in page.text and 'class="vn-legend"' in page.text


def test_document_page_shows_the_stored_text_when_its_source_is_gone(client):
    page = client.get("/document/gone")
    assert page.status_code == 200
    assert "Bộ Chính trị" in page.text and "not found from here" not in page.text
    rows = client.get("/api/document/gone").json()["references"]["rows"]
    assert [r["key"] for r in rows] == [KEY]


@pytest.mark.parametrize("url", ["/cited/NOPE%20%3F", "/person/nobody", "/document/nope",
                                 "/table/nope"])
def test_unknown_pages_are_404(client, url):
    assert client.get(url).status_code == 404
    assert client.get("/api" + url.replace("/table/", "/tables/")).status_code == 404


# -- safety --------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["/document/art-2", path_for("cited", KEY),
                                 "/search?q=" + quote(XSS), "/search?q=alert",
                                 "/table/documents", "/table/documents?q=alert"])
def test_document_values_are_escaped(client, url):
    page = client.get(url)
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_pages_forbid_inline_scripts_and_foreign_hosts(client):
    page = client.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400


def test_no_route_writes_and_the_file_is_unchanged(client, db):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    methods = {m for r in client.app.routes for m in getattr(r, "methods", None) or ()}
    assert methods <= {"GET", "HEAD"}
    for url in ["/", "/search?q=Quy+định+55", "/document/art-1", "/export/table/citations.csv"]:
        assert client.get(url).status_code == 200
    assert client.post("/search", data={"q": "x"}).status_code == 405
    kb = client.app.state.kb
    with pytest.raises(Exception, match="read-only"):
        kb.sql("DELETE FROM citations")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


# -- tables: filter and export ---------------------------------------------------------
def test_views_filter_by_words(client):
    all_rows = client.get("/api/views/citing", params={"key": KEY}).json()
    some = client.get("/api/views/citing", params={"key": KEY, "q": "quan triet"}).json()
    assert all_rows["total"] >= 4 and [r["doc_id"] for r in some["rows"]] == ["art-2"]


def test_table_browse_filters_and_pages(client):
    data = client.get("/api/tables/citations", params={"q": "Chỉ thị", "limit": 1}).json()
    assert data["rows"]["total"] >= 2 and len(data["rows"]["rows"]) == 1
    page = client.get("/table/citations", params={"q": "Chỉ thị", "limit": 1})
    assert page.status_code == 200 and "next</a>" in page.text


def test_csv_export_is_excel_safe(client):
    resp = client.get("/export/citing.csv", params={"key": KEY})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    assert "attachment" in resp.headers["content-disposition"]
    body = resp.content.decode("utf-8")
    assert body.startswith("\ufeffdoc_id,")
    assert "'=HYPERLINK" in body and ",=HYPERLINK" not in body
    assert "2017-03-28" in body  # dates stay dates
    plain = client.get("/export/citing.csv", params={"key": KEY, "q": "Chỉ thị",
                                                      "excel": "false"}).text
    assert not plain.startswith("\ufeff") and plain.count("\n") == 2  # header + art-3


def test_csv_export_of_a_whole_table_and_bad_requests(client):
    body = client.get("/export/table/persons.csv").text
    assert "Nguyễn Phú Trọng" in body
    assert client.get("/export/citing.csv").status_code == 400  # no key
    assert client.get("/export/nope.csv").status_code == 404


def test_every_page_table_offers_csv_and_a_filter(client):
    page = client.get(path_for("cited", KEY)).text
    assert page.count('class="filter"') >= 1
    for link in re.findall(r'class="csv" data-base="([^"]+)"', page):
        assert client.get(link.replace("&amp;", "&")).status_code == 200


def test_openapi_documents_the_json_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ["/api/search", "/api/cited/{key}", "/api/person/{person_id}",
              "/api/document/{doc_id}", "/api/views/{view}", "/export/{view}.csv"]:
        assert p in paths
    assert not any(p.startswith("/document") for p in paths)  # HTML pages stay out


# -- CLI ------------------------------------------------------------------------------
def test_show_writes_an_annotated_page(tmp_path):
    from pipeline.cli import main
    out = tmp_path / "show.html"
    assert main(["show", str(SEEDS[0]), "--html", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.count('<mark class="m-references"') >= 5 and "<script" not in page


def test_show_prints_to_the_terminal(capsys):
    from pipeline.cli import main
    assert main(["show", str(SEEDS[1])]) == 0
    out = capsys.readouterr().out
    assert "document reference" in out and "references" in out


def test_serve_without_a_table_says_so(tmp_path, capsys):
    from pipeline.cli import main
    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "no knowledge table" in capsys.readouterr().err
