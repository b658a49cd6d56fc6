"""The outline of an official document: parts, chapters, articles, clauses, points, items, appendices, tables.

Two numbering schemes share one grammar: legal texts number articles
("Điều 5.") with clauses ("1.") and points ("a)"), cited as "Điều 5 khoản 2
điểm a"; plans and reports number sections ("II.") with items ("1.", "1.1.")
and points, cited as "II.1.b".  A heading is a marker at the start of a block
of the reading copy (mask.reading_copy: same length, bold marks blanked,
wrapped lines joined), so offsets found there index `Document.text`.
Attachments after the signature ("PHỤ LỤC I", "QUY CHẾ ... (Ban hành kèm
theo ...)") restart the numbering under their own name; "|" cell tables are
sections of their own and their cells are never headings.

>>> t = "Mở đầu.\\n**I. MỤC TIÊU**\\n1. Chung\\na) Tăng 5%.\\nb) Giảm.\\n**Điều 2.** Hiệu lực\\n1. Từ nay."
>>> [(s.path, s.kind) for s in find_sections(t)]
[('I', 'section'), ('I.1', 'item'), ('I.1.a', 'point'), ('I.1.b', 'point'), ('Điều 2', 'article'), ('Điều 2 khoản 1', 'clause')]
>>> section_at(find_sections(t), t.index("Tăng")).path
'I.1.a'
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from pipeline.official.mask import reading_copy
from pipeline.official.tables import header_types

HEADING = re.compile(
    r"(?m)^[ \t]*(?:"
    r"(?P<appendix>PHỤ LỤC(?:[ \t]+(?:SỐ[ \t]+)?(?P<app_no>[IVXLC]+|\d+[a-zA-Z]?))?(?![\w])"
    r"|Phụ lục[ \t]+(?:số[ \t]+)?(?P<app_no2>[IVXLC]+|\d+[a-zA-Z]?)(?![\w]))"
    r"|(?P<part>(?:Phần|PHẦN)[ \t]+(?P<part_no>(?:thứ|THỨ)[ \t]+\w+|[IVXLC]+|\d+))(?![\w])"
    r"|(?P<chapter>(?:Chương|CHƯƠNG)[ \t]+(?P<chapter_no>[IVXLC]+|\d+))(?![\w])"
    r"|(?P<division>(?:Mục|MỤC)[ \t]+(?P<division_no>\d+|[IVX]+))(?=[ \t]*[.:\n]|[ \t]+[A-ZĐ])"
    r"|(?P<article>(?:Điều|ĐIỀU)[ \t]+(?P<article_no>\d+[a-zđ]?))[ \t]*[.:]"
    r"|(?P<roman>[IVXL]{1,6})[ \t]*[.)][ \t]+(?=\S)"
    r"|(?P<item>\d{1,2}(?:\.\d{1,2}){1,3})\.?[ \t]+(?=\S)"
    r"|(?P<item1>\d{1,2})[ \t]*[.)][ \t]+(?=\S)"
    r"|(?P<point>[a-zđ])[ \t]*\)[ \t]+(?=\S)"
    r"|(?P<point_dot>[a-zđ])\.[ \t]+(?=[A-ZĐ\u00C0-\u1EF9])"
    r")")
# Ranks: a heading closes every open heading of the same or a lower rank.
RANK = {"appendix": 0, "part": 1, "chapter": 2, "division": 3, "article": 4, "section": 5,
        "item": 6, "clause": 6, "point": 9}
TABLE_CELL = re.compile(r"(?m)^[ \t]*\|[ \t]*$")
ATTACHMENT = re.compile(
    r"(?m)^[ \t*]*(?P<title>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ,]{2,}?)[ \t*]*\n(?:[^\n]*\n){0,8}?[ \t*]*\([ \t*]*"
    r"(?i:(?:ban[ \t\n]+hành[ \t\n]+)?kèm[ \t\n*]+theo)")


@dataclass(frozen=True)
class Section:
    """A numbered part of an official document; `path` cites it ("II.1.b", "Điều 5 khoản 2")."""

    start: int
    end: int
    path: str
    kind: str  # appendix, part, chapter, division, article, clause, section, item, point, table
    label: str  # "II", "1.1", "a", "Điều 5", "Phụ lục I", "bảng 1"
    heading: str = ""
    depth: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "start": self.start, "end": self.end,
                "heading": self.heading}


@dataclass
class _Open:
    kind: str
    label: str
    start: int
    heading: str
    rank: float


def _path(stack: list[_Open], prefix: str) -> str:
    article = next((i for i, o in enumerate(stack) if o.kind == "article"), None)
    if article is not None:
        words = {"clause": "khoản", "point": "điểm", "item": "khoản"}
        out = stack[article].label
        for o in stack[article + 1:]:
            out += f" {words.get(o.kind, '')} {o.label}".rstrip()
    else:
        dotted: list[str] = []
        for o in stack:
            if o.kind in ("section", "item", "point"):
                while o.kind == "item" and dotted and o.label.startswith(dotted[-1] + "."):
                    dotted.pop()  # "1.1" already names its parent item "1"
                dotted.append(o.label)
        upper = [o.label for o in stack if o.kind in ("part", "chapter", "division")]
        out = " > ".join(x for x in (" ".join(upper), ".".join(dotted)) if x)
    return f"{prefix} > {out}" if prefix and out else (prefix or out)


def _tables(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Runs of at least 8 cell lines ("|") with short gaps: the scraped tables."""
    cells = [m.start() for m in TABLE_CELL.finditer(text, lo, hi)]
    out: list[tuple[int, int]] = []
    run: list[int] = []
    for p in cells + [None]:
        if p is not None and run and p - run[-1] <= 300:
            run.append(p)
            continue
        if len(run) >= 8:
            out.append((run[0], text.find("\n", run[-1]) + 1 or hi))
        run = [p] if p is not None else []
    return out


