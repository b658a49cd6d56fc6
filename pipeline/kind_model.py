"""A small trained classifier for a quantity's `kind`: target, result or other.

Why a model: the kind of a number depends on its clause ("phấn đấu đạt 45%"
is a target, "đã đạt 45%" a result, "phạt 45 triệu đồng" other), and the cue
words interact with tense, years and the unit in ways a rule list keeps
missing.  The rule-based extractor (pipeline/extract/quantities.py) calls
`predict_kind` and falls back to its own rules when it returns None.

The model is a logistic regression over sparse features (words around the
number, cue words, tense markers, years, unit kind, and the answer of the
rules as one more feature, so an unambiguous cue the rules know keeps its
weight), trained on corpora/labels/quantities.jsonl and the dev gold
quantities (corpora/labels/dev_gold.jsonl, weighted higher: they were
annotated like the test set).  It is stored as plain JSON (feature ->
weights), so loading needs neither scikit-learn nor pickle and the file can
be read and diffed; scikit-learn is only needed to train.

>>> f = features("Năm 2019 phấn đấu đạt 45% kế hoạch", 22, 25, "%", "2018-05-01")
>>> f["cue_left=phấn đấu"], f["unit=pct"], f["year=future"], f["rule=target"]
(1.0, 1.0, 1.0, 2.0)
"""
from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.extract.quantity_kind_rules import normalised, rule_kind

KINDS = ("target", "result", "other")
MODEL_FILE = "kind_model.json"
ENV_VAR = "VNPIPE_KIND_MODEL"
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "models" / "kind"
FEATURE_VERSION = 3
#: value of the "rule=KIND" feature: above 1 so that the L2 penalty lets the rules speak louder
RULE_WEIGHT = 2.0

BASE_CUES = ("chỉ tiêu", "phấn đấu", "mục tiêu", "kế hoạch", "dự kiến", "dự toán", "đạt", "đã",
             "giảm được", "tăng", "giảm", "sẽ", "đang", "vừa", "hoàn thành", "phải", "cần", "đề ra",
             "ít nhất", "tối thiểu", "không quá", "tối đa", "vượt", "chiếm", "kết nạp", "ước",
             "phạt", "bồi thường", "giao", "nhằm", "hướng tới", "đến nay", "trong năm", "qua",
             "bị cáo", "tiền", "trị giá", "quy định", "khoảng", "hơn", "gần", "trên")
TENSES = ("đã", "đang", "sẽ", "vừa", "dự kiến", "chưa", "được", "phải", "cần")
MONEY_UNITS = {"đồng", "usd", "eur", "vnđ", "vnd"}
MEASURE_UNITS = {"ha", "m2", "m²", "km", "km2", "m", "m3", "m³", "tấn", "kg", "lít", "mw", "kw", "tầng"}
#: words between the governing word and the number that say nothing of the kind ("đạt khoảng hơn 45%")
_HEDGES = frozenset("khoảng gần hơn trên dưới tới đến lên xuống chỉ mới tổng cộng số NUM ước tính xấp xỉ "
                    "ít nhất tối đa thiểu là và hoặc từ mức con được có".split())


def _cue_groups() -> dict[str, str]:
    """phrase -> group (plan, forecast, done, violation, norm, stat) from quantity_cues.tsv roles kind_*."""
    from pipeline.extract.numbers import load_table
    return {phrase.lower(): role[len("kind_"):] for phrase, role, *_ in load_table("quantity_cues.tsv", 3)
            if role.startswith("kind_")}


CUE_GROUPS = _cue_groups()
CUES = tuple(dict.fromkeys(BASE_CUES + tuple(CUE_GROUPS)))

_WORD = re.compile(r"[^\W_]+(?:[.,][0-9]+)*", re.UNICODE)
_YEAR = re.compile(r"(?=[12])(?<!\d)(19[5-9]\d|20[0-9]\d)(?!\d)")
_CLAUSE_SPLIT = re.compile(r"[;:]")
_WORDS_SPAN = 200  # characters read for the 12 words left / 8 right (a clause can run for pages)
_RANGE_AFTER = re.compile(r"\s*[-–]\s*\d")
_RANGE_BEFORE = re.compile(r"\d\s*[-–]\s*$")
_DEN_NAM = re.compile(r"(?:đến|tới|vào|trước)\s+(?:hết\s+|cuối\s+)?năm\s+(\d{4})")


