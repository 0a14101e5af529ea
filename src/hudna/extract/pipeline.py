"""The extraction pipeline: components that say what they need and what they add.

An `Analysis` holds one document and everything found in it so far (sentences, clauses,
actor and place mentions, dates, quantities, triggers, attributions, events). Each component
declares `requires` and `assigns` (names of Analysis layers); `Pipeline` checks the order when it
is built, so a pipeline missing a step fails at once, not at article 3,000. Every event records
`{component name: version}` of the components that made it.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from hudna.errors import ExtractionError
from hudna.extract.lexicon import Entry, is_arabic
from hudna.records import Document, Entity, Event, Place

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class ActorHit:
    """An actor mention: its span and the entity it stands for."""

    start: int
    end: int
    entity: Entity


@dataclass(frozen=True, slots=True)
class PlaceHit:
    start: int
    end: int
    place: Place


@dataclass(frozen=True, slots=True)
class DateHit:
    start: int
    end: int
    date: dt.date
    enddate: dt.date | None
    precision: str
    kind: str


@dataclass(frozen=True, slots=True)
class QuantityHit:
    start: int
    end: int
    value: float
    qualifier: str
    high: float | None
    kind: str | None
    size: str | None
    categories: frozenset[str]


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon hit read as an event category in one clause."""

    start: int
    end: int
    entry: Entry
    clause: Span
    sentence: Span


@dataclass(frozen=True, slots=True)
class Speaker:
    """One reporting cue in a sentence and whom it names (claimant) and through whom (via)."""

    cue: Span
    role: str
    entities: tuple[Entity, ...]
    via: tuple[Entity, ...] = ()


@dataclass
class Analysis:
    """One document and the layers the components add to it."""

    document: Document
    language: str
    day: dt.date | None = None
    sentences: list[Span] = field(default_factory=list)
    clauses: list[Span] = field(default_factory=list)
    actors: list[ActorHit] = field(default_factory=list)
    places: list[PlaceHit] = field(default_factory=list)
    dates: list[DateHit] = field(default_factory=list)
    quantities: list[QuantityHit] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    speakers: dict[Span, tuple[Speaker, ...]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.document.text


def document_language(document: Document) -> str:
    """ "ar" or "en": the declared language, else Arabic when the text has Arabic letters."""
    if document.language in ("ar", "en"):
        return document.language
    return "ar" if is_arabic(document.text[:2000]) else "en"


class Component(Protocol):
    """A pipeline step: reads the layers in `requires`, fills those in `assigns`."""

    name: str
    version: str
    requires: frozenset[str]
    assigns: frozenset[str]

    def __call__(self, analysis: Analysis) -> None: ...


BASE_LAYERS = frozenset({"document", "language"})


class Pipeline:
    """Components run in order; built only when every requirement is assigned before use."""

    def __init__(self, components: Sequence[Component]) -> None:
        have = set(BASE_LAYERS)
        for c in components:
            missing = c.requires - have
            if missing:
                raise ExtractionError(
                    f"component {c.name!r} needs {sorted(missing)}, which no earlier component "
                    "assigns; put the components that assign them first"
                )
            have |= c.assigns
        self.components = list(components)
        self.seconds: dict[str, float] = dict.fromkeys(self.versions, 0.0)

    @property
    def versions(self) -> dict[str, str]:
        return {c.name: c.version for c in self.components}

    def analyse(self, document: Document) -> Analysis:
        analysis = Analysis(document, document_language(document))
        for component in self.components:
            started = time.perf_counter()
            component(analysis)
            self.seconds[component.name] += time.perf_counter() - started
        return analysis

    def __call__(self, document: Document) -> list[Event]:
        """The document's events, stamped with the versions of the components that made them."""
        versions = self.versions
        return [
            e.model_copy(update={"components": versions}) for e in self.analyse(document).events
        ]
