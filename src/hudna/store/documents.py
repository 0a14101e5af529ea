"""Documents, ingest batches, rejections and near-duplicate links in the store; listing,
reading and full-text search (FTS5 on SQLite, a GIN tsvector index on PostgreSQL) over the
Arabic-folded `search_text`, so a query matches أ/إ/آ/ا, ة/ه, ى/ي and diacritic variants."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import (
    Connection,
    Engine,
    Table,
    and_,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from hudna.records import Document, Rejection, Source
from hudna.store.schema import (
    documents,
    ingest_batches,
    minhash_bands,
    near_duplicates,
    rejections,
)
from hudna.text.normalize import for_search as fold

_SUMMARY = (
    documents.c.id, documents.c.doc_id, documents.c.title, documents.c.language,
    documents.c.published, documents.c.date_origin, documents.c.site, documents.c.url,
    documents.c.n_chars, documents.c.ingested_at,
)  # fmt: skip
_TOKENS = re.compile(r"\w+")


class DocumentSummary(BaseModel):
    """One line of a document listing."""

    model_config = ConfigDict(frozen=True)

    id: str
    doc_id: str
    title: str | None
    language: str | None
    published: dt.date | None
    date_origin: str
    site: str | None
    url: str | None
    n_chars: int
    ingested_at: dt.datetime


class SearchHit(DocumentSummary):
    """A document matching a full-text query, with a snippet of the folded text."""

    snippet: str
    score: float


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# -- writing ----------------------------------------------------------------------------


def start_batch(engine: Engine, batch_id: str, inputs: Sequence[str]) -> None:
    with engine.begin() as conn:
        conn.execute(
            insert(ingest_batches).values(
                id=batch_id,
                started_at=now(),
                inputs=list(inputs),
                added=0,
                duplicates=0,
                rejected=0,
            )
        )


def finish_batch(engine: Engine, batch_id: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(ingest_batches).where(ingest_batches.c.id == batch_id).values(finished_at=now())
        )


def count_batch(
    conn: Connection, batch_id: str, *, added: int, duplicates: int, rejected: int
) -> None:
    c = ingest_batches.c
    conn.execute(
        update(ingest_batches)
        .where(c.id == batch_id)
        .values(
            added=c.added + added,
            duplicates=c.duplicates + duplicates,
            rejected=c.rejected + rejected,
        )
    )


def existing_ids(conn: Connection, ids: Iterable[str]) -> set[str]:
    wanted = list(set(ids))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(conn.scalars(select(documents.c.id).where(documents.c.id.in_(chunk))))
    return found


def _insert_ignoring_conflicts(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(table).on_conflict_do_nothing(), rows)


def insert_documents(conn: Connection, rows: list[dict[str, Any]]) -> None:
    _insert_ignoring_conflicts(conn, documents, rows)


def insert_bands(conn: Connection, bands: dict[str, list[int]]) -> None:
    """The LSH band hashes of new documents (`hudna.ingest.dedupe.band_hashes`), by id."""
    rows = [
        {"band": band, "hash": value, "document_id": doc}
        for doc, hashes in bands.items()
        for band, value in enumerate(hashes)
    ]
    _insert_ignoring_conflicts(conn, minhash_bands, rows)


def band_candidates(conn: Connection, hashes: list[int]) -> list[tuple[str, list[int]]]:
    """Stored documents sharing at least one band hash with `hashes` (band i is hashes[i]),
    with their signatures: found through the (band, hash) key, not by reading every signature."""
    if not hashes:
        return []
    b = minhash_bands.c
    # OR of (band, hash) pairs, not a row-value IN: SQLite answers it from the primary key.
    shared = or_(*(and_(b.band == band, b.hash == value) for band, value in enumerate(hashes)))
    ids = select(b.document_id).where(shared).distinct().scalar_subquery()
    query = select(documents.c.id, documents.c.minhash).where(documents.c.id.in_(ids))
    return [(doc, sig) for doc, sig in conn.execute(query) if isinstance(sig, list)]


def insert_links(conn: Connection, links: Iterable[tuple[str, str, float]], method: str) -> None:
    rows = {
        (min(a, b), max(a, b)): {
            "doc_a": min(a, b),
            "doc_b": max(a, b),
            "similarity": s,
            "method": method,
        }
        for a, b, s in links
    }
    _insert_ignoring_conflicts(conn, near_duplicates, list(rows.values()))


def insert_rejections(conn: Connection, batch_id: str, refused: Sequence[Rejection]) -> None:
    if refused:
        at = now()
        conn.execute(
            insert(rejections),
            [{**r.model_dump(), "batch_id": batch_id, "at": at} for r in refused],
        )


def signatures(engine: Engine) -> Iterator[tuple[str, list[int]]]:
    """Every stored document's MinHash signature, to seed the near-duplicate index."""
    with engine.connect() as conn:
        query = select(documents.c.id, documents.c.minhash).where(documents.c.minhash.is_not(None))
        for doc, sig in conn.execute(query.execution_options(yield_per=2000)):
            if isinstance(sig, list):
                yield doc, sig


# -- reading ----------------------------------------------------------------------------


def _document(row: Any) -> Document:
    return Document(
        id=row.id, doc_id=row.doc_id, text=row.text, language=row.language,
        published=row.published, date_origin=row.date_origin, title=row.title,
        source=Source(site=row.site, url=row.url, author=row.author), origin=row.origin,
    )  # fmt: skip


