"""Read files of every supported format into `Document`s; bad input becomes an `IngestError`.

One-document formats (.txt, .md, .html/.htm) take the file name without
extension as doc_id.  Many-document formats (.jsonl/.ndjson, .csv) take the
record's id field, else `FILE:LINE`.  A reader never raises for bad content:
it yields an `IngestError` naming the file and line, and goes on.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
>>> _ = p.write_text('{"id": "x", "text": "Nghị quyết 39"}\\nnot json\\n', encoding="utf-8")
>>> [type(d).__name__ for d in read_path(p)]
['Document', 'IngestError']
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pipeline.ingest.encoding import DecodeError, decode
from pipeline.ingest.html import html_title, html_to_text
from pipeline.model import Document

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}
CSV_SUFFIXES = {".csv", ".tsv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class FieldMap:
    """Which JSONL keys / CSV columns hold each field."""

    text: str = "text"
    id: str = "id"
    title: str = "title"
    url: str = "url"
    published: str = "published"


@dataclass(frozen=True)
class IngestError:
    """A bad input: where it is and why, for stderr and the `errors` table."""

    source: str
    line: int | None
    message: str
    stage: str = "ingest"

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


Item = Document | IngestError


def _clean_controls(text: str) -> str:
    """NUL and other C0 controls (but tab/newline/CR) become spaces: same length."""
    if not any(ord(c) < 32 and c not in "\t\n\r" for c in text):
        return text
    return "".join(" " if ord(c) < 32 and c not in "\t\n\r" else c for c in text)


def _text_doc(text: str, doc_id: str, source: str, **kw) -> Document:
    text = _clean_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
    return Document(doc_id=doc_id, text=text, source=source, **kw)


def _html_doc(source_text: str, doc_id: str, source: str, **kw) -> Document:
    text, offsets = html_to_text(source_text)
    kw.setdefault("title", html_title(source_text))
    doc = Document(doc_id=doc_id, text=_clean_controls(text), source=source,
                   raw=source_text, raw_offsets=offsets, **kw)
    return doc


def _from_record(rec: dict, fields: FieldMap, source: str, line: int) -> Item:
    if not isinstance(rec, dict):
        return IngestError(source, line, "record is not a JSON object")
    text = rec.get(fields.text)
    if not isinstance(text, str):
        return IngestError(source, line, f"missing text field {fields.text!r}")
    if not text.strip():
        return IngestError(source, line, "empty text")
    doc_id = str(rec.get(fields.id) or f"{Path(source).name}:{line}")
    kw = dict(title=rec.get(fields.title), url=rec.get(fields.url),
              published=_iso_or_none(rec.get(fields.published)), line=line)
    extra = {k: v for k, v in rec.items() if k not in {fields.text, fields.id, fields.title,
                                                       fields.url, fields.published}}
    if text.lstrip().startswith("<") and "</" in text:
        doc = _html_doc(text, doc_id, source, **kw)
    else:
        doc = _text_doc(text, doc_id, source, **kw)
    doc.meta["source_fields"] = extra
    return doc


def _iso_or_none(value) -> str | None:
    """Accept '2022-05-09', '2022-05-09T10:00', '09/05/2022'; else None."""
    if not value or not isinstance(value, str):
        return None
    import re
    v = value.strip()
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", v)
    if m:
        return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
    m = re.match(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", v)
    if m:
        return f"{int(m[3]):04d}-{int(m[2]):02d}-{int(m[1]):02d}"
    return None


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise ValueError(f"file is {size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
    return path.read_bytes()


def _iter_lines(path: Path, source: str) -> Iterator[tuple[int, str | None, str | None]]:
    """Stream a line-oriented file: (line number, text or None, error or None).

    Lines are decoded one by one, so one undecodable line is reported with its
    number and the rest of the file is still read.
    """
    fh = sys.stdin.buffer if source == "-" else path.open("rb")
    try:
        head = fh.peek(4)[:4] if hasattr(fh, "peek") else b""
        if head[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16: let the codec find lines
            for lineno, line in enumerate(io.TextIOWrapper(fh, encoding="utf-16", errors="replace"), 1):
                yield lineno, line, None
            return
        for lineno, raw in enumerate(fh, 1):
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            try:
                yield lineno, raw.decode("utf-8"), None
            except UnicodeDecodeError as exc:
                yield lineno, None, f"undecodable bytes at column {exc.start + 1} ({exc.reason})"
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def _stdin_bytes():
    return sys.stdin.buffer


def read_jsonl(path: Path, fields: FieldMap = FieldMap(), source: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    source = source or str(path)
    if source != "-" and not path.exists():
        yield IngestError(source, None, "no such file")
        return
    any_line = False
    for lineno, line, err in _iter_lines(path, source):
        if err:
            yield IngestError(source, lineno, err)
            continue
        if not line.strip():
            continue
        any_line = True
        if len(line) > max_bytes:
            yield IngestError(source, lineno, f"record over the limit of {max_bytes:,} bytes (--max-bytes)")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(source, lineno, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _from_record(rec, fields, source, lineno)
    if not any_line:
        yield IngestError(source, None, "empty file")


def read_csv(path: Path, fields: FieldMap = FieldMap(), source: str | None = None) -> Iterator[Item]:
    source = source or str(path)
    data = path.read_bytes() if source != "-" else sys.stdin.buffer.read()
    try:
        text, _ = decode(data)
    except DecodeError as exc:
        yield IngestError(source, None, str(exc))
        return
    if not text.strip():
        yield IngestError(source, None, "empty file")
        return
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames or fields.text not in reader.fieldnames:
        yield IngestError(source, 1, f"missing column {fields.text!r} (columns: {reader.fieldnames})")
        return
    for row in reader:
        yield _from_record(row, fields, source, reader.line_num)


def read_single(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, source: str | None = None,
                as_html: bool | None = None) -> Iterator[Item]:
    source = source or str(path)
    try:
        data = _read_bytes(path, max_bytes) if source != "-" else sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ValueError(f"input over the limit of {max_bytes:,} bytes (--max-bytes)")
        text, _ = decode(data)
    except (DecodeError, ValueError, OSError) as exc:
        yield IngestError(source, None, str(exc))
        return
    if not text.strip():
        yield IngestError(source, None, "empty file")
        return
    doc_id = path.stem if source != "-" else "stdin"
    if as_html is None:
        as_html = path.suffix.lower() in HTML_SUFFIXES
    yield _html_doc(text, doc_id, source) if as_html else _text_doc(text, doc_id, source)


def read_path(path: Path, fields: FieldMap = FieldMap(), max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Every document (or error) in one file, by its suffix."""
    suffix = path.suffix.lower()
    source = str(path)
    if suffix in JSONL_SUFFIXES:
        # a dump is streamed line by line, so the limit applies to each record
        yield from read_jsonl(path, fields, max_bytes=max_bytes)
    elif suffix in CSV_SUFFIXES:
        try:
            if path.stat().st_size > max_bytes:
                yield IngestError(source, None, f"file over the limit of {max_bytes:,} bytes (--max-bytes)")
                return
        except OSError as exc:
            yield IngestError(source, None, str(exc))
            return
        yield from read_csv(path, fields)
    else:
        yield from read_single(path, max_bytes)
