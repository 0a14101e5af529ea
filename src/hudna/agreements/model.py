"""The agreement model: a ceasefire as validated data.

Times in files are local wall-clock times with an IANA zone name ("2016-02-27T00:00" in
"Asia/Damascus"); the model turns them into aware datetimes. Every window is half-open:
`effective <= t < end`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hudna.records import CATEGORIES


class Part(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Names(Part):
    ar: str = Field(min_length=1)
    en: str = Field(min_length=1)


class SourceRef(Part):
    """Where a term was read: a public copy of the text, and which terms it confirmed."""

    title: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://")
    checked: list[str] = []


class Party(Part):
    """A party bound by the agreement from `joined` (inclusive) until `left` (exclusive)."""

    id: str = Field(min_length=1)
    side: str = Field(min_length=1)
    joined: dt.date | None = None
    left: dt.date | None = None
    note: str = ""

    def bound_on(self, day: dt.date) -> bool:
        if self.joined and day < self.joined:
            return False
        return not (self.left and day >= self.left)


class Area(Part):
    """Where the agreement applies: any of countries (ISO alpha-2), P-code prefixes,
    first-level admin names, or polygons (rings of [lon, lat])."""

    countries: list[str] = []
    pcodes: list[str] = []
    admin1: list[str] = []
    polygons: list[list[tuple[float, float]]] = []
    within: list[str] = []
    description: str = ""

    @property
    def region_countries(self) -> frozenset[str]:
        """Countries that hold the area: incidents there are judged (and may fall outside
        a smaller area); `within` in the file, else the area's own countries."""
        return frozenset(c.upper() for c in (self.within or self.countries))

    @model_validator(mode="after")
    def _not_empty(self) -> Area:
        if not (self.countries or self.pcodes or self.admin1 or self.polygons):
            raise ValueError("an area needs at least one of countries, pcodes, admin1, polygons")
        for ring in self.polygons:
            if len(ring) < 3:
                raise ValueError("a polygon needs at least 3 [lon, lat] points")
        return self


class DesignationRef(Part):
    """Actors on a designation list as of a date, e.g. the UN Security Council's."""

    list_id: str = Field(min_length=1)
    as_of: dt.date
    description: str = ""


class Excluded(Part):
    ids: list[str] = []
    designations: list[DesignationRef] = []
    description: str = ""


class Act(Part):
    """A PLOVER category, optionally narrowed to some of its modes (empty: any mode)."""

    event: str
    modes: list[str] = []

    @field_validator("event")
    @classmethod
    def _category(cls, value: str) -> str:
        if value not in CATEGORIES:
            raise ValueError(f"a PLOVER category, one of {', '.join(CATEGORIES)}")
        return value

    def matches(self, event: str, modes: frozenset[str]) -> bool:
        return event == self.event and (not self.modes or bool(modes.intersection(self.modes)))


