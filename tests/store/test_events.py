from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, insert, select

from hudna.records import Entity, Event, Place, Span
from hudna.store.database import create_store_engine, upgrade
from hudna.store.events import (
    STRUCTURED,
    get_event,
    iter_events,
    pending_document_ids,
    replace_document_events,
)
from hudna.store.schema import documents, event_entities


def _document(conn: object, doc: str) -> None:
    conn.execute(  # type: ignore[attr-defined]
        insert(documents).values(
            id=doc, doc_id=doc, text="نص", search_text="نص", n_chars=2,
            ingested_at=dt.datetime.now(dt.UTC), origin="test", date_origin="none",
        )
    )  # fmt: skip


def _event(eid: str, day: dt.date | None, category: str = "ASSAULT") -> Event:
    return Event(
        id=eid,
        doc_id="d1",
        event=category,
        date=day,
        date_precision="day" if day else "unknown",
        text_info=Span(start=0, end=2),
        actor=[Entity(entity_text="داعش", registry_id="isil", kind="armed_group")],
        claimant=[Entity(entity_text="المرصد", registry_id="sohr")],
        event_loc=Place(entity_text="الفوعة", name="Al-Fu'ah", admin1="Idlib", lat=35.96, lon=36.7),
    )


def test_replace_is_idempotent_and_round_trips(store_url: str) -> None:
    engine = create_store_engine(store_url)
    first = [_event("e1", dt.date(2016, 4, 29)), _event("e2", None, "AID")]
    with engine.begin() as conn:
        _document(conn, "d1")
        replace_document_events(conn, "d1", first)
    with engine.begin() as conn:
        replace_document_events(conn, "d1", first)
        count = conn.execute(select(func.count()).select_from(event_entities)).scalar()
    assert count == 4  # two events × (actor + claimant), not doubled
    stored = get_event(engine, "e1")
    assert stored is not None and stored.event == first[0] and stored.document_id == "d1"


def test_iter_events_filters_half_open_window_and_category(store_url: str) -> None:
    engine = create_store_engine(store_url)
    days = [dt.date(2016, 4, d) for d in (28, 29, 30)]
    with engine.begin() as conn:
        _document(conn, "d1")
        replace_document_events(conn, "d1", [_event(f"e{i}", d) for i, d in enumerate(days)])
    window = list(iter_events(engine, since=days[0], until=days[2]))
    assert [s.event.id for s in window] == ["e0", "e1"]
    assert list(iter_events(engine, categories=["AID"])) == []


def test_a_document_extracted_with_no_event_is_not_pending_again(store_url: str) -> None:
    engine = create_store_engine(store_url)
    v1, v2 = {"triggers": "1"}, {"triggers": "2"}
    with engine.begin() as conn:
        _document(conn, "d1")
        _document(conn, "d2")
    assert pending_document_ids(engine, v1) == ["d1", "d2"]
    with engine.begin() as conn:
        replace_document_events(conn, "d1", [], versions=v1)
    assert pending_document_ids(engine, v1) == ["d2"]
    assert pending_document_ids(engine, v2) == ["d1", "d2"]  # new components: again
    assert pending_document_ids(engine, v1, redo=True) == ["d1", "d2"]


def test_claims_given_as_data_are_never_replaced_by_text_extraction(store_url: str) -> None:
    engine = create_store_engine(store_url)
    with engine.begin() as conn:
        _document(conn, "table")
        replace_document_events(conn, "table", [_event("t1", None)], versions=STRUCTURED)
    assert pending_document_ids(engine, {"triggers": "1"}) == []
    assert pending_document_ids(engine, {"triggers": "1"}, redo=True) == []


def test_upgrading_a_store_marks_documents_already_extracted(tmp_path: Path) -> None:
    db = str(tmp_path / "old.db")
    engine = create_store_engine(db)
    upgrade(engine, "0003p")
    with engine.begin() as conn:
        _document(conn, "d1")
        _document(conn, "d2")
        replace_document_events(conn, "d1", [_event("e1", None)])
    upgrade(engine)
    assert pending_document_ids(engine, {}) == ["d2"]  # d1's events were made by components {}
