"""Read the knowledge table from Python: `open_kb(path)` gives tables as DataFrames and queries.

Every read opens a short read-only DuckDB connection and closes it, so a
notebook holding a `KnowledgeBase` never locks the file against the next
`vnpipe run`.  SQL that would write is refused before it reaches DuckDB (and
the connection is read-only anyway), so nothing a reader types changes the
table.

>>> import tempfile, os
>>> from pipeline.model import Document
>>> from pipeline.store import Store
>>> path = os.path.join(tempfile.mkdtemp(), "kb.duckdb")
>>> with Store(path) as st:
...     _ = st.load([Document(doc_id="a", text="Xin chào.")])
>>> kb = open_kb(path)
>>> "citations" in kb.tables, len(kb.documents), kb.sql("SELECT doc_id FROM documents").doc_id[0]
(True, 1, 'a')
"""
from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import duckdb
import pandas as pd

# Statement kinds a reader may run; anything else (DELETE, COPY, ATTACH, SET ...) is refused.
READ_STATEMENTS = {"SELECT", "EXPLAIN"}


class ReadOnlyError(ValueError):
    """A statement that would write (or reach outside the table) was refused."""


class CitationParseError(ValueError):
    """The text given as a citation could not be read as one."""


def check_read_only(sql: str) -> None:
    """Raise ReadOnlyError unless every statement in `sql` only reads.

    >>> check_read_only("SELECT 1")
    >>> check_read_only("DELETE FROM citations")
    Traceback (most recent call last):
    ...
    pipeline.kb.ReadOnlyError: refused: DELETE statements change the table; queries are read-only (SELECT, EXPLAIN)
    """
    try:
        statements = duckdb.connect().extract_statements(sql)
    except duckdb.Error as exc:
        raise ReadOnlyError(f"could not parse the query: {exc}") from None
    if not statements:
        raise ReadOnlyError("empty query")
    for st in statements:
        kind = st.type.name
        if kind not in READ_STATEMENTS:
            raise ReadOnlyError(f"refused: {kind} statements change the table; queries are "
                                f"read-only ({', '.join(sorted(READ_STATEMENTS, reverse=True))})")


