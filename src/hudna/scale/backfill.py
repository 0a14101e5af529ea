"""The client side of a backfill: submit partitions to the cluster, a bounded number ahead,
and take their results back in input order.

Files: the output has one FORMAT §2 line per input line, in the same order, exactly as
`hudna extract --input` writes it. Store: pending documents in partitions of ids; the events of
each document are written in their own transaction (from the client for SQLite, from the
workers for a server database), so a killed run resumes where it stopped.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

from distributed import Client, Future, KilledWorker
from sqlalchemy import Engine

from hudna.errors import ExtractionError
from hudna.extract.run import MIN_CONFIDENCE, RunStats, iter_stored, pending_documents
from hudna.records import Document
from hudna.scale.partitions import Partition, iter_partitions
from hudna.scale.worker import (
    extract_documents,
    extract_partition,
    extract_store_ids,
    pipeline_versions,
)
from hudna.store.events import replace_document_events

T = TypeVar("T")
Report = Callable[[str], None]
Tick = Callable[[], None]


@dataclass(frozen=True)
class BackfillOptions:
    partition_size: int = 500
    ner: bool = False
    min_confidence: float = MIN_CONFIDENCE
    ahead: int = 0  # partitions in flight; 0: twice the number of worker threads


def _window(client: Client, options: BackfillOptions) -> int:
    threads = sum(client.nthreads().values()) or 1
    return options.ahead or 2 * threads


def in_order(
    tasks: Iterable[tuple[T, Callable[[], Future]]], window: int
) -> Iterator[tuple[T, Any]]:
    """(tag, result) of each submitted task in submission order, at most `window` in flight.
    A task is submitted only when the window has room, so the client holds `window` partitions."""
    pending: deque[tuple[T, Future]] = deque()
    for tag, submit in tasks:
        pending.append((tag, submit()))
        if len(pending) >= window:
            yield _result(*pending.popleft())
    while pending:
        yield _result(*pending.popleft())


def _result(tag: T, future: Future) -> tuple[T, Any]:
    try:
        return tag, future.result()
    except KilledWorker as e:
        raise ExtractionError(
            f"a partition killed its workers ({e}); look at the worker logs, fix the cause and "
            "run again (store mode resumes where it stopped)"
        ) from e


def count_partitions(paths: Sequence[Path], size: int) -> int:
    return sum(1 for p in paths for _ in iter_partitions(p, size))


def backfill_files(
    client: Client,
    paths: Sequence[Path],
    out: IO[str],
    options: BackfillOptions,
    *,
    warn: Report,
    progress: Tick | None = None,
) -> RunStats:
    """Extract FORMAT §1 files partition by partition; write §2 lines in input order."""
    parts = (p for path in paths for p in iter_partitions(path, options.partition_size))
    tasks = ((part, _file_task(client, part, options)) for part in parts)
    total = RunStats()
    for _, result in in_order(tasks, _window(client, options)):
        out.write(result.text)
        for message in result.messages:
            warn(message)
        _add(total, result.stats)
        if progress:
            progress()
    return total


def _file_task(client: Client, part: Partition, options: BackfillOptions) -> Callable[[], Future]:
    return lambda: client.submit(
        extract_partition, part, ner=options.ner, min_confidence=options.min_confidence,
        key=f"hudna-extract-{Path(part.path).name}-{part.index}-{uuid.uuid4().hex}",
    )  # fmt: skip


def _add(total: RunStats, part: RunStats) -> None:
    total.documents += part.documents
    total.events += part.events
    total.rejected += part.rejected
    total.skipped += part.skipped


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def store_pending(
    client: Client, engine: Engine, options: BackfillOptions, *, redo: bool = False
) -> list[str]:
    """Ids of the stored documents the workers' pipeline has not extracted yet."""
    versions = client.submit(pipeline_versions, options.ner, pure=False).result()
    return pending_documents(engine, versions, redo=redo)


def backfill_store(
    client: Client,
    engine: Engine,
    ids: Sequence[str],
    options: BackfillOptions,
    *,
    progress: Tick | None = None,
) -> RunStats:
    """Extract these stored documents in partitions of ids, one transaction per document."""
    parts = chunks(ids, options.partition_size)
    window = _window(client, options)
    if engine.dialect.name == "sqlite":
        return _store_from_client(client, engine, parts, options, window, progress)
    url = engine.url.render_as_string(hide_password=False)
    tasks = ((p, _ids_task(client, url, p, options)) for p in parts)
    total = RunStats()
    for _, stats in in_order(tasks, window):
        _add(total, stats)
        if progress:
            progress()
    return total


def _ids_task(
    client: Client, url: str, ids: Sequence[str], options: BackfillOptions
) -> Callable[[], Future]:
    return lambda: client.submit(
        extract_store_ids, url, list(ids), ner=options.ner,
        min_confidence=options.min_confidence, pure=False,
    )  # fmt: skip


def _store_from_client(
    client: Client,
    engine: Engine,
    parts: list[Sequence[str]],
    options: BackfillOptions,
    window: int,
    progress: Tick | None,
) -> RunStats:
    """SQLite: the client reads each partition's documents, a worker extracts them, and the
    client writes each document's events in its own transaction."""
    batches = (iter_stored(engine, list(p)) for p in parts)
    tasks = (_documents_task(client, list(docs), options) for docs in batches)
    total = RunStats()
    for ids, (versions, found) in in_order(tasks, window):
        for doc_id, events in zip(ids, found, strict=True):
            with engine.begin() as conn:
                replace_document_events(conn, doc_id, events, versions=versions)
            total.documents += 1
            total.events += len(events)
        if progress:
            progress()
    return total


def _documents_task(
    client: Client, docs: list[Document], options: BackfillOptions
) -> tuple[list[str], Callable[[], Future]]:
    return [d.id for d in docs], lambda: client.submit(
        extract_documents, docs, ner=options.ner, min_confidence=options.min_confidence,
        pure=False,
    )  # fmt: skip
