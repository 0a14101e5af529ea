"""Sieges and humanitarian access from claims: besieged places and besiegers, population
claims, aid deliveries (convoy or airdrop) and denials of access, grouped by place."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from pydantic import BaseModel, ConfigDict

from hudna.incidents.claims import Claim, entity_key
from hudna.records import Event, Place, SiegeRecord

AID_MODES = frozenset({"humanitarian", "airdrop"})
DENIAL_MODES = frozenset({"assist", "humanitarian", "aid", "withhold"})
POPULATION_KINDS = frozenset({"besieged_people"})
_PREFIX = re.compile(r"^(مدينة|بلدة|قرية|مخيم|حي|أحياء)\s+")


def place_key(place: Place) -> str:
    if place.pcode:
        return place.pcode
    name = (place.name or _PREFIX.sub("", place.entity_text)).casefold()
    return re.sub(r"[^\w]+", " ", name).strip()


def _how(event: Event) -> str:
    modes = set(event.mode) | set(event.context)
    if "airdrop" in modes:
        return "airdrop"
    return "convoy" if "convoy" in modes else "unspecified"


def _kind(event: Event) -> str | None:
    modes = frozenset(event.mode)
    if event.event == "COERCE" and "besiege" in modes:
        return "siege"
    if event.event == "AID" and modes & AID_MODES:
        return "aid"
    if event.event in ("REJECT", "COERCE") and modes & DENIAL_MODES:
        return "denial"
    return None


def _record(claim: Claim, place: Place, kind: str, **extra: object) -> SiegeRecord:
    event = claim.event
    return SiegeRecord.model_validate(
        {
            "event_id": event.id,
            "kind": kind,
            "place": place.name or place.entity_text,
            "pcode": place.pcode,
            "admin1": place.admin1,
            "lat": place.lat,
            "lon": place.lon,
            "date": claim.day,
            "actors": sorted({entity_key(e) for e in event.actor}),
            "claimant": sorted({entity_key(e) for e in event.claimant}),
            **extra,
        }
    )


def siege_records_from(claims: Iterable[Claim]) -> Iterator[tuple[str, SiegeRecord]]:
    """(place key, record) for every siege, population, aid and denial claim with a place."""
    for claim in claims:
        kind, place = _kind(claim.event), claim.event.event_loc
        if kind is None or place is None:
            continue
        key = place_key(place)
        yield key, _record(claim, place, kind, how=_how(claim.event) if kind == "aid" else None)
        if kind == "siege":
            for q in claim.event.quantity:
                if q.kind in POPULATION_KINDS:
                    yield (
                        key,
                        _record(claim, place, "population", value=q.value, qualifier=q.qualifier),
                    )


class Siege(BaseModel):
    """A besieged place with everything claimed about it, dated and sourced."""

    model_config = ConfigDict(frozen=True)

    place: str
    place_key: str
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    besiegers: list[str]
    first_reported: dt.date | None = None
    last_reported: dt.date | None = None
    sieges: list[SiegeRecord]
    population: list[SiegeRecord]
    aid: list[SiegeRecord]
    denials: list[SiegeRecord]


def group_sieges(records: Iterable[tuple[str, SiegeRecord]]) -> list[Siege]:
    """Places with at least one siege claim; aid and denials at those places attach to them."""
    by_place: dict[str, list[SiegeRecord]] = {}
    for key, record in records:
        by_place.setdefault(key, []).append(record)
    out = [
        _siege(key, recs) for key, recs in by_place.items() if any(r.kind == "siege" for r in recs)
    ]
    return sorted(out, key=lambda s: s.last_reported or dt.date.min, reverse=True)


def _siege(key: str, records: list[SiegeRecord]) -> Siege:
    def of(kind: str) -> list[SiegeRecord]:
        return sorted((r for r in records if r.kind == kind), key=lambda r: r.date or dt.date.min)

    sieges = of("siege")
    dates = [r.date for r in records if r.date]
    first = next((r for r in sieges if r.lat is not None), sieges[0])
    return Siege(
        place=first.place,
        place_key=key,
        admin1=first.admin1,
        lat=first.lat,
        lon=first.lon,
        besiegers=sorted({a for r in sieges for a in r.actors}),
        first_reported=min(dates) if dates else None,
        last_reported=max(dates) if dates else None,
        sieges=sieges,
        population=of("population"),
        aid=of("aid"),
        denials=of("denial"),
    )
