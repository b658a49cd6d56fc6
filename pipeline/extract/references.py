"""References: citations of party, state and legal documents (ANNOTATION.md "References").

One pass over `doc.match_text`: `ANCHOR` finds every type word ("Nghị quyết",
"Quy định", "Luật" ... or "NQ", "NĐ", "QĐ" before a number); at each anchor
the grammars are tried in order (plenum resolution, congress resolution,
numbered citation, named law, Party Charter, Constitution), each followed by
its tail (date, issuer, term, title) from `citation_tail`.  Lists that share
one type word ("các Quy định 55/QĐ-TW, 37/QĐ-TW", "Hội nghị lần thứ 6, 7, 8")
give one reference per item.  Short forms keep key authority "?" and plenum or
congress numbers "?" here; `pipeline.resolve` fills them from the document.

Where a law's name ends (`law_name`): a name listed in
data/refs_law_names.tsv wins (longest first, any case, any whitespace: that
is how names with a comma or "và" inside are known: "Cán bộ, công chức",
"Khoa học, công nghệ và đổi mới sáng tạo").  Otherwise the name is the run of
words after "Luật" that starts with a capital and stops before a comma or
other punctuation, a line break run, a stop word that starts the rest of the
sentence ("số", "ngày", "năm", "của", "đã", "và", "về", "quy định" ...; see
`LAW_STOP`), a type word of another citation, or after eight words; a single unknown syllable ("Luật Phật") is not a name, unless an
abbreviation ("Luật NSNN").  "Luật" right after a word of data/refs_law_not_after.tsv is part of
another word or name ("pháp luật lao động", "công ty Luật Hùng Bách").  After a plural ("các
Luật Xây dựng, Quy hoạch đô thị, ...") each further known name is a law of its own.
"Bộ luật Hình sự" is keyed by its name alone: LUAT hinh-su.  Lower-case
"luật" counts only before a known name ("luật Đất đai").

Constitution: key "HP 2013" when a year is written with it, else "HP" (the
resolver gives a bare "Hiến pháp" the year of another mention in the same
document).  Party Charter: "DL DANG".

>>> d = Document.from_text("Thực hiện Quy định số 55-QĐ/TƯ ngày 19-12-2016 của Bộ Chính trị về nêu gương.")
>>> [(r.text, r.symbol, r.issuer, r.date, r.key) for r in find_references(d)]
[('Quy định số 55-QĐ/TƯ ngày 19-12-2016 của Bộ Chính trị', 'QĐ/TW', 'Bộ Chính trị', '2016-12-19', 'QDI 55 TW')]
>>> parse_citation("Quy định 55/QĐ-TW").key
'QDI 55 TW'
"""
from __future__ import annotations

import dataclasses
import re

from pipeline.extract.citation_grammar import (
    ANCHOR, CITATION_JOIN, BARE_ITEM_END, BARE_NUMBER_STOP, CHARTER, CONFERENCE, CONGRESS_HEAD,
    CONGRESS_NOT_PARTY, CONGRESS_PARTS, CONSTITUTION, LAW_GAP, LAW_HEAD, LAW_LIST_SEP, LAW_PLURAL_BEFORE,
    LAW_STOP, LOWER_BARE_END,
    LAW_TAIL, LAW_WORD, LIST_ITEM, NUMBERED, ORD_IN_LIST, PINPOINT, SYMBOL_SPLIT, known_law,
)
from pipeline.extract.citation_keys import (
    law_slug, make_key, normalise_symbol, ordinal_value, symbol_authority, to_roman,
)
from pipeline.extract.citation_tables import DocType, doc_types, law_not_after, type_by_word
from pipeline.extract.citation_tail import read_tail, read_title
from pipeline.model import Document, Reference

_YEARLIKE = re.compile(r"(?:19|20)\d\d")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n]\s*|\n)$")
_NEVER_BARE = frozenset({"LUAT", "HP", "DL", "BC", "PL"})  # need "số" or a symbol
_TRIM = " \t\n\xa0*,"


def _type_of(word: str) -> DocType | None:
    return type_by_word().get(re.sub(r"\s+", " ", word).lower())


def _symbol(m: re.Match[str], doc_type: str) -> str | None:
    raw = m.group("sym")
    if not raw:
        return None
    pieces = SYMBOL_SPLIT.split(raw)
    return normalise_symbol(m.group("sep0") or "", pieces[0::2], pieces[1::2], doc_type)


