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
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import httpx
from pydantic import BaseModel
from sqlalchemy import Engine

from hudna.errors import InputRejected
from hudna.ingest import dedupe
from hudna.ingest.dates import DateOrigin, publication_date
from hudna.ingest.identity import content_id_of_folded, fold
from hudna.ingest.items import RawItem, Read, refuse
from hudna.ingest.language import detect_language, valid_code
from hudna.ingest.sources import count_items, iter_items
from hudna.records import Rejection
from hudna.settings import Settings
from hudna.store import documents as store


class Progress(Protocol):
    """What the runner reports to a progress bar: the expected items, then each one done."""

    def start(self, total: int) -> None: ...

    def advance(self, items: int, *, added: int) -> None: ...


class IngestReport(BaseModel):
    """What one `ingest_paths` call did."""

    batch_id: str
    inputs: list[str]
    added: int = 0
    duplicates: int = 0
    rejected: int = 0
    near_duplicate_links: int = 0
    seconds: float = 0.0
    rejections: list[Rejection] = []

    @property
    def ok(self) -> bool:
        """False only when nothing could be ingested (no document added or already present)."""
        return self.added + self.duplicates > 0


class IngestOutcome(BaseModel):
    """What happened to one document given to `ingest_document`."""

    id: str
    doc_id: str
    status: Literal["added", "duplicate"]
    language: str | None
    published: dt.date | None
    date_origin: DateOrigin
    near_duplicates: list[str] = []


@dataclass(slots=True)
class Prepared:
    item: RawItem
    id: str
    folded: str


def _encodable(item: RawItem) -> int:
    """The text's size in UTF-8; refuses lone surrogates (e.g. a JSON "\\ud800") anywhere."""
    try:
        for value in (item.doc_id, item.title, item.url, item.site, item.author, item.language):
            if value:
                value.encode("utf-8")
        return len(item.text.encode("utf-8"))
    except UnicodeEncodeError as e:
        raise InputRejected(
            f"mis-encoded: a lone surrogate code point ({e.object[e.start : e.end]!r}) is not text",
            hint="the producer wrote half of a UTF-16 pair; repair the export and ingest again",
            code="mis-encoded",
        ) from e


def prepare(item: RawItem, max_bytes: int) -> Prepared:
    """The cheap part: checks and content identity (before knowing whether it is new)."""
    text = item.text
    if not text.strip():
        raise InputRejected("empty text", hint="drop the item or give it text", code="empty")
    if _encodable(item) > max_bytes:
        raise InputRejected(
            f"oversized: text above the limit of {max_bytes:,} bytes (max_document_bytes)",
            hint="split it, or raise HUDNA_MAX_DOCUMENT_BYTES",
            code="oversized",
        )
    if any("\x00" in v for v in (text, item.doc_id, item.title, item.url, item.site) if v):
        raise InputRejected(
            "binary data: the text or its metadata contains NUL characters",
            hint="extract the text properly and ingest it again",
            code="binary",
        )
    folded = fold(text)
    return Prepared(item=item, id=content_id_of_folded(folded), folded=folded)


def document_row(p: Prepared, batch_id: str, at: dt.datetime) -> dict[str, Any]:
    """The expensive part, for new documents only: language, publication date, MinHash."""
    item = p.item
    published, origin = publication_date(item.published, item.text)
    return {
        "id": p.id, "doc_id": item.doc_id[:255], "text": item.text, "search_text": p.folded,
        "language": valid_code(item.language) or detect_language(item.text),
        "published": published, "date_origin": origin, "title": item.title,
        "site": item.site[:255] if item.site else None, "url": item.url, "author": item.author,
        "origin": item.origin if not item.item else f"{item.origin}#{item.item}",
        "n_chars": len(item.text), "minhash": dedupe.signature(p.folded),
        "batch_id": batch_id, "ingested_at": at,
    }  # fmt: skip


class BatchWriter:
    """Buffers items and writes them `batch_size` at a time, one transaction each."""

    def __init__(
        self, engine: Engine, report: IngestReport, settings: Settings, *, exhaustive: bool = False
    ) -> None:
        self.engine, self.report, self.settings = engine, report, settings
        threshold = settings.near_duplicate_threshold
        self.index: dedupe.Index = (
            dedupe.ExhaustiveIndex(threshold)
            if exhaustive
            else dedupe.NearDuplicateIndex(threshold)
        )
        self.index.add_all(store.signatures(engine))
        self.pending: list[Prepared] = []
        self.refused: list[Rejection] = []
        self.seen: set[str] = set()
        self.rows: list[dict[str, Any]] = []
        self.links: list[tuple[str, str, float]] = []

    def add(self, read: Read) -> None:
        if isinstance(read, Rejection):
            self.refused.append(read)
        else:
            try:
                self.pending.append(prepare(read, self.settings.max_document_bytes))
            except InputRejected as e:
                self.refused.append(refuse(e, read.origin, read.item))
        if len(self.pending) + len(self.refused) >= self.settings.batch_size:
            self.flush()

    def _new_rows(self, existing: set[str]) -> tuple[list[dict[str, Any]], int]:
        rows, duplicates, at = [], 0, store.now()
        for p in self.pending:
            if p.id in existing or p.id in self.seen:
                duplicates += 1
                continue
            self.seen.add(p.id)
            row = document_row(p, self.report.batch_id, at)
            self.links += [(p.id, other, s) for other, s in self.index.match(p.id, row["minhash"])]
            self.index.add(p.id, row["minhash"])
            rows.append(row)
        return rows, duplicates

    def flush(self) -> None:
        if not self.pending and not self.refused:
            return
        self.links = []
        with self.engine.begin() as conn:
            rows, duplicates = self._new_rows(
                store.existing_ids(conn, (p.id for p in self.pending))
            )
            store.insert_documents(conn, rows)
            store.insert_links(conn, self.links, dedupe.METHOD)
            store.insert_rejections(conn, self.report.batch_id, self.refused)
            store.count_batch(
                conn, self.report.batch_id,
                added=len(rows), duplicates=duplicates, rejected=len(self.refused),
            )  # fmt: skip
        self._account(rows, duplicates)

    def _account(self, rows: list[dict[str, Any]], duplicates: int) -> None:
        r = self.report
        r.added += len(rows)
        r.duplicates += duplicates
        r.rejected += len(self.refused)
        r.near_duplicate_links += len({(min(a, b), max(a, b)) for a, b, _ in self.links})
        r.rejections.extend(self.refused)
        self.rows = rows
        self.pending, self.refused = [], []


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
        p.item = RawItem(**{**_fields(item), "doc_id": f"doc-{p.id[:16]}"})
    report = IngestReport(batch_id=new_batch_id(), inputs=["api"])
    store.start_batch(engine, report.batch_id, ["api"])
    writer = BatchWriter(engine, report, settings, exhaustive=True)
    writer.pending.append(p)
    writer.flush()
    store.finish_batch(engine, report.batch_id)
    return _outcome(engine, p, writer)


def _fields(item: RawItem) -> dict[str, Any]:
    return {name: getattr(item, name) for name in RawItem.__slots__}


def _outcome(engine: Engine, p: Prepared, writer: BatchWriter) -> IngestOutcome:
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
