"""People across the archive: a stable id per person and the positions each article gives them.

The officials stage lists mentions per document; this module turns them into
rows a knowledge table can query ("who was Bí thư Thành ủy Hà Nội in 2017"):
one row per (person, title) with the title split into its head, organisation
and place, dated by the article.

>>> person_id("Hoàng Trung Hải") == person_id("hoàng  trung hải")
True
>>> split_title("Phó Bí thư Thành ủy Hà Nội")
{'title': 'Phó Bí thư', 'organisation': 'Thành ủy', 'place': 'Hà Nội'}
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from pipeline.model import Document

_LOCALITY = re.compile(
    r"\s*(?:\((?:TP|tp)\)\s*)?(?:(?:thành phố|Thành phố|tỉnh|Tỉnh|TP\.?|quận|huyện|thị xã|xã|phường)\s*(?:\((?:TP|tp)\)\s*)?)?$")


_DUTY = re.compile(r"([Tt]hường trực)(?:\s+|$)")
_BAN_HEAD = re.compile(r"\b[Tt]rưởng [Bb]an$")
# Bodies of a province, city or district: a title that names one without its place
# takes the place of the person's other local titles in the same document.
_LOCAL_BODY = re.compile(r"Thành ủy|Tỉnh ủy|Quận ủy|Huyện ủy|Thị ủy|HĐND|UBND|Hội đồng nhân dân"
                         r"|Ủy ban nhân dân|\bSở\b", re.IGNORECASE)


def person_id(name: str) -> str:
    """A stable id: hash of the NFC, case-folded, space-collapsed name."""
    key = " ".join(unicodedata.normalize("NFC", name).casefold().split())
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def _places() -> list[str]:
    from pipeline.extract.names import DATA
    rows = (DATA / "officials_places.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return sorted({r.split("\t")[0] for r in rows if r.strip()} | {"Hồ Chí Minh"},
                  key=len, reverse=True)


def split_title(title: str) -> dict[str, str | None]:
    """Head, organisation and place of one title as written.

    >>> split_title("Chủ tịch HĐND thành phố (TP) Hà Nội")
    {'title': 'Chủ tịch', 'organisation': 'HĐND', 'place': 'Hà Nội'}
    >>> split_title("nguyên Thẩm phán của TAND TP. Hà Nội")
    {'title': 'nguyên Thẩm phán', 'organisation': 'TAND', 'place': 'Hà Nội'}
    """
    from pipeline.extract.titles import head_regex
    from pipeline.normalise import unify_tone_placement
    m = head_regex().match(unify_tone_placement(title))
    head = title[:m.end()] if m else title
    rest = title[m.end():].strip() if m else ""
    if rest.startswith("của "):  # "Chủ tịch của Vinaxuki": the body after "của"
        rest = rest[4:]
    duty = _DUTY.match(rest)  # "Phó Bí thư Thường trực Thành ủy": a duty, not the body
    if duty:
        head, rest = head + " " + duty.group(1), rest[duty.end():]
    if _BAN_HEAD.search(head) and rest and not rest.lower().startswith("ban "):
        rest = "Ban " + rest  # "Trưởng ban Tổ chức Thành ủy" heads "Ban Tổ chức Thành ủy"
    place = None
    for p in _places():
        if rest.endswith(p) and (len(rest) == len(p) or not rest[-len(p) - 1].isalnum()):
            place = p
            rest = rest[:-len(p)]
            rest = _LOCALITY.sub("", rest).strip()
            break
    return {"title": head, "organisation": rest or None, "place": place}


def positions(doc: Document) -> list[dict]:
    """One row per (person, title) written in `doc`; place filled from the
    same person's other titles in the document when a title omits it
    ("Bí thư Thành ủy" after "Bí thư Thành ủy Hà Nội"; "Phó Bí thư Thành ủy"
    beside "Chủ tịch HĐND thành phố Hà Nội", when all their local titles
    name one place).

    >>> from pipeline.model import Official
    >>> d = Document(doc_id="d", text="", published="2017-07-21")
    >>> d.officials = [Official(start=0, end=1, text="H", name="Hoàng Trung Hải",
    ...                         titles=("Bí thư Thành ủy Hà Nội",))]
    >>> [(r["title"], r["organisation"], r["place"], r["date"]) for r in positions(d)]
    [('Bí thư', 'Thành ủy', 'Hà Nội', '2017-07-21')]
    """
    rows: list[dict] = []
    seen: set[tuple[str, str]] = set()
    places: dict[tuple[str, str | None], str] = {}
    local: dict[str, set[str]] = {}  # person -> places of their local titles
    for o in doc.officials:
        for t in o.titles:
            parts = split_title(t)
            if parts["place"]:
                places.setdefault((o.name, parts["organisation"]), parts["place"])
                if _LOCAL_BODY.search(parts["organisation"] or ""):
                    local.setdefault(o.name, set()).add(parts["place"])
    for o in doc.officials:
        pid = person_id(o.name)
        for t in o.titles:
            if (pid, t) in seen:
                continue
            seen.add((pid, t))
            parts = split_title(t)
            if parts["place"] is None:
                parts["place"] = places.get((o.name, parts["organisation"]))
            if parts["place"] is None and _LOCAL_BODY.search(parts["organisation"] or ""):
                one = local.get(o.name, set())
                parts["place"] = next(iter(one)) if len(one) == 1 else None
            rows.append({"person_id": pid, "name": o.name, "title_as_written": t, **parts,
                         "date": doc.published, "doc_id": doc.doc_id})
    return rows
