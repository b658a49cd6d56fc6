"""The citation grammar: regular expressions over `Document.match_text`, compiled once.

Why regexes and not word segmentation: both Vietnamese segmenters break
"55 - QĐ / TƯ" and "19-12-2016" apart, and a regex pass runs at MB/s.  The
pieces are built from the data tables (type words, abbreviations, issuers),
so a new type or body is a table row, not code.

Whitespace: news text has spacing artefacts ("18 - NQ / TW", "( khóa XII )")
and the legal documents break lines and put markdown stars inside citations
("Nghị định số\\n268/2025/NĐ-CP", "số* *280/2025"), so `WS` accepts spaces,
tabs, no-break spaces, stars and at most one line break.

>>> m = ANCHOR.search("thực hiện Nghị quyết số 18 - NQ / TW")
>>> m.group(0)
'Nghị quyết'
>>> NUMBERED.match("Nghị quyết số 18 - NQ / TW").group("num", "sym")
('18', 'NQ / TW')
>>> NUMBERED.match("Quy định số 37QĐ/TW").group("sym")
'QĐ/TW'
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.citation_tables import PLACE, doc_types, law_names

WS = r"(?:[ \t\xa0*]+\n?[ \t\xa0*]*|\n[ \t\xa0*]*)"  # >= 1 blank, at most one line break
OWS = rf"(?:{WS})?"
SP = r"[ \t\xa0]"

# --- numbers and symbols ---------------------------------------------------
NUMBER = r"(?P<num>\d{1,6}(?:\.\d{1,2}(?=/))?)(?!\d)(?![.,]\d)"  # "66.2/2025/NQ-CP" is a real number
SEP = rf"{SP}{{0,2}}[-–/]{SP}{{0,2}}"
# A code of a symbol: mostly capitals ("NĐ", "QH14", "BGDĐT", "TTg", "CTr", "QĐi", "Nq"),
# never a plain word ("Trong"): at most two lower-case letters, no letter right after.
# Two codes joined by a spaced "&" ("PCCC & CNCH"), a unit number written apart ("QH 14", "P 5",
# "C 67", "H 41": a one-letter unit code and its number) and a dotted sub-unit ("V.I", "CCTKV.05")
# belong to the code.
CODE = (r"[A-ZĐƯ][A-ZĐƯ0-9&]*(?:[a-zđư][A-ZĐƯ0-9&]*){0,2}(?![^\W\d_])"
        r"(?:[ \xa0]&[ \xa0][A-ZĐ]{2,8}(?![\w]))?"  # "4945/PCCC & CNCH - P 6"
        r"(?:(?:(?<=QH)|(?<=[\W_][A-Z]))[ \xa0]\d{1,2}(?!\d)(?![.,]\d))?"
        r"(?:\.(?:[IVX]{1,4}|\d{1,2})(?![\w]))?")
# A unit in brackets right after the symbol: "322/QHKT - TTQH (P 2)", "06/QĐ - VKS (P 3)".
UNIT_IN_BRACKETS = r"(?:[ \xa0]?\([ \xa0]?[A-Z]{1,3}[ \xa0]?\d{1,2}[ \xa0]?\))"
LOWCODE = r"(?<=/)[a-zđư]{2,3}(?![^\W\d_])"  # "15- Nq/tw"
YEAR = r"(?:(?:19|20)\d\d|2[ \xa0]0\d\d)(?![\d])"  # "2 013": a spacing artefact
PART = rf"(?:{YEAR}|{CODE}|{LOWCODE})"
SYMBOL = (rf"(?P<sep0>{SEP}|{SP}?(?={CODE}{SP}?/)|{SP}(?={CODE}{SEP}{CODE}))"
          rf"(?P<sym>{PART}(?:{SEP}{PART}){{0,4}}{UNIT_IN_BRACKETS}?)")
SYMBOL_SPLIT = re.compile(rf"{SP}*([-–/]){SP}*")

# --- type words ------------------------------------------------------------


def _alt(words: list[str]) -> str:
    words = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", SP + "+") for w in words)


def _trie(words: set[str]) -> str:
    """One regex for many literal words, factored by prefix: ~3x faster than a flat alternation."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [(SP + "+" if ch == " " else re.escape(ch)) + emit(sub)
                for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _case_variants(words: list[str]) -> set[str]:
    out: set[str] = set()
    for w in words:
        out |= {w, w.lower(), w.upper(), w[:1].upper() + w[1:].lower(), w.title()}
    return out


