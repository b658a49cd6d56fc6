"""`vnpipe serve`: a local, read-only web app over the knowledge table.

Why FastAPI + Jinja2: every page has a JSON twin under /api/, and FastAPI
documents those routes for free (OpenAPI at /openapi.json, browsable at
/docs), with typed query parameters checked before our code runs; it is
Starlette underneath, so its TestClient drives the routes in tests without a
server.  Jinja2 templates autoescape every value; the two pieces of HTML
built in Python (the annotated text, the SVG timeline) escape their inputs
themselves.  No JavaScript library, no CDN: one small script filters tables.

Safety: bound to 127.0.0.1 by default; the DuckDB file is opened read-only
and every route is a GET; a Content-Security-Policy allows only this
server's own scripts and styles, so even a value that slipped through
escaping could not run; Host headers are checked (no DNS rebinding).

Routes (HTML | JSON | CSV):
    /                         /api/overview
    /search?q=                /api/search?q=
    /cited/{key}              /api/cited/{key}
    /person/{person_id}       /api/person/{person_id}
    /document/{doc_id}        /api/document/{doc_id}
    /tables, /table/{name}    /api/tables/{name}        /export/table/{name}.csv
                              /api/views/{view}         /export/{view}.csv
"""

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

HERE = Path(__file__).parent
LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]", "testserver"]
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def path_for(kind: str, value: Any) -> str:
    """The page of a cited document, person or document; ids are fully %-quoted.

    >>> path_for("cited", "QDI 55 ?"), path_for("document", "a/b")
    ('/cited/QDI%2055%20%3F', '/document/a%2Fb')
    """
    return f"/{kind}/{quote(str(value), safe='')}"


