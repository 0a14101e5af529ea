"""`hudna bench api`: API latency of filtered event queries over a store of synthetic events.

The store is filled once (documents, then events in chunks of 10,000 inside one
transaction) and reused by later runs; the queries go through the whole ASGI app (routing,
validation, SQL, serialization) with httpx's ASGI transport, so the figures are the
server-side latency without a network in between."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
from sqlalchemy import Connection, Engine, func, insert, select

from hudna.api.app import create_app
from hudna.records import CATEGORIES
from hudna.settings import Settings
from hudna.store.schema import documents, events
from hudna.text.normalize import for_search

GOVERNORATES = (
    "Al-Hasakeh", "Aleppo", "Ar-Raqqa", "As-Sweida", "Damascus", "Dar'a", "Deir-ez-Zor",
    "Hama", "Homs", "Idleb", "Lattakia", "Quneitra", "Rural Damascus", "Tartous",
)  # fmt: skip
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = 730
EVENTS_PER_DOCUMENT = 100
CHUNK = 10_000


@dataclass
class BenchResult:
    db: str
    events: int
    generated_seconds: float | None
    queries: int
    p50_ms: float
    p95_ms: float
    mean_ms: float
    max_ms: float
    mean_rows: float
    cpu_p50_ms: float = 0.0  # CPU time of the process per query: what other load cannot inflate
    cpu_p95_ms: float = 0.0
    samples: list[str] = field(default_factory=list)


def count_events(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(events)).scalar_one())


def _document_rows(first: int, stop: int, now: dt.datetime) -> list[dict[str, object]]:
    rows = []
    for i in range(first, stop):
        text = f"synthetic report {i}: shelling reported in several governorates."
        rows.append({
            "id": f"bench-doc-{i:08d}", "doc_id": f"bench-{i}", "text": text,
            "search_text": for_search(text), "language": "en", "date_origin": "none",
            "origin": "bench", "n_chars": len(text), "ingested_at": now,
        })  # fmt: skip
    return rows


EVENT_COLUMNS = (
    "id", "document_id", "category", "modes", "modality", "date", "date_precision",
    "place_name", "admin1", "country", "span_start", "span_end", "event_text", "actors",
    "claimants", "confidence", "status", "payload", "components", "extracted_at",
)  # fmt: skip


def _event_values(i: int, rng: random.Random, now: object) -> tuple[object, ...]:
    category = rng.choice(CATEGORIES)
    day = (FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))).isoformat()
    admin1 = rng.choice(GOVERNORATES)
    event_id = f"bench-ev-{i:09d}"
    doc = f"bench-doc-{i // EVENTS_PER_DOCUMENT:08d}"
    payload = json.dumps({"id": event_id, "doc_id": doc, "event": category, "date": day,
                          "date_precision": "day", "text_info": {"start": 0, "end": 8},
                          "event_loc": {"entity_text": admin1, "admin1": admin1}})  # fmt: skip
    return (
        event_id, doc, category, "[]", "asserted", day, "day", admin1, admin1, "SY", 0, 8,
        "shelling", "[]", "[]", round(rng.random(), 3), "unreviewed", payload, "{}", now,
    )  # fmt: skip


def _insert_sql(conn: Connection) -> str:
    """A plain INSERT for the driver's executemany (the bulk path of each DBAPI)."""
    style = conn.dialect.paramstyle
    marks = ", ".join("?" if style == "qmark" else "%s" for _ in EVENT_COLUMNS)
    return f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({marks})"