@lru_cache(maxsize=1)
def _type_words() -> tuple[str, str, str, str]:
    words = [w for dt in doc_types().values() for w in dt.words]
    abbrevs = [a for dt in doc_types().values() for a in dt.abbrevs]
    variants = _case_variants(words)
    first = "".join(sorted({v[0] for v in variants} | {a[0] for a in abbrevs}))
    return _alt(words), _alt(abbrevs), _trie(variants), first


_WORDS, _ABBREVS, _WORD_TRIE, _FIRST = _type_words()
SO = rf"(?i:số)(?![^\W\d_])(?:{SP}*:)?"

# Where a citation can start: a type word (as written: Capitalised, lower or UPPER case),
# or an abbreviation right before a number.  The first-letter lookahead and the trie keep
# this scan, the one pass over the whole text, at tens of MB/s.
ANCHOR = re.compile(
    rf"(?=[{_FIRST}])(?<![\w/])(?:(?P<word>{_WORD_TRIE})(?![\w])"
    rf"|(?P<abbr>{_ABBREVS})(?={SP}{{0,2}}(?:{SO}{SP}*)?\d))")

# "Nghị quyết số 39-NQ/TW", "NĐ 30/2020", "QĐ1401", "Luật số 22/2008/QH12"
NUMBERED = re.compile(
    rf"(?P<type>(?i:{_WORDS})|{_ABBREVS})"
    rf"(?:{WS}(?P<so>{SO}){OWS}|(?<=[A-ZĐ]){SP}{{0,2}}(?:(?P<so2>{SO}){SP}*)?|{WS})"
    rf"{NUMBER}(?:{SYMBOL})?")

# A bare number ("Kế hoạch 5 năm", "Quyết định 2 lần") is not a citation number.
BARE_NUMBER_STOP = re.compile(
    rf"{SP}*(?:%|(?i:tháng|tuần|ngày(?!{SP}+\d)|giờ|phút|tuổi|người|tỷ|triệu|nghìn|ngàn|đồng|usd|km|ha|lần"
    rf"|điểm|đơn vị|trường hợp|nội dung|năm(?!{WS}(?:19|20)\d\d(?!{SP}*[-–]))|mục tiêu|nhiệm vụ|giải pháp"
    rf"|chỉ tiêu|nhóm|bước|chương|điều|khoản|văn bản|tập thể|cá nhân|hộ)(?![\w]))")

# List continuation: ", 37/QĐ-TW", " và 10", ", và số 19-NQ/TW", or the type word repeated
# (" và Thông tư số 09", ", Thông tư số 49/2016"): the items share the issuer written after the last.
LIST_ITEM = re.compile(
    rf"(?P<lsep>{SP}*,{SP}*(?:(?i:và){SP}+)?|{SP}+(?i:và){SP}+)"
    rf"(?:(?P<rtype>(?i:{_WORDS})){WS}(?:{SO}{OWS})?)?(?:{SO}{SP}*)?{NUMBER}(?:{SYMBOL})?")
# After a lower-case type word and a bare number ("quyết định 4674 của"), only punctuation or
# a word that starts the rest of the clause may follow: "kết luận 3 đơn vị" is a count.
LOWER_BARE_END = re.compile(
    rf"{SP}*(?:[,;.:?!)(”\"]|$|\n)|{SP}+(?i:của|về|ngày|và|đã|được|mà|quy định|ban hành|có|sẽ|chỉ|để|thì|là"
    rf"|do|vừa|cũng|vẫn|đều|không|này|nêu|với|tại|trong|hướng dẫn|thay thế|sửa đổi|cấm|yêu cầu|năm{SP}+(?:19|20)\d\d"
    rf"|gửi|giao|nói|cho|đi|ra|thì)(?![\w])")
# Between two citations that share the issuer written after the second: ", ", " và ", ", và ".
CITATION_JOIN = re.compile(rf"{SP}*,{SP}*(?:(?i:và){SP}+)?|{SP}+(?i:và){SP}+")
BARE_ITEM_END = re.compile(
    rf"{SP}*(?:[,;.:)”\"]|$)|{SP}+(?i:và|của|về|ngày|đã|được|do|cũng|vẫn|đều)(?![\w])")

