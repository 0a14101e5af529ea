"""What runs on a Dask worker. The pipeline is built once per worker process (a cached
factory, warmed by a worker plugin when the worker joins) and reused for every partition.

Everything here is a plain importable function, so Dask sends a reference, not the code.
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin
from sqlalchemy import Engine

from hudna.extract.build import build_pipeline
from hudna.extract.pipeline import Pipeline
from hudna.extract.run import MIN_CONFIDENCE, RunStats, extract_lines, extract_store, keep
from hudna.records import Document, Event
from hudna.scale.partitions import Partition, read_partition
from hudna.store.database import create_store_engine


@dataclass
class PartitionResult:
    """One partition's FORMAT §2 lines (one per non-blank input line, in order) and messages."""

    index: int
    text: str
    messages: list[str] = field(default_factory=list)
    stats: RunStats = field(default_factory=RunStats)


@lru_cache(maxsize=2)
def worker_pipeline(ner: bool) -> Pipeline:
    """The pipeline of this process, built on first use (one per `ner` choice)."""
    return build_pipeline(ner=ner)


@lru_cache(maxsize=4)
def worker_engine(url: str) -> Engine:
    """The store engine of this process, one per URL."""
    return create_store_engine(url)


class WarmPipeline(WorkerPlugin):
    """A Dask worker plugin that builds the pipeline as the worker starts, so the first
    partition does not pay for it and every worker loads in parallel."""

    def __init__(self, *, ner: bool) -> None:
        self.ner = ner

    def setup(self, worker: Any) -> None:
        worker_pipeline(self.ner)

    def teardown(self, worker: Any) -> None:
        worker_pipeline.cache_clear()


def pipeline_versions(ner: bool) -> dict[str, str]:
    """The component versions a worker's pipeline stamps on its events."""
    return dict(worker_pipeline(ner).versions)


def extract_partition(
    part: Partition, *, ner: bool, min_confidence: float = MIN_CONFIDENCE
) -> PartitionResult:
    """Extract one partition exactly as `hudna extract --input` would extract those lines.

    Blank lines are skipped by `extract_lines` without being counted as documents, so the
    lines before the partition are stood in for by blanks: messages and `line-N` ids then
    carry the line number in the whole file.
    """
    out = io.StringIO()
    messages: list[str] = []
    lines = itertools.chain(itertools.repeat("", part.first_line - 1), read_partition(part))
    stats = extract_lines(
        lines, out, worker_pipeline(ner), warn=messages.append, min_confidence=min_confidence
    )
    return PartitionResult(part.index, out.getvalue(), messages, stats)


def extract_documents(
    docs: list[Document], *, ner: bool, min_confidence: float = MIN_CONFIDENCE
) -> tuple[dict[str, str], list[list[Event]]]:
    """The pipeline's component versions and the kept events of each document, in order
    (the client writes them to the store and marks the documents extracted by those versions)."""
    pipeline = worker_pipeline(ner)
    return dict(pipeline.versions), [keep(pipeline(doc), min_confidence) for doc in docs]


def extract_store_ids(
    url: str, ids: list[str], *, ner: bool, min_confidence: float = MIN_CONFIDENCE
) -> RunStats:
    """Extract stored documents and write their events from the worker, one transaction per
    document (for a store every worker can reach: PostgreSQL)."""
    engine = worker_engine(url)
    return extract_store(engine, worker_pipeline(ner), ids, min_confidence=min_confidence)