_norm = normalised  # lower case, one tone placement (cached per text)


class _WholeWords:
    """Which of some phrases occur as whole words in a text, found in one regex pass.

    A zero-width match at each position where a phrase starts gives the
    longest phrase there; the shorter ones it begins with ("giảm" in "giảm
    được") come from a table.  Same answer as one search per phrase.

    >>> sorted(_WholeWords(("đã", "giảm", "giảm được", "qua")).found_in("đã giảm được 5%, quan"))
    ['giảm', 'giảm được', 'đã']
    """

    def __init__(self, phrases: tuple[str, ...]) -> None:
        longest_first = sorted(phrases, key=len, reverse=True)
        # the lookahead on first letters lets the regex engine skip most positions at once
        first = re.escape("".join(sorted({p[0] for p in phrases})))
        self._rx = re.compile(r"(?=[" + first + r"])(?<!\w)(?=(" + "|".join(map(re.escape, longest_first))
                              + r")(?!\w))")
        self._shorter = {p: tuple(q for q in phrases if len(q) < len(p) and p.startswith(q)
                                  and not re.match(r"\w", p[len(q)])) for p in phrases}

    def found_in(self, text: str) -> set[str]:
        found = set()
        for m in self._rx.finditer(text):
            found.add(m.group(1))
            found.update(self._shorter[m.group(1)])
        return found

    def spans(self, text: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
        """(start, phrases starting there, longest first) for every match in text."""
        return tuple((m.start(), (m.group(1),) + self._shorter[m.group(1)]) for m in self._rx.finditer(text))

    def found_in_and_after(self, text: str, tail_from: int) -> tuple[set[str], set[str]]:
        """The phrases in text, and those of them that start at or after `tail_from`."""
        found: set[str] = set()
        tail: set[str] = set()
        for m in self._rx.finditer(text):
            here = (m.group(1),) + self._shorter[m.group(1)]
            found.update(here)
            if m.start() >= tail_from:
                tail.update(here)
        return found, tail


_CUES_IN = _WholeWords(CUES)
_TENSES_IN = _WholeWords(TENSES)


def _shape(word: str) -> str:
    if word.isalpha():  # letters are never digits: the common case, without a scan
        return word
    return "NUM" if any(ch.isdigit() for ch in word) else word


def unit_kind(unit: str | None, span_text: str = "") -> str:
    """Coarse class of the unit: pct, money, measure, count or none.

    >>> unit_kind("%"), unit_kind("đồng"), unit_kind("ha"), unit_kind("đảng viên"), unit_kind(None)
    ('pct', 'money', 'measure', 'count', 'none')
    """
    u = (unit or "").strip().lower()
    if u == "%" or "%" in span_text:
        return "pct"
    if u in MONEY_UNITS or u.startswith("đô la"):
        return "money"
    if u.split(" ")[0] in MEASURE_UNITS if u else False:
        return "measure"
    return "count" if u else "none"


@lru_cache(maxsize=64)
def _cue_spans(normalised_sentence: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Cue phrases of a sentence with their starts, found once for all its numbers."""
    return _CUES_IN.spans(normalised_sentence)


@lru_cache(maxsize=64)
def _tense_spans(normalised_sentence: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Tense markers of a sentence, found once for all its numbers."""
    return _TENSES_IN.spans(normalised_sentence)


def _within(spans: tuple[tuple[int, tuple[str, ...]], ...], lo: int, hi: int) -> set[str]:
    """The phrases of `spans` lying wholly inside [lo, hi)."""
    return {p for start, phrases in spans if lo <= start < hi for p in phrases if start + len(p) <= hi}


def features(sentence_text: str, rel_start: int, rel_end: int, unit: str | None,
             published: str | None) -> dict[str, float]:
    """Sparse features of the number at [rel_start, rel_end) of one sentence.

    Words are lower-cased with one tone placement; numbers become NUM.
    Year features compare the years of the clause with the publication year
    when it is known ("year=future" for a year after it).
    """
    s = _norm(sentence_text)
    left, right = s[:rel_start], s[rel_end:]
    cut = max((m.end() for m in _CLAUSE_SPLIT.finditer(left)), default=0)
    clause_left = left[cut:]
    m_right = _CLAUSE_SPLIT.search(right)
    clause_right = right[:m_right.start()] if m_right else right
    # the features read at most 12 words left and 8 right
    lw = [_shape(w) for w in _WORD.findall(clause_left, max(0, len(clause_left) - _WORDS_SPAN))[-12:]]
    rw = [_shape(w) for w in _WORD.findall(clause_right, 0, _WORDS_SPAN)[:8]]
    f: dict[str, float] = {"bias": 1.0}
    for i, w in enumerate(reversed(lw[-3:]), start=1):
        f[f"L{i}={w}"] = 1.0
    for i, w in enumerate(rw[:3], start=1):
        f[f"R{i}={w}"] = 1.0
    if len(lw) >= 2:
        f[f"L21={lw[-2]}_{lw[-1]}"] = 1.0
    if len(rw) >= 2:
        f[f"R12={rw[0]}_{rw[1]}"] = 1.0
    for w in set(lw[-12:]):
        f[f"lw={w}"] = 1.0
    for w in set(rw[:8]):
        f[f"rw={w}"] = 1.0
    # cues from one scan of the sentence (cached for its other numbers), placed by their offsets:
    # left in the clause, near (40 chars), right (60 chars), earlier clauses (the frame: "mục tiêu: ...; ...")
    right_end = rel_end + min(60, len(clause_right))
    near_from = rel_start - 40
    groups = CUE_GROUPS
    for start, phrases in _cue_spans(s):
        for cue in phrases:
            end = start + len(cue)
            if cut <= start and end <= rel_start:
                f[f"cue_left={cue}"] = 1.0
                g = groups.get(cue)
                if g:
                    f[f"g_left={g}"] = 1.0
                if start >= near_from:
                    f[f"cue_near={cue}"] = 1.0
                    if g:
                        f[f"g_near={g}"] = 1.0
            elif rel_end <= start and end <= right_end:
                f[f"cue_right={cue}"] = 1.0
                if cue in groups:
                    f[f"g_right={groups[cue]}"] = 1.0
                continue
            elif end <= cut and cue in groups:
                f[f"g_frame={groups[cue]}"] = 1.0
            f[f"cue_sent={cue}"] = 1.0
    # the clause's tense markers, and the word after the last one before the number ("đã ban hành")
    spans = _tense_spans(s)
    tenses = _within(spans, cut, rel_start) | _within(spans, rel_end, rel_end + len(clause_right)) \
        if spans else set()
    clause = clause_left + " " + clause_right
    tense = [t for t in TENSES if t in tenses]
    for t in tense:
        f[f"tense={t}"] = 1.0
    if not tense:
        f["tense=none"] = 1.0
    last = max(((st, ps[0]) for st, ps in spans if cut <= st and st + len(ps[0]) <= rel_start), default=None)
    if last is not None:
        nxt = _WORD.match(s, last[0] + len(last[1]) + 1)
        f[f"TV={last[1]}_{_shape(nxt.group(0)) if nxt else ''}"] = 1.0
    # the governing word: the nearest word before the number past the hedges ("đạt khoảng 45%" -> đạt)
    gov = [w for w in lw if w not in _HEDGES]
    if gov:
        f[f"gov={gov[-1]}"] = 1.0
        if len(gov) >= 2:
            f[f"gov2={gov[-2]}_{gov[-1]}"] = 1.0
    if rel_start - cut < 3 or not lw:
        f["pos=clause_start"] = 1.0
    pub_year = int(published[:4]) if published and published[:4].isdigit() else None
    for y in map(int, _YEAR.findall(clause)):
        if pub_year is None:
            f["year=unknown_pub"] = 1.0
        else:
            f["year=" + ("future" if y > pub_year else "same" if y == pub_year else "past")] = 1.0
    for y in map(int, _DEN_NAM.findall(clause)):
        f["den_nam"] = 1.0
        if pub_year is not None and y > pub_year:
            f["den_nam=future"] = 1.0
    span = s[rel_start:rel_end]
    f[f"unit={unit_kind(unit, span)}"] = 1.0
    if unit and unit_kind(unit) == "count":
        f[f"unit_head={_norm(unit).split()[0]}"] = 1.0
    if rel_start < 3:
        f["pos=sentence_start"] = 1.0
    if not sentence_text.rstrip().endswith((".", "!", "?", "”", '"', ")")):
        f["pos=headline"] = 1.0
    if _RANGE_AFTER.match(s, rel_end, rel_end + 4) or _RANGE_BEFORE.search(left[-4:]):
        f["range"] = 1.0
    if s[rel_end:rel_end + 1] == "/" and s[rel_end + 1:rel_end + 2].isdigit() \
            or rel_start > 1 and s[rel_start - 1] == "/" and s[rel_start - 2].isdigit():
        f["fraction"] = 1.0  # "7/22 cơ quan đồng ý", "213/210": a tally or a share of a plan
    f["rule=" + rule_kind(sentence_text, rel_start, min(rel_end, len(sentence_text)))] = RULE_WEIGHT
    return f


# --- the stored model: JSON, no pickle ---------------------------------------------

def _resolve(path: str | os.PathLike[str] | None) -> Path:
    where = path if path is not None else os.environ.get(ENV_VAR) or DEFAULT_DIR
    in_dir = _model_file_in(where)
    if in_dir is not None:
        return in_dir
    p = Path(where)
    return p / MODEL_FILE if p.is_dir() else p


@lru_cache(maxsize=16)
def _model_file_in(where: str | os.PathLike[str]) -> Path | None:
    """where/kind_model.json when `where` cannot name the file itself (no .json suffix).

    Cached: this runs once per quantity and needs no look at the disk.
    """
    p = Path(where)
    return p / MODEL_FILE if p.suffix != ".json" else None


@lru_cache(maxsize=8)
def _load(resolved: str) -> dict[str, Any] | None:
    p = Path(resolved)
    if not p.is_file():
        return None
    data = json.loads(p.read_text(encoding="utf-8"))
    if data.get("feature_version") != FEATURE_VERSION:
        return None  # trained with other features: its weights would mean nothing
    return data


def load_model(path: str | os.PathLike[str] | None = None) -> dict[str, Any] | None:
    """The stored model (cached), or None when no file is there.

    `path` may be a directory holding kind_model.json or the file itself;
    by default $VNPIPE_KIND_MODEL, else models/kind/ of the repository.

    >>> load_model("/nonexistent/dir") is None
    True
    """
    return _load(str(_resolve(path)))


def predict_features(model: dict[str, Any], feats: dict[str, float]) -> str:
    """Argmax of the linear scores; ties go to the earlier class (deterministic)."""
    classes = model["classes"]
    weights = model["weights"]
    if len(classes) == 3:  # the usual case, unrolled: this runs once per quantity
        s0, s1, s2 = model["intercept"]
        for name, value in feats.items():
            w = weights.get(name)
            if w is not None:
                s0 += w[0] * value
                s1 += w[1] * value
                s2 += w[2] * value
        scores = [s0, s1, s2]
    else:
        scores = list(model["intercept"])
        for name, value in feats.items():
            w = weights.get(name)
            if w is not None:
                for k in range(len(classes)):
                    scores[k] += w[k] * value
    best = max(range(len(classes)), key=lambda k: (scores[k], -k))
    return classes[best]


def predict_kind(doc: Any, start: int, end: int, unit: str | None = None,
                 model_path: str | os.PathLike[str] | None = None) -> str | None:
    """Kind of the quantity at doc.text[start:end], or None when no model is stored.

    >>> from pipeline.model import Document
    >>> from pipeline.segment import split_sentences
    >>> d = split_sentences(Document.from_text("Phấn đấu đến năm 2025 đạt 45%.", published="2019-01-01"))
    >>> predict_kind(d, 26, 29, "%", model_path="/nonexistent") is None
    True
    """
    model = load_model(model_path)
    if model is None:
        return None
    sent = doc.sentence_of(start) if getattr(doc, "sentences", None) else None
    if sent is not None:
        text, base = sent.text, sent.start
    else:  # no segmentation: the line around the number stands for its sentence
        base = doc.text.rfind("\n", 0, start) + 1
        stop = doc.text.find("\n", end)
        text = doc.text[base:stop if stop >= 0 else len(doc.text)]
    rel_end = min(end - base, len(text))
    return predict_features(model, features(text, start - base, rel_end, unit, doc.published))


LabelPaths = "str | os.PathLike[str] | list[str | os.PathLike[str]] | tuple[str | os.PathLike[str], ...]"


def _as_paths(labels: Any) -> list[Path]:
    return [Path(p) for p in labels] if isinstance(labels, (list, tuple)) else [Path(labels)]


def _read_labels(labels: Any) -> list[dict[str, Any]]:
    """Rows of one or more label files; a row without `source` is from the file's stem."""
    rows = []
    for path in _as_paths(labels):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    r = json.loads(line)
                    r.setdefault("source", path.stem)
                    rows.append(r)
    return rows


def _row_features(r: dict[str, Any]) -> dict[str, float]:
    base = r["sent_start"]
    return features(r["sentence"], r["start"] - base, r["end"] - base, r.get("unit"), r.get("published"))


def _groups(rows: list[dict[str, Any]]) -> list[int]:
    """Articles as CV groups; articles sharing a sentence (reposts) are one group."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    first_doc: dict[str, str] = {}
    for r in rows:
        other = first_doc.setdefault(r["sentence"], r["doc_id"])
        parent[find(r["doc_id"])] = find(other)
    ids: dict[str, int] = {}
    return [ids.setdefault(find(r["doc_id"]), len(ids)) for r in rows]


def _confusion(gold: list[str], pred: list[str]) -> list[list[int]]:
    return [[sum(1 for g, p in zip(gold, pred) if g == a and p == b) for b in KINDS] for a in KINDS]


def _per_class(cm: list[list[int]]) -> dict[str, dict[str, float]]:
    out = {}
    for i, k in enumerate(KINDS):
        tp = cm[i][i]
        p_den = sum(cm[j][i] for j in range(len(KINDS)))
        r_den = sum(cm[i])
        prec = tp / p_den if p_den else 0.0
        rec = tp / r_den if r_den else 0.0
        out[k] = {"precision": round(prec, 4), "recall": round(rec, 4),
                  "f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0, "support": r_den}
    return out


def _fit(X: list[dict[str, float]], y: list[str], seed: int, weights: list[float] | None = None):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer(sort=True)
    clf = LogisticRegression(C=C_REG, max_iter=5000, class_weight="balanced", random_state=seed)
    clf.fit(vec.fit_transform(X), y, sample_weight=weights)
    return vec, clf


C_REG = 0.3
N_FOLDS = 5


def cross_validate(rows: list[dict[str, Any]], seed: int = 0) -> dict[str, Any]:
    """Grouped, stratified k-fold: out-of-fold accuracy, confusion matrix, majority baseline."""
    from sklearn.model_selection import StratifiedGroupKFold
    X = [_row_features(r) for r in rows]
    y = [r["kind"] for r in rows]
    w = [float(r.get("weight", 1.0)) for r in rows]
    groups = _groups(rows)
    pred = [""] * len(rows)
    base = [""] * len(rows)
    folds = []
    cv = StratifiedGroupKFold(n_splits=N_FOLDS, shuffle=True, random_state=seed)
    for train_idx, test_idx in cv.split(X, y, groups):
        vec, clf = _fit([X[i] for i in train_idx], [y[i] for i in train_idx], seed, [w[i] for i in train_idx])
        fold_pred = clf.predict(vec.transform([X[i] for i in test_idx]))
        train_y = [y[i] for i in train_idx]
        majority = max(KINDS, key=lambda k: (train_y.count(k), -KINDS.index(k)))
        for i, p in zip(test_idx, fold_pred):
            pred[i], base[i] = str(p), majority
        folds.append(round(sum(pred[i] == y[i] for i in test_idx) / len(test_idx), 4))
    cm = _confusion(y, pred)
    per = _per_class(cm)
    by_source: dict[str, float] = {}
    for src in dict.fromkeys(r.get("source", "labels") for r in rows):
        idx = [i for i, r in enumerate(rows) if r.get("source", "labels") == src]
        by_source[src] = round(sum(pred[i] == y[i] for i in idx) / len(idx), 4)
    return {
        "by_source": by_source,
        "accuracy": round(sum(p == g for p, g in zip(pred, y)) / len(y), 4),
        "macro_f1": round(sum(v["f1"] for v in per.values()) / len(per), 4),
        "fold_accuracy": folds,
        "majority_baseline": round(sum(b == g for b, g in zip(base, y)) / len(y), 4),
        "confusion": cm,
        "per_class": per,
        "predictions": pred,
    }


def train(labels_path: Any, out_dir: str | os.PathLike[str] | None = None,
          seed: int = 0) -> dict[str, Any]:
    """Cross-validate, fit on all labels, save the model and its card; return the report.

    `labels_path` is one JSON Lines file or a list of them (rows may carry a
    `weight` and a `source`).  Same labels and seed give the same folds,
    weights, figures and file bytes.
    """
    import hashlib

    import sklearn

    rows = _read_labels(labels_path)
    if len({r["kind"] for r in rows}) < 2:
        raise ValueError("training needs at least two kinds in the labels")
    out = Path(out_dir) if out_dir is not None else DEFAULT_DIR
    cv = cross_validate(rows, seed)
    vec, clf = _fit([_row_features(r) for r in rows], [r["kind"] for r in rows], seed,
                    [float(r.get("weight", 1.0)) for r in rows])
    classes = [str(c) for c in clf.classes_]
    coef = clf.coef_ if len(classes) > 2 else [-clf.coef_[0], clf.coef_[0]]
    names = vec.get_feature_names_out()
    weights = {str(n): [round(float(coef[k][j]), 6) for k in range(len(classes))]
               for j, n in enumerate(names)}
    intercept = clf.intercept_ if len(classes) > 2 else [-clf.intercept_[0], clf.intercept_[0]]
    paths = _as_paths(labels_path)
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest()[:16]
    counts = {k: sum(1 for r in rows if r["kind"] == k) for k in KINDS}
    sources = {}
    for r in rows:
        s = sources.setdefault(r["source"], {"mentions": 0, "weight": float(r.get("weight", 1.0)), "docs": set()})
        s["mentions"] += 1
        s["docs"].add(r["doc_id"])
    report = {
        "labels": " ".join(_display(p) for p in paths), "labels_sha256": digest, "n_mentions": len(rows),
        "sources": {k: {"mentions": v["mentions"], "articles": len(v["docs"]), "weight": v["weight"]}
                    for k, v in sources.items()},
        "n_articles": len({r["doc_id"] for r in rows}), "n_groups": len(set(_groups(rows))),
        "counts": counts, "seed": seed, "n_features": len(weights), "C": C_REG,
        "sklearn": sklearn.__version__,
        **{k: v for k, v in cv.items() if k != "predictions"},
    }
    model = {"feature_version": FEATURE_VERSION, "classes": classes,
             "intercept": [round(float(v), 6) for v in intercept], "weights": weights,
             "trained_on": {"labels_sha256": digest, "n_mentions": len(rows), "seed": seed}}
    out.mkdir(parents=True, exist_ok=True)
    model_path = out / MODEL_FILE
    model_path.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                          encoding="utf-8")
    (out / "MODEL_CARD.md").write_text(model_card(report), encoding="utf-8")
    _load.cache_clear()
    report["model_path"] = str(model_path)
    report["model_bytes"] = model_path.stat().st_size
    return report


def _sources_table(report: dict[str, Any]) -> str:
    by = report.get("by_source", {})
    lines = ["| source | mentions | articles | weight | CV accuracy |", "|---|---|---|---|---|"]
    for k, v in report.get("sources", {}).items():
        acc = f"{by[k]:.3f}" if k in by else "-"
        lines.append(f"| {k} | {v['mentions']} | {v['articles']} | {v['weight']:g} | {acc} |")
    return "\n".join(lines) + "\n"


def _display(path: Path) -> str:
    """The path relative to the repository when it lies inside, so the card does not name a machine."""
    try:
        return str(path.resolve().relative_to(DEFAULT_DIR.parent.parent))
    except ValueError:
        return str(path)


def format_report(report: dict[str, Any]) -> str:
    """The figures of a training run as a plain-text table."""
    cm = report["confusion"]
    lines = [
        f"labels: {report['n_mentions']} mentions in {report['n_articles']} articles "
        f"({report['n_groups']} CV groups); " + ", ".join(f"{k} {v}" for k, v in report["counts"].items()),
        f"{N_FOLDS}-fold grouped stratified CV, seed {report['seed']}:",
        f"  accuracy          {report['accuracy']:.3f}  (folds: "
        + ", ".join(f"{a:.3f}" for a in report["fold_accuracy"]) + ")",
        f"  macro F1          {report['macro_f1']:.3f}",
        f"  majority baseline {report['majority_baseline']:.3f}",
        "  accuracy by source (out of fold): " + ", ".join(
            f"{k} {v:.3f}" for k, v in report.get("by_source", {}).items()),
        "",
        "confusion (rows gold, columns predicted):",
        "          " + "".join(f"{k:>8}" for k in KINDS),
    ]
    for k, row in zip(KINDS, cm):
        lines.append(f"  {k:<8}" + "".join(f"{v:>8}" for v in row))
    lines.append("")
    lines.append("          precision  recall      f1  support")
    for k, v in report["per_class"].items():
        lines.append(f"  {k:<8}{v['precision']:>9.3f}{v['recall']:>8.3f}{v['f1']:>8.3f}{v['support']:>9}")
    return "\n".join(lines)


def model_card(report: dict[str, Any]) -> str:
    """MODEL_CARD.md text, written from the figures `train` computed."""
    return f"""# Quantity kind model (target / result / other)

Written by `vnpipe train` from the run below; do not edit by hand, retrain.

## What it does
Predicts the `kind` of a quantity mention (ANNOTATION.md, "Quantities"):
`target` (goal, quota, plan, forecast), `result` (outcome achieved or recorded
for a task or period), `other` (plain count, size, price, rate, fine, amount in
a violation).  Used by `pipeline.kind_model.predict_kind`, which the rule-based
quantity extractor calls; it falls back to its rules when no model is stored.

## Data
`{report['labels']}` (sha256 {report['labels_sha256']}): {report['n_mentions']} mentions
in {report['n_articles']} articles: {', '.join(f"{k} {v}" for k, v in report['counts'].items())}.
By source (a mention's weight in the fit and in the CV folds' training):

{_sources_table(report)}
`quantities` are the hand-reviewed labels of corpora/pool/vietnews-politics.jsonl
(see corpora/labels/README.md).  The other sources are the DEV GOLD sets
({', '.join(k for k in report.get('sources', {}) if k != 'quantities')}: corpora/gold/*.jsonl; `python scripts/label_quantities.py
from-gold` writes them to corpora/labels/dev_gold.jsonl).  The model has seen
every one of them, so the kind accuracy `vnpipe eval` prints on those sets
is NOT a held-out figure; the held-out sets (pool-e, pool-f) are never read.  The honest figures are the cross-validated ones
below (each gold article is predicted by a model that did not see it).

## Features
Lower-cased words with one tone placement, numbers as NUM: up to 3 words left
and right of the number and their bigrams, bags of words of the clause (split at
`;` and `:`), cue words ("chỉ tiêu", "phấn đấu", "mục tiêu", "kế hoạch", "đạt",
"đã", "giảm được", "sẽ", "dự kiến", "phạt" ...) left, near-left, right or
elsewhere in the sentence, the clause's tense markers (đã/đang/sẽ/vừa/dự kiến/
chưa/được/phải/cần), years of the clause relative to the publication year ("đến năm 2030"
after it is future), the unit kind (pct, money, measure, count, none) and the
counted noun's head, headline, range and fraction ("7/22") flags; groups of cue
words (table quantity_cues.tsv, roles kind_plan, kind_forecast, kind_done,
kind_stat, kind_violation, kind_norm) left, near, right of the number or in an
earlier clause of the sentence (the frame: "với mục tiêu: ...; ... 4 triệu
việc làm"); the last tense marker before the number with the word after it
("đã_ban", "sẽ_khánh", "được_giao"); the governing word, the nearest word before
the number past hedges like "khoảng", "hơn", "được"; a number that opens its
clause; and the kind the rules of
`pipeline/extract/quantity_kind_rules.py` give (`rule=KIND`, value {RULE_WEIGHT}:
the rules encode the gold DECISIONS.md and unambiguous cues).  {report['n_features']} features.

## Model
scikit-learn {report['sklearn']} DictVectorizer + LogisticRegression (C={report['C']},
class_weight=balanced, lbfgs), exported to JSON (`kind_model.json`: classes,
intercepts, per-feature weights), so prediction needs neither scikit-learn nor pickle.

## Evaluation
{N_FOLDS}-fold StratifiedGroupKFold (seed {report['seed']}); groups are articles, and
reposted articles that share a sentence are one group, so no sentence is in both
train and test.  Out-of-fold figures:

```
{format_report(report)}
```

## Limits
Labels come from one news corpus without publication dates, so the
year-relative features are learnt only from the labelled text's own wording;
the boundary between `result` and `other` (recorded statistics vs plain counts)
is the noisiest part of the labels.

## Retrain
```
vnpipe train --labels corpora/labels/quantities.jsonl --labels corpora/labels/dev_gold.jsonl --out models/kind --seed {report['seed']}
```
(the two label files are also the default of `vnpipe train`)
Same labels and seed give the same model file and figures.
"""
