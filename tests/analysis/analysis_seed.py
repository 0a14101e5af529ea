"""The founding article in a store, for the analysis tests: its document (from
shared/eval/dev.jsonl, never copied into the project) and its hand-built events."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import Engine, insert

from hudna.records import Event
from hudna.store.events import replace_document_events
from hudna.store.schema import documents

SEED_EVENTS = Path(__file__).resolve().parents[1] / "agreements" / "cases" / "seed_events.jsonl"


def seed_document(shared: Path) -> dict[str, object]:
    for line in (shared / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if doc["doc_id"] == "seed-000":
            return doc
    raise LookupError("seed-000 is not in dev.jsonl")


def load_seed(engine: Engine, shared: Path) -> None:
    doc = seed_document(shared)
    text = str(doc["text"])
    events = [
        Event.model_validate_json(line)
        for line in SEED_EVENTS.read_text(encoding="utf-8").splitlines()
    ]
    with engine.begin() as conn:
        conn.execute(
            insert(documents),
            {
                "id": "seed-doc",
                "doc_id": "seed-000",
                "text": text,
                "search_text": text,
                "language": "ar",
                "published": dt.date(2016, 4, 30),
                "site": "seed",
                "n_chars": len(text),
                "origin": "test",
                "ingested_at": dt.datetime.now(dt.UTC),
            },
        )
        replace_document_events(conn, "seed-doc", events)