class Obligation(Part):
    """What the parties must not do (prohibited acts) or must do (required acts), among whom:
    `by` and `against` are "parties" (any bound party), "anyone", or a list of registry ids."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    text: str = Field(min_length=1)
    prohibited: list[Act] = []
    required: list[Act] = []
    by: Literal["parties"] | list[str] = "parties"
    against: Literal["parties", "anyone"] | list[str] = "anyone"

    @model_validator(mode="after")
    def _has_acts(self) -> Obligation:
        if not (self.prohibited or self.required):
            raise ValueError("an obligation needs prohibited or required acts")
        return self


class Exception_(Part):
    """A carve-out: self-defence, or operations against excluded actors."""

    kind: Literal["self_defence", "against_excluded"]
    text: str = Field(min_length=1)


class Compiled:
    """Lookups derived once per agreement so that judging stays fast."""

    __slots__ = (
        "by_category",
        "effective_day",
        "effective_iso",
        "end_day",
        "end_iso",
        "ends_at_midnight",
        "excluded_ids",
        "starts_at_midnight",
        "tz",
    )  # fmt: skip

    def __init__(self, agreement: Agreement) -> None:
        self.tz = ZoneInfo(agreement.timezone)
        local = agreement.effective.astimezone(self.tz)
        self.effective_day, self.effective_iso = local.date(), agreement.effective.isoformat()
        self.starts_at_midnight = local.time() == dt.time()
        end = agreement.end.astimezone(self.tz) if agreement.end else None
        self.end_day = end.date() if end else None
        self.end_iso = agreement.end.isoformat() if agreement.end else ""
        self.ends_at_midnight = end is not None and end.time() == dt.time()
        self.excluded_ids = frozenset(agreement.excluded.ids)
        by_category: dict[str, list[tuple[Obligation, Act]]] = {}
        for ob in agreement.obligations:
            for act in ob.prohibited:
                by_category.setdefault(act.event, []).append((ob, act))
        self.by_category = by_category

    def day_status(self, first: dt.date, last: dt.date) -> str:
        if last < self.effective_day:
            return "before"
        end = self.end_day
        if end is not None and (first > end or (first == end and self.ends_at_midnight)):
            return "after"
        if first < self.effective_day or (
            first == self.effective_day and not self.starts_at_midnight
        ):
            return "straddles"
        return "within"


_COMPILED: dict[int, tuple[Agreement, Compiled]] = {}


class Agreement(Part):
    """One ceasefire: who, where, when, what is prohibited, who is left out, and sources."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    names: Names
    kind: Literal["nationwide", "local", "regional"] = "nationwide"
    timezone: str
    announced: dt.datetime | None = None
    effective: dt.datetime
    end: dt.datetime | None = None
    end_note: str = ""
    area: Area
    parties: list[Party] = Field(min_length=1)
    guarantors: list[str] = []
    monitors: list[str] = []
    mediators: list[str] = []
    excluded: Excluded = Excluded()
    obligations: list[Obligation] = Field(min_length=1)
    exceptions: list[Exception_] = []
    sources: list[SourceRef] = Field(min_length=1)
    notes: str = ""

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as e:
            raise ValueError("an IANA time zone name such as Asia/Damascus") from e
        return value

    @model_validator(mode="after")
    def _localize(self) -> Agreement:
        tz = ZoneInfo(self.timezone)
        for name in ("announced", "effective", "end"):
            value = getattr(self, name)
            if value is not None and value.tzinfo is None:
                object.__setattr__(self, name, value.replace(tzinfo=tz))
        if self.end is not None and self.end <= self.effective:
            raise ValueError("end must be after effective (windows are half-open)")
        return self

    @property
    def compiled(self) -> Compiled:
        """Derived lookups, built once per agreement object (kept in a module table because
        pydantic's private-attribute access is too slow for the judge's inner loop)."""
        hit = _COMPILED.get(id(self))
        if hit is None or hit[0] is not self:
            hit = _COMPILED[id(self)] = (self, Compiled(self))
        return hit[1]

    def day_status(self, first: dt.date, last: dt.date) -> str:
        """Where the local days [first, last] fall: "before", "after", "straddles" (the
        first day holds the start, which is not at midnight) or "within"."""
        return self.compiled.day_status(first, last)

    def in_force(self, at: dt.datetime) -> bool:
        """Whether `at` (an aware datetime) falls in [effective, end)."""
        if at.tzinfo is None:
            raise ValueError("in_force needs an aware datetime (with a time zone)")
        return self.effective <= at and (self.end is None or at < self.end)

    def day_window(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """The half-open local day [day 00:00, next day 00:00) in the agreement's zone."""
        tz = self.compiled.tz
        start = dt.datetime.combine(day, dt.time(), tz)
        return start, dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tz)

    def bound_parties(self, day: dt.date) -> frozenset[str]:
        return frozenset(p.id for p in self.parties if p.bound_on(day))

    def referenced_ids(self) -> set[str]:
        ids = {p.id for p in self.parties} | set(self.guarantors) | set(self.monitors)
        ids |= set(self.mediators) | set(self.excluded.ids)
        for ob in self.obligations:
            for who in (ob.by, ob.against):
                if isinstance(who, list):
                    ids.update(who)
        return ids
