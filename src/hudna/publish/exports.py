"""`export_events`: the store's claims as PLOVER JSONL, ACLED-style CSV, GeoJSON or Parquet,
filtered by agreement, time, area, actor and category; streamed, never all in memory
(Parquet is written in row groups)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

from sqlalchemy import Engine, Select, func, or_, select

from hudna.errors import PublishError
from hudna.publish.areas import area_index, load_aliases
from hudna.publish.outputs import ExportResult, ExportRow
from hudna.publish.writers import WRITERS
from hudna.records import CATEGORIES
from hudna.store.schema import documents, event_entities, events, findings, incident_claims

ExportFormat = Literal["plover-jsonl", "acled-csv", "geojson", "parquet"]
FORMATS: tuple[str, ...] = ("plover-jsonl", "acled-csv", "geojson", "parquet")
OUT_OF_SCOPE = ("outside_area", "outside_period")


@dataclass(frozen=True, slots=True)
class ExportFilters:
    """Which claims to export. `since <= date < until`; `area` is a governorate name (Arabic
    or English, any common spelling) or a P-code prefix; `actor` a registry id or the words
    used; `category` one PLOVER category or several, comma-separated; `agreement_id` keeps the
    claims of incidents judged against that agreement, except those outside its area or period."""

    agreement_id: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    area: str | None = None
    actor: str | None = None
    category: str | None = None


def _categories(value: str) -> list[str]:
    cats = [c.strip().upper() for c in value.split(",") if c.strip()]
    unknown = [c for c in cats if c not in CATEGORIES]
    if unknown:
        raise PublishError(
            f"unknown PLOVER categories {unknown}; use some of {', '.join(CATEGORIES)}"
        )
    return cats


def _area_clause(area: str) -> Any:
    index = area_index()
    gov = index.resolve(area, area if area.upper().startswith("SY") else None) if index else None
    if gov is None:
        return or_(events.c.admin1 == area, events.c.place_pcode.startswith(area.upper()))
    names = {n.lower() for n in (gov.name_en, gov.name_ar, *load_aliases().get(gov.pcode, []))}
    return or_(events.c.place_pcode.startswith(gov.pcode), func.lower(events.c.admin1).in_(names))


def _agreement_clause(agreement_id: str) -> Any:
    judged = (
        select(incident_claims.c.event_id)
        .join(findings, findings.c.incident_id == incident_claims.c.incident_id)
        .where(findings.c.agreement_id == agreement_id, findings.c.kind.not_in(OUT_OF_SCOPE))
    )
    return events.c.id.in_(judged)


def _actor_clause(actor: str) -> Any:
    ids = select(event_entities.c.event_id).where(
        event_entities.c.role.in_(("actor", "recipient")),
        or_(event_entities.c.registry_id == actor, event_entities.c.entity_text == actor),
    )
    return events.c.id.in_(ids)


def export_query(filters: ExportFilters) -> Select[Any]:
    cols = [
        events.c.payload, events.c.document_id, events.c.status, events.c.extracted_at,
        events.c.admin1, events.c.place_pcode, documents.c.site, documents.c.url,
        documents.c.title, documents.c.published, documents.c.language,
    ]  # fmt: skip
    q = select(*cols).join(documents, documents.c.id == events.c.document_id)
    f = filters
    clauses = [
        events.c.date >= f.since if f.since else None,
        events.c.date < f.until if f.until else None,
        events.c.category.in_(_categories(f.category)) if f.category else None,
        _area_clause(f.area) if f.area else None,
        _actor_clause(f.actor) if f.actor else None,
        _agreement_clause(f.agreement_id) if f.agreement_id else None,
    ]
    q = q.where(*[c for c in clauses if c is not None])
    return q.order_by(events.c.date, events.c.id)


def iter_export_rows(
    engine: Engine, filters: ExportFilters, *, batch: int = 2000
) -> Iterator[ExportRow]:
    with engine.connect() as conn:
        result = conn.execution_options(yield_per=batch).execute(export_query(filters))
        for row in result:
            yield ExportRow(*row)


def export_events(
    engine: Engine,
    fmt: ExportFormat,
    out: Path | BinaryIO,
    *,
    filters: ExportFilters | None = None,
) -> ExportResult:
    """Write the claims that pass `filters` to `out` in `fmt`; returns how many were written."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise PublishError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    rows = iter_export_rows(engine, filters or ExportFilters())
    return writer(rows, out)
