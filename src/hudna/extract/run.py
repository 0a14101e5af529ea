"""Running the pipeline: over a FORMAT.md §1 JSONL file, or over the documents in the store.

A bad input line yields an output line with no events and a message; the run goes on. In the
store, each document's events are replaced in one transaction, so a killed run resumes where it
stopped: documents already extracted by the current component versions are skipped.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from pydantic import ValidationError
from sqlalchemy import Engine, select

from hudna.errors import InputRejected
from hudna.extract.pipeline import Pipeline
from hudna.extract.writer import document_line
from hudna.records import Document, Event
from hudna.store.events import pending_document_ids, replace_document_events
from hudna.store.schema import documents

Report = Callable[[str], None]
MIN_CONFIDENCE = 0.5


@dataclass
class RunStats:
    documents: int = 0
    events: int = 0
    rejected: int = 0
    skipped: int = 0


def parse_line(line: str, n: int) -> Document:
    """One FORMAT.md §1 line as a Document; raises InputRejected saying what is wrong."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputRejected(f"line {n}: not JSON ({e.msg})", hint="fix or drop the line") from e
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or "doc_id" not in raw:
        raise InputRejected(f"line {n}: needs a JSON object with doc_id and text", code="malformed")
    fields = {k: raw.get(k) for k in ("language", "published", "title")}
    try:
        return Document(
            id=hashlib.sha256(raw["text"].encode("utf-8")).hexdigest(),
            doc_id=str(raw["doc_id"]),
            text=raw["text"],
            **{k: v for k, v in fields.items() if v is not None},
        )
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputRejected(f"line {n}: field {where}: {first['msg']}", code="malformed") from e


def _doc_id_of(line: str, n: int) -> str:
    try:
        raw = json.loads(line)
        return str(raw["doc_id"]) if isinstance(raw, dict) and "doc_id" in raw else f"line-{n}"
    except json.JSONDecodeError:
        return f"line-{n}"


def keep(events: Iterable[Event], min_confidence: float) -> list[Event]:
    return [e for e in events if e.confidence >= min_confidence]


def extract_lines(
    lines: Iterable[str],
    out: IO[str],
    pipeline: Pipeline,
    *,
    warn: Report,
    min_confidence: float = MIN_CONFIDENCE,
    progress: Callable[[], None] | None = None,
) -> RunStats:
    """Read §1 lines, write one §2 line for each, in the same order."""
    stats = RunStats()
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        stats.documents += 1
        try:
            doc = parse_line(line, n)
        except InputRejected as e:
            warn(str(e))
            stats.rejected += 1
            out.write(document_line(_doc_id_of(line, n), None, None, []) + "\n")
            continue
        found = keep(pipeline(doc), min_confidence)
        stats.events += len(found)
        out.write(document_line(doc.doc_id, doc.published, doc.language, found) + "\n")
        if progress:
            progress()
    return stats


def _document(row: Any) -> Document:
    return Document(
        id=row.id, doc_id=row.doc_id, text=row.text, language=row.language,
        published=row.published, title=row.title,
    )  # fmt: skip


def pending_documents(engine: Engine, versions: dict[str, str], *, redo: bool = False) -> list[str]:
    """Ids of stored documents not yet extracted by these component versions."""
    return pending_document_ids(engine, versions, redo=redo)


def iter_stored(engine: Engine, ids: list[str], batch: int = 200) -> Iterator[Document]:
    cols = [documents.c[c] for c in ("id", "doc_id", "text", "language", "published", "title")]
    for i in range(0, len(ids), batch):
        with engine.connect() as conn:
            rows = conn.execute(select(*cols).where(documents.c.id.in_(ids[i : i + batch])))
            yield from sorted((_document(r) for r in rows), key=lambda d: d.id)


def extract_store(
    engine: Engine,
    pipeline: Pipeline,
    ids: list[str],
    *,
    min_confidence: float = MIN_CONFIDENCE,
    progress: Callable[[], None] | None = None,
) -> RunStats:
    """Extract the given stored documents, one transaction per document."""
    stats = RunStats()
    for doc in iter_stored(engine, ids):
        found = keep(pipeline(doc), min_confidence)
        with engine.begin() as conn:
            replace_document_events(conn, doc.id, found, versions=pipeline.versions)
        stats.documents += 1
        stats.events += len(found)
        if progress:
            progress()
    return stats
