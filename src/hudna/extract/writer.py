"""The FORMAT.md §2 writer: one output line per input document, PLOVER fields only.

hudna's own fields (`components`, `doc_id` inside an event, entity `registry_id` and `span`,
place `pcode` and `span`) stay in the store; the FORMAT file carries what the contract names.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from hudna.records import Event

EVENT_DROP = {"components", "doc_id"}
ENTITY_DROP = {"registry_id", "span"}
PLACE_DROP = {"pcode", "span"}
ENTITY_SLOTS = ("actor", "recipient", "claimant", "via")


def _clean(d: dict[str, Any], drop: set[str]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k not in drop}


def event_json(event: Event) -> dict[str, Any]:
    """One event as FORMAT.md §2 EVENT."""
    out = _clean(event.model_dump(mode="json"), EVENT_DROP)
    for slot in ENTITY_SLOTS:
        out[slot] = [_clean(e, ENTITY_DROP) for e in out[slot]]
    if out["event_loc"]:
        out["event_loc"] = _clean(out["event_loc"], PLACE_DROP)
    out["size"] = {k: v for k, v in out["size"].items() if v is not None}
    return out


def document_line(
    doc_id: str, published: dt.date | None, language: str | None, events: Sequence[Event]
) -> str:
    """One JSONL line of the output: the document's id, date, language and events."""
    record = {
        "doc_id": doc_id,
        "published": published.isoformat() if published else None,
        "language": language,
        "events": [event_json(e) for e in events],
    }
    return json.dumps(record, ensure_ascii=False)
