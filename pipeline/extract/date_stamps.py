"""Publication stamps: a date line near the top of an article ("Thứ hai, 09/05/2022 15:03").

The metadata stage reads `find_published` (through `pipeline.extract.dates`) to fill
`Document.published`; `find_dates` lists the stamp itself as a date.
"""
from __future__ import annotations

import re
from datetime import date


def _real_day(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


_STAMP = re.compile(
    r"(?im)^[ \t*_]*(?:(?:cập\s+nhật|ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|xuất\s+bản|ngày)\s*:?\s*)?"
    r"(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*,?\s*)?"
    r"(?:(?:ngày\s+)?(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4}))"
    r"(?:\s*[,|-]?\s*(?:lúc\s+)?\d{1,2}\s*[:h]\s*\d{2}(?:\s*\(?GMT\s*[+-]?\s*\d*\)?)?)?"
    r"[ \t*_]*$")


def find_published(text: str, max_lines: int = 8) -> tuple[int, int, str] | None:
    """A publication stamp on a line of its own near the top: (start, end, ISO date).

    >>> find_published("Tiêu đề\\n\\nThứ hai, 09/05/2022 15:03\\n(ĐCSVN) – ...")
    (9, 34, '2022-05-09')
    >>> find_published("Ngày 9/5, đoàn làm việc.") is None
    True
    """
    head_end = 0
    for _ in range(max_lines):
        nl = text.find("\n", head_end)
        if nl < 0:
            head_end = len(text)
            break
        head_end = nl + 1
    from pipeline.normalise import unify_tone_placement
    head = unify_tone_placement(text[:head_end])
    for m in _STAMP.finditer(head):
        d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        if not _real_day(y, mo, d):
            continue
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t*_"))
        end = m.end() - (len(m.group(0)) - len(m.group(0).rstrip(" \t*_")))
        return start, end, f"{y:04d}-{mo:02d}-{d:02d}"
    return None
