"""HTML to text with an offset map back to the HTML source.

A small tag scanner rather than a DOM: it keeps, for every output
character, the index of the source character it came from, so a mention
found in the text can be highlighted in the original page.  Content of
script, style and page furniture (nav, header, footer, aside, form,
noscript, template, svg) is dropped; block tags become line breaks;
entities are decoded.

>>> text, offs = html_to_text("<p>Ngh&#7883; quy&#7871;t 39</p><script>x</script>")
>>> text
'Nghị quyết 39'
>>> offs[3]
6
"""
from __future__ import annotations

import html as _html
import re

_TOKEN = re.compile(r"<!--.*?(?:-->|$)|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?[^>]*>|</?([a-zA-Z][\w:-]*)[^>]*>|&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);?",
                    re.S)
_SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript",
         "template", "svg", "button", "select", "iframe", "head", "title"}
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
          "table", "section", "article", "blockquote", "figcaption", "figure", "dd", "dt",
          "pre", "hr", "td", "th", "main"}


def html_title(source: str) -> str | None:
    m = re.search(r"<title[^>]*>(.*?)</title>", source, re.S | re.I)
    return _html.unescape(re.sub(r"\s+", " ", m.group(1))).strip() if m else None


def html_to_text(source: str) -> tuple[str, list[int]]:
    """Visible text of an HTML page and, per character, its index in `source`."""
    chars: list[str] = []
    offs: list[int] = []
    skip_depth: list[str] = []
    pos = 0

    def emit_text(seg: str, base: int) -> None:
        last_space = bool(chars) and chars[-1] in " \n"
        for i, c in enumerate(seg):
            if c in " \t\r\f\v\u00a0\n":
                if last_space:
                    continue
                c = " "
                last_space = True
            else:
                last_space = False
            chars.append(c)
            offs.append(base + i)

    def newline(at: int) -> None:
        while chars and chars[-1] == " ":
            chars.pop()
            offs.pop()
        if chars and not (len(chars) >= 2 and chars[-1] == "\n" and chars[-2] == "\n"):
            chars.append("\n")
            offs.append(at)

    for m in _TOKEN.finditer(source):
        if not skip_depth and m.start() > pos:
            emit_text(source[pos:m.start()], pos)
        pos = m.end()
        tok = m.group(0)
        if tok.startswith("&"):
            if not skip_depth:
                val = _html.unescape(tok if tok.endswith(";") else tok + ";")
                if val == tok or val == tok + ";":  # not an entity after all
                    val = tok
                emit_text(val, m.start())  # an entity's chars map into the entity
            continue
        name = (m.group(1) or "").lower()
        if not name:
            continue
        closing = tok.startswith("</")
        if name in _SKIP and not tok.endswith("/>"):
            if closing:
                if name in skip_depth:
                    while skip_depth and skip_depth.pop() != name:
                        pass
            else:
                skip_depth.append(name)
            continue
        if not skip_depth and name in _BLOCK:
            newline(m.start())
    if not skip_depth and pos < len(source):
        emit_text(source[pos:], pos)
    while chars and chars[-1] in " \n":
        chars.pop()
        offs.pop()
    # drop leading blank
    k = 0
    while k < len(chars) and chars[k] in " \n":
        k += 1
    return "".join(chars[k:]), offs[k:]