def get_document(engine: Engine, id_or_doc_id: str) -> Document | None:
    """A document by its content id, an unambiguous id prefix (≥ 8 characters), or doc_id."""
    c = documents.c
    with engine.connect() as conn:
        row = conn.execute(select(documents).where(c.id == id_or_doc_id)).first()
        if row is None:
            row = conn.execute(select(documents).where(c.doc_id == id_or_doc_id).limit(1)).first()
        if row is None and len(id_or_doc_id) >= 8:
            rows = conn.execute(
                select(documents).where(c.id.startswith(id_or_doc_id)).limit(2)
            ).all()
            row = rows[0] if len(rows) == 1 else None
    return _document(row) if row is not None else None


def list_documents(
    engine: Engine,
    *,
    limit: int = 50,
    offset: int = 0,
    language: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[DocumentSummary]:
    """Documents, newest publication first; `since <= published < until` (half-open)."""
    c = documents.c
    query = select(*_SUMMARY)
    if language:
        query = query.where(c.language == language)
    if since:
        query = query.where(c.published >= since)
    if until:
        query = query.where(c.published < until)
    query = query.order_by(c.published.desc().nulls_last(), c.id).limit(limit).offset(offset)
    with engine.connect() as conn:
        return [DocumentSummary.model_validate(r._mapping) for r in conn.execute(query)]


def count_documents(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(documents)) or 0)


def fts_query(query: str) -> str:
    """A safe FTS5 query from user input: folded tokens, each quoted, all required."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in _TOKENS.findall(fold(query)))


_SQLITE_SEARCH = text(
    "SELECT d.id, d.doc_id, d.title, d.language, d.published, d.date_origin, d.site, d.url, "
    "d.n_chars, d.ingested_at, snippet(documents_fts, 0, '[', ']', '…', 12) AS snippet, "
    "bm25(documents_fts) AS score FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
    "WHERE documents_fts MATCH :q ORDER BY score LIMIT :limit"
)
_POSTGRES_SEARCH = text(
    "SELECT d.id, d.doc_id, d.title, d.language, d.published, d.date_origin, d.site, d.url, "
    "d.n_chars, d.ingested_at, "
    "ts_headline('simple', d.search_text, q, 'MaxWords=18, MinWords=8, StartSel=[, StopSel=]') AS snippet, "
    "-ts_rank(to_tsvector('simple', d.search_text), q) AS score "
    "FROM documents d, plainto_tsquery('simple', :q) q "
    "WHERE to_tsvector('simple', d.search_text) @@ q ORDER BY score LIMIT :limit"
)


def search_documents(engine: Engine, query: str, *, limit: int = 20) -> list[SearchHit]:
    """Full-text search over the folded text; best first (lower score is better)."""
    tokens = _TOKENS.findall(fold(query))
    if not tokens:
        return []
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            rows = conn.execute(_SQLITE_SEARCH, {"q": fts_query(query), "limit": limit})
        else:
            rows = conn.execute(_POSTGRES_SEARCH, {"q": " ".join(tokens), "limit": limit})
        return [SearchHit.model_validate(dict(r._mapping)) for r in rows]


def near_duplicates_of(engine: Engine, document_id: str) -> list[tuple[str, float]]:
    """The documents linked to one as near-duplicates, with their estimated similarity."""
    n = near_duplicates.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(n.doc_a, n.doc_b, n.similarity).where(
                (n.doc_a == document_id) | (n.doc_b == document_id)
            )
        )
        return sorted(
            ((r.doc_b if r.doc_a == document_id else r.doc_a, r.similarity) for r in rows),
            key=lambda pair: -pair[1],
        )


def list_rejections(
    engine: Engine, *, batch_id: str | None = None, limit: int = 100
) -> list[Rejection]:
    query = select(rejections).order_by(rejections.c.id.desc()).limit(limit)
    if batch_id:
        query = query.where(rejections.c.batch_id == batch_id)
    with engine.connect() as conn:
        return [
            Rejection(origin=r.origin, item=r.item, code=r.code, reason=r.reason, hint=r.hint)
            for r in conn.execute(query)
        ]


def _grouped(conn: Connection, column: Any) -> dict[str, int]:
    rows = conn.execute(select(column, func.count()).group_by(column).order_by(func.count().desc()))
    return {str(key): int(n) for key, n in rows}


def store_stats(engine: Engine) -> dict[str, Any]:
    """Counts for `hudna stats`: documents by language and date origin, batches, refusals."""
    b = ingest_batches.c
    with engine.connect() as conn:
        return {
            "documents": int(conn.scalar(select(func.count()).select_from(documents)) or 0),
            "characters": int(conn.scalar(select(func.sum(documents.c.n_chars))) or 0),
            "by_language": _grouped(conn, documents.c.language),
            "by_date_origin": _grouped(conn, documents.c.date_origin),
            "published_range": [
                conn.scalar(select(func.min(documents.c.published))),
                conn.scalar(select(func.max(documents.c.published))),
            ],
            "near_duplicate_links": int(
                conn.scalar(select(func.count()).select_from(near_duplicates)) or 0
            ),
            "batches": int(conn.scalar(select(func.count()).select_from(ingest_batches)) or 0),
            "unfinished_batches": int(
                conn.scalar(select(func.count()).where(b.finished_at.is_(None))) or 0
            ),
            "rejections_by_code": _grouped(conn, rejections.c.code),
        }
