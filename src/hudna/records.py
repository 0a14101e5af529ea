"""Typed records passed between stages. Field names follow PLOVER and
`shared/eval/FORMAT.md` wherever those name a field; the rest are hudna's extensions.

Offsets are always Python `str` indices into `Document.text` exactly as ingested.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

CATEGORIES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

EntityKind = Literal[
    "person", "state", "government", "military", "armed_group", "organization", "media",
    "population",
]  # fmt: skip
Precision = Literal["point", "locality", "district", "governorate", "country"]
DatePrecision = Literal["day", "month", "year", "unknown"]
Modality = Literal["asserted", "negated", "future", "hypothetical", "demanded"]
Qualifier = Literal[
    "exact", "about", "more_than", "at_least", "up_to", "range", "tens", "hundreds",
    "thousands", "tens_of_thousands",
]  # fmt: skip


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Record):
    """A half-open character range [start, end) into a document's original text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Source(Record):
    """Where a document came from: an outlet and the address it was read at."""

    site: str | None = None
    url: str | None = None
    author: str | None = None


class Document(Record):
    """A report as ingested. `id` derives from the normalized text (content identity)."""

    id: str
    doc_id: str
    text: str
    language: str | None = None
    published: dt.date | None = None
    date_origin: Literal["metadata", "dateline", "none"] = "none"
    title: str | None = None
    source: Source = Source()
    origin: str = ""


class Entity(Record):
    """An actor as mentioned (ENTITY in FORMAT.md), resolved to the registry when possible."""

    entity_text: str
    identifier_text: str | None = None
    identifier_id: str | None = None
    code: str | None = None
    sector: str | None = None
    kind: EntityKind | None = None
    registry_id: str | None = None
    span: Span | None = None


class Place(Record):
    """A place as mentioned (PLACE in FORMAT.md), resolved to the gazetteer when possible."""

    entity_text: str
    name: str | None = None
    geonameid: int | None = None
    pcode: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    precision: Precision | None = None
    span: Span | None = None


class Quantity(Record):
    kind: str
    value: float
    qualifier: Qualifier = "exact"
    high: float | None = None


class Size(Record):
    dead: float | None = None
    injured: float | None = None
    arrested: float | None = None


class Event(Record):
    """One sourced claim: a PLOVER event with its evidence span and who asserts it."""

    id: str
    doc_id: str
    event: str
    mode: list[str] = []
    context: list[str] = []
    actor: list[Entity] = []
    recipient: list[Entity] = []
    date: dt.date | None = None
    enddate: dt.date | None = None
    date_precision: DatePrecision = "unknown"
    event_loc: Place | None = None
    text_info: Span
    event_text: str = ""
    claimant: list[Entity] = []
    via: list[Entity] = []
    size: Size = Size()
    quantity: list[Quantity] = []
    modality: Modality = "asserted"
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    components: dict[str, str] = {}


class ClaimLink(Record):
    """Why a claim belongs to an incident: a score and the reasons that made it."""

    event_id: str
    score: float
    reasons: list[str] = []


class Incident(Record):
    """Claims about the same happening, linked across documents; disagreement kept."""

    id: str
    event: str
    claims: list[ClaimLink]
    date: dt.date | None = None
    enddate: dt.date | None = None
    place: Place | None = None
    actors: list[str] = []
    corroboration: int = 1
    independent_sources: int = 1
    conflicts: list[str] = []


class FindingKind(StrEnum):
    POTENTIAL_VIOLATION = "potential_violation"
    EXCLUDED_ACTOR = "excluded_actor"
    OUTSIDE_AREA = "outside_area"
    OUTSIDE_PERIOD = "outside_period"
    NOT_PROHIBITED = "not_prohibited"
    UNATTRIBUTED = "unattributed"


class Finding(Record):
    """The judgement of one incident against one agreement, with its reason trace."""

    incident_id: str
    agreement_id: str
    kind: FindingKind
    obligation: str | None = None
    alleged_party: list[str] = []
    claimed_by: list[str] = []
    reasons: list[str] = []


class Rejection(Record):
    """An input item refused at ingest: what it was, why, and what to do."""

    origin: str
    item: str = ""
    code: str
    reason: str
    hint: str = ""


class ClaimedTotal(Record):
    """A running total a claimant asserts ("more than 430 violations since 27 February,
    according to the Russian centre"); never mixed with incident counts."""

    event_id: str
    claimant: str
    kind: str
    value: float
    qualifier: Qualifier = "exact"
    since: dt.date | None = None
    as_of: dt.date | None = None


SiegeRecordKind = Literal["siege", "population", "aid", "denial"]


class SiegeRecord(Record):
    """One fact about a besieged place: the siege itself, a population claim, an aid
    delivery (convoy or airdrop), or a denial of access, each from one claim."""

    event_id: str
    kind: SiegeRecordKind
    place: str
    pcode: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    date: dt.date | None = None
    actors: list[str] = []
    claimant: list[str] = []
    how: str | None = None
    value: float | None = None
    qualifier: Qualifier | None = None
