"""Throughput of extraction next to the cost of only reading and normalizing the same text."""

from __future__ import annotations

import importlib
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from hudna.errors import InputRejected
from hudna.extract.pipeline import Pipeline
from hudna.extract.run import parse_line
from hudna.records import Document


@dataclass(frozen=True)
class BenchResult:
    corpus: str
    documents: int
    events: int
    seconds: float
    docs_per_s: float
    read_normalize_docs_per_s: float
    ratio: float
    peak_rss_mb: float
    load_seconds: float
    component_seconds: dict[str, float]

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def peak_rss_mb() -> float:
    """Peak resident memory of this process (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def read_documents(path: Path, limit: int | None) -> Iterator[Document]:
    with path.open(encoding="utf-8") as f:
        n = 0
        for i, line in enumerate(f, start=1):
            if limit is not None and n >= limit:
                return
            try:
                yield parse_line(line, i)
                n += 1
            except InputRejected:
                continue


def read_and_normalize_rate(path: Path, limit: int | None) -> float:
    """Documents/s of only reading and normalizing the same documents
    (`hudna.text.bench.read_and_normalize`)."""
    bench = importlib.import_module("hudna.text.bench")
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with sample.open("w", encoding="utf-8") as dst:
            for doc in read_documents(path, limit):
                dst.write(
                    json.dumps({"doc_id": doc.doc_id, "text": doc.text}, ensure_ascii=False) + "\n"
                )
        docs, seconds = bench.read_and_normalize([sample])
    return docs / seconds if seconds else 0.0


def bench_extract(
    path: Path, build: Callable[[], Pipeline], *, limit: int | None = None,
    progress: Callable[[], None] | None = None,
) -> BenchResult:  # fmt: skip
    """Extract a corpus on one core; report docs/s, peak memory and the read+normalize ratio."""
    t0 = time.perf_counter()
    pipeline = build()
    load = time.perf_counter() - t0
    docs = list(read_documents(path, limit))
    events = 0
    start = time.perf_counter()
    for doc in docs:
        events += len(pipeline(doc))
        if progress:
            progress()
    seconds = time.perf_counter() - start
    rate = len(docs) / seconds if seconds else 0.0
    base = read_and_normalize_rate(path, limit)
    return BenchResult(
        corpus=str(path), documents=len(docs), events=events, seconds=round(seconds, 3),
        docs_per_s=round(rate, 1), read_normalize_docs_per_s=round(base, 1),
        ratio=round(base / rate, 1) if rate else 0.0, peak_rss_mb=round(peak_rss_mb(), 1),
        load_seconds=round(load, 2),
        component_seconds={k: round(v, 2) for k, v in pipeline.seconds.items()},
    )  # fmt: skip


def result_json(result: BenchResult) -> str:
    return json.dumps(result.as_dict(), ensure_ascii=False)
