"""`hudna bench ingest`: documents per second and peak memory of an ingest into a fresh SQLite
store with FTS, pinned to one CPU core, then a second run that must add nothing.

Both wall-clock and CPU-time rates are reported: on a machine shared with other work the
process does not get its core to itself, and the CPU-time rate is what one core sustains."""

from __future__ import annotations

import os
import resource
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from pydantic import BaseModel

from hudna.ingest import ingest_paths
from hudna.settings import Settings
from hudna.store.database import open_store


class IngestBenchmark(BaseModel):
    inputs: list[str]
    documents: int
    added: int
    duplicates: int
    rejected: int
    near_duplicate_links: int
    seconds: float
    documents_per_second: float
    cpu_seconds: float
    documents_per_cpu_second: float
    peak_rss_mb: float
    second_run_added: int
    second_run_seconds: float
    one_core: bool


def peak_rss_mb() -> float:
    """The process's peak resident memory so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pin_to_one_core() -> bool:
    """Run on a single CPU (the benchmark's stated condition) where the OS allows it."""
    if not hasattr(os, "sched_setaffinity"):
        return False
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    return True


def bench_ingest(
    inputs: Sequence[str], settings: Settings, *, db: Path | None = None, one_core: bool = True
) -> IngestBenchmark:
    """Ingest `inputs` twice into a new store and measure the first run."""
    pinned = pin_to_one_core() if one_core else False
    with tempfile.TemporaryDirectory(prefix="hudna-bench-") as tmp:
        path = db or Path(tmp) / "bench.db"
        engine = open_store(str(path), migrate=True)
        settings = replace(settings, db=str(path))
        started, cpu_started = time.perf_counter(), time.process_time()
        first = ingest_paths(engine, inputs, settings)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        second = ingest_paths(engine, inputs, settings)
        engine.dispose()
    handled = first.added + first.duplicates
    return IngestBenchmark(
        inputs=list(inputs), documents=handled, added=first.added, duplicates=first.duplicates,
        rejected=first.rejected, near_duplicate_links=first.near_duplicate_links,
        seconds=round(seconds, 2), documents_per_second=round(handled / seconds, 1),
        cpu_seconds=round(cpu, 2), documents_per_cpu_second=round(handled / cpu, 1),
        peak_rss_mb=round(peak_rss_mb(), 1), second_run_added=second.added,
        second_run_seconds=second.seconds, one_core=pinned,
    )  # fmt: skip