def create_app(db: str | Path, host: str = "127.0.0.1"):
    """The FastAPI application over the knowledge table at `db` (opened read-only)."""
    from fastapi import FastAPI, HTTPException, Query, Request
    from fastapi.responses import HTMLResponse, JSONResponse, Response
    from fastapi.staticfiles import StaticFiles
    from fastapi.templating import Jinja2Templates
    from markupsafe import Markup
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    from pipeline.annotate import ANNOTATE_CSS, annotate_fragment
    from pipeline.web import pages
    from pipeline.web.charts import month_bars
    from pipeline.web.queries import VIEWS, WebKB, frame_to_csv

    kb = WebKB(db)
    base = str(Path(db).resolve().parent)

    @asynccontextmanager
    async def lifespan(_app):
        yield
        kb.close()  # release the read lock when the server stops

    app = FastAPI(lifespan=lifespan, title="vnpipe knowledge table",
                  description="Read-only views of the references, officials, dates and "
                              "quantities extracted by vnpipe. Every HTML page has a JSON twin "
                              "here; table views export to Excel-safe CSV.",
                  version=_version())
    app.state.kb = kb
    hosts = ["*"] if host in ("0.0.0.0", "::") else sorted(set(LOCAL_HOSTS + [host]))
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.globals.update(path_for=path_for, view_columns=_LINK_COLUMNS, urlencode=urlencode,
                       db_name=Path(db).name)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def render(request: Request, name: str, data: dict[str, Any], status: int = 200):
        return templates.TemplateResponse(request, name, data, status_code=status)

    def not_found(request: Request, message: str):
        return render(request, "error.html", {"message": message}, 404)

    # -- HTML pages ---------------------------------------------------------
    @app.get("/annotate.css", include_in_schema=False)
    def annotate_css() -> Response:
        return Response(ANNOTATE_CSS, media_type="text/css")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home_page(request: Request):
        return render(request, "home.html", pages.home(kb))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = ""):
        return render(request, "search.html", pages.search(kb, q))

    @app.get("/cited/{key:path}", response_class=HTMLResponse, include_in_schema=False)
    def cited_page(request: Request, key: str):
        try:
            data = pages.cited(kb, key)
        except pages.NotFound as exc:
            return not_found(request, str(exc))
        data["chart"] = Markup(month_bars(data["months"]))
        return render(request, "cited.html", data)

    @app.get("/person/{person_id}", response_class=HTMLResponse, include_in_schema=False)
    def person_page(request: Request, person_id: str):
        try:
            return render(request, "person.html", pages.person(kb, person_id))
        except pages.NotFound as exc:
            return not_found(request, str(exc))

    @app.get("/document/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str):
        try:
            data = pages.document(kb, doc_id, base)
        except pages.NotFound as exc:
            return not_found(request, str(exc))

        def link(kind, mention):
            if kind == "references" and mention.key:
                return path_for("cited", mention.key)
            return None
        doc = data.pop("doc")
        data["annotated"] = Markup(annotate_fragment(doc, link)) if doc is not None else None
        return render(request, "document.html", data)

    @app.get("/tables", response_class=HTMLResponse, include_in_schema=False)
    def tables_page(request: Request):
        return render(request, "tables.html", {"counts": pages.home(kb)["counts"]})

    @app.get("/table/{name}", response_class=HTMLResponse, include_in_schema=False)
    def table_page(request: Request, name: str, q: str = "",
                   limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)):
        try:
            return render(request, "table.html", pages.browse(kb, name, q, limit, offset))
        except pages.NotFound as exc:
            return not_found(request, str(exc))

    # -- JSON API -----------------------------------------------------------
    def api(fn, *args):
        try:
            data = fn(*args)
        except pages.NotFound as exc:
            raise HTTPException(404, str(exc)) from None
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        data.pop("doc", None)
        return JSONResponse(data)

    @app.get("/api/overview", tags=["pages"], summary="Table sizes, most cited documents "
             "and most mentioned officials")
    def api_overview():
        return api(pages.home, kb)

    @app.get("/api/search", tags=["pages"], summary="Search: a citation in any written form, "
             "a person's name, or words of the text")
    def api_search(q: str = Query(..., description="e.g. 'Quy định 55', 'Nguyễn Phú Trọng', "
                                                    "'tham nhũng'")):
        return api(pages.search, kb, q)

    @app.get("/api/cited/{key:path}", tags=["pages"], summary="A cited document: registry "
             "row, mentions per month, citing documents with the citing sentence")
    def api_cited(key: str):
        return api(pages.cited, kb, key)

    @app.get("/api/person/{person_id}", tags=["pages"], summary="A person: positions over "
             "time, documents, co-mentioned references")
    def api_person(person_id: str):
        return api(pages.person, kb, person_id)

    @app.get("/api/document/{doc_id:path}", tags=["pages"], summary="A document: its row, "
             "its text (when the source can be read) and every mention with offsets")
    def api_document(doc_id: str):
        return api(pages.document, kb, doc_id, base)

    @app.get("/api/tables/{name}", tags=["tables"], summary="Rows of one table holding every "
             "word of q, paged")
    def api_table(name: str, q: str = "", limit: int = Query(100, ge=1, le=10000),
                  offset: int = Query(0, ge=0)):
        return api(pages.browse, kb, name, q, limit, offset)

    @app.get("/api/views/{view}", tags=["tables"], summary="One table view of a page "
             f"({', '.join(VIEWS)}), filtered by q")
    def api_view(view: str, key: str = "", person_id: str = "", doc_id: str = "",
                 q: str = "", limit: int = Query(1000, ge=1, le=100000),
                 offset: int = Query(0, ge=0)):
        def build():
            df = pages.view(kb, view, {"key": key, "person_id": person_id, "doc_id": doc_id},
                            q)
            return pages.table(df.iloc[offset:], view, limit=limit, total=len(df))
        return api(build)

    # -- CSV export ---------------------------------------------------------
    def csv_response(df, filename: str, excel: bool) -> Response:
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in filename)
        return Response(frame_to_csv(df, excel=excel), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{safe}"'})

    @app.get("/export/table/{name}.csv", tags=["export"], summary="One table as CSV "
             "(rows holding every word of q); formula-like cells neutralised")
    def export_table(name: str, q: str = "", excel: bool = True):
        if name not in kb.tables:
            raise HTTPException(404, f"no table {name!r}")
        df, _ = kb.browse(name, q, limit=10_000_000)
        return csv_response(df, f"{name}.csv", excel)

    @app.get("/export/{view}.csv", tags=["export"], summary="One table view as CSV, "
             "filtered by q; formula-like cells neutralised, UTF-8 BOM unless excel=false")
    def export_view(view: str, key: str = "", person_id: str = "", doc_id: str = "",
                    q: str = "", excel: bool = True):
        try:
            df = pages.view(kb, view, {"key": key, "person_id": person_id, "doc_id": doc_id}, q)
        except pages.NotFound as exc:
            raise HTTPException(404, str(exc)) from None
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        return csv_response(df, f"{view}-{key or person_id or doc_id or 'all'}.csv", excel)

    return app


# Columns whose values link to a page: column -> page kind.
_LINK_COLUMNS = {"key": "cited", "person_id": "person", "doc_id": "document"}


def _version() -> str:
    from pipeline import __version__
    return __version__


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn
    uvicorn.run(create_app(db, host), host=host, port=port, log_level="info")
