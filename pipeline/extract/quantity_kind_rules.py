"""Rule-based kind of a quantity: "target", "result" or "other" (the fallback to kind_model).

The kind is read from cue words in the number's clause (the sentence cut at
";" and ":"), table ``pipeline/data/quantity_cues.tsv``:

- a *tense or plan marker* close before the number decides first, the nearest
  one winning: "phấn đấu", "chỉ tiêu", "sẽ", "phải", "cần" -> target;
  "đã", "được", "đạt" -> result; "đang", "còn lại" -> other;
- a marker right after the counted noun counts too ("16 nội dung đã hoàn
  thành" -> result, "10 đề án ... đang được triển khai" -> other);
- money or a count in a violation, fine or price ("phạt", "thiệt hại",
  "chiếm đoạt", "giá") is other whatever the tense;
- "X/Y" under "A/chỉ tiêu" ("kết nạp/chỉ tiêu đề ra đạt 213/210"): the second
  number is the target;
- otherwise other (a plain count, size, price or rate).

>>> rule_kind("năm 2021, quận đã đạt 98,65% số tổ chức", 26, 32)
'result'
>>> rule_kind("phấn đấu đến năm 2025 đạt 45% số xã", 26, 29)
'target'
>>> rule_kind("bị phạt 5 triệu đồng", 8, 20)
'other'
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.numbers import load_table
from pipeline.normalise import unify_tone_placement

_CLAUSE_CUT = re.compile(r"[;:!?]|\.\s|\.$")
_AFTER_CUT = re.compile(r"[,;:.!?()]")
# Markers that outrank verbs: when one is the nearest, it decides.
_STRONG = {"target": ("phấn đấu", "chỉ tiêu", "mục tiêu", "dự kiến", "nhằm", "hướng tới",
                      "định hướng", "được giao", "giao", "kế hoạch đề ra", "đề ra", "dự toán"),
           "result": ("đã", "đạt được", "giảm được", "đến nay", "vừa"),
           "other": ("đang", "còn lại")}
_VIOLATION = ("phạt", "xử phạt", "phạt tiền", "bồi thường", "thiệt hại", "chiếm đoạt", "hối lộ",
              "tham ô", "thất thoát", "số tiền", "trị giá", "với giá", "giá bán", "giá thuê", "mức giá",
              "đơn giá", "giá vé", "lừa đảo", "vay", "nợ")
# "thuộc 3 đơn vị", "giao cho 11 cơ quan": the number names who, not what was done
_RELATION_BEFORE = re.compile(r"(?<!\w)(?:thuộc|giao cho|của)\s*$")
# "phải/cần/sẽ" plan a number only with an action verb ("cần tập trung hoàn thành 5 đề tài");
# "phải có tối thiểu 03 đăng kiểm viên" is a norm: other.
_MODAL_ACTION = re.compile(r"(?<!\w)(?:sẽ|phải|cần)\s+(?:[^\W\d]+\s+){0,3}?(?:hoàn thành|đạt|thực hiện|"
                           r"giảm|tăng|xây dựng|triển khai|tuyển dụng|kết nạp|thu|giải ngân|đầu tư|"
                           r"đấu giá|cắt giảm|tinh giản)(?!\w)[^,;]*$")
_RECORDED = ("kiểm tra", "khiển trách", "cảnh cáo", "kỷ luật", "khen thưởng", "tặng", "phong tặng",
             "sản xuất", "bầu", "xuất khẩu", "nhập khẩu")
_VOTE_AFTER = re.compile(r"^\S*\s*(?:đại biểu\s+)?(?:\S+\s+){0,2}(?:tán thành|phiếu|đồng ý)")
_STRONG_REACH = 80  # characters: a tense marker further back belongs to another predicate
_FUTURE_YEAR = re.compile(r"(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+\d{4}")


@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for phrase, role, *_ in load_table("quantity_cues.tsv", 3):
        if role in ("target", "result", "other"):
            out.setdefault(role, []).append(phrase.lower())
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _recorded_cues() -> tuple[str, ...]:
    """Result cues and recorded acts, built once (a new tuple per call would be hashed per call)."""
    return _cues().get("result", ()) + _RECORDED


@lru_cache(maxsize=64)
def _phrases_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a list of whole-word phrases, tried at every position of the text.

    The lookahead makes every match zero-width, so overlapping phrases are all
    seen; longest first, so group 1 is the longest phrase starting there.
    """
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    first = re.escape("".join(sorted({p[0] for p in phrases})))  # lets the engine skip most positions
    return re.compile(r"(?=[" + first + r"])(?<!\w)(?=(" + alternatives + r")(?!\w))")


