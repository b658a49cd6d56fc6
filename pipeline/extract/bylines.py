"""Bylines: the author line near the end of a news article ("Thu Hà", "Trọng Toàn (HNP)").

A byline is a short line of its own with only capitalised syllables or
initials ("H.Y", "V. Phan"), possibly two authors joined by "-" and an
agency or "(Tổng hợp)" in parentheses, found after the last paragraph of
body text.  Photo credits ("(Ảnh: Duy Quan)") and "Theo TTXVN" are not
bylines.  Bylines are neither officials nor quantities: the officials stage
stores them in `doc.authors`.

>>> from pipeline.model import Document
>>> body = "Hội nghị đã thảo luận, góp ý vào dự thảo quy định. " * 3
>>> find_authors(Document.from_text(body + "\\n\\nTrọng Toàn (HNP)\\n\\nTrả lời"))
['Trọng Toàn (HNP)']
"""
from __future__ import annotations

import re

from pipeline.model import Document

_SYL = r"(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ][a-zđà-ỹ]+|[A-ZĐ]\.)"
_AUTHOR = rf"{_SYL}(?:\s?{_SYL}){{0,3}}"
BYLINE = re.compile(
    rf"^(?P<by>{_AUTHOR}(?:\s*[-–,]\s*{_AUTHOR})*(?:\s*\((?:[^()\n]{{1,25}})\))?)\s*$")
_NOT_AUTHOR = re.compile(r"^(?:Theo|Ông|Bà|Anh|Chị|Ảnh|Nguồn|Trả lời|Phản hồi|Xem|Mới|Tin|Video|Bình luận)\b")
TAIL_LINES = 12  # a byline sits among the last lines of the article


def find_authors(doc: Document) -> list[str]:
    """Byline strings as written, in text order (usually one)."""
    text = doc.text
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text)]
    body = [i for i, (_, ln) in enumerate(lines) if len(ln) > 120]
    if not body:
        return []
    last_body = body[-1]
    out = []
    for _, ln in lines[last_body + 1:last_body + 1 + TAIL_LINES]:
        ln = ln.strip()
        if len(ln) > 60 or _NOT_AUTHOR.match(ln):
            continue
        m = BYLINE.match(ln)
        if m and len(ln.split()) >= 2 or (m and "." in ln):
            out.append(m.group("by"))
            break
    return out
