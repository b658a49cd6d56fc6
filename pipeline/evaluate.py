"""Score extracted records against gold records, exactly as ANNOTATION.md says.

For each document and kind, gold and predicted mentions are matched one to
one by value (references by `key`, officials by case-folded `name`, dates by
`value`, quantities by value within 1e-6 and, for % and money, unit); among
equal values the nearest offsets pair first.  Counts are summed over the
corpus (micro-averaged).  Secondary figures: reference "detected" F1 by
(TYPECODE, NUMBER), symbol/issuer/date accuracy on key matches, title F1 on
official matches, kind accuracy on quantity matches, and span overlap of
matched pairs.

>>> g = {"doc_id": "d", "dates": [{"value": "2018", "start": 0, "end": 8}]}
>>> p = {"doc_id": "d", "dates": [{"value": "2018", "start": 1, "end": 8}]}
>>> score([g], [p])["dates"]["f1"]
1.0
"""
from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

KINDS = ("references", "officials", "dates", "quantities")
MONEY_UNITS = frozenset({"đồng", "usd", "eur", "vnd", "vnđ", "đô la", "euro", "yên", "nhân dân tệ"})


def _fold(s: str | None) -> str:
    return unicodedata.normalize("NFC", s or "").casefold().strip()


def ref_identity(m: dict) -> str:
    return m.get("key") or ""


def ref_detected(m: dict) -> str:
    return " ".join((m.get("key") or "").split()[:2])


def official_identity(m: dict) -> str:
    return _fold(m.get("name"))


def date_identity(m: dict) -> str:
    return m.get("value") or ""


def _unit_class(unit: str | None) -> str:
    u = _fold(unit)
    if u == "%":
        return "%"
    if u in MONEY_UNITS:
        return u
    return ""  # counted nouns: the unit does not decide a match


def quantities_match(g: dict, p: dict) -> bool:
    gv, pv = g.get("value"), p.get("value")
    if gv is None or pv is None:
        return False
    if not math.isclose(float(gv), float(pv), rel_tol=1e-6, abs_tol=1e-9):
        return False
    gu, pu = _unit_class(g.get("unit")), _unit_class(p.get("unit"))
    if gu or pu:
        return gu == pu
    return True


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    tp: int = 0

    def add(self, other: "Tally") -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.tp += other.tp

    def prf(self) -> dict[str, float]:
        p = self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)
        r = self.tp / self.gold if self.gold else (1.0 if not self.pred else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"gold": self.gold, "pred": self.pred, "tp": self.tp,
                "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class Match:
    pairs: list[tuple[dict, dict]] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)

    def tally(self) -> Tally:
        tp = len(self.pairs)
        return Tally(gold=tp + len(self.missed), pred=tp + len(self.spurious), tp=tp)


def match(gold: list[dict], pred: list[dict], same: Callable[[dict, dict], bool]) -> Match:
    """One-to-one matching by value; ties go to the nearest offsets."""
    out = Match()
    free = list(range(len(pred)))
    for g in gold:
        best, best_d = None, None
        for i in free:
            if same(g, pred[i]):
                d = abs(pred[i].get("start", 0) - g.get("start", 0))
                if best_d is None or d < best_d:
                    best, best_d = i, d
        if best is None:
            out.missed.append(g)
        else:
            out.pairs.append((g, pred[best]))
            free.remove(best)
    out.spurious = [pred[i] for i in free]
    return out


def _by_key(fn: Callable[[dict], str]) -> Callable[[dict, dict], bool]:
    return lambda g, p: fn(g) == fn(p) and fn(g) != ""


SAME: dict[str, Callable[[dict, dict], bool]] = {
    "references": _by_key(ref_identity),
    "officials": _by_key(official_identity),
    "dates": _by_key(date_identity),
    "quantities": quantities_match,
}


def _overlap(g: dict, p: dict) -> bool:
    try:
        return g["start"] < p["end"] and p["start"] < g["end"]
    except KeyError:
        return False