@contextmanager
def read_only(path: str | Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to an existing table, closed on exit."""
    if not Path(path).exists():
        raise FileNotFoundError(f"no knowledge table at {path} (build one with `vnpipe run`)")
    con = duckdb.connect(str(path), read_only=True)
    try:
        yield con
    finally:
        con.close()


def parse_key(citation: str) -> str:
    """The registry key of a written citation, via the references extractor's parser."""
    try:
        from pipeline.extract.references import parse_citation
    except ImportError:
        raise CitationParseError("the citation parser (pipeline.extract.references."
                                 "parse_citation) is not available yet") from None
    ref = parse_citation(citation)
    if ref is None or not getattr(ref, "key", ""):
        raise CitationParseError(f"could not read {citation!r} as a citation of a document; "
                                 f"write it as e.g. \"Quy định số 55-QĐ/TW\" or pass its key")
    return ref.key


class KnowledgeBase:
    """The knowledge table at `path`: `kb.tables`, `kb.citations` / `kb["citations"]`, `kb.sql()`."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.tables = self._table_names()

    def __repr__(self) -> str:
        return f"KnowledgeBase({self.path!r}, tables={self.tables})"

    def _table_names(self) -> list[str]:
        with read_only(self.path) as con:
            return [r[0] for r in con.execute(
                "SELECT table_name FROM duckdb_tables() ORDER BY table_name").fetchall()]

    # -- tables and SQL
    def sql(self, query: str, params: list[Any] | None = None) -> pd.DataFrame:
        """Run a read-only query; a writing statement raises ReadOnlyError."""
        check_read_only(query)
        with read_only(self.path) as con:
            return con.execute(query, params or []).df()

    def __getitem__(self, table: str) -> pd.DataFrame:
        if table not in self.tables:
            raise KeyError(f"no table {table!r}; tables: {', '.join(self.tables)}")
        return self.sql(f'SELECT * FROM "{table}"')

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name.startswith("_") or name not in self.__dict__.get("tables", ()):
            raise AttributeError(name)
        return self[name]

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self.tables))

    # -- questions
    def refs(self, citation: str | None = None, key: str | None = None) -> pd.DataFrame:
        """Documents citing a document, one row each: written citation or registry key.

        Columns: doc_id, published, title, mentions, sentence (the first citing
        sentence), mention (the citation as written there).  Raises
        CitationParseError when `citation` cannot be read.
        """
        key = key or parse_key(citation or "")
        return self.sql(
            "SELECT c.doc_id, d.published, d.title, count(*) AS mentions, "
            "  first(coalesce(c.sentence_text, c.text) ORDER BY c.char_start) AS sentence, "
            "  first(c.text ORDER BY c.char_start) AS mention "
            "FROM citations c LEFT JOIN documents d USING (doc_id) WHERE c.key = ? "
            "GROUP BY c.doc_id, d.published, d.title ORDER BY d.published NULLS LAST, c.doc_id",
            [key])

    def similar_keys(self, key: str) -> pd.DataFrame:
        """Registry entries with the same type and number but another authority."""
        head = " ".join(key.split()[:2]) + " "
        return self.sql("SELECT * FROM cited_documents WHERE starts_with(key, ?) AND key <> ? "
                        "ORDER BY mention_count DESC", [head, key])

    def cited(self, key: str) -> pd.DataFrame:
        """The registry row of one cited document (empty if never cited)."""
        return self.sql("SELECT * FROM cited_documents WHERE key = ?", [key])

    def find_persons(self, name: str) -> pd.DataFrame:
        """Persons matching a name: same id, same name case-folded, else name containing it."""
        from pipeline.store import person_id
        exact = self.sql("SELECT * FROM persons WHERE person_id = ? OR lower(name) = lower(?) "
                         "ORDER BY mention_count DESC", [person_id(name), name])
        if len(exact):
            return exact
        return self.sql("SELECT * FROM persons WHERE contains(lower(name), lower(?)) "
                        "ORDER BY mention_count DESC", [name.strip()])

    def positions(self, person_id: str) -> pd.DataFrame:
        """Positions of one person over time: first and last seen, in how many documents."""
        return self.sql(
            "SELECT title, organisation, place, min(published) AS first_seen, "
            "  max(published) AS last_seen, count(DISTINCT doc_id) AS documents "
            "FROM positions WHERE person_id = ? GROUP BY ALL "
            "ORDER BY first_seen NULLS LAST, title", [person_id])

    def person_documents(self, person_id: str) -> pd.DataFrame:
        """Documents mentioning one person, with the titles written there."""
        return self.sql(
            "SELECT m.doc_id, d.published, d.title, count(*) AS mentions, "
            "  list_distinct(flatten(list(m.titles))) AS titles "
            "FROM official_mentions m LEFT JOIN documents d USING (doc_id) "
            "WHERE m.person_id = ? GROUP BY m.doc_id, d.published, d.title "
            "ORDER BY d.published NULLS LAST, m.doc_id", [person_id])

    def top(self, kind: str = "refs", since: str | dt.date | None = None,
            limit: int = 10) -> pd.DataFrame:
        """Most cited documents (`refs`) or most mentioned officials, optionally since a date."""
        since_date = dt.date.fromisoformat(str(since)) if since else None
        if kind == "refs":
            return self.sql(
                "SELECT c.key, any_value(r.doc_type) AS doc_type, any_value(r.number) AS number, "
                "  any_value(r.symbol) AS symbol, any_value(r.issuer) AS issuer, "
                "  any_value(r.title) AS title, count(*) AS mentions, "
                "  count(DISTINCT c.doc_id) AS documents "
                "FROM citations c JOIN documents d USING (doc_id) "
                "LEFT JOIN cited_documents r USING (key) "
                "WHERE c.key <> '' AND NOT coalesce(c.is_self, false) "
                "  AND (?::DATE IS NULL OR d.published >= ?::DATE) "
                "GROUP BY c.key ORDER BY mentions DESC, documents DESC, c.key LIMIT ?",
                [since_date, since_date, limit])
        if kind == "officials":
            return self.sql(
                "SELECT m.person_id, any_value(p.name) AS name, count(*) AS mentions, "
                "  count(DISTINCT m.doc_id) AS documents, "
                "  list_distinct(flatten(list(m.titles ORDER BY d.published DESC)))[1:3] AS titles "
                "FROM official_mentions m JOIN documents d USING (doc_id) "
                "LEFT JOIN persons p USING (person_id) "
                "WHERE (?::DATE IS NULL OR d.published >= ?::DATE) "
                "GROUP BY m.person_id ORDER BY mentions DESC, documents DESC, name LIMIT ?",
                [since_date, since_date, limit])
        raise ValueError(f"unknown kind {kind!r}: use 'refs' or 'officials'")


def open_kb(path: str | Path = "vnpipe.duckdb") -> KnowledgeBase:
    """Open the knowledge table at `path` for reading."""
    return KnowledgeBase(path)