# --- conference (plenum) resolutions -----------------------------------------
ORD = (r"(?:\d{1,2}|[IVX]{1,5}|(?i:mười(?:\s(?:một|hai|ba|bốn|lăm))?|một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín))"
       r"(?![\w])")
CONFERENCE = re.compile(
    rf"(?P<type>(?i:nghị quyết|kết luận))(?:{WS}(?i:của))?{WS}(?:(?P<hn>(?i:hội nghị)){WS})?"
    rf"(?:(?P<tw>(?:(?i:ban chấp hành|bch){WS})?(?:Trung ương|TRUNG ƯƠNG|trung ương|TW|TƯ|T\.Ư|T\.W)"
    rf"(?:{WS}Đảng)?){SP}*(?:(?i:lần thứ|thứ){WS})?|(?i:lần thứ){WS})"
    rf"(?P<first>{ORD})"
    rf"(?P<rest>(?:{SP}*,{SP}*{ORD}|{WS}(?i:và){WS}{ORD})*)"
    rf"(?!{SP}*[-–/]{SP}*[A-Z])")
ORD_IN_LIST = re.compile(ORD)

# --- congress resolutions: the head, then parts consumed one by one ----------
CONGRESS_HEAD = re.compile(rf"(?P<type>(?i:nghị quyết))(?:{WS}(?i:của))?{WS}(?:Đại hội|ĐẠI HỘI|đại hội)(?![\w])")
CONGRESS_PARTS = [
    ("delegates", re.compile(rf"{WS}(?i:đại biểu)(?![\w])")),
    ("national", re.compile(rf"{WS}(?i:toàn quốc)(?![\w])")),
    ("local", re.compile(
        rf"{WS}(?:của{WS})?(?i:đảng bộ)(?:{WS}(?P<lvl>(?i:thành phố|tỉnh|tp\.?|thủ đô|quận|huyện|thị xã|khối|xã|phường)))?"
        rf"(?:{WS}(?P<place>{PLACE}))?(?![\w])")),
    ("national", re.compile(rf"{WS}(?:của{WS})?Đảng(?:{WS}Cộng sản Việt Nam)?(?!{WS}?bộ)(?![\w])")),
    ("ord", re.compile(rf"{WS}(?:(?i:lần thứ){WS}(?P<o1>[IVXL]{{1,6}}|\d{{1,2}}|(?i:mười\s\w+|\w+))|(?P<o2>[IVXL]{{1,6}}|\d{{1,2}}))(?![\w])")),
]
CONGRESS_NOT_PARTY = re.compile(
    rf"{WS}(?:Hội|Công đoàn|Đoàn|Mặt trận|Liên hiệp|Liên đoàn|Hội đồng|(?i:cổ đông|thành viên|các cấp|nhiệm kỳ))")

# --- named laws, the Party Charter, the Constitution --------------------------
LAW_HEAD = re.compile(rf"(?P<type>(?:Bộ|bộ|BỘ){SP}+(?:luật|Luật|LUẬT)|Luật|luật|LUẬT){WS}")


@lru_cache(maxsize=1)
def known_law() -> re.Pattern[str]:
    """The known law names, longest first, any whitespace between words."""
    alts = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in law_names())
    return re.compile(rf"(?i:{alts})(?![\w])")


LAW_WORD = re.compile(r"[^\W\d_][\w]*")
LAW_GAP = re.compile(rf"{SP}+\n?{SP}*|\n{SP}*")
# A law's name ends before these words (decided in references.law_name).
# Before a law's head: "các Luật X, Y, Luật Z" lists several laws after one "Luật".
LAW_PLURAL_BEFORE = re.compile(r"(?<![\w])(?i:các|những|hai|ba|bốn|năm)[ \t\xa0]+$")
LAW_LIST_SEP = re.compile(rf"{SP}*,{SP}*(?:(?i:và){SP}+)?|{SP}+(?i:và){SP}+")
LAW_STOP = frozenset("""số ngày năm của đã được và với về theo tại trong cho để thì là này đó mới hiện có không
sẽ cũng vẫn đều nay cần phải khi như nêu do bị từ đến thay sửa bổ hướng ban thông quy chưa đang vừa hay
hoặc nhưng mà thuộc gồm giao yêu trên dưới sau trước đối liên qua vào ra thi điều khoản điểm chương
hiện_hành các những một""".split())
LAW_TAIL = re.compile(rf"(?:{WS}(?:(?i:năm){WS})?(?P<year>(?:19|20)\d\d)(?![\d/]))?"
                      rf"(?:{WS}(?P<so>{SO}){OWS}{NUMBER}(?:{SYMBOL})?)?")

