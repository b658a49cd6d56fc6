"""Labelling helper for corpora/labels/quantities.jsonl (not part of the pipeline).

Two steps, so that every label is a human decision and not a rule's output:

1. `propose`: find number candidates in pool articles (dates, references,
   ordinals, durations and names filtered out), guess value/unit and a
   *draft* kind from a few cue words, and write numbered review sheets.
2. `apply`: read the reviewer's decision files (corpora/labels/review/*.tsv,
   one line per candidate: number, decision in t/r/o/x, optional unit and
   value fixes) and write the final labels.  A candidate without a decision
   line is not written: unreviewed proposals never become labels.

3. `from-gold`: turn the quantities of the dev gold sets (seeds, pool-a,
   pool-b, pool-c, pool-d; never the held-out pool-e/f) into training rows of the same shape,
   with the pipeline's sentence for each, a `source` and a `weight` (the gold
   sets were annotated like the test set, so they count more than the labels).

Usage (from the repo root):
    python scripts/label_quantities.py propose --n-docs 170 --sheet-dir /tmp/sheets
    python scripts/label_quantities.py apply
    python scripts/label_quantities.py from-gold
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

POOL = ROOT / "corpora" / "pool" / "vietnews-politics.jsonl"
LABELS = ROOT / "corpora" / "labels"
CANDIDATES = LABELS / "candidates.jsonl"
REVIEW_DIR = LABELS / "review"

NUM = r"\d+(?:[.,]\d+)*"
SCALE = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
CURRENCY = {"đồng": "đồng", "VNĐ": "đồng", "VND": "đồng", "vnđ": "đồng", "đ": "đồng",
            "USD": "USD", "đô la": "USD", "Euro": "EUR", "EUR": "EUR", "euro": "EUR"}
SPELLED = {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
           "Hai": 2, "Ba": 3, "Bốn": 4, "Sáu": 6, "Bảy": 7, "Tám": 8, "Chín": 9, "Mười": 10}

_SCALE_RE = r"(?:\s*(?:nghìn|ngàn)\s*t[ỷỉ]|\s*(?:nghìn|ngàn|triệu|tỷ|tỉ))?"
_CUR_RE = r"(?:\s*(?:đồng|VNĐ|VND|vnđ|USD|đô la|Euro|EUR|euro|đ)(?![^\W\d_]))?"
QTY = re.compile(
    r"(?:(?<![\w/.,-])|(?<=\d-)|(?<=\d -)|(?<=\d–))(?P<num>" + NUM + r")(?P<scale>" + _SCALE_RE + r")(?P<cur>" + _CUR_RE + r")"
    r"(?P<pct>\s*(?:%|phần trăm))?(?:(?<=[%a-zA-Zđ])(?!\w)|(?<![%a-zA-Zđ])(?![\w/]))"
)
SPELLED_RE = re.compile(r"(?<![\w])(hai|ba|bốn|sáu|bảy|tám|chín|mười|Hai|Ba|Bốn|Sáu|Bảy|Tám|Chín|Mười)"
                        r"\s+(?=[a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])")

PAIR_RE = re.compile(r"(?<![\w/.,-])(\d{1,5})/(\d{1,5})(?![\w/-])")
DURATION_AFTER = re.compile(r"\s*(?:năm|tháng|ngày|tuần|giờ|phút|giây|thập kỷ|thập niên|thế kỷ|tuổi|h\b|quý)"
                            r"(?![^\W\d_])")
BEFORE_NOT = re.compile(
    r"(?:ngày|tháng|năm|quý|khóa|khoá|thứ|lần|số|Điều|điều|khoản|điểm|Chương|chương|Mục|mục|"
    r"Nghị quyết|Quyết định|Chỉ thị|Nghị định|Thông tư|Kết luận|Quy định|Chương trình|Kế hoạch|"
    r"Đề án|Thông báo|Hướng dẫn|Công văn|Văn bản|Công điện|Báo cáo|Luật|Tờ trình|Quy chế|"
    r"Trung ương|Hội nghị|mức độ|cấp độ|Quốc lộ|quốc lộ|tuyến|đường|phòng|Phòng|nhóm|loại|hạng|"
    r"Quân khu|quận|Quận|phường|Phường|lô|tổ|Tổ|khu|Khu|Vùng|vùng|Sư đoàn|Cục|Đoàn|đoàn|"
    r"giai đoạn|nhiệm kỳ|Ngày|Tháng|Năm|Sáng|sáng|Chiều|chiều|"
    r"Tối|tối|Trưa|trưa|đêm|Đêm|hôm|mùng|mồng|kỳ|Kỳ|tập|Tập|trang|câu|Câu|Hiến pháp|G|P)\s*$"
)
DATE_LIKE = re.compile(r"^\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?$|^\d{1,2}[/-]\d{4}$")
STOP_UNIT = {"của", "được", "đã", "đang", "sẽ", "là", "và", "với", "trong", "tại", "cho", "từ", "trên",
             "so", "này", "đó", "thì", "mà", "có", "không", "nên", "để", "theo", "về", "ở", "do", "bị",
             "vào", "ra", "khi", "nhưng", "hoặc", "hay", "gồm", "như", "còn", "đến", "tới", "sau",
             "trước", "năm", "người,", "cùng", "vẫn", "lại", "đều", "thuộc", "nhằm", "qua", "vượt",
             "tăng", "giảm", "đạt", "chiếm", "mỗi", "/", "-"}


def parse_number(num: str) -> float:
    """Vietnamese reading: "." groups thousands, "," is the decimal mark.

    >>> parse_number("1.950"), parse_number("98,65"), parse_number("2.030,23")
    (1950.0, 98.65, 2030.23)
    """
    if num.count(",") > 1:  # "1,200,000": English grouping
        return float(num.replace(",", ""))
    return float(num.replace(".", "").replace(",", "."))


def guess_unit(after: str) -> str | None:
    """The counted noun: the words after the number up to a function word or punctuation."""
    m = re.match(r"\s*([^\W\d_][^\n,.;:()\"“”!?]*)", after)
    if not m:
        return None
    words = []
    for w in m.group(1).split():
        if w in STOP_UNIT or not re.match(r"^[^\W\d_]+$", w):
            break
        words.append(w)
        if len(words) == 4:
            break
    return " ".join(words) or None


CUE_TARGET = re.compile(r"chỉ tiêu|phấn đấu|mục tiêu|phải hoàn thành|kế hoạch|dự kiến|sẽ|đề ra|"
                        r"hướng tới|ít nhất|tối thiểu|cần|phải|đặt ra|dự toán|đến năm 20[2-9]\d")
CUE_RESULT = re.compile(r"đạt|đã|giảm được|tăng|giảm|hoàn thành|kết nạp|thu được|vượt|chiếm|"
                        r"trong năm|qua|được|thực hiện")


def draft_kind(clause: str) -> str:
    """A rough first guess for the reviewer; never written as a label unreviewed."""
    if CUE_TARGET.search(clause):
        return "target"
    if CUE_RESULT.search(clause):
        return "result"
    return "other"


def _clause_before(sent: str, rel: int) -> str:
    k = max(sent.rfind(c, 0, rel) for c in ";:")
    return sent[k + 1:rel]


def find_candidates(text: str) -> list[dict]:
    """Number candidates of one article with guessed value/unit (sentence-free)."""
    out = []
    for m in QTY.finditer(text):
        num, scale, cur, pct = m.group("num"), m.group("scale"), m.group("cur"), m.group("pct")
        start, end = m.start(), m.end()
        before = text[max(0, start - 25):start]
        after = text[end:end + 60]
        if DATE_LIKE.match(num) or re.match(r"^\d{1,2}[/-]", text[start:start + 6]) and not pct:
            continue
        if not (scale or cur or pct):
            if BEFORE_NOT.search(before) or DURATION_AFTER.match(after):
                continue
            if re.fullmatch(r"(19|20)\d\d", num):
                continue
            if re.match(r"\s*[/-]\s*[A-ZĐ]", after) or re.search(r"[A-ZĐ]-$", before):
                continue  # reference symbol or code
            if re.match(r"\s?[A-Z]{1,2}\b", after) or re.search(r"(Km|km|\+)\s*$", before):
                continue  # licence plates, road kilometre posts
            if re.match(r"\.\s", after) and re.search(r"(^|\n|[\"“:]\s?)$", before):
                continue  # list numbering "1. ..."
            if re.search(r"[/-]\s*$", before) and re.search(r"\d\s*[/-]\s*$", before):
                pass  # second half of "213/210" or a range: kept
        value = parse_number(num)
        if scale.strip():
            s = scale.strip()
            value *= 1e12 if re.match(r"(nghìn|ngàn)\s*t[ỷỉ]", s) else SCALE[s]
        unit = None
        if pct:
            unit = "%"
        elif cur.strip():
            unit = CURRENCY[cur.strip()]
        else:
            unit = guess_unit(after)
            if unit and unit.split()[0] in ("tỷ", "triệu"):
                unit = None
        if unit == "đồng" and not scale.strip() and value < 1000:
            pass
        end_span = end if (pct or cur.strip() or scale.strip()) else start + len(num)
        if pct and end_span < end:
            end_span = end
        out.append({"start": start, "end": end_span, "text": text[start:end_span],
                    "value": value, "unit": unit})
    for m in SPELLED_RE.finditer(text):
        word = m.group(1)
        after = text[m.end():m.end() + 40]
        before = text[max(0, m.start() - 20):m.start()]
        if re.match(r"(là|mươi|trăm|nghìn|ngàn|triệu|tỷ)\b", after) or DURATION_AFTER.match(" " + after):
            continue
        if BEFORE_NOT.search(before):
            continue
        out.append({"start": m.start(), "end": m.start() + len(word), "text": word,
                    "value": float(SPELLED[word]), "unit": guess_unit(after)})
    for m in PAIR_RE.finditer(text):
        x, y = int(m.group(1)), int(m.group(2))
        if (x <= 31 and y <= 12) or (x <= 12 and 1900 <= y <= 2100) or BEFORE_NOT.search(text[max(0, m.start() - 25):m.start()]):
            continue
        unit = guess_unit(text[m.end():m.end() + 60])
        for g in (1, 2):
            out.append({"start": m.start(g), "end": m.end(g), "text": m.group(g),
                        "value": float(m.group(g)), "unit": unit})
    # range first halves: "6,5-6,7%" -> first takes the unit of the second
    out.sort(key=lambda c: c["start"])
    for a, b in zip(out, out[1:]):
        gap = text[a["end"]:b["start"]]
        if re.fullmatch(r"\s*(?:[-–]|đến)\s*", gap) and a["unit"] != b["unit"] and b["unit"] in ("%", "đồng", "USD"):
            a["unit"] = b["unit"]
            scale = re.search(r"((?:nghìn|ngàn)\s*t[ỷỉ]|nghìn|ngàn|triệu|tỷ|tỉ)", b["text"])
            if scale and not re.search(r"[^\d.,\s]", a["text"]):
                s = scale.group(1)
                a["value"] *= 1e12 if " " in s or len(s) > 4 and s[-2:] in ("tỷ", "tỉ") else SCALE.get(s, 1)
    return out


def propose(n_docs: int, sheet_dir: Path, per_sheet: int) -> None:
    from pipeline.model import Document
    from pipeline.segment import split_sentences

    recs = [json.loads(line) for line in POOL.open(encoding="utf-8")]
    scored = []
    for r in recs:
        text = unicodedata.normalize("NFC", r["text"])
        cands = find_candidates(text)
        cues = len(re.findall(r"chỉ tiêu|phấn đấu|mục tiêu|kế hoạch|dự kiến|đạt", text))
        if 3 <= len(cands) <= 14:
            scored.append((cues, len(cands), r["id"], text))
    # articles whose numbers sit near goal/result words first, then by id: deterministic
    scored.sort(key=lambda s: (-min(s[0], 6), s[2]))
    chosen = scored[:n_docs]
    rows = []
    for _, _, doc_id, text in chosen:
        doc = split_sentences(Document.from_text(text, doc_id=doc_id))
        for c in find_candidates(text):
            sent = doc.sentence_of(c["start"])
            if sent is None:
                continue
            rel = c["start"] - sent.start
            rows.append({"doc_id": doc_id, **c, "sentence": sent.text, "sent_start": sent.start,
                         "draft": draft_kind(_clause_before(sent.text, rel) + sent.text[rel:rel + 40])})
    LABELS.mkdir(parents=True, exist_ok=True)
    with CANDIDATES.open("w", encoding="utf-8") as f:
        for i, r in enumerate(rows):
            f.write(json.dumps({"n": i, **r}, ensure_ascii=False) + "\n")
    sheet_dir.mkdir(parents=True, exist_ok=True)
    for k in range(0, len(rows), per_sheet):
        with (sheet_dir / f"sheet{k // per_sheet:02d}.txt").open("w", encoding="utf-8") as f:
            for i, r in enumerate(rows[k:k + per_sheet], start=k):
                s, rel = r["sentence"], r["start"] - r["sent_start"]
                rel_end = r["end"] - r["sent_start"]
                ctx = s[max(0, rel - 110):rel] + "[[" + s[rel:rel_end] + "]]" + s[rel_end:rel_end + 45]
                f.write(f"{i}\t{r['draft'][0]}\t{r['value']:g}\t{r['unit']}\t{ctx}\n")
    print(f"{len(chosen)} articles, {len(rows)} candidates -> {CANDIDATES}, sheets in {sheet_dir}")


def apply() -> None:
    """Merge candidates with the reviewer's decisions into quantities.jsonl."""
    cands = {}
    for line in CANDIDATES.open(encoding="utf-8"):
        r = json.loads(line)
        cands[r["n"]] = r
    kinds = {"t": "target", "r": "result", "o": "other"}
    out = []
    for path in sorted(REVIEW_DIR.glob("*.tsv")):
        for line in path.open(encoding="utf-8"):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            n, dec = int(parts[0]), parts[1]
            if dec == "x":
                continue
            r = dict(cands[n])
            if len(parts) > 2 and parts[2]:
                r["unit"] = None if parts[2] == "-" else parts[2]
            if len(parts) > 3 and parts[3]:
                r["value"] = float(parts[3])
            out.append({"doc_id": r["doc_id"], "start": r["start"], "end": r["end"], "text": r["text"],
                        "value": r["value"], "unit": r["unit"], "kind": kinds[dec],
                        "sentence": r["sentence"], "sent_start": r["sent_start"]})
    out.sort(key=lambda r: (r["doc_id"], r["start"]))
    with (LABELS / "quantities.jsonl").open("w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = {k: sum(1 for r in out if r["kind"] == k) for k in ("target", "result", "other")}
    print(f"{len(out)} labels in {len({r['doc_id'] for r in out})} articles: {counts}")


#: dev gold sets used for training: (name, gold file, texts, weight of each mention)
DEV_GOLD = (("seeds", "corpora/gold/seeds.jsonl", "corpora/seeds", 5.0),
            ("pool-a", "corpora/gold/pool-a.jsonl", "corpora/pool/vietnews-politics.jsonl", 2.0),
            ("pool-b", "corpora/gold/pool-b.jsonl", "corpora/pool/vietnews-politics.jsonl", 2.0),
            ("pool-c", "corpora/gold/pool-c.jsonl", "corpora/pool/vietnews-politics.jsonl", 2.0),
            ("pool-d", "corpora/gold/pool-d.jsonl", "corpora/pool/vietnews-politics.jsonl", 2.0))
DEV_GOLD_OUT = LABELS / "dev_gold.jsonl"


def from_gold() -> None:
    """Write the dev gold quantities as training rows (dev_gold.jsonl), sentence from the pipeline."""
    from pipeline import process_document
    from pipeline.cli.evaluate import find_texts, load_gold
    out = []
    for name, gold_path, texts, weight in DEV_GOLD:
        golds = load_gold(str(ROOT / gold_path))
        docs = find_texts(str(ROOT / texts), [g["doc_id"] for g in golds])
        for g in golds:
            doc = process_document(docs[g["doc_id"]])
            for q in g.get("quantities", []):
                sent = doc.sentence_of(q["start"])
                if sent is None or doc.text[q["start"]:q["end"]] != q["text"]:
                    print(f"skipped {name} {g['doc_id']} {q['text']!r}", file=sys.stderr)
                    continue
                out.append({"doc_id": g["doc_id"], "start": q["start"], "end": q["end"], "text": q["text"],
                            "value": float(q["value"]), "unit": q.get("unit"), "kind": q["kind"],
                            "sentence": sent.text, "sent_start": sent.start,
                            "published": g.get("published"), "source": name, "weight": weight})
    with DEV_GOLD_OUT.open("w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(out)} gold mentions -> {DEV_GOLD_OUT}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("propose")
    p.add_argument("--n-docs", type=int, default=170)
    p.add_argument("--sheet-dir", type=Path, default=Path("review-sheets"))
    p.add_argument("--per-sheet", type=int, default=100)
    sub.add_parser("apply")
    sub.add_parser("from-gold")
    args = ap.parse_args()
    if args.cmd == "propose":
        propose(args.n_docs, args.sheet_dir, args.per_sheet)
    elif args.cmd == "from-gold":
        from_gold()
    else:
        apply()


if __name__ == "__main__":
    main()