def _attachments(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """Where each attachment starts after `lo`, with its label ("Phụ lục II", "Quy chế")."""
    out = []
    for m in ATTACHMENT.finditer(text, lo, hi):
        title = " ".join(m.group("title").split())
        if title.startswith("PHỤ LỤC"):
            continue
        ht = next((t for t in header_types() if title == t or title.startswith(t + " ")), None)
        out.append((m.start("title"), ht.capitalize() if ht else "Văn bản kèm theo"))
    return out


def find_sections(text: str, body_start: int = 0, body_end: int | None = None) -> list[Section]:
    """Sections of `text` from `body_start`; attachments may follow `body_end` (the signature)."""
    body_end = len(text) if body_end is None else body_end
    rc = reading_copy(text)
    tables = _tables(text, body_start, len(text))
    attach = _attachments(text, body_end, len(text)) if body_end < len(text) else []
    out: list[Section] = []
    stack: list[_Open] = []
    prefix = ""

    def close(upto: int, rank: float) -> None:
        while stack and stack[-1].rank >= rank:
            o = stack[-1]
            out.append(Section(o.start, upto, _path(stack, prefix), o.kind, o.label, o.heading,
                               len(stack) - 1 + (1 if prefix else 0)))
            stack.pop()

    marks: list[tuple[int, str, Any]] = [(s, "table", e) for s, e in tables]
    marks += [(s, "attach", label) for s, label in attach]
    marks += [(m.start(), "heading", m) for m in HEADING.finditer(rc, body_start, len(rc))]
    marks.append((body_end, "end", None))
    marks.sort(key=lambda x: (x[0], x[1] != "end"))
    table_end = -1
    in_tail = False  # after the signature, only inside an attachment
    n_tables = 0
    for pos, what, data in marks:
        if pos < table_end:
            continue
        if what == "end":
            close(pos, -1)
            in_tail = True
            prefix = ""
            continue
        if what == "attach":
            close(pos, -1)
            prefix, in_tail = data, False
            out.append(Section(pos, _next_attach(attach, pos, len(text)), prefix, "appendix", prefix,
                               data, 0))
            continue
        if in_tail and what == "heading" and not data.group("appendix"):
            continue
        if what == "table":
            n_tables += 1
            label = f"bảng {n_tables}"
            base = _path(stack, prefix)
            out.append(Section(pos, data, f"{base} > {label}" if base else label, "table", label,
                               "", len(stack) + 1))
            table_end = data
            continue
        kind, label = _classify(data, stack)
        if kind == "appendix":
            close(pos, -1)
            prefix, in_tail = label, False
            out.append(Section(pos, _next_appendix(rc, pos, len(text)), label, "appendix", label,
                               _heading(rc, data), 0))
            continue
        rank = RANK[kind] + (label.count(".") * 0.5 if kind in ("item", "clause") else 0)
        close(pos, rank)
        stack.append(_Open(kind, label, pos, _heading(rc, data), rank))
    close(len(text), -1)
    tops = sorted(s.start for s in out if s.kind == "appendix")  # each attachment ends at the next
    out = [dataclasses.replace(s, end=next((t for t in tops if t > s.start), len(text)))
           if s.kind == "appendix" else s for s in out]
    out.sort(key=lambda s: (s.start, -s.end))
    return out


def _next_attach(attach: list[tuple[int, str]], pos: int, n: int) -> int:
    later = [s for s, _ in attach if s > pos]
    return later[0] if later else n


def _next_appendix(rc: str, pos: int, n: int) -> int:
    m = re.compile(r"(?m)^[ \t]*(?:PHỤ LỤC|Phụ lục)(?![\w])").search(rc, pos + 1)
    return m.start() if m else n


def _heading(rc: str, m: re.Match) -> str:
    end = rc.find("\n", m.start())
    line = rc[m.start():end if end >= 0 else len(rc)]
    return " ".join(line.split())[:160]


def _classify(m: re.Match, stack: list[_Open]) -> tuple[str, str]:
    g = m.groupdict()
    in_article = any(o.kind == "article" for o in stack)
    if g["appendix"]:
        no = g["app_no"] or g["app_no2"]
        return "appendix", "Phụ lục" + (f" {no}" if no else "")
    if g["part"]:
        no = " ".join(g["part_no"].split())
        return "part", "Phần " + (no.lower() if no.upper().startswith("THỨ") else no)
    if g["chapter"]:
        return "chapter", f"Chương {g['chapter_no']}"
    if g["division"]:
        return "division", f"Mục {g['division_no']}"
    if g["article"]:
        return "article", f"Điều {g['article_no']}"
    if g["roman"]:
        return "section", g["roman"]
    if g["item"] or g["item1"]:
        return ("clause" if in_article else "item"), (g["item"] or g["item1"])
    return "point", (g["point"] or g["point_dot"])


def section_at(sections: list[Section], pos: int) -> Section | None:
    """The innermost section holding offset `pos` (None outside every section).

    Sections are sorted by (start, -end), so the first one holding `pos`
    walking left from `pos` has the greatest start: the innermost.
    """
    i = bisect.bisect_right([s.start for s in sections], pos)
    for s in reversed(sections[:i]):
        if s.start <= pos < s.end:
            return s
    return None