def _last_hit(text: str, phrases: tuple[str, ...]) -> int:
    """End offset of the rightmost phrase in text (-1 when none)."""
    if not phrases:
        return -1
    return max((m.end(1) for m in _phrases_re(phrases).finditer(text)), default=-1)


def _first_hit(text: str, phrases: tuple[str, ...]) -> int:
    """Start offset of the leftmost phrase in text (-1 when none)."""
    m = _phrases_re(phrases).search(text) if phrases else None
    return m.start() if m else -1


@lru_cache(maxsize=256)
def normalised(sentence_text: str) -> str:
    """The sentence lower-cased with one tone placement; cached, as a sentence holds several numbers."""
    return unify_tone_placement(sentence_text).lower()


def rule_kind(sentence_text: str, rel_start: int, rel_end: int) -> str:
    """Kind of the number at sentence_text[rel_start:rel_end] from the cues of its clause."""
    text = normalised(sentence_text)
    cuts = [m.end() for m in _CLAUSE_CUT.finditer(text, 0, rel_start)]
    left = text[cuts[-1] if cuts else 0:rel_start]
    stop = _CLAUSE_CUT.search(text, rel_end)
    right_clause = text[rel_end:stop.start() if stop else len(text)]
    after_cut = _AFTER_CUT.search(right_clause)
    # with no cut, where "$" would match: the end, or before a final newline
    near_right = right_clause[:after_cut.start() if after_cut
                              else len(right_clause) - right_clause.endswith("\n")]
    near_left = left[-40:]

    # the relation word ends the left text: search only its tail (the lookbehind still sees before it)
    if _last_hit(near_left, _VIOLATION) >= 0 or _RELATION_BEFORE.search(left, max(0, len(left) - 30)):
        return "other"
    if text[rel_end:rel_end + 1] == "/" and re.search(r"/\s*(?:chỉ tiêu|kế hoạch)", left):
        return "result"  # the numerator of "kết nạp/chỉ tiêu ... 213/210"
    # "số đảng viên kết nạp/chỉ tiêu đề ra đạt 213/210": the denominator is the plan
    if text[rel_start - 1:rel_start] == "/" and re.search(r"/\s*(?:chỉ tiêu|kế hoạch)", left):
        return "target"
    # the nearest strong marker before the number
    reach = left[-_STRONG_REACH:]
    best_kind, best_pos = None, -1
    for kind, phrases in _STRONG.items():
        pos = _last_hit(reach, phrases)
        if pos > best_pos:
            best_kind, best_pos = kind, pos
    modal = _MODAL_ACTION.search(reach)
    if modal:
        pos = modal.start() + 3
        if pos > best_pos:
            best_kind, best_pos = "target", pos
    if _VOTE_AFTER.match(text[rel_end:rel_end + 40].lstrip("/0123456789 ")):
        return "result"
    left = reach
    if _FUTURE_YEAR.search(left) and best_kind != "result":
        return "target"
    # a marker right after the counted noun ("16 nội dung đã hoàn thành")
    after = {k: _first_hit(near_right, p) for k, p in _STRONG.items()}
    after = {k: v for k, v in after.items() if v >= 0}
    if after:
        kind = min(after, key=after.get)  # type: ignore[arg-type]
        if best_kind is None or len(left) - best_pos > 25 or kind == "other":
            return kind
    if best_kind is not None:
        return best_kind
    if _last_hit(left, _cues().get("target", ())) >= 0 and _last_hit(left, _cues().get("result", ())) < 0:
        return "target"
    if _last_hit(near_left[-25:], _recorded_cues()) >= 0:
        return "result"
    return "other"
