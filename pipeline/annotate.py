"""Show one processed Document with its mentions highlighted by kind: HTML or terminal.

A reader judges an extractor by looking at its hits in the text, so this
renders `doc.text` with every mention (references, officials, dates,
quantities) coloured by kind, a legend, and a tooltip holding the mention's
normalised fields (key, issuer, date value, quantity value/unit/kind, titles).

Mentions may nest or cross (a date inside a citation); the HTML closes and
reopens tags at each boundary so the markup stays well formed.  Every value
that comes from a document is escaped with `html.escape`: a text holding
`<script>` shows as text.  The HTML is self-contained (inline CSS, no script,
no network).  Offsets index `doc.text`; a mention whose offsets fall outside
the text, or whose slice differs from its `text`, is not drawn but counted
(`skipped_mentions`).

>>> from pipeline.model import Document, DateMention
>>> d = Document(doc_id="x", text="Ngày 9/5 <b>")
>>> d.dates = [DateMention(start=5, end=8, text="9/5", value="2022-05-09")]
>>> frag = annotate_fragment(d)
>>> '<mark class="m-dates" title="value: 2022-05-09"' in frag, "&lt;b&gt;" in frag
(True, True)
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable, Iterable

from pipeline.model import MENTION_KINDS, Document, Mention

# kind -> (legend label, background colour, terminal style)
KIND_STYLES: dict[str, tuple[str, str, str]] = {
    "references": ("document reference", "#ffd166", "black on yellow"),
    "officials": ("official", "#8ecae6", "black on cyan"),
    "dates": ("date", "#b7e4c7", "black on green"),
    "quantities": ("quantity", "#f4acb7", "black on magenta"),
}

# Normalised fields shown in the tooltip, per kind, in this order.
TOOLTIP_FIELDS: dict[str, tuple[str, ...]] = {
    "references": ("key", "doc_type", "number", "symbol", "issuer", "date", "title",
                   "pinpoint", "is_self"),
    "officials": ("name", "titles"),
    "dates": ("value",),
    "quantities": ("value", "unit", "kind", "subject", "qualifier", "per"),
}

ANNOTATE_CSS = """
.vn-annotated { white-space: pre-wrap; line-height: 1.75; font-size: 1rem; }
.vn-annotated mark { border-radius: 3px; padding: 0 1px; color: inherit; }
.vn-annotated mark[title] { cursor: help; }
.vn-annotated a.vn-link { color: inherit; text-decoration: none; }
.vn-legend { display: flex; flex-wrap: wrap; gap: .6rem; margin: .5rem 0 1rem; padding: 0;
             list-style: none; font-size: .9rem; }
