"""A claim as the linker sees it: the event, its document, and what the document adds."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from hudna.records import Entity, Event, Place

EARTH_KM = 6371.0


@dataclass(frozen=True, slots=True)
class Claim:
    event: Event
    document_id: str
    reported: dt.date | None = None  # the document's publication day
    site: str | None = None
    sentence: str = ""  # the text the event's span covers, for similarity
    actor_keys: frozenset[str] = field(default=frozenset(), init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "actor_keys", frozenset(entity_key(e) for e in self.event.actor))

    @property
    def day(self) -> dt.date | None:
        """The happening's day, else the report's day (sieges and undated claims)."""
        return self.event.date or self.reported

    @property
    def last_day(self) -> dt.date | None:
        """The end of an ongoing happening ("since Saturday", a siege), else its day."""
        end = self.event.enddate
        day = self.day
        return end if end is not None and day is not None and end > day else day

    @property
    def dated_by_report(self) -> bool:
        return self.event.date is None and self.reported is not None


def entity_key(entity: Entity) -> str:
    return entity.registry_id or entity.identifier_text or entity.entity_text


def distance_km(a: Place, b: Place) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def place_label(place: Place) -> str:
    return place.name or place.entity_text
