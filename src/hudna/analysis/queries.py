"""Queries over the analysis results, used by the CLI, the API and the dashboard.
Date filters are half-open: `since <= date < until`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Engine, Select, func, select

from hudna.agreements import get_agreement
from hudna.analysis.sieges import Siege, group_sieges
from hudna.records import ClaimedTotal, Event, Finding, Incident, SiegeRecord
from hudna.store.schema import (
    claimed_totals as claimed_totals_table,
)
from hudna.store.schema import (
    documents,
    events,
    findings,
    incident_claims,
    incidents,
    siege_records,
)


class View(BaseModel):
    model_config = ConfigDict(frozen=True)


class DocumentRef(View):
    id: str
    doc_id: str
    title: str | None = None
    site: str | None = None
    url: str | None = None
    published: dt.date | None = None


class IncidentDetail(View):
    incident: Incident
    claims: list[Event]
    documents: list[DocumentRef]


class FindingView(View):
    finding: Finding
    category: str
    date: dt.date | None = None
    place_name: str | None = None
    admin1: str | None = None


def _dates(
    q: Select[Any], column: Any, since: dt.date | None, until: dt.date | None
) -> Select[Any]:
    if since:
        q = q.where(column >= since)
    if until:
        q = q.where(column < until)
    return q


def list_incidents(
    engine: Engine,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    category: str | None = None,
    admin1: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[Incident]:
    """Incidents, most corroborated first within a day, newest day first."""
    q = _incident_filters(select(incidents.c.payload), since, until, category, admin1)
    q = q.order_by(incidents.c.date.desc(), incidents.c.corroboration.desc(), incidents.c.id)
    with engine.connect() as conn:
        rows = conn.execute(q.limit(limit).offset(offset)).all()
    return [Incident.model_validate(r[0]) for r in rows]


def _incident_filters(
    q: Select[Any],
    since: dt.date | None,
    until: dt.date | None,
    category: str | None,
    admin1: str | None,
) -> Select[Any]:
    q = _dates(q, incidents.c.date, since, until)
    if category:
        q = q.where(incidents.c.category == category)
    if admin1:
        q = q.where(incidents.c.admin1 == admin1)
    return q


def count_incidents(
    engine: Engine,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    category: str | None = None,
    admin1: str | None = None,
) -> int:
    """How many incidents `list_incidents` would page through with the same filters."""
    q = _incident_filters(
        select(func.count()).select_from(incidents), since, until, category, admin1
    )
    with engine.connect() as conn:
        return int(conn.execute(q).scalar_one())


def findings_for_incident(engine: Engine, incident_id: str) -> list[Finding]:
    """Every agreement's finding on one incident (for an evidence view)."""
    q = (
        select(findings.c.payload)
        .where(findings.c.incident_id == incident_id)
        .order_by(findings.c.agreement_id)
    )
    with engine.connect() as conn:
        return [Finding.model_validate(r[0]) for r in conn.execute(q)]


def get_incident(engine: Engine, incident_id: str) -> IncidentDetail | None:
    """An incident with its claims and the documents they come from."""
    with engine.connect() as conn:
        row = conn.execute(select(incidents.c.payload).where(incidents.c.id == incident_id)).first()
        if row is None:
            return None
        claim_rows = conn.execute(
            select(events.c.payload, events.c.document_id)
            .join(incident_claims, incident_claims.c.event_id == events.c.id)
            .where(incident_claims.c.incident_id == incident_id)
            .order_by(events.c.id)
        ).all()
        doc_ids = sorted({str(r[1]) for r in claim_rows})
        doc_rows = conn.execute(
            select(
                documents.c.id, documents.c.doc_id, documents.c.title, documents.c.site,
                documents.c.url, documents.c.published,
            ).where(documents.c.id.in_(doc_ids))
        ).all()  # fmt: skip
    return IncidentDetail(
        incident=Incident.model_validate(row[0]),
        claims=[Event.model_validate(r[0]) for r in claim_rows],
        documents=[DocumentRef.model_validate(r._asdict()) for r in doc_rows],
    )


def list_findings(
    engine: Engine,
    agreement_id: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    kind: str | None = None,
) -> list[FindingView]:
    """Findings of one agreement, by incident date (newest first)."""
    q = select(
        findings.c.payload, incidents.c.category, incidents.c.date, incidents.c.place_name,
        incidents.c.admin1,
    ).join(incidents, incidents.c.id == findings.c.incident_id)  # fmt: skip
    q = _dates(q.where(findings.c.agreement_id == agreement_id), incidents.c.date, since, until)
    if kind:
        q = q.where(findings.c.kind == kind)
    with engine.connect() as conn:
        rows = conn.execute(q.order_by(incidents.c.date.desc(), findings.c.incident_id)).all()
    return [
        FindingView(
            finding=Finding.model_validate(r[0]),
            category=r[1],
            date=r[2],
            place_name=r[3],
            admin1=r[4],
        )
        for r in rows
    ]


def claimed_totals(
    engine: Engine, *, agreement_id: str | None = None, claimant: str | None = None
) -> list[ClaimedTotal]:
    """Claimed totals by claimant over time; with `agreement_id`, those dated in its period."""
    t = claimed_totals_table
    q = select(t.c.event_id, t.c.claimant, t.c.kind, t.c.value, t.c.qualifier, t.c.since, t.c.as_of)
    if claimant:
        q = q.where(t.c.claimant == claimant)
    if agreement_id:
        agreement = get_agreement(agreement_id)
        q = _dates(
            q,
            t.c.as_of,
            agreement.effective.date(),
            agreement.end.date() if agreement.end else None,
        )
    with engine.connect() as conn:
        rows = conn.execute(q.order_by(t.c.claimant, t.c.as_of, t.c.id)).all()
    return [ClaimedTotal.model_validate(r._asdict()) for r in rows]


def list_sieges(engine: Engine) -> list[Siege]:
    """Besieged places with besiegers, population claims, aid deliveries and denials."""
    s = siege_records
    cols = [s.c.event_id, s.c.kind, s.c.place, s.c.pcode, s.c.admin1, s.c.lat, s.c.lon, s.c.date,
            s.c.actors, s.c.claimant, s.c.how, s.c.value, s.c.qualifier]  # fmt: skip
    with engine.connect() as conn:
        rows = conn.execute(select(s.c.place_key, *cols).order_by(s.c.date, s.c.id)).all()
    return group_sieges(
        (
            str(r[0]),
            SiegeRecord.model_validate({k: v for k, v in r._asdict().items() if k != "place_key"}),
        )
        for r in rows
    )
