"""What each page of the web app shows, as DataFrames: the knowledge-table questions, served fast.

`WebKB` is a `pipeline.kb.KnowledgeBase` (so `refs`, `positions`, `top` ...
are the same queries the CLI runs) that keeps ONE read-only DuckDB connection
open for the life of the server and gives each query its own cursor: opening
a connection costs ~30-70 ms here, which alone would break the 200 ms budget
of a page making four queries.  The price: while the server runs, the file is
locked read-only, so a `vnpipe run` into the same file waits until it stops.

Free-text search: DuckDB's full-text index needs the `fts` extension (not
bundled, and it cannot be downloaded here) and an index written into the file
(not possible read-only), so search is a case-insensitive match (tone-insensitive
for words typed without marks) over the citing sentences, titles and, when the store keeps it, the
documents' text (`words_like` below).

Every table view is a "view": a name, the arguments it needs, a DataFrame;
`filter_frame` narrows any of them to rows containing a text, and
`frame_to_csv` writes one with pipeline.export's Excel-safe cell formatting.

>>> fold_text("Quyết Định")
'quyet dinh'
"""
from __future__ import annotations

import datetime as dt
import io
import threading
import unicodedata
from pathlib import Path
from typing import Any, Callable

import duckdb
import pandas as pd

from pipeline.kb import CitationParseError, KnowledgeBase, parse_key

MAX_ROWS = 500  # rows a page table shows; the CSV and the API page through the rest


# A letter typed without its marks stands for any of its Vietnamese forms.
_LETTER_FORMS = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ", "e": "eèéẻẽẹêềếểễệ", "i": "iìíỉĩị",
    "o": "oòóỏõọôồốổỗộơờớởỡợ", "u": "uùúủũụưừứửữự", "y": "yỳýỷỹỵ", "d": "dđ",
}


def loose_pattern(word: str) -> str:
    """A regex for a word typed without tone marks, matching it in lower-cased text.

    >>> loose_pattern("dinh")
    '[dđ][iìíỉĩị]nh'
    """
    import re
    return "".join(f"[{_LETTER_FORMS[c]}]" if c in _LETTER_FORMS else re.escape(c)
                   for c in word)


def fold_text(text: str) -> str:
    """The same folding in Python, for the search words."""
    nfd = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(c for c in nfd if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped).replace("đ", "d")


# A word's edge: space or punctuation (3x faster in RE2 than "not a Unicode letter or digit").
_EDGE = r"[\s[:punct:]“”‘’–—…]"


def words_like(column: str, query: str) -> tuple[str, list[str]]:
    r"""A WHERE clause: every word of `query` occurs, as a whole word, in `column`.

    A query typed with marks matches as written, case-insensitively; one typed
    without ("quy dinh") matches every accented form (letter classes:
    ~10 ms over the pool's 2,500 citing sentences, where strip_accents()
    takes 30).  Whole words, so "55" does not find "1557", nor "quy" "quyết".

    >>> clause, params = words_like("t", "Quy định")
    >>> clause
    'regexp_matches(lower(t), ?) AND regexp_matches(lower(t), ?)'
    >>> print(params[1])
    (^|[\s[:punct:]“”‘’–—…])định([\s[:punct:]“”‘’–—…]|$)
    >>> print(words_like("t", "dinh 5%")[1][0].replace(_EDGE, "E"))
    (^|E)[dđ][iìíỉĩị]nh(E|$)
    """
    import re
    lowered = " ".join(query.lower().split())
    marked = fold_text(lowered) != lowered  # typed with marks: every word as written
    words = [w for w in (_escape_like(w) for w in lowered.split()[:8]) if w]
    if not words:
        return "true", []
    params = [f"(^|{_EDGE}){re.escape(w) if marked else loose_pattern(w)}({_EDGE}|$)"
              for w in words]
    return " AND ".join(f"regexp_matches(lower({column}), ?)" for _ in words), params


def _escape_like(word: str) -> str:
    """Drop LIKE wildcards from a typed word (they are not meant as patterns)."""
    return word.replace("\\", "").replace("%", "").replace("_", "").strip()