CHARTER = re.compile(rf"(?i:điều lệ){WS}(?:của{WS})?Đảng(?:{WS}Cộng sản Việt Nam)?(?!{WS}?bộ)(?![\w])")
CONSTITUTION = re.compile(
    rf"(?:Hiến pháp|HIẾN PHÁP)(?:{WS}(?:nước{WS})?(?:(?i:cộng hòa xã hội chủ nghĩa) Việt Nam|CHXHCN Việt Nam))?"
    rf"(?:{WS}(?:năm{WS})?(?P<year>(?:19|20)\d\d)(?![\d/]))?(?![\w])")

# --- what follows a citation: date, issuer, term, title ----------------------
DMY = rf"\d{{1,2}}{SP}*[-/.]{SP}*\d{{1,2}}{SP}*[-/.]{SP}*\d{{4}}(?!\d)"
WORDY = rf"\d{{1,2}}{WS}tháng{WS}\d{{1,2}}{WS}năm{WS}\d{{4}}(?!\d)"
DM = r"\d{1,2}[-/]\d{1,2}(?![-/\d])"
GLUED = r"\d{1,2}/(?:1[0-2]|[1-9])(?:19|20)\d\d(?!\d)"  # "29/62001": the month's slash typed away
TAIL_DATE = re.compile(
    rf"(?:(?P<comma>{SP}*,)?{OWS}(?P<open>\({SP}*)?(?:(?i:được|vừa|đã){WS})?(?:(?i:ban hành|ký){WS})?"
    rf"(?i:ngày){WS}(?P<d>{DMY}|{WORDY}|{GLUED}|{DM})(?(open){SP}*\))"
    rf"|{WS}(?:(?i:ban hành|thông qua){WS})?(?i:tháng){WS}(?P<m>\d{{1,2}})(?:{SP}*[-/]{SP}*|{WS}(?i:năm){WS})"
    rf"(?P<my>(?:19|20)\d\d)(?![\d/])"
    rf"|{WS}(?:(?i:ban hành){WS})?(?i:năm){WS}(?P<y>(?:19|20)\d\d)(?![\d/]))")
# Before the issuer: "của X", "do X (ban hành)", "mà X ban hành", "được X thông qua"; a photo's
# position marker may come first ("công văn số 7379/VPCP - V.I (phải) của Văn phòng Chính Phủ").
TAIL_ISSUER_LEAD = re.compile(
    rf"(?:{SP}*\((?i:trái|phải|giữa)\))?(?P<comma>{SP}*,)?{WS}(?P<kw>(?i:của|do|mà|được)){WS}|{WS}")
# The verb closing "do X ..." / "mà X ..." / "được X ..." ("mà Chính phủ ban hành", "do Bộ Tài
# chính vừa ban hành", "được Hội đồng Bảo an Liên Hiệp Quốc thông qua").
ISSUER_VERB = re.compile(rf"{WS}(?:(?i:vừa|đã|mới|có){WS})?(?i:ban hành|ký|thông qua)(?![\w])")
# "Nghị quyết số 13, Hội nghị lần thứ 5, Ban Chấp hành Trung ương Đảng khoá IX": the plenum that
# issued it, set off by a comma without "của".
PLENUM_APPOSITION = re.compile(
    rf"{SP}*,{WS}(?=(?i:hội nghị){WS}(?i:lần thứ|trung ương|tw|tư|t\.ư){WS})")
TERM = re.compile(
    rf"(?:{SP}*\({SP}*(?i:khóa){SP}+(?P<t1>[IVXL]{{1,6}}|\d{{1,2}}){SP}*\)"
    rf"|(?:{SP}*,)?{SP}+(?i:khóa){SP}+(?P<t2>[IVXL]{{1,6}}|\d{{1,2}})(?![\w]))")
TITLE_OPEN = re.compile(rf"{SP}*,?{SP}*(?i:về)(?:{SP}+(?i:việc))?{SP}*(?P<q>[“\"])")
PINPOINT = re.compile(
    r"(?i:(?:điểm\s+[a-zđ]\)?\s*,?\s*)?(?:khoản\s+\d+\s*,?\s*)?điều\s+\d+[a-zđ]?)\s*,?\s*(?:của\s+)?$")