class _Builder:
    """Collects the references of one document, slicing `text` for each span."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.match_text or doc.text
        self.year = doc.published[:4] if doc.published else None
        self.out: list[Reference] = []
        self.issuer_authority: dict[int, str] = {}  # index in out -> authority of its written issuer

    def add(self, start: int, end: int, dt: DocType, key: str, issuer_authority: str | None = None,
            **fields) -> Reference:
        while end > start and self.text[end - 1] in _TRIM:
            end -= 1
        ref = Reference(start=start, end=end, text=self.doc.text[start:end],
                        doc_type=dt.doc_type, key=key, **fields)
        if issuer_authority:
            self.issuer_authority[len(self.out)] = issuer_authority
        self.out.append(ref)
        return ref

    def share_issuers(self) -> None:
        """"Chỉ thị số 04/CT - TTg ngày 20/2/2019 và Thông báo số 192/TB - VPCP ... của Thủ tướng
        Chính phủ": citations of different types joined by "và" or a comma share the issuer written
        after the last (as one type's list does), unless the first's own authority (from its symbol
        or type) is another body's; a key with an unknown authority takes the issuer's."""
        for i in range(len(self.out) - 2, -1, -1):
            a, b = self.out[i], self.out[i + 1]
            if a.issuer or not b.issuer or not a.number or not b.number or i + 1 not in self.issuer_authority:
                continue
            if a.doc_type != b.doc_type and doc_types()[b.doc_type].implied_authority:
                continue  # "Thông tư số 07 ... và Nghị định số 137 ... của Chính phủ": the decree's issuer
            if not CITATION_JOIN.fullmatch(self.text, a.end, b.start):
                continue
            auth = self.issuer_authority[i + 1]
            key = a.key
            if key.endswith(" ?") and auth != "?":
                key = key[:-1] + auth
            elif not key.endswith(" " + auth):
                continue  # "Nghị định 108 và Thông tư 195 của Bộ Tài chính": the decree is the Government's
            self.out[i] = dataclasses.replace(a, issuer=b.issuer, key=key)
            self.issuer_authority[i] = auth

    def pinpoint(self, start: int) -> str | None:
        m = PINPOINT.search(self.text, max(0, start - 60), start)
        if not m or m.end() != start:
            return None
        p = re.sub(r"\s+", " ", m.group(0)).strip(" ,")
        return re.sub(r"\s*,?\s*của$", "", p) or None

    # --- grammars -----------------------------------------------------------
    def conference(self, pos: int) -> int | None:
        m = CONFERENCE.match(self.text, pos)
        if not m:
            return None
        dt = _type_of(m.group("type"))
        tail = read_tail(self.text, m.end(), self.year)
        if not m.group("tw") and tail.authority != "TW":
            return None
        ords = [(m.start("first"), m.end("first"), m.group("first"))]
        base = m.start("rest")
        for o in ORD_IN_LIST.finditer(m.group("rest")):
            ords.append((base + o.start(), base + o.end(), o.group(0)))
        issuer = tail.issuer if tail.authority == "TW" else "Ban Chấp hành Trung ương"
        title = read_title(self.text, tail.end)
        for i, (s, e, o) in enumerate(ords):
            n = ordinal_value(o)
            if not n:
                continue
            start = pos if i == 0 else s
            end = tail.end if i == len(ords) - 1 else e
            key = f"{dt.type_code} TW{n}-{tail.term or '?'}"
            self.add(start, end, dt, key, issuer=issuer,
                     title=title if i == len(ords) - 1 else None)
        return tail.end

    def congress(self, pos: int) -> int | None:
        h = CONGRESS_HEAD.match(self.text, pos)
        if not h:
            return None
        end, national, local, ordinal = h.end(), False, None, None
        used: set[int] = set()
        for _ in range(len(CONGRESS_PARTS)):
            for i, (name, rx) in enumerate(CONGRESS_PARTS):
                if i in used:
                    continue
                m = rx.match(self.text, end)
                if not m:
                    continue
                if name == "ord":
                    val = ordinal_value(m.group("o1") or m.group("o2"))
                    if not val:
                        continue
                    ordinal = to_roman(val)
                elif name == "national":
                    if local:
                        continue
                    national = True
                elif name == "local":
                    if national:
                        continue
                    local = _level_code(m.group("lvl"))
                used.add(i)
                end = m.end()
                break
            else:
                break
        stop = CONGRESS_NOT_PARTY.match(self.text, end)
        if stop and "nhiệm kỳ" not in stop.group(0).lower():
            return None
        if not (national or local or ordinal):
            return None
        dt = doc_types()["Nghị quyết"]
        key = f"NQ DH-{local + '-' if local else ''}{ordinal or '?'}"
        self.add(pos, end, dt, key)
        return end

    def numbered(self, pos: int) -> int | None:
        m = NUMBERED.match(self.text, pos)
        if not m:
            return None
        dt = _type_of(m.group("type"))
        if dt is None:
            return None
        has_so = bool(m.group("so") or m.group("so2"))
        symbol = _symbol(m, dt.doc_type)
        number = m.group("num")
        if not self._number_ok(m, dt, number, symbol, has_so):
            return None
        items = [(pos, m.end(), number, symbol)]
        tails = [read_tail(self.text, m.end(), self.year)]
        while tails[-1].issuer is None and len(items) < 12:
            li = LIST_ITEM.match(self.text, tails[-1].end)
            if not li:
                break
            isym = _symbol(li, dt.doc_type)
            inum = li.group("num")
            if li.group("rtype"):  # the type word repeated: a citation of its own, same type
                rm = NUMBERED.match(self.text, li.start("rtype"))
                if (_type_of(li.group("rtype")) is not dt or not rm or rm.end() != li.end()
                        or not self._number_ok(rm, dt, inum, isym, bool(rm.group("so") or rm.group("so2")))):
                    break
            elif bool(isym) != bool(symbol):
                break
            elif not isym and (not BARE_ITEM_END.match(self.text, li.end())
                               or BARE_NUMBER_STOP.match(self.text, li.end())
                               or _YEARLIKE.fullmatch(inum)):
                break
            items.append((li.start("rtype") if li.group("rtype") else li.start("num"), li.end(), inum, isym))
            tails.append(read_tail(self.text, li.end(), self.year))
        shared = tails[-1]
        title = read_title(self.text, shared.end)
        pin = self.pinpoint(pos)
        for i, ((s, e, num, sym), tail) in enumerate(zip(items, tails)):
            issuer = tail.issuer or shared.issuer
            auth_from_issuer = tail.authority or shared.authority
            authority = symbol_authority(sym, dt.doc_type) or auth_from_issuer or dt.implied_authority
            self.add(s, tail.end, dt, make_key(dt.type_code, num, authority),
                     issuer_authority=auth_from_issuer if issuer else None, number=num, symbol=sym, issuer=issuer, date=tail.date,
                     title=title if i == len(items) - 1 else None,
                     pinpoint=pin if i == 0 else None)
        return shared.end

    def _number_ok(self, m, dt: DocType, number: str, symbol: str | None, has_so: bool) -> bool:
        """Is this number a citation number?  Bare numbers need more evidence."""
        word = m.group("type")
        capital = word[:1].isupper()
        if symbol:
            return not (_YEARLIKE.fullmatch(number) and _YEARLIKE.fullmatch(symbol) and not has_so)
        if dt.type_code in _NEVER_BARE or (dt.type_code == "LUAT" and not capital):
            return has_so and capital  # "kỷ luật số 19" is a disciplinary council
        if has_so:
            return True
        if _YEARLIKE.fullmatch(number) or BARE_NUMBER_STOP.match(self.text, m.end()):
            return False
        if capital and dt.bare_number and not _SENTENCE_START.search(self.text, max(0, m.start() - 3), m.start()):
            return True  # at a sentence start "Quy định 17 loài ..." is a verb: strict end below
        return bool(LOWER_BARE_END.match(self.text, m.end()))

    def law(self, pos: int) -> int | None:
        h = LAW_HEAD.match(self.text, pos)
        if not h or law_not_after().search(self.text, max(0, pos - 12), pos):
            return None
        found = law_name(self.text, h.end(), lower_head=h.group("type")[:1].islower())
        if not found:
            return None
        name, end = found
        dt = doc_types()["Luật"]
        lt = LAW_TAIL.match(self.text, end)
        number = symbol = None
        year = None
        if lt and lt.end() > end:
            year = lt.group("year")
            if lt.group("num"):
                number = lt.group("num")
                symbol = _symbol(lt, dt.doc_type)
            end = lt.end()
        tail = read_tail(self.text, end, self.year)
        self.add(pos, tail.end, dt, f"LUAT {law_slug(name)}", number=number, symbol=symbol,
                 issuer=tail.issuer, date=tail.date or year,
                 title=read_title(self.text, tail.end), pinpoint=self.pinpoint(pos))
        if LAW_PLURAL_BEFORE.search(self.text, max(0, pos - 8), pos):
            return self._law_list(tail.end, dt)
        return tail.end

    def _law_list(self, end: int, dt: DocType) -> int:
        """"các Luật Xây dựng, Quy hoạch đô thị, Kinh doanh bất động sản": one reference per
        listed name that the table knows, each spanning its name (labeler calls)."""
        while True:
            sep = LAW_LIST_SEP.match(self.text, end)
            if not sep or not self.text[sep.end():sep.end() + 1].isupper():
                return end
            km = known_law().match(self.text, sep.end())
            if not km:
                return end
            name = re.sub(r"\s+", " ", km.group(0))
            self.add(sep.end(), km.end(), dt, f"LUAT {law_slug(name)}")
            end = km.end()

    def charter(self, pos: int) -> int | None:
        m = CHARTER.match(self.text, pos)
        if not m:
            return None
        self.add(pos, m.end(), doc_types()["Điều lệ"], "DL DANG", pinpoint=self.pinpoint(pos))
        return m.end()

    def constitution(self, pos: int) -> int | None:
        m = CONSTITUTION.match(self.text, pos)
        if not m:
            return None
        year = m.group("year")
        self.add(pos, m.end(), doc_types()["Hiến pháp"], f"HP {year}" if year else "HP",
                 date=year, pinpoint=self.pinpoint(pos))
        return m.end()

    def run(self) -> list[Reference]:
        last = 0
        for a in ANCHOR.finditer(self.text):
            if a.start() < last:
                continue
            word = re.sub(r"\s+", " ", (a.group("word") or "")).lower()
            if word in ("nghị quyết", "kết luận"):
                grammars = (self.conference, self.congress, self.numbered)
            elif word in ("luật", "bộ luật"):
                grammars = (self.numbered, self.law)
            elif word == "điều lệ":
                grammars = (self.charter, self.numbered)
            elif word == "hiến pháp":
                grammars = (self.constitution,)
            else:
                grammars = (self.numbered,)
            for g in grammars:
                end = g(a.start())
                if end is not None:
                    last = end
                    break
        self.share_issuers()
        return self.out


def _level_code(lvl: str | None) -> str:
    """Level of a party organisation in a congress key: TU (province/city) by default."""
    low = (lvl or "").lower()
    return {"quận": "QU", "huyện": "HU", "thị xã": "TXU", "khối": "DUK",
            "xã": "DU", "phường": "DU"}.get(low, "TU")


def law_name(text: str, pos: int, lower_head: bool = False) -> tuple[str, int] | None:
    """The name of a law starting at `pos` and where it ends (see module docstring)."""
    km = known_law().match(text, pos)
    if km:
        return re.sub(r"\s+", " ", km.group(0)), km.end()
    if lower_head or not text[pos:pos + 1].isupper():
        return None
    words: list[str] = []
    end = pos
    cur = pos
    while len(words) < 8:
        w = LAW_WORD.match(text, cur)
        if not w or w.group(0).lower() in LAW_STOP:
            break
        if words and ANCHOR.match(text, cur) and w.group(0)[:1].isupper():
            break
        words.append(w.group(0))
        end = w.end()
        g = LAW_GAP.match(text, end)
        if not g:
            break
        cur = g.end()
    if not words or (len(words) == 1 and not words[0].isupper()):
        return None  # one unknown syllable ("Luật Phật", "Luật Thuế") is no law's name; "Luật NSNN" is
    return " ".join(words), end


def find_references(doc: Document) -> list[Reference]:
    """Every citation in `doc`, in text order (keys of short forms may hold "?").

    >>> d = Document.from_text("các Quy định 55/QĐ-TW, 37/QĐ-TW đã được thực hiện")
    >>> [(r.text, r.key) for r in find_references(d)]
    [('Quy định 55/QĐ-TW', 'QDI 55 TW'), ('37/QĐ-TW', 'QDI 37 TW')]
    """
    return _Builder(doc).run()


def parse_citation(text: str) -> Reference | None:
    """Parse one written citation ("Quy định số 55-QĐ/TƯ") to a Reference with its key.

    >>> r = parse_citation("Nghị định 100/2019/NĐ-CP")
    >>> r.doc_type, r.number, r.symbol, r.key
    ('Nghị định', '100', '2019/NĐ-CP', 'ND 100 CP')
    """
    from pipeline.resolve import resolve_references

    doc = Document.from_text(text.strip(), doc_id="citation")
    doc.references = find_references(doc)
    resolve_references(doc)
    return doc.references[0] if doc.references else None
