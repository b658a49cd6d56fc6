"""Find web boilerplate ("Tin liên quan", comment forms, menus) as zones of the text.

Zones, not deletion: the text keeps every character, so offsets into it stay
those of the source; the registry drops mentions that fall inside a zone.
The patterns live in `pipeline/data/boilerplate.tsv`.

>>> t = "Bài chính.\\nTin liên quan\\nHà Nội họp\\nĐà Nẵng họp\\n\\nÝ kiến bình luận\\nTên"
>>> [t[s:e].split("\\n")[0] for s, e in find_boilerplate(t)]
['Tin liên quan', 'Ý kiến bình luận']
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "boilerplate.tsv"
_SHORT_LINE = 90  # headline-list lines are short; an article paragraph is not


@lru_cache(maxsize=1)
def load_rules() -> list[tuple[re.Pattern[str], str, str]]:
    rules = []
    for raw in DATA.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        pattern, extent, example = raw.split("\t")
        rules.append((re.compile(r"[ \t]*(?:" + pattern + ")", re.I), extent, example))
    return rules


def find_boilerplate(text: str) -> list[tuple[int, int]]:
    """(start, end) zones of boilerplate in `text`, in order, non-overlapping."""
    rules = load_rules()
    zones: list[tuple[int, int]] = []
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        s, e = lines[i]
        line = text[s:e]
        for pattern, extent, _ in rules:
            if not pattern.match(line):
                continue
            if extent == "rest":
                zones.append((s, len(text)))
                return zones
            end = e
            if extent == "block":
                j = i + 1
                while j < len(lines):
                    ls, le = lines[j]
                    body = text[ls:le].strip()
                    if len(body) > _SHORT_LINE or any(r[0].match(body) for r in rules):
                        break
                    if not body and (j + 1 >= len(lines) or
                                     len(text[lines[j + 1][0]:lines[j + 1][1]].strip()) > _SHORT_LINE):
                        break
                    end = le
                    j += 1
                i = j - 1
            zones.append((s, end))
            break
        i += 1
    return zones
