"""Ingesting through the API: one document (optionally extracted at once), or a monitor's
bulletin table turned into a document plus one claim per row.

A bulletin table's rows are written out as sentences of a generated document ("2016-04-11 —
Aleppo — ASSAULT — 5 dead — claimed by SOHR"), so that every event's evidence span points
at its own row, like any other evidence."""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, insert

from hudna.api.bulletin_table import BulletinTable, table_document, table_events
from hudna.api.models import DocumentIn, IngestResult
from hudna.extract.build import build_pipeline
from hudna.extract.pipeline import Pipeline
from hudna.extract.run import extract_store
from hudna.ingest import ingest_document
from hudna.settings import Settings
from hudna.store.events import STRUCTURED, replace_document_events
from hudna.store.schema import claimed_totals

_pipeline_lock = threading.Lock()


@lru_cache(maxsize=1)
def _pipeline() -> Pipeline:
    return build_pipeline()


def extract_one(engine: Engine, document_id: str) -> int:
    """Run the extraction pipeline (built once per process) over one stored document."""
    with _pipeline_lock:
        stats = extract_store(engine, _pipeline(), [document_id])
    return stats.events


def ingest_one(
    engine: Engine, body: DocumentIn, settings: Settings, *, extract: bool
) -> IngestResult:
    outcome = ingest_document(
        engine, body.text, doc_id=body.doc_id, title=body.title, published=body.published,
        url=body.url, site=body.site, language=body.language, settings=settings,
    )  # fmt: skip
    n = extract_one(engine, outcome.id) if extract else 0
    return IngestResult(document_id=outcome.id, added=outcome.status == "added", events=n)


def ingest_table(engine: Engine, table: BulletinTable, settings: Settings) -> IngestResult:
    """Store a bulletin table as a document, its rows as claims, and its counts of
    violations (or other totals) as claimed totals of the monitor."""
    text, spans = table_document(table)
    outcome = ingest_document(
        engine, text, doc_id=table.doc_id, title=table.title, published=table.published,
        url=table.url, site=table.monitor, language=table.language, settings=settings,
    )  # fmt: skip
    found, totals = table_events(table, outcome.doc_id, spans)
    with engine.begin() as conn:
        replace_document_events(conn, outcome.id, found, versions=STRUCTURED)
        if totals:
            conn.execute(insert(claimed_totals), [_total_row(t) for t in totals])
    return IngestResult(document_id=outcome.id, added=outcome.status == "added", events=len(found))


def _total_row(total: Any) -> dict[str, Any]:
    return total.model_dump()
