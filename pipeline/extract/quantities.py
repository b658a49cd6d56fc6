"""Quantities: numbers that measure something, with value, unit, subject and kind.

For each written number in `doc.match_text` (and each spelled cardinal of
two or more: "hai tội danh"), the words after it decide what it is:

- "%" / "phần trăm" -> a share, span "98,65%";
- a scale and a currency ("14 nghìn tỷ đồng", "2 tỷ USD") -> money, span
  number + scale + currency, unit normalised ("VNĐ" -> "đồng");
- a duration word ("5 năm", "70 giờ", "7 năm 6 tháng tù", "65 tuổi") -> not
  a quantity;
- a counted noun ("1.950 biên chế", "10 đề tài, đề án, chuyên đề") -> a
  count, span the number only, unit the noun (a list of nouns kept whole);
- nothing countable after it -> not a quantity ("Vụ 1", "quận 9 và").

A number is never a quantity when it lies inside a date or a reference
(`doc.dates`, `doc.references`), when the word before makes it a name or a
part ("Điều 14", "lần thứ 4", "Chương trình 01", "mức độ 3, 4", table
quantity_cues.tsv role name_before), or when it heads a list item ("2.").
Ranges give two quantities ("6,5-6,7%", "từ 10 đến 15%"), both with the unit
written after the second; "213/210" gives two.

The kind comes from `pipeline.kind_model.predict_kind` when a trained model
is stored, else from the rules of `quantity_kind_rules.rule_kind`.

>>> d = Document.from_text("Quận đã giảm 1.950 biên chế, thu trên 14 nghìn tỷ đồng/năm.")
>>> [(q.text, q.value, q.unit, q.qualifier, q.per) for q in find_quantities(d)]
[('1.950', 1950.0, 'biên chế', None, None), ('14 nghìn tỷ đồng', 14000000000000.0, 'đồng', 'trên', 'năm')]
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from pipeline.extract.numbers import (NUMBER_PATTERN, currency_unit, forms, load_table,
                                      number_words, parse_number, scale_factor, spelled_value)
from pipeline.extract.quantity_kind_rules import rule_kind
from pipeline.model import Document, Quantity

# a dash right before the number joins it to a name ("COVID-19", "08-NQ") unless a space
# precedes the dash ("từ 5 Km -10 km")
# the leading lookahead lets the regex engine skip non-digits before trying the lookbehinds
_NUMBER = re.compile(rf"(?=\d)(?<![\w.,/–+])(?<!\S-)(?P<num>{NUMBER_PATTERN})(?![\d])")
_RANGE_JOIN = re.compile(r"\s*(?:-|–|đến|tới|hoặc)\s*(?=\d)")
_LIST_ITEM = re.compile(r"(?:^|[\n;])\s*$")
# Words that end a counted noun phrase: function words, verbs of the clause.
_NOUN_STOP = frozenset("""
của và với là về trong tại theo đã được bị để thì mà cho từ đến tới nay này đó kia ấy
đang sẽ vừa cũng còn có không chưa đều như nên nhưng hay hoặc do vì bởi nếu khi sau trước
thuộc gồm trên dưới so bằng đạt tăng giảm ở vào ra lên xuống cùng mới hết chỉ rất nhằm qua
phải cần nhưng thấy mỗi nhất hơn thêm vượt
""".split())
_NOUNS_WITH_STOP_HEAD = ("bị cáo", "bị can", "bị hại", "đối tượng", "đối tác", "trên cơ sở")
_GLUED_TIME = re.compile(r"h(?:\d{1,2})?(?![^\W\d_])|g(?:\d{2})?(?!\w)|:\d{2}")
_GLUED_UNIT = re.compile(r"[^\W\d_]{1,4}\d?(?![^\W_])")
# "là 16.000,", "còn 17,": a count whose noun was written before it
_BARE_COUNT_BEFORE = re.compile(r"(?i)(?<!\w)(?:là|còn|tổng cộng|tổng số|lên|xuống)\s+(?:(?:khoảng|gần|hơn|trên)\s+)?$")
_LIST_ITEM_SHORT = re.compile(r"(?:[^\W\d_]+\s*){1,4}(?=[,;.…]|\s+(?:để|thuộc|còn|của|và|đã|được|đang|cho|"
                              r"trong|tại|theo|về|với)(?!\w)|$)")
_LAST_WORD = re.compile(r"(\w+)\s*$")
# "500 m 2": the 2 (or 3) of m² / m³ written apart
_SQUARE_AFTER_UNIT = re.compile(r"(?<![^\W\d_])(?:k?m|cm|dm)\s$")
# "2 trong số 3 bệnh nhân": the part counts the noun of the whole
_PART_OF = re.compile(r"\s+trong\s+(?:số\s+)?(?=\d)")
_JOINS_NEXT = re.compile(r"\s*,\s*\d")
# a capitalised word that heads an organisation or a post, not a street ("tại 12 Bộ, ngành")
_ORG_HEADS = frozenset("Bộ Sở Ban Hội Phó Tổng Cục Vụ Chi Đoàn Ủy Uỷ Văn Trung Viện Trường Công Tập Ngân "
                       "Thứ Chủ Giám Trưởng Đảng Tỉnh Thành Huyện Quận Xã Phường Đại".split())
_STREET_HEADS = ("Phố ", "Đường ", "Ngõ ", "Ngách ")
_WORD = re.compile(r"[^\W\d_][\w]*(?:-[\w]+)?")
# matched at a position, never on a slice text[i:] (a copy of the rest of the document)
_BLANKS = re.compile(r"[ \t]+")
_SPACES = re.compile(r" *")
_ENUMERATOR_AFTER = re.compile(r"\s+là(?!\w)")
# "hai cấp" names the court levels; "hai bên đường" the sides of a place ("hai bên" alone counts the parties)
_TWO_SIDES_AFTER = re.compile(r"\s+(?:cấp|chiều|mặt trận|bên\s+(?:đường|tuyến|cầu|cổng|bờ|sông|phố|lề))(?!\w)")
# "với năm nội dung": "năm" counts only after a word that introduces a count
_FIVE_COUNT_BEFORE = re.compile(r"(?i)(?<!\w)(?:với|gồm|có|(?:một|1)\s+trong)\s+$")
_CLAUSE_END_AFTER = re.compile(r"\s*(?:[,;.)…]|$)")
_COUNT_SO_BEFORE = re.compile(r"(?i)(?:tổng|với|có|trong|con)\s+số\s*$")  # "tổng số 235": no name
_NAME_DASH_BEFORE = re.compile(r"[^\W\d_](?:[-–]|\s*[-–]\s+)$")  # "COVID-19", "Su - 30"
_VERSION = re.compile(r"\d+\.0")  # "4.0"
# the second half of a licence plate written apart: "BKS 36 C -106.68", "37 B - 02120"
_PLATE_HEAD_BEFORE = re.compile(r"(?<!\d)\d{2}\s?[A-Z]{1,2}\d?\s*[-–.]\s*$")
# an acronym before a count of people: "Tổng công ty Sông Đà - CTCP 412 người" (not "Top 10 doanh nghiệp")
_ACRONYM = re.compile(r"[A-ZĐ]{2,}")
# "doanh nghiệp 100% vốn nhà nước": a class of firm, no share measured
_WHOLLY_OWNED = re.compile(r"(?i)(?<!\w)(?:doanh nghiệp|DNNN|DN|công ty|ngân hàng|trường|tổ chức|đơn vị)\s+(?:có\s+)?$")
_CAPITAL_AFTER = re.compile(r"\s*vốn\s+(?:nhà nước|nước ngoài)(?!\w)", re.I)
_NAME_LIST_JOIN = re.compile(r"\s*(?:,|và|-|–)\s*")
_FRACTION_AFTER = re.compile(r"/(\d+(?:[.,]\d+)?)(?![\d/]|[.,]\d)")  # "213/210"
_FRACTION_CUE_BEFORE = re.compile(r"(?i)(?<!\w)(?:đạt|là|được|phiếu|tỷ lệ|với|có)(?!\w)")
_FIRST_WORD_BEFORE = re.compile(r"(?:^|[.!?\n:;“\"(]\s*)\S+\s*$")  # a capital that only starts a sentence
_COUNT_VERB_BEFORE = re.compile(r"(?i)(?:có|với|gồm|đạt|là)\s*$")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?\n:]\s*|[“\"]\s*)$")
_SPELLED_NAME_BEFORE = re.compile(r"(?i)(?:thứ|cấp|ông|bà|anh|chị|lần thứ|khóa|số)\s*$")  # "thứ hai", "ông Ba"
_QUOTE_BEFORE = re.compile(r"[“\"]\s*$")


@dataclass(frozen=True)
class _Tables:
    name_before: re.Pattern[str]
    qualifier: re.Pattern[str]
    vague_before: re.Pattern[str]
    stop_after: frozenset[str]
    money: re.Pattern[str]
    percent: re.Pattern[str]
    duration: re.Pattern[str]
    per: re.Pattern[str]
    rate_after: re.Pattern[str]
    scale: re.Pattern[str]
    spelled: re.Pattern[str]
    spelled_lower: re.Pattern[str]
    compound_before: re.Pattern[str]
    address_before: re.Pattern[str]
    vehicle_before: re.Pattern[str]
    class_after: frozenset[str]
    vehicle_class: tuple[str, ...]
    glued_measure: frozenset[str]
    year_after: frozenset[str]


def _alternation(phrases: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, p.split()))
                    for p in sorted(set(phrases), key=len, reverse=True))


def _first_letters(words: list[str]) -> str:
    return "".join(sorted({c for w in words for c in (w[0].lower(), w[0].upper())}))


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    roles: dict[str, list[str]] = {}
    for phrase, role, *_ in load_table("quantity_cues.tsv", 3):
        roles.setdefault(role, []).append(phrase)
    scale = _alternation(forms("scale"))
    currency = _alternation(forms("currency"))
    digits = [w for w, (_, r) in number_words().items() if r in ("digit", "ten")]
    spelled_words = _alternation(list(number_words()))
    return _Tables(
        name_before=re.compile(rf"(?<!\w)(?:{_alternation(roles['name_before'])})\s*(?:số\s*)?$"),
        qualifier=re.compile(rf"(?i)(?<!\w)(?:{_alternation(roles['qualifier'])})\s*$"),
        vague_before=re.compile(rf"(?i)(?<!\w)(?:{_alternation(roles['vague_before'])})\s*$"),
        stop_after=frozenset(p.lower() for p in roles["stop_after"]),
        money=re.compile(rf"\s*(?P<scale>(?:(?:{scale})\s*)*)(?P<cur>{currency})(?![^\W\d_])"),
        percent=re.compile(r"\s*(?:%|phần\s+trăm(?!\w))"),
        duration=re.compile(rf"\s*(?:{_alternation(forms('duration'))})(?!\w)"),
        per=re.compile(rf"\s*(?:/\s*|mỗi\s+|một\s+)(?P<per>{_alternation(forms('per'))})(?!\w)"),
        rate_after=re.compile(rf"\s*/\s*(?:{_alternation(forms('per'))})(?!\w)"),
        scale=re.compile(rf"\s*(?P<scale>(?:(?:{scale})(?!\w)\s*)+)"),
        # the lookahead on first letters lets the regex engine skip most positions
        spelled=re.compile(rf"(?i)(?=[{_first_letters(digits + ['chục'])}])(?<![\w])"
                           rf"(?:{_alternation(digits + ['chục'])})(?:\s+(?:{spelled_words}))*(?!\w)"),
        # the same on lower-cased text, case-sensitive: IGNORECASE folds every character it reads
        spelled_lower=re.compile(rf"(?=[{''.join(sorted({w[0].lower() for w in digits + ['chục']}))}])(?<![\w])"
                                 rf"(?:{_alternation([w.lower() for w in digits + ['chục']])})"
                                 rf"(?:\s+(?:{_alternation([w.lower() for w in number_words()])}))*(?!\w)"),
        compound_before=re.compile(rf"(?i)(?<!\w)(?:{_alternation(roles['compound_before'])})\s*$"),
        address_before=re.compile(rf"(?<!\w)(?:{_alternation(roles['address_before'])})\s*$"),
        vehicle_before=re.compile(r"(?i)(?<!\w)xe\s+(?:[^\W\d_]+\s+){0,3}$"),
        class_after=frozenset(p.lower() for p in roles["class_after"]),
        vehicle_class=tuple(sorted((p.lower() for p in roles["vehicle_class"]), key=len, reverse=True)),
        glued_measure=frozenset(forms("measure")),
        year_after=frozenset(roles["year_after"]),
    )


@dataclass
class _Hit:
    start: int
    end: int
    value: float
    unit: str | None
    measure: bool = False  # a share or an amount of money: never a name or a year


@dataclass(frozen=True)
class _Blocked:
    """Date and reference spans: starts in order, and the furthest end reached so far."""
    starts: list[int]
    max_ends: list[int]


def _blocked_spans(doc: Document) -> _Blocked:
    dates = doc.dates
    if not dates:
        from pipeline.extract.dates import find_dates
        dates = find_dates(doc)
    spans = sorted([(m.start, m.end) for m in dates] + [(r.start, r.end) for r in doc.references])
    max_ends, reach = [], -1
    for _, b in spans:
        reach = max(reach, b)
        max_ends.append(reach)
    return _Blocked([a for a, _ in spans], max_ends)


def _inside(spans: _Blocked, s: int, e: int) -> bool:
    """Whether [s, e) overlaps a span: of the spans starting before e, one ends after s."""
    i = bisect_left(spans.starts, e) - 1
    return i >= 0 and spans.max_ends[i] > s


def _noun_after(text: str, pos: int) -> tuple[str | None, int]:
    """The counted noun written after `pos` (a comma list of short nouns kept whole)."""
    words: list[tuple[int, int]] = []
    i = pos
    limit = min(len(text), pos + 120)
    first_item = True
    while i < limit:
        m = _WORD.match(text, i) if not text[i].isspace() else None
        if m is None:
            ws = _BLANKS.match(text, i)
            if ws:
                i = ws.end()
                continue
            # a comma continues a list of nouns ("đề tài, đề án, chuyên đề")
            if text[i] == "," and words and len(words) <= 8:
                nxt = _WORD.match(text, _SPACES.match(text, i + 1).end())
                if nxt and nxt.group(0).lower() not in _NOUN_STOP and not nxt.group(0)[0].isupper() \
                        and _list_item_short(text, nxt.start()):
                    first_item = False
                    i += 1
                    continue
            break
        w = m.group(0)
        lw = w.lower()
        if not words and text[m.start():m.start() + 12].lower().startswith(_NOUNS_WITH_STOP_HEAD):
            pass
        elif lw in _NOUN_STOP:
            break
        if w[0].isupper() and words and not _keeps_caps(text, words):
            break
        words.append((m.start(), m.end()))
        i = m.end()
        if first_item and len(words) >= 5:
            break
    if not words:
        return None, pos
    return text[words[0][0]:words[-1][1]], words[-1][1]


def _list_item_short(text: str, start: int) -> bool:
    """A list item of at most three words followed by a comma, ";", "." or a stop word."""
    m = _LIST_ITEM_SHORT.match(text[start:start + 60])
    return m is not None


def _keeps_caps(text: str, words: list[tuple[int, int]]) -> bool:
    """A capital inside a noun ("bộ Quy tắc ứng xử", "Phó Chủ tịch") follows a short head."""
    return len(words) == 1 or text[words[0][0]].isupper()


def _read_number(t: _Tables, text: str, s: int, e: int, value: float) -> _Hit | None:
    """Unit, scale and period written after a number at text[s:e]."""
    m = t.percent.match(text, e)
    if m:
        return _Hit(s, m.end(), value, "%", measure=True)
    m = t.money.match(text, e)
    if m:
        factor = _scale_of(m.group("scale"))
        return _Hit(s, m.end(), value * factor, currency_unit(m.group("cur")), measure=True)
    m = t.duration.match(text, e)
    if m:
        rate = t.rate_after.match(text, m.end())
        if rate:  # "11 giờ/tuần": hours per week is a rate, no length of time
            return _Hit(s, e, value, re.sub(r"\s*/\s*", "/", text[e:rate.end()].strip()), measure=True)
        return None
    if _GLUED_TIME.match(text, e):
        return None
    glued = _GLUED_UNIT.match(text, e)
    if glued:  # "300m", "2ha", "100m2"; other glued letters make a code ("15C", "5B", "24T1")
        return _Hit(s, e, value, glued.group(0)) if glued.group(0) in t.glued_measure else None
    factor = 1.0
    end_num = e
    m = t.scale.match(text, e)
    if m:
        factor = _scale_of(m.group("scale"))
        end_num = m.start("scale") + len(m.group("scale").rstrip())
        if t.duration.match(text, m.end()):
            return None
    noun, _ = _noun_after(text, end_num if not m else m.end())
    if noun is None:
        if m:  # "2,5 triệu" alone
            return _Hit(s, end_num, value * factor, None)
        if _BARE_COUNT_BEFORE.search(text, max(0, s - 30), s) and _CLAUSE_END_AFTER.match(text[e:e + 2]):
            return _Hit(s, e, value, None)
        return None
    if not _counts_noun(t, text, s, noun):
        return None
    return _Hit(s, e if factor == 1.0 else end_num, value * factor, noun)


def _counts_noun(t: _Tables, text: str, s: int, noun: str) -> bool:
    """False when the words after the number make it a code, an address or a class, not a count."""
    head = noun.split()[0]
    low = head.lower()
    if low in t.stop_after or low in t.class_after:
        return False  # "3 của", "khách sạn 5 sao", "xe 3 bánh"
    if len(head) == 1 and head.isupper():
        return False  # a plate or a code: "BKS 36 C", "34 A"
    if head[0].isupper():
        if noun.startswith(_STREET_HEADS):
            return False  # "111 Phố Huế"
        words = noun.split()
        if len(words) >= 2 and head not in _ORG_HEADS and not head.isupper() \
                and all(w[0].isupper() for w in words[:2]) \
                and t.address_before.search(text, max(0, s - 20), s):
            return False  # "ngõ 282 Lạc Long Quân", "trụ sở tại 268 Tô Hiến Thành"
    if noun.lower().startswith(t.vehicle_class) and t.vehicle_before.search(text, max(0, s - 30), s):
        return False  # "xe từ 9 chỗ ngồi trở xuống"
    return True


def _scale_of(words: str) -> float:
    """Product of scale words ("nghìn tỷ" -> 1e12, "triệu" -> 1e6)."""
    words = " ".join(words.split())
    if not words:
        return 1.0
    whole = scale_factor(words)
    if whole != 1.0:
        return whole
    factor = 1.0
    for w in words.split():
        factor *= scale_factor(w)
    return factor


def _is_name(t: _Tables, text: str, s: int) -> bool:
    before = text[max(0, s - 40):s]
    hit = t.name_before.search(before)
    if hit and not _COUNT_SO_BEFORE.search(before):
        return True
    if before.rstrip().endswith(("-", "–")) and _NAME_DASH_BEFORE.search(before):
        return True  # "COVID-19", "Su-30"
    return False


def _numbers(doc: Document, blocked: _Blocked) -> list[_Hit]:
    t = _tables()
    text = doc.match_text
    hits: list[_Hit] = []
    skip_until = -1
    last_name_end = -1
    for m in _NUMBER.finditer(text):
        s, e = m.span("num")
        if s < skip_until or _inside(blocked, s, e):
            continue
        written = m.group("num")
        value = parse_number(written)
        if value is None:
            continue
        # list-item heads "2." and version numbers "4.0"
        if _LIST_ITEM.search(text, max(0, s - 3), s) and text[e:e + 1] in (".", ")"):
            continue
        if _VERSION.fullmatch(written):
            continue
        if _PLATE_HEAD_BEFORE.search(text, max(0, s - 10), s):
            continue
        if written in ("2", "3") and _SQUARE_AFTER_UNIT.search(text, max(0, s - 4), s):
            continue
        # "mức độ 3, 4": a number joined to a name number by ", " or "và" is a name too
        joined_to_name = last_name_end >= 0 and _NAME_LIST_JOIN.fullmatch(text[last_name_end:s]) is not None
        # ranges "6,5-6,7%", "từ 10 đến 15%", fractions "213/210"
        rng = _RANGE_JOIN.match(text, e)
        frac = _FRACTION_AFTER.match(text[e:e + 12])
        hit = _read_number(t, text, s, e, value)
        pair: _Hit | None = None
        if hit is None and rng:
            n2s = rng.end()
            n2 = re.match(NUMBER_PATTERN, text[n2s:n2s + 30])
            v2 = parse_number(n2.group(0)) if n2 else None
            if n2 and v2:
                n2e = n2s + n2.end()
                second = _read_number(t, text, n2s, n2e, v2)
                if second is not None and not _inside(blocked, n2s, n2e):
                    hit = _Hit(s, e, value * (second.value / v2), second.unit, measure=second.measure)
                    pair, skip_until = second, n2e
        elif hit is None and frac:
            v2 = parse_number(frac.group(1))
            f2s, f2e = e + 1, e + 1 + len(frac.group(1))
            second = _read_number(t, text, f2s, f2e, v2) if v2 is not None else None
            cue = _FRACTION_CUE_BEFORE.search(text[max(0, s - 25):s])
            if v2 is not None and (second is not None or cue):
                hit = _Hit(s, e, value, second.unit if second else None)
                pair = second or _Hit(f2s, f2e, v2, None)
                skip_until = f2e
        elif hit is None and (part := _PART_OF.match(text, e)):
            n2 = _NUMBER.match(text, part.end())
            v2 = parse_number(n2.group("num")) if n2 else None
            whole = _read_number(t, text, n2.start("num"), n2.end("num"), v2) if v2 is not None else None
            if whole is not None and whole.unit is not None:
                hit = _Hit(s, e, value, whole.unit, measure=whole.measure)
        if hit is None:
            # "Khoản 6, 7": a name number before a list passes its role on
            if _JOINS_NEXT.match(text, e) and (joined_to_name or _is_name(t, text, s)):
                last_name_end = e
            continue
        if hit.unit is None and not hit.measure and (rng := _RANGE_JOIN.match(text, hit.end)):
            # "từ 150 triệu đến 200 triệu đồng": the first takes the unit of the second
            n2 = re.match(NUMBER_PATTERN, text[rng.end():rng.end() + 30])
            v2 = parse_number(n2.group(0)) if n2 else None
            second = _read_number(t, text, rng.end(), rng.end() + n2.end(), v2) if n2 and v2 else None
            if second is not None and second.measure:
                hit.unit, hit.measure = second.unit, True
        if hit.unit == "%" and value == 100 and _CAPITAL_AFTER.match(text, hit.end) \
                and _WHOLLY_OWNED.search(text, max(0, s - 30), s):
            continue
        if not hit.measure and (_is_name(t, text, s) or joined_to_name):
            last_name_end = e
            skip_until = max(skip_until, e)
            continue
        if not hit.measure and written.isdigit() and len(written) == 4 and 1900 <= value <= 2100 \
                and hit.unit is None:
            continue
        last = _LAST_WORD.search(text, max(0, s - 30), s)
        if not hit.measure and last and last.group(1)[0].isupper() \
                and not _FIRST_WORD_BEFORE.search(text[max(0, s - 30):s]) \
                and not _COUNT_VERB_BEFORE.search(text[max(0, s - 10):s]) \
                and not (hit.unit == "người" and _ACRONYM.fullmatch(last.group(1))):
            # "Bệnh viện 175", "Basel 2": a number after a capitalised word names it
            last_name_end = e
            continue
        hits.append(hit)
        if pair is not None:
            pair.unit = pair.unit or hit.unit
            hits.append(pair)
    return hits


def _spelled(doc: Document, blocked: _Blocked) -> list[_Hit]:
    """Spelled cardinals of two or more that count a noun ("hai tội danh", "ba đề án")."""
    t = _tables()
    text = doc.match_text
    hits = []
    for s, e in _spelled_spans(t, text):
        written = text[s:e]
        if written[0].isupper():
            sent_start = _SENTENCE_START_BEFORE.search(text[max(0, s - 3):s])
            if not sent_start:
                continue  # "Đỗ Mười", "Phan Văn Sáu"
        value = spelled_value(written)
        low = written.lower().split()
        if value is None or value < 2 or low[0] in ("tư", "linh", "lẻ", "mốt", "lăm") and len(low) == 1:
            continue
        if low == ["năm"] and not _five_counts(t, text, s, e):
            continue
        if _inside(blocked, s, e):
            continue
        before = text[max(0, s - 20):s]
        if t.vague_before.search(before) or t.compound_before.search(before) or _SPELLED_NAME_BEFORE.search(before) \
                or _QUOTE_BEFORE.search(before):
            continue
        if _ENUMERATOR_AFTER.match(text, e):
            continue  # "Hai là": an enumerator
        if value == 2 and _TWO_SIDES_AFTER.match(text, e):
            continue  # "tòa án nhân dân hai cấp", "hai bên"
        hit = _read_number(t, text, s, e, value)
        if hit is None and value >= 1000 and len(low) > 1:
            hit = _Hit(s, e, value, None)  # "xe tải trên một triệu,": the noun was written before
        if hit is None or hit.unit is None and hit.end == e and value < 1000:
            continue
        hits.append(hit)
    return hits


def _spelled_spans(t: _Tables, text: str) -> list[tuple[int, int]]:
    """Spans of t.spelled in text, found on its lower-case form when that keeps every offset."""
    low = text.lower()
    if len(low) != len(text) or "ſ" in text:  # "İ" lengthens, "ſ" folds to "s": the plain scan
        return [m.span() for m in t.spelled.finditer(text)]
    return [m.span() for m in t.spelled_lower.finditer(low)]


def _five_counts(t: _Tables, text: str, s: int, e: int) -> bool:
    """Whether a lone "năm" is five, not year: "với năm nội dung chính" (not "năm nay", "với năm tháng")."""
    if not _FIVE_COUNT_BEFORE.search(text, max(0, s - 10), s):
        return False
    nxt = _WORD.match(text, _SPACES.match(text, e).end())
    return nxt is not None and nxt.group(0).islower() and nxt.group(0) not in t.year_after


def _qualifier(t: _Tables, text: str, s: int) -> str | None:
    m = t.qualifier.search(text, max(0, s - 20), s)
    return " ".join(m.group(0).split()).lower() if m else None


def _subject(text: str, hit: _Hit, unit: str | None) -> str | None:
    """A short phrase of what is measured: the noun and its modifier, else the words before."""
    stop = re.compile(r"[;.:!?()\n]|,\s")
    if unit not in (None, "%", "đồng", "USD", "EUR", "JPY", "CNY", "GBP"):
        m = stop.search(text, hit.end, hit.end + 160)
        tail = text[hit.end:m.start() if m else hit.end + 80].strip()
        words = tail.split()[:10]
        return " ".join(words) or None
    # before the number: back to the clause start, last 8 words, cue words dropped
    cut = max(text.rfind(c, 0, hit.start) for c in ";:.\n(")
    head = text[cut + 1:hit.start].strip(" ,")
    words = head.split()[-8:]
    while words and words[-1].lower() in ("đạt", "là", "hơn", "gần", "trên", "khoảng", "được",
                                          "tới", "với", "có", "tăng", "giảm", "chiếm", "bằng"):
        words.pop()
    return " ".join(words) or None


def _kind(doc: Document, hit: _Hit, unit: str | None) -> str:
    try:
        from pipeline.kind_model import predict_kind
        kind = predict_kind(doc, hit.start, hit.end, unit)
    except ImportError:
        kind = None
    if kind in ("target", "result", "other"):
        return kind
    sent = doc.sentence_of(hit.start)
    if sent is None:
        base = doc.text.rfind("\n", 0, hit.start) + 1
        stop = doc.text.find("\n", hit.end)
        sentence = doc.text[base:stop if stop >= 0 else len(doc.text)]
    else:
        base, sentence = sent.start, sent.text
    return rule_kind(sentence, hit.start - base, min(hit.end - base, len(sentence)))


def find_quantities(doc: Document) -> list[Quantity]:
    """Every quantity of the document (see module docstring).

    >>> d = Document.from_text("Tăng trưởng đạt 6,5-6,7%; xử lý hai tội danh; Điều 14 có 3 khoản.")
    >>> [(q.text, round(q.value, 6), q.unit) for q in find_quantities(d)]
    [('6,5', 6.5, '%'), ('6,7%', 6.7, '%'), ('hai', 2.0, 'tội danh'), ('3', 3.0, 'khoản')]
    """
    t = _tables()
    text = doc.match_text
    blocked = _blocked_spans(doc)
    hits = sorted(_numbers(doc, blocked) + _spelled(doc, blocked), key=lambda h: h.start)
    out: list[Quantity] = []
    for h in hits:
        per = t.per.match(text, h.end)
        unit = h.unit
        if unit and not h.measure:
            unit = _as_written(doc, h, unit)
        out.append(Quantity(
            start=h.start, end=h.end, text=doc.text[h.start:h.end], value=float(h.value),
            unit=unit, subject=_subject(doc.text, h, unit), kind=_kind(doc, h, unit),
            qualifier=_qualifier(t, text, h.start),
            per=per.group("per") if per and unit in ("%", "đồng", "USD", "EUR") else None))
    return out


def _as_written(doc: Document, h: _Hit, unit: str) -> str:
    """The unit sliced from doc.text (the match text may differ in tone placement)."""
    k = doc.match_text.find(unit, h.start)
    return doc.text[k:k + len(unit)] if k >= 0 else unit
