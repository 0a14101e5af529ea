"""Writing a batch: items buffered and written `batch_size` at a time, one transaction each,
with their near-duplicate links, the refusals met so far and the batch's counters.

Near-duplicates are looked for among the documents of the chunk being written and among the
stored ones: for a batch, in an in-memory LSH seeded with every stored signature at the start
(cheap per document over thousands of items); for a single document (`from_table=True`, the
API's one-document ingest), through the store's `minhash_bands` index, which reads only the
signatures of documents sharing a band. Either way the link decision is the estimated Jaccard
similarity against `near_duplicate_threshold`. Each document's band hashes are written in the
same transaction as the document.

The near-duplicate index and the set of ids seen are updated only after a transaction commits.
If the store refuses a chunk (a document PostgreSQL cannot index, say), its documents are
written one by one and only the one the store refuses becomes a refusal: the rest are kept.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from hudna.errors import InputRejected
from hudna.ingest import dedupe
from hudna.ingest.items import Read, refuse
from hudna.ingest.prepare import Prepared, document_row, prepare
from hudna.ingest.report import IngestReport
from hudna.records import Rejection
from hudna.settings import Settings
from hudna.store import documents as store

Link = tuple[str, str, float]


class BatchWriter:
    """Buffers items and writes them `batch_size` at a time; counts into an `IngestReport`."""

    def __init__(
        self, engine: Engine, report: IngestReport, settings: Settings, *, from_table: bool = False
    ) -> None:
        self.engine, self.report, self.settings = engine, report, settings
        self.index: dedupe.NearDuplicateIndex | None = None
        if not from_table:
            self.index = dedupe.NearDuplicateIndex(settings.near_duplicate_threshold)
            self.index.add_all(store.signatures(engine))
        self.pending: list[Prepared] = []
        self.refused: list[Rejection] = []
        self.seen: set[str] = set()
        self.rows: list[dict[str, Any]] = []
        self.links: list[Link] = []

    def add(self, read: Read) -> None:
        if isinstance(read, Rejection):
            self.refused.append(read)
        else:
            try:
                self.pending.append(prepare(read, self.settings.max_document_bytes))
            except InputRejected as e:
                self.refused.append(refuse(e, read.origin, read.item))
        if len(self.pending) + len(self.refused) >= self.settings.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write what is buffered; on a store error, retry document by document."""
        pending, refused = self.pending, self.refused
        self.pending, self.refused, self.rows, self.links = [], [], [], []
        if not pending and not refused:
            return
        try:
            self._write(pending, refused)
        except DBAPIError as e:
            if len(pending) <= 1:
                self._write([], refused + [_store_refused(p, e) for p in pending])
                return
            self._write([], refused)
            for p in pending:
                try:
                    self._write([p], [])
                except DBAPIError as one:
                    self._write([], [_store_refused(p, one)])

    def _stored_matches(self, conn: Connection, doc: str, sig: dedupe.Signature) -> list[Link]:
        if self.index is not None:
            return [(doc, o, s) for o, s in self.index.match(doc, sig)]
        threshold = self.settings.near_duplicate_threshold
        found = []
        for other, other_sig in store.band_candidates(conn, dedupe.band_hashes(sig)):
            score = dedupe.similarity(sig, other_sig)
            if other != doc and score >= threshold:
                found.append((doc, other, round(score, 4)))
        return sorted(found)

    def _new_rows(
        self, conn: Connection, pending: list[Prepared], existing: set[str]
    ) -> tuple[list[dict[str, Any]], list[Link], int]:
        rows: list[dict[str, Any]] = []
        links: list[Link] = []
        chunk = dedupe.ExhaustiveIndex(self.settings.near_duplicate_threshold)
        new: set[str] = set()
        duplicates, at = 0, store.now()
        for p in pending:
            if p.id in existing or p.id in self.seen or p.id in new:
                duplicates += 1
                continue
            row = document_row(p, self.report.batch_id, at)
            sig = row["minhash"]
            links += self._stored_matches(conn, p.id, sig)
            links += [(p.id, o, s) for o, s in chunk.match(p.id, sig)]
            chunk.add(p.id, sig)
            new.add(p.id)
            rows.append(row)
        return rows, links, duplicates

    def _write(self, pending: list[Prepared], refused: list[Rejection]) -> None:
        with self.engine.begin() as conn:
            existing = store.existing_ids(conn, (p.id for p in pending))
            rows, links, duplicates = self._new_rows(conn, pending, existing)
            store.insert_documents(conn, rows)
            store.insert_bands(conn, _bands(rows))
            store.insert_links(conn, links, dedupe.METHOD)
            store.insert_rejections(conn, self.report.batch_id, refused)
            store.count_batch(
                conn, self.report.batch_id,
                added=len(rows), duplicates=duplicates, rejected=len(refused),
            )  # fmt: skip
        self._account(rows, links, duplicates, refused)

    def _account(
        self,
        rows: list[dict[str, Any]],
        links: list[Link],
        duplicates: int,
        refused: list[Rejection],
    ) -> None:
        for row in rows:
            self.seen.add(row["id"])
            if self.index is not None:
                self.index.add(row["id"], row["minhash"])
        r = self.report
        r.added += len(rows)
        r.duplicates += duplicates
        r.rejected += len(refused)
        r.near_duplicate_links += len({(min(a, b), max(a, b)) for a, b, _ in links})
        r.rejections.extend(refused)
        self.rows += rows
        self.links += links


def _bands(rows: list[dict[str, Any]]) -> dict[str, list[int]]:
    if not rows:
        return {}
    matrix = dedupe.band_matrix([r["minhash"] for r in rows])
    return {r["id"]: hashes for r, hashes in zip(rows, matrix.tolist(), strict=True)}


def _store_refused(p: Prepared, error: DBAPIError) -> Rejection:
    detail = (str(error.orig).splitlines() or ["no message"])[0]
    return refuse(
        InputRejected(
            f"the store refused this document: {detail}",
            hint="see the database message; for PostgreSQL full-text limits, split the document",
            code="store-refused",
        ),
        p.item.origin,
        p.item.item,
    )
