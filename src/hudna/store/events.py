"""Writing and reading events (claims). The full record is kept as JSON in `payload`;
the fields that queries filter on are copied to columns and to `event_entities`."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Row, Select, delete, insert, select

from hudna.records import Entity, Event
from hudna.store.schema import documents, event_entities, events, extractions

ROLES = ("actor", "recipient", "claimant", "via")


def _entity_key(entity: Entity) -> str:
    return entity.registry_id or entity.identifier_text or entity.entity_text


def _event_row(event: Event, document_id: str, now: dt.datetime) -> dict[str, object]:
    place = event.event_loc
    return {
        "id": event.id,
        "document_id": document_id,
        "category": event.event,
        "modes": list(event.mode),
        "modality": event.modality,
        "date": event.date,
        "enddate": event.enddate,
        "date_precision": event.date_precision,
        "place_name": place.name or place.entity_text if place else None,
        "place_pcode": place.pcode if place else None,
        "admin1": place.admin1 if place else None,
        "country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "span_start": event.text_info.start,
        "span_end": event.text_info.end,
        "event_text": event.event_text,
        "actors": [_entity_key(e) for e in event.actor],
        "claimants": [_entity_key(e) for e in event.claimant],
        "confidence": event.confidence,
        "status": "unreviewed",
        "payload": event.model_dump(mode="json"),
        "components": dict(event.components),
        "extracted_at": now,
    }


def _entity_rows(event: Event) -> Iterator[dict[str, object]]:
    for role in ROLES:
        for e in getattr(event, role):
            yield {
                "event_id": event.id,
                "role": role,
                "entity_text": e.entity_text,
                "registry_id": e.registry_id,
                "code": e.code,
                "sector": e.sector,
                "kind": e.kind,
            }


# The marker of a document whose claims were given as data (a monitor's bulletin table), not
# extracted from text: text extraction never replaces them, even with `redo`.
STRUCTURED: Mapping[str, str] = {"structured": "bulletin-table"}


def versions_key(versions: Mapping[str, str]) -> str:
    """A short, order-independent key for a set of component versions."""
    return hashlib.sha256(json.dumps(dict(versions), sort_keys=True).encode()).hexdigest()


def _mark_extracted(
    conn: Connection, document_id: str, versions: Mapping[str, str], n_events: int
) -> None:
    conn.execute(delete(extractions).where(extractions.c.document_id == document_id))
    conn.execute(
        insert(extractions).values(
            document_id=document_id,
            versions_key=versions_key(versions),
            versions=dict(versions),
            events=n_events,
            extracted_at=dt.datetime.now(dt.UTC),
        )
    )


def replace_document_events(
    conn: Connection,
    document_id: str,
    new: Sequence[Event],
    *,
    versions: Mapping[str, str] | None = None,
) -> None:
    """Replace every event of one document (re-extraction is idempotent), in the caller's
    transaction so a killed run leaves either the old or the new events, never half.
    With `versions`, the document is also marked as extracted by those components, so
    `pending_document_ids` skips it even when it gave no event."""
    old_ids = select(events.c.id).where(events.c.document_id == document_id)
    conn.execute(delete(event_entities).where(event_entities.c.event_id.in_(old_ids)))
    conn.execute(delete(events).where(events.c.document_id == document_id))
    if versions is not None:
        _mark_extracted(conn, document_id, versions, len(new))
    if not new:
        return
    now = dt.datetime.now(dt.UTC)
    conn.execute(insert(events), [_event_row(e, document_id, now) for e in new])
    entity_rows = [row for e in new for row in _entity_rows(e)]
    if entity_rows:
        conn.execute(insert(event_entities), entity_rows)


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as stored: the record plus the store's own fields."""

    event: Event
    document_id: str
    status: str


def _to_stored(row: Row[Any]) -> StoredEvent:
    return StoredEvent(Event.model_validate(row.payload), str(row.document_id), str(row.status))


def event_query() -> Select[Any]:
    return select(events.c.payload, events.c.document_id, events.c.status)


def iter_events(
    engine: Engine,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    categories: Iterable[str] = (),
    batch: int = 1000,
) -> Iterator[StoredEvent]:
    """Events in date order; `since <= date < until` (half-open), undated last."""
    q = event_query().order_by(events.c.date, events.c.id)
    if since:
        q = q.where(events.c.date >= since)
    if until:
        q = q.where(events.c.date < until)
    cats = list(categories)
    if cats:
        q = q.where(events.c.category.in_(cats))
    with engine.connect() as conn:
        result = conn.execution_options(yield_per=batch).execute(q)
        for row in result:
            yield _to_stored(row)


def get_event(engine: Engine, event_id: str) -> StoredEvent | None:
    with engine.connect() as conn:
        row = conn.execute(event_query().where(events.c.id == event_id)).first()
    return _to_stored(row) if row else None


def pending_document_ids(
    engine: Engine, versions: Mapping[str, str], *, redo: bool = False
) -> list[str]:
    """Ids of stored documents not yet extracted by exactly these component versions
    (all documents with `redo`), in id order. Documents marked `STRUCTURED` are never pending."""
    structured = select(extractions.c.document_id).where(
        extractions.c.versions_key == versions_key(STRUCTURED)
    )
    q = select(documents.c.id).where(documents.c.id.not_in(structured)).order_by(documents.c.id)
    if not redo:
        done = select(extractions.c.document_id).where(
            extractions.c.versions_key == versions_key(versions)
        )
        q = q.where(documents.c.id.not_in(done))
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(q)]
