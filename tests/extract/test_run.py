"""Running extraction: FORMAT §1 in, §2 out (bad lines kept as empty lines), and the store."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

from sqlalchemy import func, insert, select

from hudna.extract.pipeline import Pipeline
from hudna.extract.run import extract_lines, extract_store, pending_documents
from hudna.extract.writer import event_json
from hudna.store.database import create_store_engine
from hudna.store.events import iter_events
from hudna.store.schema import documents, events

LINES = [
    json.dumps({"doc_id": "a", "text": "قصف الجيش مواقع داعش في دير الزور أمس.", "published": "2016-04-30", "language": "ar"}, ensure_ascii=False),
    "{not json",
    json.dumps({"doc_id": "b", "title": "no text"}),
    json.dumps({"doc_id": "c", "text": "The rebels attacked the town on Sunday SANA said.", "published": None}),
    json.dumps({"doc_id": "d", "text": "نص", "published": "yesterday"}),
]  # fmt: skip


def _run(pipeline: Pipeline) -> tuple[list[dict], list[str]]:  # type: ignore[type-arg]
    out, warnings = io.StringIO(), []
    stats = extract_lines(LINES, out, pipeline, warn=warnings.append)
    assert stats.documents == 5 and stats.rejected == 3
    return [json.loads(x) for x in out.getvalue().splitlines()], warnings


def test_one_line_out_per_line_in_same_order(pipeline: Pipeline) -> None:
    rows, warnings = _run(pipeline)
    assert [r["doc_id"] for r in rows] == ["a", "line-2", "b", "c", "d"]
    assert [bool(r["events"]) for r in rows] == [True, False, False, True, False]
    assert len(warnings) == 3 and "line 2" in warnings[0] and "published" in warnings[2]


def test_output_has_format_fields_only(pipeline: Pipeline) -> None:
    rows, _ = _run(pipeline)
    event = rows[0]["events"][0]
    assert {"components", "doc_id"}.isdisjoint(event)
    assert all("span" not in e and "registry_id" not in e for e in event["actor"])
    assert event["event"] == "ASSAULT" and event["date"] == "2016-04-29"
    assert set(event["text_info"]) == {"start", "end"} and rows[0]["published"] == "2016-04-30"


def test_scorer_reads_the_output(pipeline: Pipeline, shared: Path, tmp_path: Path) -> None:
    sys.path.insert(0, str(shared / "eval"))
    import score  # type: ignore[import-not-found]

    rows, _ = _run(pipeline)
    gold = [{**json.loads(LINES[0]), "events": [{"event": "ASSAULT", "sentence": json.loads(LINES[0])["text"], "actor": [{"entity_text": "الجيش"}], "date": "2016-04-29"}]}]  # fmt: skip
    tallies, _ = score.score(gold, {r["doc_id"]: r for r in rows})
    assert tallies["all"].c["tp"] == 1 and tallies["all"].c["date.tp"] == 1


def _store_document(engine: object, doc_id: str, text: str) -> None:
    with engine.begin() as conn:  # type: ignore[attr-defined]
        conn.execute(
            insert(documents).values(
                id=f"id-{doc_id}", doc_id=doc_id, text=text, search_text=text, n_chars=len(text),
                language="ar", published=dt.date(2016, 4, 30),
                ingested_at=dt.datetime.now(dt.UTC), origin="test", date_origin="metadata",
            )
        )  # fmt: skip


def test_store_mode_writes_events_and_resumes(pipeline: Pipeline, store_url: str) -> None:
    engine = create_store_engine(store_url)
    _store_document(engine, "a", "قصف الجيش مواقع داعش في دير الزور أمس.")
    _store_document(engine, "b", "وقالت وزارة الخارجية الروسية إن روسيا لم تقصف المدينة.")
    ids = pending_documents(engine, pipeline.versions)
    assert ids == ["id-a", "id-b"]
    stats = extract_store(engine, pipeline, ids)
    assert stats.documents == 2 and stats.events >= 2
    assert pending_documents(engine, pipeline.versions) == []
    assert pending_documents(engine, {"events": "other"}) == ["id-a", "id-b"]
    assert len(pending_documents(engine, pipeline.versions, redo=True)) == 2
    stored = list(iter_events(engine))
    assert {s.document_id for s in stored} == {"id-a", "id-b"}
    assert all(s.event.components == pipeline.versions for s in stored)
    extract_store(engine, pipeline, ids)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(events)).scalar() == stats.events


def test_event_json_drops_empty_sizes(pipeline: Pipeline) -> None:
    rows, _ = _run(pipeline)
    assert all(v is not None for r in rows for e in r["events"] for v in e["size"].values())
    assert event_json.__doc__
