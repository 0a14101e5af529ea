"""The bulletin as data: what `build_bulletin` produces and every renderer consumes.

Every item carries `notes`: 1-based numbers into `Bulletin.evidence`, the sentences quoted
from the documents (by the claim's `span_start:span_end`) with their sources.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

Period = Literal["day", "week"]
Lang = Literal["ar", "en"]


class Item(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(Item):
    """One evidence sentence, quoted from the document text as ingested."""

    number: int
    event_id: str
    document_id: str
    span_start: int
    span_end: int
    sentence: str
    site: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None


class Figure(Item):
    """A headline figure: this period against the previous one."""

    key: Literal["incidents", "claims", "potential_violations", "documents", "sources"]
    current: int
    previous: int

    @property
    def change(self) -> int:
        return self.current - self.previous


class ClaimedTotal(Item):
    """The latest total a claimant asserts (e.g. violations since the start) and its change."""

    claimant: str
    kind: str
    value: float
    qualifier: str
    as_of: dt.date | None
    previous: float | None
    notes: list[int] = []

    @property
    def change(self) -> float | None:
        return None if self.previous is None else self.value - self.previous


class GovernorateRow(Item):
    pcode: str | None
    name: str
    counts: dict[str, int]
    total: int


class MapPoint(Item):
    lat: float
    lon: float
    category: str
    count: int = 1


class TrendSeries(Item):
    """Counts per day by category over the trend window (days oldest first)."""

    days: list[dt.date]
    counts: dict[str, list[int]]


class Claim(Item):
    """A claimed happening as listed in a section: who, what, where, when, and its sources.
    `reported` is the publication day of an undated claim's document."""

    date: dt.date | None
    reported: dt.date | None = None
    category: str
    modes: list[str]
    actors: list[str]
    recipients: list[str]
    claimants: list[str]
    place: str | None
    admin1: str | None
    modality: str
    quantities: list[str]
    text: str
    notes: list[int]


class BesiegedPlace(Item):
    """A place reported besieged in the period (from the analysis's siege records): who
    besieges it, the latest population claimed, aid deliveries and denials in the period."""

    place: str
    besiegers: list[str]
    population: str | None
    aid: int
    denials: int
    last_reported: dt.date | None
    notes: list[int]


class Section(Item):
    """A list section; `omitted` counts items past the bulletin's per-section limit."""

    items: list[Claim]
    omitted: int = 0


class Bulletin(Item):
    agreement_id: str
    agreement_name: str
    lang: Lang
    period: Period
    start: dt.date  # first day of the period
    end: dt.date  # the day after the last (half-open)
    previous_start: dt.date
    generated_at: dt.datetime
    unit: Literal["incidents", "claims"]
    figures: list[Figure]
    claimed_totals: list[ClaimedTotal]
    categories: list[str]
    governorates: list[GovernorateRow]
    map_points: list[MapPoint]
    trend: TrendSeries
    violations: Section
    besieged: list[BesiegedPlace] = []
    sieges: Section
    aid: Section
    diplomacy: Section
    statements: Section
    evidence: list[Evidence]
    notices: list[str] = []

    @property
    def last_day(self) -> dt.date:
        return self.end - dt.timedelta(days=1)
