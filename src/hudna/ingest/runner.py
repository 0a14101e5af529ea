"""The batch runner: items from readers → identity → (new ones only) language, date, MinHash →
the store, `settings.batch_size` items per transaction.

Each transaction writes documents, their near-duplicate links, the refusals met so far and the
batch's counters together, so a batch killed at any point leaves a consistent store; running
it again skips what is already there (same content id) and completes the rest.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

import httpx
from sqlalchemy import Engine

from hudna.errors import InputRejected
from hudna.ingest.items import RawItem
from hudna.ingest.prepare import Prepared, prepare
from hudna.ingest.report import IngestOutcome, IngestReport
from hudna.ingest.sources import count_items, iter_items
from hudna.ingest.writer import BatchWriter
from hudna.settings import Settings
from hudna.store import documents as store


class Progress(Protocol):
    """What the runner reports to a progress bar: the expected items, then each one done."""

    def start(self, total: int) -> None: ...

    def advance(self, items: int, *, added: int) -> None: ...


def new_batch_id() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]


def ingest_paths(
    engine: Engine,
    inputs: Sequence[str],
    settings: Settings,
    *,
    transport: httpx.BaseTransport | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files, directories and URLs into the store; refusals are recorded, never fatal."""
    started = time.perf_counter()
    report = IngestReport(batch_id=new_batch_id(), inputs=list(inputs))
    store.start_batch(engine, report.batch_id, inputs)
    writer = BatchWriter(engine, report, settings)
    if progress is not None:
        progress.start(count_items(inputs))
    for read in iter_items(inputs, settings, transport=transport):
        writer.add(read)
        if progress is not None:
            progress.advance(1, added=report.added)
    writer.flush()
    store.finish_batch(engine, report.batch_id)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def ingest_document(
    engine: Engine,
    text: str,
    *,
    doc_id: str | None = None,
    title: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    site: str | None = None,
    language: str | None = None,
    settings: Settings,
) -> IngestOutcome:
    """Ingest one document (the API's single-document endpoint); raise `InputRejected` if bad."""
    item = RawItem(
        text=text, origin="api", doc_id=doc_id or "", title=title, published=published,
        url=url, site=site, language=language,
    )  # fmt: skip
    p = prepare(item, settings.max_document_bytes)
    if not doc_id:
        p.item = replace(item, doc_id=f"doc-{p.id[:16]}")
    report = IngestReport(batch_id=new_batch_id(), inputs=["api"])
    store.start_batch(engine, report.batch_id, ["api"])
    writer = BatchWriter(engine, report, settings, from_table=True)
    writer.pending.append(p)
    writer.flush()
    store.finish_batch(engine, report.batch_id)
    return _outcome(engine, p, writer)


def _outcome(engine: Engine, p: Prepared, writer: BatchWriter) -> IngestOutcome:
    if writer.report.rejections:
        refused = writer.report.rejections[0]
        raise InputRejected(refused.reason, hint=refused.hint, code=refused.code)
    if writer.rows:
        row = writer.rows[0]
        return IngestOutcome(
            id=p.id, doc_id=row["doc_id"], status="added", language=row["language"],
            published=row["published"], date_origin=row["date_origin"],
            near_duplicates=sorted({b if a == p.id else a for a, b, _ in writer.links}),
        )  # fmt: skip
    stored = store.get_document(engine, p.id)
    if stored is None:
        raise InputRejected(
            "the document vanished while being stored", hint="ingest it again", code="race"
        )
    return IngestOutcome(
        id=p.id, doc_id=stored.doc_id, status="duplicate", language=stored.language,
        published=stored.published, date_origin=stored.date_origin,
        near_duplicates=[d for d, _ in store.near_duplicates_of(engine, p.id)],
    )  # fmt: skip