def _docs_before(n_events: int) -> int:
    return -(-n_events // EVENTS_PER_DOCUMENT)


def generate_events(
    engine: Engine,
    n: int,
    *,
    first: int = 0,
    progress: Callable[[int], None] | None = None,
) -> float:
    """Insert synthetic events number `first` to `first + n` (and their documents) in one
    transaction, in chunks of 10,000 through the driver's executemany; returns seconds."""
    rng = random.Random(first)
    now = dt.datetime.now(dt.UTC)
    stamp: object = now.strftime("%Y-%m-%d %H:%M:%S.%f") if engine.dialect.name == "sqlite" else now
    started = time.perf_counter()
    docs_from, docs_to = _docs_before(first), _docs_before(first + n)
    with engine.begin() as conn:
        for start in range(docs_from, docs_to, CHUNK):
            stop = min(start + CHUNK, docs_to)
            conn.execute(insert(documents), _document_rows(start, stop, now))
        sql = _insert_sql(conn)
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        indexes = list(events.indexes) if first == 0 else []
        for index in indexes:  # a fresh bulk load: build the indexes once, at the end
            index.drop(conn)
        for start in range(first, first + n, CHUNK):
            stop = min(start + CHUNK, first + n)
            cursor.executemany(sql, [_event_values(i, rng, stamp) for i in range(start, stop)])
            if progress:
                progress(stop - start)
        cursor.close()
        for index in indexes:
            index.create(conn)
    _analyze(engine)
    return time.perf_counter() - started


def _analyze(engine: Engine) -> None:
    """Fresh statistics (and, on PostgreSQL, the visibility map that index-only scans
    need), as a production store's autovacuum would have them."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE events")
            conn.exec_driver_sql("VACUUM ANALYZE documents")
    else:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE events")


def random_query(rng: random.Random, *, window_days: int = 30) -> str:
    since = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS - window_days))
    until = since + dt.timedelta(days=window_days)
    admin1 = rng.choice(GOVERNORATES).replace(" ", "+").replace("'", "%27")
    return (
        f"/api/events?category={rng.choice(CATEGORIES)}&admin1={admin1}"
        f"&since={since}&until={until}&limit=50&offset={rng.choice((0, 0, 50, 100))}"
    )


async def _measure(
    engine: Engine, settings: Settings, n: int, seed: int
) -> tuple[list[float], list[float], list[int], list[str]]:
    app = create_app(settings, engine=engine, auth_required_for_read=False, dashboard=False)
    rng = random.Random(seed)
    paths = [random_query(rng) for _ in range(n)]
    times: list[float] = []
    cpu: list[float] = []
    rows: list[int] = []
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        for path in paths[:10]:  # warm the caches and the connection pool
            (await client.get(path)).raise_for_status()
        for path in paths:
            started, cpu_started = time.perf_counter(), time.process_time()
            response = await client.get(path)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
            response.raise_for_status()
            rows.append(len(response.json()["items"]))
    return times, cpu, rows, paths[:3]


def measure(
    engine: Engine, settings: Settings, *, queries: int = 300, seed: int = 1
) -> tuple[list[float], list[float], list[int], list[str]]:
    """Wall and CPU times (ms) and row counts of `queries` random filtered, paged event
    queries, and a few of the queries."""
    return asyncio.run(_measure(engine, settings, queries, seed))


def run_bench(
    engine: Engine,
    settings: Settings,
    *,
    n_events: int,
    queries: int = 300,
    progress: Callable[[int], None] | None = None,
) -> BenchResult:
    """Fill the store to `n_events` synthetic events unless it already holds that many,
    then measure."""
    have = count_events(engine)
    generated = None
    if have < n_events:
        generated = generate_events(engine, n_events - have, first=have, progress=progress)
        have = n_events
    times, cpu, rows, samples = measure(engine, settings, queries=queries)
    cuts = statistics.quantiles(times, n=100)
    cpu_cuts = statistics.quantiles(cpu, n=100)
    return BenchResult(
        db=str(engine.url.render_as_string(hide_password=True)), events=have,
        generated_seconds=round(generated, 1) if generated is not None else None,
        queries=len(times), p50_ms=round(statistics.median(times), 2), p95_ms=round(cuts[94], 2),
        mean_ms=round(statistics.fmean(times), 2), max_ms=round(max(times), 2),
        mean_rows=round(statistics.fmean(rows), 1), cpu_p50_ms=round(statistics.median(cpu), 2),
        cpu_p95_ms=round(cpu_cuts[94], 2), samples=samples,
    )  # fmt: skip
