"""Export knowledge-table tables to CSV (for spreadsheets) or Parquet (for data tools).

CSV is UTF-8 with a header (`excel=True` adds a BOM so Excel reads the
Vietnamese right).  Cells come from news text, so a string cell starting with
= + - @, a tab or a carriage return is prefixed with a single quote (OWASP
"CSV injection"): `=HYPERLINK("x")` opens as text, not as a formula.  Numeric
columns are never touched, so -3.5 stays a number.  Lists (an official's
titles) are written as JSON arrays.  Parquet keeps every value and type as is.

>>> neutralise('=HYPERLINK("x")'), neutralise("-12"), neutralise("Hà Nội")
('\\'=HYPERLINK("x")', "'-12", 'Hà Nội')
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any, Callable

import duckdb
import pyarrow as pa

from pipeline.kb import read_only

FORMATS = ("csv", "parquet")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_BATCH_ROWS = 50_000


def neutralise(cell: str) -> str:
    """Make a text cell inert in a spreadsheet: prefix a quote before a formula trigger."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() ORDER BY table_name").fetchall()]


def _formatter(kind: pa.DataType) -> Callable[[Any], str]:
    """How one column's values are written in CSV; None is always an empty cell."""
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return neutralise
    if pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_struct(kind):
        return lambda v: json.dumps(v, ensure_ascii=False, default=str)
    if pa.types.is_boolean(kind):
        return lambda v: "true" if v else "false"
    if pa.types.is_timestamp(kind):
        return lambda v: v.isoformat(sep=" ") if isinstance(v, dt.datetime) else str(v)
    if pa.types.is_date(kind):
        return lambda v: v.isoformat()
    if pa.types.is_floating(kind):
        return repr
    return str


def _write_csv(con: duckdb.DuckDBPyConnection, table: str, out: Path, excel: bool) -> int:
    rel = con.sql(f'SELECT * FROM "{table}"')
    # duckdb >= 2 names it to_arrow_reader; 1.x fetch_arrow_reader
    reader = getattr(rel, "to_arrow_reader", None) or rel.fetch_arrow_reader
    reader = reader(_BATCH_ROWS)
    formats = [_formatter(f.type) for f in reader.schema]
    rows = 0
    with open(out, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(reader.schema.names)
        for batch in reader:
            columns = [[None if v is None else fmt(v) for v in col.to_pylist()]
                       for col, fmt in zip(batch.columns, formats)]
            writer.writerows(zip(*columns))
            rows += batch.num_rows
    return rows


def _write_parquet(con: duckdb.DuckDBPyConnection, table: str, out: Path) -> int:
    con.execute(f"COPY (SELECT * FROM \"{table}\") TO '{_quote(str(out))}' (FORMAT parquet)")
    return con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


def _quote(path: str) -> str:
    return path.replace("'", "''")


def export_table(db: str | Path, table: str, fmt: str, out: str | Path,
                 excel: bool = False) -> int:
    """Write one table to `out`; return the number of rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use {' or '.join(FORMATS)}")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with read_only(db) as con:
        names = table_names(con)
        if table not in names:
            raise ValueError(f"no table {table!r}; tables: {', '.join(names)}")
        if fmt == "csv":
            return _write_csv(con, table, out, excel)
        return _write_parquet(con, table, out)


def export_all(db: str | Path, directory: str | Path, fmt: str,
               excel: bool = False) -> dict[str, tuple[Path, int]]:
    """Write every table to `directory/TABLE.FORMAT`; return {table: (path, rows)}."""
    directory = Path(directory)
    with read_only(db) as con:
        names = table_names(con)
    return {t: (directory / f"{t}.{fmt}",
                export_table(db, t, fmt, directory / f"{t}.{fmt}", excel)) for t in names}
