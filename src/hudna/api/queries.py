"""Read queries behind the API and the dashboard, straight on `hudna.store.schema`.

Every filter is optional; dates are half-open (`since <= date < until`); lists come back
with their total so that pages can link on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Engine,
    Select,
    and_,
    exists,
    func,
    or_,
    select,
)

from hudna.store.schema import (
    claimed_totals,
    documents,
    event_entities,
    events,
    findings,
    incident_claims,
    incidents,
)

EVENT_SORTS = ("date", "confidence", "category", "id")
DOCUMENT_SORTS = ("published", "ingested_at", "title", "id")
INCIDENT_SORTS = ("date", "corroboration", "independent_sources", "id")
# The same whitelists as types, so that the OpenAPI schema lists them ('-' = descending).
EventSort = Literal[
    "date", "-date", "confidence", "-confidence", "category", "-category", "id", "-id"
]
DocumentSort = Literal[
    "published", "-published", "ingested_at", "-ingested_at", "title", "-title", "id", "-id"
]
IncidentSort = Literal[
    "date", "-date", "corroboration", "-corroboration", "independent_sources",
    "-independent_sources", "id", "-id",
]  # fmt: skip

EVENT_SUMMARY = (
    events.c.id, events.c.document_id, events.c.category, events.c.modes, events.c.modality,
    events.c.date, events.c.enddate, events.c.place_name, events.c.place_pcode, events.c.admin1,
    events.c.lat, events.c.lon, events.c.event_text, events.c.actors, events.c.claimants,
    events.c.confidence, events.c.status,
)  # fmt: skip
DOCUMENT_SUMMARY = (
    documents.c.id, documents.c.doc_id, documents.c.title, documents.c.language,
    documents.c.published, documents.c.site, documents.c.url, documents.c.n_chars,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class EventFilter:
    categories: Sequence[str] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    admin1: Sequence[str] = ()
    place_pcode: str | None = None
    status: str | None = None
    document_id: str | None = None
    actor: str | None = None
    modality: str | None = None


@dataclass(frozen=True, slots=True)
class Listing:
    rows: list[dict[str, Any]]
    total: int


@dataclass(frozen=True, slots=True)
class Sort:
    column: str
    descending: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _dates(column: Any, since: dt.date | None, until: dt.date | None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if since:
        where.append(column >= since)
    if until:
        where.append(column < until)
    return where


def event_conditions(f: EventFilter) -> list[ColumnElement[bool]]:
    where = _dates(events.c.date, f.since, f.until)
    if f.categories:
        where.append(events.c.category.in_(list(f.categories)))
    if f.admin1:
        where.append(events.c.admin1.in_(list(f.admin1)))
    for column, value in (
        (events.c.place_pcode, f.place_pcode),
        (events.c.status, f.status),
        (events.c.document_id, f.document_id),
        (events.c.modality, f.modality),
    ):
        if value is not None:
            where.append(column == value)
    if f.actor:
        ee = event_entities.c
        match = or_(ee.registry_id == f.actor, ee.entity_text == f.actor)
        where.append(exists().where(and_(ee.event_id == events.c.id, match)))
    return where


def _ordered(q: Select[Any], table: Any, sort: Sort) -> Select[Any]:
    column = table.c[sort.column]
    first = column.desc() if sort.descending else column.asc()
    tie = table.c.id.desc() if sort.descending else table.c.id.asc()
    return q.order_by(first, tie) if sort.column != "id" else q.order_by(first)


def _listing(
    engine: Engine, q: Select[Any], where: list[ColumnElement[bool]], limit: int, offset: int
) -> Listing:
    counted = select(func.count()).select_from(q.where(*where).order_by(None).subquery())
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q.where(*where).limit(limit).offset(offset))]
        total = int(conn.execute(counted).scalar_one())
    return Listing(rows, total)


def list_events(engine: Engine, f: EventFilter, sort: Sort, limit: int, offset: int) -> Listing:
    q = _ordered(select(*EVENT_SUMMARY), events, sort)
    return _listing(engine, q, event_conditions(f), limit, offset)


def get_event_row(engine: Engine, event_id: str) -> dict[str, Any] | None:
    q = select(*EVENT_SUMMARY, events.c.span_start, events.c.span_end, events.c.payload)
    with engine.connect() as conn:
        row = conn.execute(q.where(events.c.id == event_id)).first()
    return dict(row._mapping) if row else None


def list_documents(
    engine: Engine,
    *,
    language: str | None,
    since: dt.date | None,
    until: dt.date | None,
    sort: Sort,
    limit: int,
    offset: int,
) -> Listing:
    where = _dates(documents.c.published, since, until)
    if language:
        where.append(documents.c.language == language)
    q = _ordered(select(*DOCUMENT_SUMMARY), documents, sort)
    return _listing(engine, q, where, limit, offset)


def get_document_row(engine: Engine, document_id: str) -> dict[str, Any] | None:
    cols = (documents.c.text, documents.c.date_origin, documents.c.author, documents.c.origin)
    q = select(*DOCUMENT_SUMMARY, *cols).where(documents.c.id == document_id)
    evq = select(*EVENT_SUMMARY).where(events.c.document_id == document_id)
    with engine.connect() as conn:
        row = conn.execute(q).first()
        if row is None:
            return None
        evs = [dict(r._mapping) for r in conn.execute(evq.order_by(events.c.span_start))]
    return {**row._mapping, "events": evs}


INCIDENT_SUMMARY = (
    incidents.c.id, incidents.c.category, incidents.c.date, incidents.c.enddate,
    incidents.c.place_name, incidents.c.admin1, incidents.c.lat, incidents.c.lon,
    incidents.c.corroboration, incidents.c.independent_sources,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    categories: Sequence[str] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    admin1: Sequence[str] = ()
    agreement_id: str | None = None
    finding_kind: str | None = None


def incident_conditions(f: IncidentFilter) -> list[ColumnElement[bool]]:
    where = _dates(incidents.c.date, f.since, f.until)
    if f.categories:
        where.append(incidents.c.category.in_(list(f.categories)))
    if f.admin1:
        where.append(incidents.c.admin1.in_(list(f.admin1)))
    if f.agreement_id or f.finding_kind:
        fc = findings.c
        cond = [fc.incident_id == incidents.c.id]
        if f.agreement_id:
            cond.append(fc.agreement_id == f.agreement_id)
        if f.finding_kind:
            cond.append(fc.kind == f.finding_kind)
        where.append(exists().where(and_(*cond)))
    return where


def list_incidents(
    engine: Engine, f: IncidentFilter, sort: Sort, limit: int, offset: int
) -> Listing:
    q = _ordered(select(*INCIDENT_SUMMARY), incidents, sort)
    return _listing(engine, q, incident_conditions(f), limit, offset)


def get_incident_row(engine: Engine, incident_id: str) -> dict[str, Any] | None:
    q = select(*INCIDENT_SUMMARY, incidents.c.payload).where(incidents.c.id == incident_id)
    claims = (
        select(
            *EVENT_SUMMARY,
            events.c.span_start,
            events.c.span_end,
            events.c.payload,
            incident_claims.c.score,
            incident_claims.c.reasons,
        )
        .join(events, events.c.id == incident_claims.c.event_id)
        .where(incident_claims.c.incident_id == incident_id)
        .order_by(events.c.date, events.c.id)
    )
    with engine.connect() as conn:
        row = conn.execute(q).first()
        if row is None:
            return None
        claim_rows = [dict(r._mapping) for r in conn.execute(claims)]
        found = conn.execute(
            select(findings).where(findings.c.incident_id == incident_id)
        ).mappings()
        finding_rows = [dict(r) for r in found]
    return {**row._mapping, "claims": claim_rows, "findings": finding_rows}


def documents_by_id(engine: Engine, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    cols = (*DOCUMENT_SUMMARY, documents.c.text)
    with engine.connect() as conn:
        rows = conn.execute(select(*cols).where(documents.c.id.in_(list(ids))))
        return {r.id: dict(r._mapping) for r in rows}


def list_findings(
    engine: Engine,
    *,
    agreement_id: str | None,
    kind: str | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
    offset: int,
) -> Listing:
    q = (
        select(findings, incidents.c.date)
        .join(incidents, incidents.c.id == findings.c.incident_id)
        .order_by(incidents.c.date, findings.c.id)
    )
    where = _dates(incidents.c.date, since, until)
    if agreement_id:
        where.append(findings.c.agreement_id == agreement_id)
    if kind:
        where.append(findings.c.kind == kind)
    return _listing(engine, q, where, limit, offset)


def finding_counts(engine: Engine, agreement_id: str) -> dict[str, int]:
    q = (
        select(findings.c.kind, func.count())
        .where(findings.c.agreement_id == agreement_id)
        .group_by(findings.c.kind)
    )
    with engine.connect() as conn:
        return {str(k): int(n) for k, n in conn.execute(q)}


def list_claimed_totals(
    engine: Engine,
    *,
    claimant: str | None,
    kind: str | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
    offset: int,
) -> Listing:
    ct = claimed_totals.c
    q = select(
        ct.event_id, ct.claimant, ct.kind, ct.value, ct.qualifier, ct.since, ct.as_of
    ).order_by(ct.as_of, ct.claimant, ct.id)
    where = _dates(ct.as_of, since, until)
    if claimant:
        where.append(ct.claimant == claimant)
    if kind:
        where.append(ct.kind == kind)
    return _listing(engine, q, where, limit, offset)
