"""The incident, document and agreement pages' content."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select

from hudna.agreements import Agreement
from hudna.api.queries import get_document_row
from hudna.api.routers.incidents import incident_detail
from hudna.store.schema import claimed_totals, events, findings, incidents
from hudna.web.evidence import Piece, excerpt, highlight, is_rtl
from hudna.web.names import PlaceNames


def names(entities: list[dict[str, Any]]) -> list[str]:
    return [e.get("identifier_text") or e.get("entity_text") or "" for e in entities]


def numbers(event: dict[str, Any]) -> list[tuple[str, float, str]]:
    """(kind, value, qualifier) for the casualty sizes and the quantities of a claim."""
    found = [(k, float(v), "exact") for k, v in (event.get("size") or {}).items() if v is not None]
    found += [
        (q["kind"], float(q["value"]), q.get("qualifier", "exact"))
        for q in event.get("quantity", [])
    ]
    return found


@dataclass(frozen=True, slots=True)
class ClaimCard:
    event_id: str
    event: dict[str, Any]
    status: str
    claimants: list[str]
    via: list[str]
    actors: list[str]
    recipients: list[str]
    numbers: list[tuple[str, float, str]]
    document: dict[str, Any]
    rtl: bool
    evidence: list[Piece]


def claim_card(claim: dict[str, Any]) -> ClaimCard:
    ev, doc = claim["event"], claim["document"]
    payload = ev["payload"]
    return ClaimCard(
        event_id=ev["id"],
        event=payload,
        status=ev["status"],
        claimants=names(payload.get("claimant", [])),
        via=names(payload.get("via", [])),
        actors=names(payload.get("actor", [])),
        recipients=names(payload.get("recipient", [])),
        numbers=numbers(payload),
        document=doc,
        rtl=is_rtl(doc["text"], doc.get("language")),
        evidence=excerpt(doc["text"], ev["span_start"], ev["span_end"]),
    )


def incident_view(engine: Engine, incident_id: str, lang: str = "en") -> dict[str, Any] | None:
    row = incident_detail(engine, incident_id)
    if row is None:
        return None
    names, place = PlaceNames(lang), (row.get("payload") or {}).get("place") or {}
    return {
        **row,
        "cards": [claim_card(c) for c in row["claims"]],
        "place_label": names.place(row.get("place_name"), place),
        "admin1_label": names.governorate(row.get("admin1"), place.get("pcode")),
    }


def document_view(engine: Engine, document_id: str) -> dict[str, Any] | None:
    row = get_document_row(engine, document_id)
    if row is None:
        return None
    spans = [(e["span_start"], e["span_end"], e["id"]) for e in _spans(engine, document_id)]
    return {
        **row,
        "rtl": is_rtl(row["text"], row["language"]),
        "pieces": highlight(row["text"], spans),
    }


def _spans(engine: Engine, document_id: str) -> list[dict[str, Any]]:
    q = select(events.c.id, events.c.span_start, events.c.span_end).where(
        events.c.document_id == document_id
    )
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


@dataclass
class AgreementView:
    agreement: Agreement
    counts: dict[str, int]
    by_kind: dict[str, list[dict[str, Any]]]
    totals: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)

    @property
    def peaks(self) -> dict[str, float]:
        """The largest claimed total of each kind, across claimants (bars share one scale)."""
        peaks: dict[str, float] = {}
        for kinds in self.totals.values():
            for kind, rows in kinds.items():
                peaks[kind] = max([peaks.get(kind, 0.0), *(float(r["value"]) for r in rows)])
        return peaks


def _findings_by_kind(
    engine: Engine, agreement_id: str, per_kind: int
) -> tuple[dict[str, int], dict[str, list[dict[str, Any]]]]:
    """How many findings of each kind, and the latest `per_kind` of each."""
    q = (
        select(
            findings.c.kind,
            findings.c.obligation,
            findings.c.payload,
            incidents.c.id,
            incidents.c.date,
            incidents.c.place_name,
            incidents.c.category,
        )
        .join(incidents, incidents.c.id == findings.c.incident_id)
        .where(findings.c.agreement_id == agreement_id)
        .order_by(incidents.c.date.desc(), incidents.c.id)
    )
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with engine.connect() as conn:
        for r in conn.execute(q):
            grouped[r.kind].append(dict(r._mapping))
    return {k: len(v) for k, v in grouped.items()}, {k: v[:per_kind] for k, v in grouped.items()}


def _window(agreement: Agreement) -> tuple[dt.date, dt.date | None]:
    return agreement.effective.date(), agreement.end.date() if agreement.end else None


def claimed_totals_by_claimant(
    engine: Engine, since: dt.date, until: dt.date | None
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """claimant → kind → totals in date order, within [since, until)."""
    ct = claimed_totals.c
    q = select(ct.claimant, ct.kind, ct.value, ct.qualifier, ct.as_of, ct.event_id).where(
        ct.as_of >= since
    )
    if until:
        q = q.where(ct.as_of < until)
    out: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    with engine.connect() as conn:
        for r in conn.execute(q.order_by(ct.claimant, ct.kind, ct.as_of)):
            out[r.claimant][r.kind].append(dict(r._mapping))
    return {c: dict(k) for c, k in out.items()}


def agreement_view(engine: Engine, agreement: Agreement, *, per_kind: int = 50) -> AgreementView:
    counts, by_kind = _findings_by_kind(engine, agreement.id, per_kind)
    since, until = _window(agreement)
    return AgreementView(
        agreement, counts, by_kind, claimed_totals_by_claimant(engine, since, until)
    )
