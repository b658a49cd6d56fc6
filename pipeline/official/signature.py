"""The closing block of an official document: recipients ("Nơi nhận") and the signature.

The signature is a cell of capitalised lines, each optionally opened by a
capacity prefix ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), then the signer's
title ("PHÓ CHỦ TỊCH") and name.  Scraped copies break those lines but keep
each item inside one `**...**` pair, so lines are grouped while a bold mark
is open.  The cell sits next to "Nơi nhận", after or before it.

>>> t = ("Nội dung./.\\n|\\nNơi nhận:\\n- Bộ Tư pháp (b/c);\\n- Lưu: VT, NC.\\n|\\n"
...      "**TM. ỦY BAN NHÂN\\nDÂN**\\n**KT. CHỦ TỊCH**\\n**PHÓ CHỦ TỊCH**\\n**Phạm Văn Thịnh**\\n|")
>>> s = find_signature(t, 0)
>>> s.name, s.title, s.capacity, s.mode, s.recipients
('Phạm Văn Thịnh', 'PHÓ CHỦ TỊCH', ('TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'), 'ký thay', ('Bộ Tư pháp (b/c)', 'Lưu: VT, NC'))
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pipeline.extract.citation_tables import UPPER
from pipeline.official.tables import rank_regex, signing_modes

RECIPIENTS = re.compile(r"(?i:nơi\s+nhận)\s*\**\s*:?")
NAME = re.compile(rf"^[{UPPER}][^\W\d_]*(?:\s+[{UPPER}][^\W\d_]*){{1,5}}$")
NOT_SIGN = re.compile(r"^\(?(?i:đã\s+ký|ký,|ký\s+tên|đóng\s+dấu|\[daky\]|chữ\s+ký)")
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Signature:
    start: int
    end: int
    name: str | None
    title: str | None  # "PHÓ CHỦ TỊCH"
    capacity: tuple[str, ...]  # ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")
    mode: str | None  # "ký thay", "thay mặt", ... from the innermost prefix
    recipients: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "capacity": list(self.capacity),
                "mode": self.mode}


def _unstar(s: str) -> str:
    """Stars inside a word are dropped ("PH**Ó" -> "PHÓ"), others become spaces."""
    return SPACES.sub(" ", _INNER_STAR.sub("", s).replace("*", " ")).strip()


_INNER_STAR = re.compile(r"(?<=\w)\*+(?=\w)")


def _items(cell: str) -> list[str]:
    """Lines of a cell grouped while a `**` bold mark is open or a line ends with a comma."""
    out: list[str] = []
    open_ = False
    for line in cell.split("\n"):
        if out and (open_ or out[-1].rstrip(" *").endswith(",")):
            out[-1] += " " + line
        else:
            out.append(line)
        if line.count("**") % 2:
            open_ = not open_
    return [s for s in (_unstar(x) for x in out) if s]


def _mode(item: str) -> str | None:
    head = item.upper()
    for prefix, mode in signing_modes().items():
        bare = prefix.rstrip(".")
        if head.startswith(prefix) or re.match(re.escape(bare) + r"[. ]", head):
            return mode
    return None


def parse_signature(cell: str, start: int) -> Signature | None:
    """Read one signature cell; None when it holds no capitalised title."""
    items = [i for i in _items(cell) if not NOT_SIGN.match(i)]
    caps = [i for i in items if i.upper() == i and any(c.isalpha() for c in i)
            and not i.startswith(("-", "+")) and not i.endswith(";")]
    if not caps:
        return None
    name = None
    for i in items:
        bare = rank_regex().sub("", i)
        if bare.upper() != bare and NAME.match(bare):
            name = bare
    modes = [m for m in (_mode(c) for c in caps) if m]
    if name is None and not modes:
        return None
    title = next((c for c in reversed(caps) if _mode(c) is None), caps[-1])
    capacity = tuple(c for c in caps if c != title)
    return Signature(start, start + len(cell.rstrip()), name, title, capacity,
                     modes[-1] if modes else None)


def _cells_after(text: str, pos: int, n: int = 2) -> list[tuple[int, str]]:
    out = []
    for _ in range(n):
        nxt = text.find("\n|", pos)
        if nxt < 0:
            nxt = len(text)
        cell = text[pos:nxt].strip("\n")
        out.append((pos + (len(text[pos:nxt]) - len(text[pos:nxt].lstrip("\n"))), cell))
        pos = nxt + 2
        if pos >= len(text):
            break
    return out


def find_signature(text: str, after: int) -> Signature | None:
    """Recipients and signature of the main document (the first "Nơi nhận" after `after`)."""
    m = RECIPIENTS.search(text, after)
    if not m:
        return None
    recipients: list[str] = []
    pos = m.end()
    for line in text[m.end():m.end() + 4000].split("\n"):
        s = _unstar(line)
        if s == "|" or (not s and recipients):
            break
        if s.startswith(("-", "+", "–")):
            recipients.append(s.lstrip("-+– "))
        elif s and recipients:
            recipients[-1] = (recipients[-1] + " " + s).strip()
        pos += len(line) + 1
    recipients = [r.rstrip(";.,").strip() for r in recipients if r.strip(" ;.,")]
    sig = None
    for cstart, cell in _cells_after(text, min(pos, len(text)), 2):
        sig = parse_signature(cell, cstart)
        if sig is not None:
            break
    if sig is None:  # the signature cell printed before "Nơi nhận"
        bar = text.rfind("\n|", 0, m.start())
        prev = text.rfind("\n|", 0, bar) if bar > 0 else -1
        if prev >= 0:
            sig = parse_signature(text[prev + 2:bar].strip("\n"), prev + 2)
    if sig is None:
        return Signature(m.start(), pos, None, None, (), None, tuple(recipients))
    return Signature(sig.start, sig.end, sig.name, sig.title, sig.capacity, sig.mode,
                     tuple(recipients))