class WebKB(KnowledgeBase):
    """A KnowledgeBase holding one read-only connection; `close()` releases the file."""

    def __init__(self, path: str | Path):
        if not Path(path).exists():
            raise FileNotFoundError(f"no knowledge table at {path} (build one with `vnpipe run`)")
        self._con = duckdb.connect(str(path), read_only=True)
        self._lock = threading.Lock()
        super().__init__(path)
        self.document_columns = set(self.sql(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'documents'"
        ).column_name)

    def _table_names(self) -> list[str]:
        return list(self.sql("SELECT table_name FROM duckdb_tables() ORDER BY table_name")
                    .table_name)

    def sql(self, query: str, params: list[Any] | None = None) -> pd.DataFrame:
        """Run one of the app's own queries (the connection is read-only: nothing writes)."""
        with self._lock:
            cur = self._con.cursor()
        try:
            return cur.execute(query, params or []).df()
        finally:
            cur.close()

    def close(self) -> None:
        self._con.close()

    # -- pages ---------------------------------------------------------------
    def overview(self) -> dict[str, Any]:
        counts = {t: int(self.sql(f'SELECT count(*) AS n FROM "{t}"').n[0]) for t in self.tables}
        return {"counts": counts, "top_refs": self.top("refs", limit=15),
                "top_officials": self.top("officials", limit=15)}

    def search(self, query: str, limit: int = 50) -> dict[str, Any]:
        """A citation (any written form), a person's name, or words of the text."""
        query = " ".join(query.split())
        out: dict[str, Any] = {"query": query, "key": None, "parse_error": None}
        try:
            key = parse_key(query)
        except CitationParseError as exc:
            key, out["parse_error"] = None, str(exc)
        if key:
            out["key"] = key
            exact = self.cited(key)
            similar = self.similar_keys(key)
            out["cited"] = pd.concat([exact, similar], ignore_index=True)
        else:
            out["cited"] = self.cited(None).iloc[0:0]
        clause, params = words_like("c.text", query)
        matched = self.sql(
            "SELECT r.* FROM cited_documents r WHERE key IN (SELECT DISTINCT key FROM citations c "
            f"WHERE {clause}) ORDER BY mention_count DESC LIMIT ?", params + [limit])
        out["cited"] = pd.concat([out["cited"], matched], ignore_index=True) \
            .drop_duplicates("key").reset_index(drop=True)
        persons = self.find_persons(query) if query else self.sql("SELECT * FROM persons LIMIT 0")
        if persons.empty and query:
            pclause, pparams = words_like("name", query)
            persons = self.sql(f"SELECT * FROM persons WHERE {pclause} "
                               "ORDER BY mention_count DESC LIMIT ?", pparams + [limit])
        out["persons"] = persons.head(limit)
        out["sentences"] = self.sentences(query, limit)
        tclause, tparams = words_like("title", query)
        out["documents"] = self.sql(
            f"SELECT doc_id, published, title FROM documents WHERE {tclause} "
            "ORDER BY published DESC NULLS LAST, doc_id LIMIT ?", tparams + [limit])
        return out

    def cited(self, key: str | None) -> pd.DataFrame:  # type: ignore[override]
        return self.sql("SELECT * FROM cited_documents WHERE key = ?", [key])

    def sentences(self, query: str, limit: int = 50) -> pd.DataFrame:
        """Sentences holding every word of `query`: citing sentences, or documents' text."""
        if "text" in self.document_columns:
            clause, params = words_like("d.text", query)
            return self.sql(
                "SELECT doc_id, published, title, NULL AS sentence FROM documents d "
                f"WHERE {clause} ORDER BY published DESC NULLS LAST LIMIT ?", params + [limit])
        clause, params = words_like("c.sentence_text", query)
        return self.sql(
            "SELECT c.doc_id, d.published, d.title, first(c.sentence_text) AS sentence "
            "FROM citations c LEFT JOIN documents d USING (doc_id) "
            f"WHERE {clause} GROUP BY c.doc_id, c.sentence_index, d.published, d.title "
            "ORDER BY d.published DESC NULLS LAST, c.doc_id LIMIT ?", params + [limit])

    def timeline(self, key: str) -> pd.DataFrame:
        """Mentions of one cited document per month of the citing documents' publication."""
        return self.sql(
            "SELECT strftime(date_trunc('month', d.published), '%Y-%m') AS month, "
            "  count(*) AS mentions, count(DISTINCT c.doc_id) AS documents "
            "FROM citations c JOIN documents d USING (doc_id) "
            "WHERE c.key = ? AND d.published IS NOT NULL GROUP BY ALL ORDER BY month", [key])

    def co_references(self, person_id: str) -> pd.DataFrame:
        """Documents cited in the articles that mention one person."""
        return self.sql(
            "SELECT c.key, any_value(r.doc_type) AS doc_type, any_value(r.number) AS number, "
            "  any_value(r.symbol) AS symbol, any_value(r.title) AS title, "
            "  count(DISTINCT c.doc_id) AS documents, count(*) AS mentions "
            "FROM citations c LEFT JOIN cited_documents r USING (key) "
            "WHERE c.doc_id IN (SELECT doc_id FROM official_mentions WHERE person_id = ?) "
            "  AND c.key <> '' AND NOT coalesce(c.is_self, false) "
            "GROUP BY c.key ORDER BY documents DESC, mentions DESC, c.key", [person_id])

    def person(self, person_id: str) -> pd.DataFrame:
        return self.sql("SELECT * FROM persons WHERE person_id = ?", [person_id])

    def document(self, doc_id: str) -> pd.DataFrame:
        return self.sql("SELECT * FROM documents WHERE doc_id = ?", [doc_id])

    def mentions(self, table: str, doc_id: str) -> pd.DataFrame:
        if table not in MENTION_TABLES.values():
            raise KeyError(table)
        return self.sql(f"SELECT * EXCLUDE (doc_id) FROM {table} WHERE doc_id = ? "
                        "ORDER BY char_start, char_end", [doc_id])

    def browse(self, table: str, query: str = "", limit: int = 100, offset: int = 0
               ) -> tuple[pd.DataFrame, int]:
        """One table, rows containing every word of `query` in any column: (page, total)."""
        if table not in self.tables:
            raise KeyError(table)
        cols = list(self.sql(f'SELECT * FROM "{table}" LIMIT 0').columns)
        everything = " || ' ' || ".join(f'coalesce(CAST("{c}" AS VARCHAR), \'\')' for c in cols)
        clause, params = words_like(f"({everything})", query) if query else ("true", [])
        total = int(self.sql(f'SELECT count(*) AS n FROM "{table}" WHERE {clause}', params).n[0])
        page = self.sql(f'SELECT * FROM "{table}" WHERE {clause} LIMIT ? OFFSET ?',
                        params + [limit, offset])
        return page, total


