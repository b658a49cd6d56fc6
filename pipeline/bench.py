"""`vnpipe bench`: throughput of every stage and of the whole pipeline on real text.

The corpus is built from the bundled real articles (seeds and pool), cycled
until it reaches N MB of UTF-8, and streamed: it is never held whole, so the
peak RSS reported reflects the pipeline, not the benchmark.  Yardsticks on
the same text: a bare regex pass and underthesea's word_tokenize (timed on
a sample of the corpus, since at ~70K chars/s it would take minutes).
"""
from __future__ import annotations

import json
import re
import resource
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator

from pipeline.model import Document

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def _articles(root: Path = CORPORA) -> list[tuple[str, str]]:
    """(doc_id, text) of every real article bundled: seeds, then the news pool."""
    out = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((root / "seeds").glob("*.txt"))]
    pool = root / "pool" / "vietnews-politics.jsonl"
    if pool.exists():
        with pool.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                out.append((rec["id"], rec["text"]))
    if not out:
        raise SystemExit(f"vnpipe bench: no articles under {root}")
    return out


def corpus(mb: float, root: Path = CORPORA) -> Iterator[Document]:
    """Stream Documents of real articles, cycled, until `mb` megabytes of UTF-8."""
    articles = _articles(root)
    limit = int(mb * 1_000_000)
    size, i = 0, 0
    while size < limit:
        doc_id, text = articles[i % len(articles)]
        yield Document(doc_id=f"{doc_id}#{i // len(articles)}", text=text)
        size += len(text.encode("utf-8"))
        i += 1


@dataclass
class Row:
    name: str
    chars: int
    docs: int
    seconds: float
    note: str = ""

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds if self.seconds else 0.0


@dataclass
class BenchResult:
    mb: float
    rows: list[Row] = field(default_factory=list)
    peak_rss_mb: float = 0.0

    def to_json(self) -> dict:
        return {"mb": self.mb, "peak_rss_mb": round(self.peak_rss_mb, 1),
                "rows": [dict(asdict(r), chars_per_s=round(r.chars_per_s)) for r in self.rows]}

    def table(self) -> str:
        base = next((r.chars_per_s for r in self.rows if r.name.startswith("underthesea")), 0)
        lines = [f"vnpipe bench: {self.mb:g} MB of real articles",
                 f"{'measure':<34}{'chars/s':>12}{'docs/s':>9}{'seconds':>9}{'x word_tok':>11}  note",
                 "-" * 90]
        for r in self.rows:
            ratio = f"{r.chars_per_s / base:.1f}" if base else "-"
            docs_s = f"{r.docs / r.seconds:.0f}" if r.seconds and r.docs else "-"
            lines.append(f"{r.name:<34}{r.chars_per_s:>12,.0f}{docs_s:>9}{r.seconds:>9.2f}{ratio:>11}  {r.note}")
        lines.append(f"peak RSS {self.peak_rss_mb:.0f} MB (this process and its workers)")
        return "\n".join(lines)


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1 / 1024 if sys.platform != "darwin" else 1 / 1024 / 1024
    return max(own, kids) * scale


def bench_regex(mb: float) -> Row:
    word = re.compile(r"\w+")
    chars = docs = 0
    t = time.perf_counter()
    for doc in corpus(mb):
        for _ in word.finditer(doc.text):
            pass
        chars += len(doc.text)
        docs += 1
    return Row("regex pass (\\w+)", chars, docs, time.perf_counter() - t, "yardstick")


def bench_word_tokenize(mb: float, sample_chars: int = 400_000) -> Row:
    from underthesea import word_tokenize
    word_tokenize("khởi động")  # first call loads the model
    chars = docs = 0
    t = time.perf_counter()
    for doc in corpus(mb):
        word_tokenize(doc.text)
        chars += len(doc.text)
        docs += 1
        if chars >= sample_chars:
            break
    return Row("underthesea.word_tokenize", chars, docs, time.perf_counter() - t,
               f"yardstick, on the first {chars:,} chars")


def bench_stages(mb: float) -> list[Row]:
    """Each stage's own time, single process, over the whole corpus."""
    from pipeline.stages import DEFAULT_PIPELINE, get_stages
    from pipeline.stages import _attach  # the registry's own bookkeeping, timed with it
    stages = get_stages()
    spent = {name: 0.0 for name in DEFAULT_PIPELINE}
    chars = docs = 0
    t0 = time.perf_counter()
    for doc in corpus(mb):
        for name in DEFAULT_PIPELINE:
            stage = stages[name]
            t = time.perf_counter()
            result = stage.func(doc)
            if stage.writes is not None:
                setattr(doc, stage.writes, _attach(doc, result))
            spent[name] += time.perf_counter() - t
        chars += len(doc.text)
        docs += 1
    total = time.perf_counter() - t0
    rows = [Row(f"stage {name}", chars, docs, s, f"{100 * s / total:.1f}% of the pipeline")
            for name, s in spent.items()]
    rows.append(Row("pipeline, 1 process (in-line)", chars, docs, total, "all stages"))
    return rows


def bench_workers(mb: float, workers: int) -> Row:
    from pipeline.engines import process_documents
    chars = docs = 0
    t = time.perf_counter()
    for doc in process_documents(corpus(mb), workers=workers):
        chars += len(doc.text)
        docs += 1
    return Row(f"pipeline, {workers} worker(s)", chars, docs, time.perf_counter() - t, "local engine")


def run_bench(mb: float = 20.0, workers: list[int] | None = None, progress=print) -> BenchResult:
    from pipeline.engines import default_workers
    result = BenchResult(mb=mb)
    plan = [("regex", lambda: [bench_regex(mb)]),
            ("word_tokenize", lambda: [bench_word_tokenize(mb)]),
            ("stages", lambda: bench_stages(mb))]
    counts = sorted(set(workers or [1, 2, default_workers()]))
    for w in counts:
        plan.append((f"{w} worker(s)", lambda w=w: [bench_workers(mb, w)]))
    for label, fn in plan:
        progress(f"vnpipe bench: {label} ...")
        result.rows.extend(fn())
    result.peak_rss_mb = _peak_rss_mb()
    return result
