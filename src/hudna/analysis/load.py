"""Reading what the analysis needs from the store: claims with their documents' day, site
and sentence, and the near-duplicate document pairs."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Engine, func, select

from hudna.incidents.claims import Claim
from hudna.records import Event
from hudna.store.schema import documents, events, near_duplicates


def iter_claims(engine: Engine, *, batch: int = 2000) -> Iterator[Claim]:
    sentence = func.substr(
        documents.c.text, events.c.span_start + 1, events.c.span_end - events.c.span_start
    )
    q = (
        select(
            events.c.payload,
            events.c.document_id,
            documents.c.published,
            documents.c.site,
            sentence,
        )
        .join(documents, documents.c.id == events.c.document_id)
        .order_by(events.c.id)
    )
    with engine.connect() as conn:
        for row in conn.execution_options(yield_per=batch).execute(q):
            yield Claim(
                event=Event.model_validate(row[0]),
                document_id=str(row[1]),
                reported=row[2],
                site=row[3],
                sentence=str(row[4] or ""),
            )


def near_duplicate_pairs(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(select(near_duplicates.c.doc_a, near_duplicates.c.doc_b)).all()
    return [(str(a), str(b)) for a, b in rows]
