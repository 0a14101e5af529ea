"""Registry records: an actor, its designations, and a mention of it in a text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from hudna.records import Entity, EntityKind, Span

KINDS: tuple[EntityKind, ...] = (
    "person", "state", "government", "military", "armed_group", "organization", "media",
    "population",
)  # fmt: skip


@dataclass(frozen=True)
class Designation:
    """A listing, e.g. on the UN ISIL (Da'esh) and Al-Qaida sanctions list, valid
    `since <= day < until` (until None: still listed)."""

    list_id: str
    since: dt.date
    until: dt.date | None = None
    ref: str | None = None
    note: str | None = None

    def valid_on(self, day: dt.date) -> bool:
        return self.since <= day and (self.until is None or day < self.until)


@dataclass(frozen=True)
class ActorEntry:
    """One actor of the registry (a state, a person, an armed group, a generic party…)."""

    id: str
    name: str
    kind: str
    code: str | None
    sector: str | None
    wikidata: str | None
    aliases: tuple[str, ...]
    designations: tuple[Designation, ...]
    generic: bool
    parent: str | None

    def to_entity(self, surface: str, start: int | None, end: int | None) -> Entity:
        """The FORMAT.md ENTITY for a mention of this actor."""
        span = Span(start=start, end=end) if start is not None and end is not None else None
        kind = cast(EntityKind, self.kind) if self.kind in KINDS else None
        return Entity(
            entity_text=surface,
            identifier_text=self.name,
            identifier_id=self.wikidata,
            code=self.code,
            sector=self.sector,
            kind=kind,
            registry_id=self.id,
            span=span,
        )

    def designated(self, list_id: str, on: dt.date) -> bool:
        return any(d.list_id == list_id and d.valid_on(on) for d in self.designations)


@dataclass(frozen=True)
class ActorMention:
    """A registry alias found in a text: `text == original[start:end]`."""

    start: int
    end: int
    text: str
    entry: ActorEntry