def score(golds: Iterable[dict], preds: Iterable[dict], kinds: Iterable[str] = KINDS,
          keep_matches: bool = False) -> dict[str, Any]:
    """Corpus scores per kind; with keep_matches, the per-document Match objects too."""
    pred_by_id = {p["doc_id"]: p for p in preds}
    kinds = list(kinds)
    totals = {k: Tally() for k in kinds}
    detected = Tally()
    overlap = defaultdict(lambda: [0, 0])
    field_acc = defaultdict(lambda: [0, 0])
    titles = Tally()
    published = [0, 0]
    details: dict[str, dict[str, Match]] = defaultdict(dict)
    for g in golds:
        p = pred_by_id.get(g["doc_id"], {"doc_id": g["doc_id"]})
        if "published" in g:
            published[1] += 1
            published[0] += int(g.get("published") == p.get("published"))
        for kind in kinds:
            gm, pm = g.get(kind, []) or [], p.get(kind, []) or []
            m = match(gm, pm, SAME[kind])
            totals[kind].add(m.tally())
            if keep_matches:
                details[g["doc_id"]][kind] = m
            for gg, pp in m.pairs:
                overlap[kind][1] += 1
                overlap[kind][0] += int(_overlap(gg, pp))
            if kind == "references":
                detected.add(match(gm, pm, _by_key(ref_detected)).tally())
                for gg, pp in m.pairs:
                    for f in ("symbol", "issuer", "date"):
                        field_acc[f][1] += 1
                        field_acc[f][0] += int(gg.get(f) == pp.get(f))
            elif kind == "officials":
                for gg, pp in m.pairs:
                    gt = [_fold(t) for t in gg.get("titles", [])]
                    pt = [_fold(t) for t in pp.get("titles", [])]
                    titles.add(Tally(gold=len(gt), pred=len(pt), tp=_multiset_overlap(gt, pt)))
            elif kind == "quantities":
                for gg, pp in m.pairs:
                    field_acc["kind"][1] += 1
                    field_acc["kind"][0] += int(gg.get("kind") == pp.get("kind"))
    out: dict[str, Any] = {k: totals[k].prf() for k in kinds}
    for k in kinds:
        n, d = overlap[k][0], overlap[k][1]
        out[k]["span_overlap"] = round(n / d, 4) if d else None
    if "references" in kinds:
        out["references"]["detected"] = detected.prf()
        for f in ("symbol", "issuer", "date"):
            n, d = field_acc[f]
            out["references"][f"{f}_accuracy"] = round(n / d, 4) if d else None
    if "officials" in kinds:
        out["officials"]["titles"] = titles.prf()
    if "quantities" in kinds:
        n, d = field_acc["kind"]
        out["quantities"]["kind_accuracy"] = round(n / d, 4) if d else None
    out["published_accuracy"] = round(published[0] / published[1], 4) if published[1] else None
    if keep_matches:
        out["_details"] = details
    return out


def _multiset_overlap(a: list[str], b: list[str]) -> int:
    rest = list(b)
    n = 0
    for x in a:
        if x in rest:
            rest.remove(x)
            n += 1
    return n


def format_table(result: dict[str, Any]) -> str:
    """The eval table printed by `vnpipe eval`."""
    rows = [("kind", "gold", "pred", "tp", "P", "R", "F1", "also")]
    for kind in KINDS:
        if kind not in result:
            continue
        r = result[kind]
        also = []
        if kind == "references":
            d = r["detected"]
            also.append(f"detected F1 {d['f1']:.3f} (P {d['precision']:.3f} R {d['recall']:.3f})")
            for f in ("symbol", "issuer", "date"):
                v = r.get(f"{f}_accuracy")
                also.append(f"{f} acc {v:.3f}" if v is not None else f"{f} acc -")
        elif kind == "officials":
            t = r["titles"]
            if t["gold"] or t["pred"]:
                also.append(f"title F1 {t['f1']:.3f} (P {t['precision']:.3f} R {t['recall']:.3f})")
            else:
                also.append("title F1 -")
        elif kind == "quantities":
            v = r.get("kind_accuracy")
            also.append(f"kind acc {v:.3f}" if v is not None else "kind acc -")
        if r.get("span_overlap") is not None:
            also.append(f"span overlap {r['span_overlap']:.3f}")
        rows.append((kind, str(r["gold"]), str(r["pred"]), str(r["tp"]),
                     f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}", "; ".join(also)))
    widths = [max(len(row[i]) for row in rows) for i in range(7)]
    lines = []
    for j, row in enumerate(rows):
        cells = [row[i].ljust(widths[i]) if i == 0 else row[i].rjust(widths[i]) for i in range(7)]
        lines.append("  ".join(cells) + "  " + row[7])
        if j == 0:
            lines.append("-" * (sum(widths) + 2 * 7 + 4))
    if result.get("published_accuracy") is not None:
        lines.append(f"published date accuracy {result['published_accuracy']:.3f}")
    return "\n".join(lines)
