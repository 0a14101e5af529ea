"""The store reads a bulletin needs. Windows are half-open: `since <= date < until`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, Table, and_, distinct, func, select

from hudna.store.schema import (
    claimed_totals,
    documents,
    events,
    findings,
    incident_claims,
    incidents,
)

Window = tuple[dt.date, dt.date]


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim with what a bulletin shows of it and of its document."""

    id: str
    document_id: str
    category: str
    date: dt.date | None
    admin1: str | None
    pcode: str | None
    span_start: int
    span_end: int
    sentence: str
    site: str | None
    url: str | None
    title: str | None
    published: dt.date | None
    payload: dict[str, Any]


def claim_day() -> Any:
    """A claim's day: its own date, else the day its document was published (an undated
    claim is reported that day). Queries using it join `documents`."""
    return func.coalesce(events.c.date, documents.c.published)


def _day(table: Table) -> Any:
    return claim_day() if table is events else table.c.date


def _in(table: Table, window: Window) -> Any:
    day = _day(table)
    return and_(day >= window[0], day < window[1])


def _from(table: Table) -> Any:
    return (
        table.join(documents, documents.c.id == events.c.document_id) if table is events else table
    )


def _sentence() -> Any:
    length = events.c.span_end - events.c.span_start
    return func.substr(documents.c.text, events.c.span_start + 1, length)


def claim_query() -> Select[Any]:
    cols = [
        events.c.id, events.c.document_id, events.c.category, events.c.date, events.c.admin1,
        events.c.place_pcode, events.c.span_start, events.c.span_end, _sentence(),
        documents.c.site, documents.c.url, documents.c.title, documents.c.published,
        events.c.payload,
    ]  # fmt: skip
    return select(*cols).join(documents, documents.c.id == events.c.document_id)


def _claim(row: Any) -> ClaimRow:
    return ClaimRow(*row)


def claims(conn: Connection, window: Window, categories: Iterable[str] = ()) -> list[ClaimRow]:
    """Claims of the window (by `claim_day`), oldest first, optionally of some categories."""
    q = claim_query().where(_in(events, window)).order_by(claim_day(), events.c.id)
    cats = list(categories)
    if cats:
        q = q.where(events.c.category.in_(cats))
    return [_claim(r) for r in conn.execute(q)]


def claims_by_id(conn: Connection, ids: Sequence[str]) -> list[ClaimRow]:
    q = claim_query().where(events.c.id.in_(list(ids))).order_by(events.c.date, events.c.id)
    return [_claim(r) for r in conn.execute(q)]


def count_rows(conn: Connection, table: Table, window: Window) -> int:
    q = select(func.count()).select_from(_from(table)).where(_in(table, window))
    return int(conn.execute(q).scalar_one())


def count_documents_sources(conn: Connection, window: Window) -> tuple[int, int]:
    """Documents that carry a claim of the window, and their distinct sites."""
    q = (
        select(func.count(distinct(documents.c.id)), func.count(distinct(documents.c.site)))
        .join(events, events.c.document_id == documents.c.id)
        .where(_in(events, window))
    )
    docs, sites = conn.execute(q).one()
    return int(docs), int(sites)


def count_potential_violations(conn: Connection, agreement_id: str, window: Window) -> int:
    q = (
        select(func.count())
        .select_from(findings.join(incidents, incidents.c.id == findings.c.incident_id))
        .where(findings.c.agreement_id == agreement_id)
        .where(findings.c.kind == "potential_violation")
        .where(_in(incidents, window))
    )
    return int(conn.execute(q).scalar_one())


def has_incidents(conn: Connection) -> bool:
    return conn.execute(select(incidents.c.id).limit(1)).first() is not None


def _unit_table(unit: str) -> Table:
    return incidents if unit == "incidents" else events


def area_category_counts(
    conn: Connection, unit: str, window: Window
) -> list[tuple[str | None, str | None, str, int]]:
    """(admin1, place P-code, category, count) of the unit (incidents or claims) in the window;
    incidents carry no P-code column, so theirs is None."""
    if unit == "incidents":
        cols = [incidents.c.admin1, incidents.c.category]
        q = select(*cols, func.count()).where(_in(incidents, window)).group_by(*cols)
        return [(a, None, c, int(n)) for a, c, n in conn.execute(q)]
    cols = [events.c.admin1, events.c.place_pcode, events.c.category]
    q = select(*cols, func.count()).select_from(_from(events)).where(_in(events, window))
    q = q.group_by(*cols)
    return [(a, p, c, int(n)) for a, p, c, n in conn.execute(q)]


def points(conn: Connection, unit: str, window: Window) -> list[tuple[float, float, str]]:
    table = _unit_table(unit)
    q = select(table.c.lat, table.c.lon, table.c.category).select_from(_from(table))
    q = q.where(_in(table, window))
    q = q.where(table.c.lat.is_not(None), table.c.lon.is_not(None))
    return [(float(a), float(o), str(c)) for a, o, c in conn.execute(q)]


def daily_counts(conn: Connection, unit: str, window: Window) -> list[tuple[dt.date, str, int]]:
    table = _unit_table(unit)
    day = _day(table)
    q = select(day, table.c.category, func.count()).select_from(_from(table))
    q = q.where(_in(table, window)).group_by(day, table.c.category)
    return [(d, c, int(n)) for d, c, n in conn.execute(q)]


@dataclass(frozen=True, slots=True)
class TotalRow:
    claimant: str
    kind: str
    value: float
    qualifier: str
    as_of: dt.date | None
    event_id: str


def totals_before(conn: Connection, until: dt.date) -> list[TotalRow]:
    """Every claimed total asserted before `until` (by its as-of day, else its claim's day),
    oldest first, so the last one per claimant and kind is the latest."""
    day = func.coalesce(claimed_totals.c.as_of, events.c.date)
    q = (
        select(
            claimed_totals.c.claimant,
            claimed_totals.c.kind,
            claimed_totals.c.value,
            claimed_totals.c.qualifier,
            day,
            claimed_totals.c.event_id,
        )
        .join(events, events.c.id == claimed_totals.c.event_id)
        .where(day < until)
        .order_by(day, claimed_totals.c.id)
    )
    return [TotalRow(c, k, float(v), q_, d, e) for c, k, v, q_, d, e in conn.execute(q)]


def ongoing(conn: Connection, window: Window, category: str) -> list[ClaimRow]:
    """Claims of a category whose [date, enddate] overlaps the window: a siege that began
    before the period and is said to last into it belongs to the period."""
    last = func.coalesce(events.c.enddate, claim_day())
    q = (
        claim_query()
        .where(events.c.category == category)
        .where(claim_day() < window[1], last >= window[0])
        .order_by(claim_day(), events.c.id)
    )
    return [_claim(r) for r in conn.execute(q)]


def violation_claims(conn: Connection, agreement_id: str, window: Window) -> list[ClaimRow]:
    """The claims of the period's incidents judged potential violations of the agreement."""
    judged = (
        select(incident_claims.c.event_id)
        .join(findings, findings.c.incident_id == incident_claims.c.incident_id)
        .join(incidents, incidents.c.id == incident_claims.c.incident_id)
        .where(findings.c.agreement_id == agreement_id)
        .where(findings.c.kind == "potential_violation")
        .where(_in(incidents, window))
    )
    q = claim_query().where(events.c.id.in_(judged)).order_by(claim_day(), events.c.id)
    return [_claim(r) for r in conn.execute(q)]