.vn-legend li mark { padding: 0 .4rem; border-radius: 3px; }
.vn-note { color: #8a4b00; font-size: .9rem; }
""" + "".join(f".m-{kind} {{ background: {colour}; }}\n"
              for kind, (_, colour, _) in KIND_STYLES.items())


def mention_fields(mention: Mention, kind: str) -> list[tuple[str, str]]:
    """The normalised fields of a mention worth showing, as (name, text) pairs.

    >>> from pipeline.model import Official
    >>> mention_fields(Official(start=0, end=3, text="Ông", name="Ông", titles=("Bộ trưởng",)),
    ...                "officials")
    [('name', 'Ông'), ('titles', 'Bộ trưởng')]
    """
    out = []
    for name in TOOLTIP_FIELDS.get(kind, ()):
        value = getattr(mention, name, None)
        if value is None or value == "" or value == () or value is False:
            continue
        if isinstance(value, (tuple, list)):
            value = "; ".join(str(v) for v in value)
        elif isinstance(value, float):
            value = f"{value:g}"
        out.append((name, str(value)))
    return out


def tooltip(mention: Mention, kind: str) -> str:
    """One line per field: what the tooltip shows (unescaped; escape where it is used)."""
    return "\n".join(f"{k}: {v}" for k, v in mention_fields(mention, kind))


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str
    mention: Mention
    order: int  # kind order, so equal spans nest the same way every time


def drawable_spans(doc: Document, kinds: Iterable[str] = MENTION_KINDS
                   ) -> tuple[list[_Span], int]:
    """Mentions whose offsets fit the text and whose slice matches: (spans, skipped count)."""
    spans, skipped, n = [], 0, len(doc.text)
    for order, kind in enumerate(kinds):
        for m in getattr(doc, kind, ()):
            if not (0 <= m.start < m.end <= n) or doc.text[m.start:m.end] != m.text:
                skipped += 1
                continue
            spans.append(_Span(m.start, m.end, kind, m, order))
    spans.sort(key=lambda s: (s.start, -s.end, s.order))
    return spans, skipped


def _open_tag(span: _Span, link: Callable[[str, Mention], str | None] | None) -> str:
    tip = html.escape(tooltip(span.mention, span.kind), quote=True)
    tag = f'<mark class="m-{span.kind}" title="{tip}" data-kind="{span.kind}">'
    href = link(span.kind, span.mention) if link else None
    if href:
        tag += f'<a class="vn-link" href="{html.escape(href, quote=True)}">'
    return tag


def _close_tag(span: _Span, link: Callable[[str, Mention], str | None] | None) -> str:
    return ("</a>" if link and link(span.kind, span.mention) else "") + "</mark>"


def highlight_html(doc: Document, link: Callable[[str, Mention], str | None] | None = None
                   ) -> tuple[str, int]:
    """The escaped text with <mark> tags: (html, skipped mentions).

    `link(kind, mention)` may give an href for a mention (the web app links a
    citation to its cited document's page).
    """
    spans, skipped = drawable_spans(doc)
    starts: dict[int, list[_Span]] = {}
    ends: set[int] = set()
    for s in spans:
        starts.setdefault(s.start, []).append(s)
        ends.add(s.end)
    cuts = sorted(set(starts) | ends | {0, len(doc.text)})
    out: list[str] = []
    stack: list[_Span] = []
    for i, pos in enumerate(cuts):
        # close what ends here; spans opened above one that ends are closed and reopened
        if any(s.end == pos for s in stack):
            reopen = []
            while any(s.end == pos for s in stack):
                top = stack.pop()
                out.append(_close_tag(top, link))
                if top.end != pos:
                    reopen.append(top)
            for s in reversed(reopen):
                out.append(_open_tag(s, link))
                stack.append(s)
        for s in starts.get(pos, ()):  # longest first: sorted by -end
            out.append(_open_tag(s, link))
            stack.append(s)
        if i + 1 < len(cuts):
            out.append(html.escape(doc.text[pos:cuts[i + 1]], quote=False))
    for s in reversed(stack):
        out.append(_close_tag(s, link))
    return "".join(out), skipped


def legend_html(doc: Document | None = None) -> str:
    """The colour legend, with mention counts when a document is given."""
    items = []
    for kind, (label, _, _) in KIND_STYLES.items():
        count = f" ({len(getattr(doc, kind))})" if doc is not None else ""
        items.append(f'<li><mark class="m-{kind}">{html.escape(label)}{count}</mark></li>')
    return '<ul class="vn-legend">' + "".join(items) + "</ul>"


def annotate_fragment(doc: Document, link: Callable[[str, Mention], str | None] | None = None,
                      legend: bool = True) -> str:
    """Legend + highlighted text as an HTML fragment (needs ANNOTATE_CSS on the page)."""
    body, skipped = highlight_html(doc, link)
    note = ""
    if skipped:
        note = (f'<p class="vn-note">{skipped} mention(s) not drawn: their offsets do not '
                f'fit this text.</p>')
    return (legend_html(doc) if legend else "") + note + \
        f'<div class="vn-annotated">{body}</div>'


def annotate_html(doc: Document) -> str:
    """A complete, self-contained HTML page of the annotated document.

    >>> from pipeline.model import Document
    >>> page = annotate_html(Document(doc_id="<x>", text="<script>alert(1)</script>"))
    >>> "<script>" in page, "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    (False, True)
    """
    title = html.escape(doc.title or doc.doc_id)
    meta = " · ".join(html.escape(str(v)) for v in (doc.doc_id, doc.published, doc.source) if v)
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        f"<title>{title}</title><style>"
        "body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; "
        "padding: 0 1rem; color: #222; } .meta { color: #666; font-size: .9rem; }"
        f"{ANNOTATE_CSS}</style></head><body>"
        f"<h1>{title}</h1><p class=\"meta\">{meta}</p>"
        f"{annotate_fragment(doc)}</body></html>\n")


def annotate_terminal(doc: Document):
    """A rich renderable: header, legend, coloured text, then a table of the mentions."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    spans, skipped = drawable_spans(doc)
    header = Text(doc.title or doc.doc_id, style="bold")
    if doc.published:
        header.append(f"  {doc.published}", style="dim")
    legend = Text()
    for kind, (label, _, style) in KIND_STYLES.items():
        legend.append(f" {label} ({len(getattr(doc, kind))}) ", style=style)
        legend.append(" ")
    body = Text(doc.text)
    for s in spans:
        body.stylize(KIND_STYLES[s.kind][2], s.start, s.end)
    table = Table(show_header=True, header_style="bold", expand=False)
    for col in ("kind", "text", "fields"):
        table.add_column(col, overflow="fold")
    for s in spans:
        fields = ", ".join(f"{k}={v}" for k, v in mention_fields(s.mention, s.kind))
        table.add_row(Text(s.kind, style=KIND_STYLES[s.kind][2]), Text(s.mention.text),
                      Text(fields))
    parts = [header, legend, Text(""), body, Text("")]
    if skipped:
        parts.append(Text(f"{skipped} mention(s) not drawn: offsets do not fit the text",
                          style="yellow"))
    parts.append(table)
    return Group(*parts)