# mention kind (as in the model) -> table
MENTION_TABLES = {"references": "citations", "officials": "official_mentions",
                  "dates": "date_mentions", "quantities": "quantities"}

# The table views behind the pages: name -> (arguments, query).  Each is exported as CSV
# at /export/{name}.csv and served as JSON at /api/views/{name}.
VIEWS: dict[str, tuple[tuple[str, ...], Callable[..., pd.DataFrame]]] = {
    "citing": (("key",), lambda kb, key: kb.refs(key=key)),
    "timeline": (("key",), lambda kb, key: kb.timeline(key)),
    "similar": (("key",), lambda kb, key: kb.similar_keys(key)),
    "positions": (("person_id",), lambda kb, person_id: kb.positions(person_id)),
    "person_documents": (("person_id",), lambda kb, person_id: kb.person_documents(person_id)),
    "co_references": (("person_id",), lambda kb, person_id: kb.co_references(person_id)),
    "top_refs": ((), lambda kb: kb.top("refs", limit=200)),
    "top_officials": ((), lambda kb: kb.top("officials", limit=200)),
    **{f"document_{kind}": (("doc_id",), (lambda t: lambda kb, doc_id: kb.mentions(t, doc_id))(t))
       for kind, t in MENTION_TABLES.items()},
}


def filter_frame(df: pd.DataFrame, query: str | None) -> pd.DataFrame:
    """Rows holding every word of `query` (folded) in some column.

    >>> df = pd.DataFrame({"a": ["Quyết định 55", "Luật"], "n": [1, 2]})
    >>> list(filter_frame(df, "quyet 55").a)
    ['Quyết định 55']
    """
    if not query or df.empty:
        return df
    def shown(v: Any) -> str:
        return "" if v is None or (isinstance(v, float) and v != v) or v is pd.NaT else str(v)
    joined = pd.Series([fold_text(" ".join(shown(v) for v in row))
                        for row in df.itertuples(index=False)], index=df.index)
    mask = pd.Series(True, index=df.index)
    for word in fold_text(query).split():
        mask &= joined.str.contains(word, regex=False)
    return df[mask]


def _dates_as_dates(df: pd.DataFrame) -> pd.DataFrame:
    """DuckDB DATEs come back as pandas timestamps; midnight-only columns become dates again."""
    df = df.copy()
    for col in df.columns:
        if pd.api.types.is_datetime64_any_dtype(df[col]):
            values = df[col].dropna()
            if (values == values.dt.normalize()).all():
                df[col] = [None if pd.isna(v) else v.date() for v in df[col]]
    return df


def frame_to_csv(df: pd.DataFrame, excel: bool = True) -> str:
    """A DataFrame as CSV, cells formatted and neutralised as `vnpipe export` does.

    >>> print(frame_to_csv(pd.DataFrame({"t": ["=1+1", "ok"], "n": [-1.5, 2.0]}), excel=False))
    t,n
    '=1+1,-1.5
    ok,2.0
    <BLANKLINE>
    """
    import csv

    import pyarrow as pa

    from pipeline.export import _formatter  # the CLI export's per-type cell formatting
    table = pa.Table.from_pandas(_dates_as_dates(df), preserve_index=False)
    formats = [_formatter(f.type) for f in table.schema]
    out = io.StringIO(newline="")
    if excel:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.schema.names)
    columns = [[None if v is None else fmt(v) for v in col.to_pylist()]
               for col, fmt in zip(table.columns, formats)]
    writer.writerows(zip(*columns))
    return out.getvalue()


def frame_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """JSON-ready rows: dates as ISO strings, NaN/NaT as null, arrays as lists."""
    def clean(v: Any) -> Any:
        if v is None or v is pd.NaT or (isinstance(v, float) and v != v):
            return None
        if isinstance(v, pd.Timestamp):
            return v.date().isoformat() if v == v.normalize() else v.isoformat()
        if isinstance(v, (dt.date, dt.datetime)):
            return v.isoformat()
        if isinstance(v, (list, tuple)):
            return [clean(x) for x in v]
        if hasattr(v, "tolist"):  # numpy arrays and scalars
            return clean(v.tolist())
        return v
    return [{k: clean(v) for k, v in row.items()} for row in df.to_dict(orient="records")]
