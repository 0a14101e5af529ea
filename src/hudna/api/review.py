"""An analyst confirms or corrects a claim; every change goes to the audit trail with who,
when, why, and the record before and after, in the same transaction as the change."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from hudna.api.errors import ApiError
from hudna.api.models import Confirmation, Correction
from hudna.records import CATEGORIES, Event
from hudna.store.events import _entity_rows, _event_row
from hudna.store.schema import audit_log, event_entities, events

FROZEN_FIELDS = frozenset({"id", "doc_id"})


def _corrected(before: dict[str, Any], changes: dict[str, Any]) -> Event:
    frozen = FROZEN_FIELDS.intersection(changes)
    if frozen:
        raise ApiError(422, f"cannot change {sorted(frozen)}: they identify the claim")
    try:
        event = Event.model_validate({**before, **changes})
    except ValidationError as e:
        details = [{"loc": list(x["loc"]), "msg": x["msg"]} for x in e.errors()]
        raise ApiError(422, "the corrected event is not valid; see details", details=details) from e
    if event.event not in CATEGORIES:
        raise ApiError(
            422,
            f"{event.event!r} is not a PLOVER category",
            details=[{"loc": ["changes", "event"], "msg": f"one of {', '.join(CATEGORIES)}"}],
        )
    return event


def _apply(conn: Connection, event: Event, document_id: str, status: str) -> None:
    row = _event_row(event, document_id, dt.datetime.now(dt.UTC))
    row.pop("id")
    row.pop("extracted_at")
    row["status"] = status
    conn.execute(update(events).where(events.c.id == event.id).values(**row))
    conn.execute(delete(event_entities).where(event_entities.c.event_id == event.id))
    entity_rows = list(_entity_rows(event))
    if entity_rows:
        conn.execute(insert(event_entities), entity_rows)


def review_event(
    engine: Engine, event_id: str, review: Confirmation | Correction, who: str
) -> dict[str, Any]:
    """Confirm or correct the event `event_id`; returns the audit entry written."""
    q = select(events.c.payload, events.c.document_id, events.c.status)
    with engine.begin() as conn:
        row = conn.execute(q.where(events.c.id == event_id)).first()
        if row is None:
            raise ApiError(404, f"no event {event_id!r}; list events at /api/events")
        before = {"status": row.status, "event": row.payload}
        changes = review.changes if isinstance(review, Correction) else {}
        event = _corrected(row.payload, changes)
        _apply(conn, event, row.document_id, review.status)
        entry = {
            "at": dt.datetime.now(dt.UTC),
            "who": who,
            "action": review.status,
            "target": f"event:{event_id}",
            "before": before,
            "after": {"status": review.status, "event": event.model_dump(mode="json")},
            "why": review.why,
        }
        entry_id = conn.execute(insert(audit_log).returning(audit_log.c.id), entry).scalar_one()
    return {"id": entry_id, **entry}


def audit_trail(
    engine: Engine, *, target: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    where = [audit_log.c.target == target] if target else []
    q = select(audit_log).where(*where).order_by(audit_log.c.at.desc(), audit_log.c.id.desc())
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q.limit(limit).offset(offset))]
        total = int(
            conn.execute(select(func.count()).select_from(audit_log).where(*where)).scalar_one()
        )
    return rows, total
