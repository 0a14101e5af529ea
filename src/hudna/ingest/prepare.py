"""Per-item work before writing: checks and content identity for every item (cheap), then
language, publication date and MinHash for the new ones only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from hudna.errors import InputRejected
from hudna.ingest import dedupe
from hudna.ingest.dates import publication_date
from hudna.ingest.identity import content_id_of_folded, fold
from hudna.ingest.items import RawItem
from hudna.ingest.language import detect_language, valid_code


@dataclass(slots=True)
class Prepared:
    item: RawItem
    id: str
    folded: str


def _encodable(item: RawItem) -> int:
    """The text's size in UTF-8; refuses lone surrogates (e.g. a JSON "\\ud800") anywhere."""
    try:
        for value in (item.doc_id, item.title, item.url, item.site, item.author, item.language):
            if value:
                value.encode("utf-8")
        return len(item.text.encode("utf-8"))
    except UnicodeEncodeError as e:
        raise InputRejected(
            f"mis-encoded: a lone surrogate code point ({e.object[e.start : e.end]!r}) is not text",
            hint="the producer wrote half of a UTF-16 pair; repair the export and ingest again",
            code="mis-encoded",
        ) from e


def prepare(item: RawItem, max_bytes: int) -> Prepared:
    """The cheap part: checks and content identity (before knowing whether it is new)."""
    text = item.text
    if not text.strip():
        raise InputRejected("empty text", hint="drop the item or give it text", code="empty")
    if _encodable(item) > max_bytes:
        raise InputRejected(
            f"oversized: text above the limit of {max_bytes:,} bytes (max_document_bytes)",
            hint="split it, or raise HUDNA_MAX_DOCUMENT_BYTES",
            code="oversized",
        )
    if any("\x00" in v for v in (text, item.doc_id, item.title, item.url, item.site) if v):
        raise InputRejected(
            "binary data: the text or its metadata contains NUL characters",
            hint="extract the text properly and ingest it again",
            code="binary",
        )
    folded = fold(text)
    return Prepared(item=item, id=content_id_of_folded(folded), folded=folded)


def document_row(p: Prepared, batch_id: str, at: dt.datetime) -> dict[str, Any]:
    """The expensive part, for new documents only: language, publication date, MinHash."""
    item = p.item
    published, origin = publication_date(item.published, item.text)
    return {
        "id": p.id, "doc_id": item.doc_id[:255], "text": item.text, "search_text": p.folded,
        "language": valid_code(item.language) or detect_language(item.text),
        "published": published, "date_origin": origin, "title": item.title,
        "site": item.site[:255] if item.site else None, "url": item.url, "author": item.author,
        "origin": item.origin if not item.item else f"{item.origin}#{item.item}",
        "n_chars": len(item.text), "minhash": dedupe.signature(p.folded),
        "batch_id": batch_id, "ingested_at": at,
    }  # fmt: skip
