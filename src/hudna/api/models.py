"""The API's response and request bodies (they make its OpenAPI schema)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

Category = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(value: object) -> object:
    """Only YYYY-MM-DD strings (or dates) are days: no timestamps, no numbers."""
    if isinstance(value, dt.date) or (isinstance(value, str) and ISO_DAY.fullmatch(value)):
        return value
    raise ValueError("a day as YYYY-MM-DD")


Day = Annotated[dt.date, BeforeValidator(_iso_day)]


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class EventSummary(Out):
    id: str
    document_id: str
    category: str
    modes: list[str]
    modality: str
    date: dt.date | None
    enddate: dt.date | None
    place_name: str | None
    place_pcode: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    event_text: str
    actors: list[str]
    claimants: list[str]
    confidence: float
    status: str


class EventDetail(EventSummary):
    span_start: int
    span_end: int
    payload: dict[str, Any]


class Confirmation(BaseModel):
    """An analyst confirms a claim as extracted."""

    model_config = ConfigDict(extra="forbid")

    status: Literal["confirmed"]
    why: str = Field(min_length=3, max_length=2000, description="Why: kept in the audit trail.")


class Correction(BaseModel):
    """An analyst corrects some fields of a claim."""

    model_config = ConfigDict(extra="forbid")

    status: Literal["corrected"]
    why: str = Field(min_length=3, max_length=2000, description="Why: kept in the audit trail.")
    changes: dict[str, Any] = Field(
        min_length=1,
        description="Event fields to correct (PLOVER names: event, mode, date, modality, "
        "event_loc, actor, recipient, claimant, size, quantity …).",
    )


EventReview = Annotated[Confirmation | Correction, Field(discriminator="status")]


class DocumentSummary(Out):
    id: str
    doc_id: str
    title: str | None
    language: str | None
    published: dt.date | None
    site: str | None
    url: str | None
    n_chars: int


class DocumentDetail(DocumentSummary):
    text: str
    date_origin: str
    author: str | None
    origin: str
    events: list[EventSummary]


class DocumentIn(BaseModel):
    """One document to ingest (the FORMAT.md input fields)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    doc_id: str | None = Field(default=None, max_length=255)
    title: str | None = None
    published: Day | None = None
    url: str | None = None
    site: str | None = Field(default=None, max_length=255)
    language: str | None = Field(default=None, max_length=8)


class IngestResult(BaseModel):
    document_id: str
    added: bool
    events: int


class IncidentSummary(Out):
    id: str
    category: str
    date: dt.date | None
    enddate: dt.date | None
    place_name: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    corroboration: int
    independent_sources: int


class Claim(BaseModel):
    event: EventDetail
    score: float
    reasons: list[str]
    document: DocumentSummary


class IncidentDetail(IncidentSummary):
    payload: dict[str, Any]
    claims: list[Claim]
    findings: list[FindingOut]


class FindingOut(Out):
    incident_id: str
    agreement_id: str
    kind: str
    obligation: str | None
    payload: dict[str, Any]


class ClaimedTotal(Out):
    event_id: str
    claimant: str
    kind: str
    value: float
    qualifier: str
    since: dt.date | None
    as_of: dt.date | None


class AuditEntry(Out):
    id: int
    at: dt.datetime
    who: str
    action: str
    target: str
    before: Any
    after: Any
    why: str


class KeyOut(BaseModel):
    name: str
    role: str
    created_at: dt.datetime


class KeyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.@-]+$")
    role: Literal["viewer", "analyst", "admin"]


class KeyCreated(KeyOut):
    key: str = Field(description="The key itself: shown once, store it now.")


class Facet(BaseModel):
    value: str
    count: int


class DayCount(BaseModel):
    date: dt.date
    count: int


IncidentDetail.model_rebuild()
