"""The store side of incidents and findings: link every stored claim into incidents, judge
each incident against the agreements that concern its place and time, and write incidents,
their claims, findings, claimed totals and siege records (replacing the previous run)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, Table, delete, insert

from hudna.agreements import Agreement, load_agreements
from hudna.agreements.area import place_in_area
from hudna.agreements.judge import Designated, judge
from hudna.agreements.loader import unknown_ids
from hudna.analysis.designations import registry_link
from hudna.analysis.load import iter_claims, near_duplicate_pairs
from hudna.analysis.sieges import siege_records_from
from hudna.analysis.totals import claimed_totals_from
from hudna.incidents.claims import Claim
from hudna.incidents.link import link_claims
from hudna.records import Event, Finding, Incident
from hudna.store.schema import claimed_totals, findings, incident_claims, incidents, siege_records

MARGIN_DAYS = 30


@dataclass
class AnalysisReport:
    claims: int = 0
    incidents: int = 0
    linked_claims: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    claimed_totals: int = 0
    siege_records: int = 0
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "claims": self.claims,
            "incidents": self.incidents,
            "linked_claims": self.linked_claims,
            "findings": dict(self.findings),
            "claimed_totals": self.claimed_totals,
            "siege_records": self.siege_records,
            "warnings": self.warnings,
        }


def concerns(incident: Incident, agreement: Agreement, *, margin_days: int = MARGIN_DAYS) -> bool:
    """Whether to judge this pair: the incident is in (or near, by `margin_days`) the
    agreement's period, and it is placed in the countries that hold the area (for a local
    truce: in the area itself); an unplaced incident only when it names one of the
    agreement's parties or excluded actors."""
    if incident.date is not None:
        first = agreement.effective.date() - dt.timedelta(days=margin_days)
        last = agreement.end.date() + dt.timedelta(days=margin_days) if agreement.end else None
        if (incident.enddate or incident.date) < first or (last and incident.date > last):
            return False
    place = incident.place
    if place is None:
        bound = {p.id for p in agreement.parties} | set(agreement.excluded.ids)
        return not bound.isdisjoint(incident.actors)
    if agreement.kind != "local" and place.country:
        return place.country.upper() in agreement.area.region_countries
    return place_in_area(place, agreement.area)[0]


def judge_all(
    pairs: Sequence[tuple[Incident, list[Event]]],
    agreements: Sequence[Agreement],
    designated: Designated,
) -> list[Finding]:
    return [
        judge(incident, claims, agreement, designated=designated)
        for incident, claims in pairs
        for agreement in agreements
        if concerns(incident, agreement)
    ]


def _incident_row(incident: Incident) -> dict[str, object]:
    place = incident.place
    return {
        "id": incident.id,
        "category": incident.event,
        "date": incident.date,
        "enddate": incident.enddate,
        "place_name": (place.name or place.entity_text) if place else None,
        "admin1": place.admin1 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "corroboration": incident.corroboration,
        "independent_sources": incident.independent_sources,
        "payload": incident.model_dump(mode="json"),
    }


def _claim_rows(incident: Incident) -> list[dict[str, object]]:
    return [
        {"incident_id": incident.id, "event_id": c.event_id, "score": c.score, "reasons": c.reasons}
        for c in incident.claims
    ]


def _finding_row(f: Finding) -> dict[str, object]:
    return {
        "incident_id": f.incident_id,
        "agreement_id": f.agreement_id,
        "kind": str(f.kind),
        "obligation": f.obligation,
        "payload": f.model_dump(mode="json"),
    }


def _clear(conn: Connection) -> None:
    for table in (findings, incident_claims, incidents, claimed_totals, siege_records):
        conn.execute(delete(table))


def _insert(
    conn: Connection, table: Table, rows: list[dict[str, object]], chunk: int = 2000
) -> None:
    for start in range(0, len(rows), chunk):
        conn.execute(insert(table), rows[start : start + chunk])


def _write(
    engine: Engine, found: list[Incident], judged: list[Finding], claims: list[Claim]
) -> tuple[int, int]:
    totals = [t.model_dump() for t in claimed_totals_from(claims)]
    sieges = [{**r.model_dump(), "place_key": key} for key, r in siege_records_from(claims)]
    with engine.begin() as conn:
        _clear(conn)
        _insert(conn, incidents, [_incident_row(i) for i in found])
        _insert(conn, incident_claims, [row for i in found for row in _claim_rows(i)])
        _insert(conn, findings, [_finding_row(f) for f in judged])
        _insert(conn, claimed_totals, totals)
        _insert(conn, siege_records, sieges)
    return len(totals), len(sieges)


def run_analysis(
    engine: Engine,
    *,
    agreements: Sequence[Agreement] | None = None,
    designated: Designated | None = None,
    progress: Callable[[int], None] | None = None,
) -> AnalysisReport:
    """Link all stored claims into incidents, judge them, write the results. Idempotent:
    each run replaces the previous run's incidents, findings, totals and siege records."""
    chosen = list(agreements) if agreements is not None else load_agreements()
    report = AnalysisReport()
    if designated is None:
        link = registry_link()
        designated = link.designated
        report.warnings += link.warnings
        if link.known is not None:
            report.warnings += unknown_ids(chosen, link.known)
    claims = list(iter_claims(engine))
    found = link_claims(claims, near_duplicates=near_duplicate_pairs(engine), progress=progress)
    by_id = {c.event.id: c.event for c in claims}
    pairs = [(i, [by_id[c.event_id] for c in i.claims]) for i in found]
    judged = judge_all(pairs, chosen, designated)
    report.claims, report.incidents = len(claims), len(found)
    report.linked_claims = sum(len(i.claims) for i in found if len(i.claims) > 1)
    report.findings.update(str(f.kind) for f in judged)
    report.claimed_totals, report.siege_records = _write(engine, found, judged, claims)
    return report
