"""What an ingest tells its caller: a batch report, or the outcome for one document."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from hudna.ingest.dates import DateOrigin
from hudna.records import Rejection


class IngestReport(BaseModel):
    """What one `ingest_paths` call did."""

    batch_id: str
    inputs: list[str]
    added: int = 0
    duplicates: int = 0
    rejected: int = 0
    near_duplicate_links: int = 0
    seconds: float = 0.0
    rejections: list[Rejection] = []

    @property
    def ok(self) -> bool:
        """False only when nothing could be ingested (no document added or already present)."""
        return self.added + self.duplicates > 0


class IngestOutcome(BaseModel):
    """What happened to one document given to `ingest_document`."""

    id: str
    doc_id: str
    status: Literal["added", "duplicate"]
    language: str | None
    published: dt.date | None
    date_origin: DateOrigin
    near_duplicates: list[str] = []
