"""A same-length "reading copy" of a scraped official document: markdown noise and line wraps blanked.

Scraped documents carry `**bold**` marks (sometimes inside a word), `|`
table-cell lines, `#` heading marks and lines wrapped mid-phrase
("**Điều\\n12. Khen thưởng**", "Quyết định số\\n7619/QĐ-BCA").  Grammars for
headings need to see "Điều 12. Khen thưởng" on one line, but every offset
must still index `Document.text`, so nothing is deleted: noise characters
become spaces and a wrap (a newline inside a paragraph) becomes a space.
A newline stays where a block ends: a blank line, a cell line, a line that
ends a sentence or closes a bold heading, or before a line that starts a
list item or a heading.

>>> t = "**Điều\\n12. Khen thưởng**\\n1. Tổ chức có thành\\ntích được khen."
>>> m = reading_copy(t)
>>> len(m) == len(t), m.splitlines()
(True, ['  Điều 12. Khen thưởng  ', '1. Tổ chức có thành tích được khen.'])
"""
from __future__ import annotations

import re

_NOISE = str.maketrans({"*": " ", "|": " ", "\\": " "})
_HASHES = re.compile(r"(?m)^[ \t]*#{1,6}(?=[ \t])")

# A line that starts a new block: a list mark, a numbered heading, an article ...
_BLOCK_START = re.compile(
    r"[ \t]*(?:[-+•–][ \t]"
    r"|(?:[IVXL]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])[.)][ \t]"
    r"|\d{1,2}(?:\.\d{1,2}){1,3}[ \t]"
    r"|(?:Điều|ĐIỀU)[ \t]+\d|(?:Chương|CHƯƠNG)[ \t]+[IVXLC\d]|(?:Mục|MỤC)[ \t]+\d"
    r"|(?:Phần|PHẦN)[ \t]+(?:thứ|THỨ|[IVX\d])|(?:Phụ lục|PHỤ LỤC)(?![\w])"
    r"|(?:Căn cứ|Xét|Theo đề nghị|Nơi nhận|Kính gửi)(?![\w])"
    r"|\[\d+\])")
# A line whose last word asks for a number ("Điều", "số", "năm"): a wrap even before "12.".
_GLUE_END = re.compile(r"(?:^|[ \t])(?i:điều|chương|mục|phần|khoản|điểm|số|ngày|tháng|năm)[ \t]*$")
_SENTENCE_END = re.compile(r"(?:[.;:!?]|\./\.)[ \t\"”)]*$")


def _closes_bold(raw_line: str) -> bool:
    """True when a line ends with a closing `**` and its bold marks balance."""
    s = raw_line.rstrip()
    return s.endswith("**") and s.count("**") % 2 == 0 and len(s.strip("* \t")) > 0


def is_wrap(prev_raw: str, prev: str, nxt: str) -> bool:
    """Is the newline between two lines (raw and masked `prev`, masked `nxt`) a wrap?

    >>> is_wrap("Quyết định số", "Quyết định số", "7619/QĐ-BCA ngày")
    True
    >>> is_wrap("a) Căn cứ;", "a) Căn cứ;", "b) Xét")
    False
    """
    p, n = prev.strip(), nxt.strip()
    if not p or not n or set(p) <= set("-_=") or set(n) <= set("-_="):
        return False
    if _GLUE_END.search(p):
        return True
    if _SENTENCE_END.search(p) or _closes_bold(prev_raw):
        return False
    if _BLOCK_START.match(nxt):
        return False
    return True


def reading_copy(text: str) -> str:
    """The same-length copy with noise blanked and wrapped lines joined (see module doc)."""
    masked = _HASHES.sub(lambda m: " " * len(m.group(0)), text.translate(_NOISE))
    raw_lines = text.split("\n")
    lines = masked.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        if i + 1 < len(lines):
            out.append(" " if is_wrap(raw_lines[i], line, lines[i + 1]) else "\n")
    return "".join(out)


def flat_copy(text: str) -> str:
    """Noise blanked and every newline a space: for header fields that span cells' lines.

    >>> flat_copy("**ỦY BAN NHÂN\\nDÂN **")
    '  ỦY BAN NHÂN DÂN   '
    """
    return text.translate(_NOISE).replace("\n", " ")
