"""End to end in a real headless browser: search, click through, see the citation highlighted.

Debian's chromium driven by Playwright (`pip install playwright`,
`apt-get install chromium`; `playwright install` is not used: its download is
not possible here).  The app runs under uvicorn on a free localhost port in a
thread.  Skipped, saying why, only when Playwright or a browser is missing.
The screenshots are kept in the test's tmp dir (the path is printed).
"""
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from test_web import KEY, XSS, build_db

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    for name in (os.environ.get("VNPIPE_CHROMIUM"), "/usr/bin/chromium", "chromium",
                 "chromium-browser"):
        if name and (shutil.which(name) or Path(name).is_file()):
            return shutil.which(name) or name
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    pytest.importorskip("fastapi", reason="the web app needs fastapi")
    uvicorn = pytest.importorskip("uvicorn", reason="serving needs uvicorn")
    from pipeline.web.app import create_app
    db = build_db(tmp_path_factory.mktemp("browser"))
    port = free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the app did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="no Playwright: pip install playwright")
    exe = chromium_path()
    if exe is None:
        pytest.skip("no chromium browser installed (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


def test_search_click_through_to_a_highlighted_citation(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/")
    page.fill("header form.search input[name=q]", "Quy định 55")
    page.press("header form.search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    page.click(f"#cited a:text-is('{KEY}')")
    page.wait_for_url("**/cited/*")
    assert page.locator("svg.timeline rect").count() >= 3
    page.click("#citing a:text-is('art-1')")
    page.wait_for_url("**/document/art-1")
    mark = page.locator(".vn-annotated mark.m-references").first
    assert mark.is_visible()
    assert mark.inner_text().startswith("Quy định số 55-QĐ/TW")
    assert "key: QDI 55 TW" in mark.get_attribute("title")
    colour = mark.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")  # the CSS is applied
    shot = tmp_path / "document.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")
    assert not dialogs


def test_hostile_text_stays_text_and_table_filter_works(server, browser, tmp_path):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/document/art-2")
    assert XSS in page.locator("article.doc").inner_text()
    page.goto(server + "/cited/" + KEY.replace(" ", "%20"))
    rows = page.locator("#citing tbody tr")
    total = rows.count()
    page.fill("input.filter[data-table=citing]", "quan triet")  # typed without tone marks
    visible = [r for r in rows.all() if r.is_visible()]
    assert total >= 4 and len(visible) == 1 and "art-2" in visible[0].inner_text()
    href = page.locator("#sec-citing a.csv").get_attribute("href")
    assert href.endswith("q=quan%20triet")
    page.screenshot(path=str(tmp_path / "cited.png"))
    assert not dialogs
