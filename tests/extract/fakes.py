"""Small stand-ins for the text layer, registry and gazetteer with the same call shapes, so
the extraction logic is tested on its own, with known mentions."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from hudna.records import Entity, Place

_SENTENCE = re.compile(r"[^.!?؟\n]+[.!?؟]?")
_CLAUSE = re.compile(r"،|(?<!\w)(?:كما|بينما|while|but)(?!\w)")
_NUMBER = re.compile(r"(?:(أكثر من|more than|at least)\s+)?(\d+)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start, *(m.start() for m in _CLAUSE.finditer(text, start, end)), end]
    return [(a, b) for a, b in itertools.pairwise(cuts) if text[a:b].strip()]


sentences = SimpleNamespace(split_sentences=split_sentences, split_clauses=split_clauses)


@dataclass(frozen=True)
class Q:
    start: int
    end: int
    text: str
    value: float
    qualifier: str
    high: float | None = None


def find_quantities(text: str, start: int, end: int) -> list[Q]:
    out = []
    for m in _NUMBER.finditer(text, start, end):
        qual = "more_than" if m.group(1) in ("أكثر من", "more than") else "exact"
        out.append(Q(m.start(2), m.end(2), m.group(2), float(m.group(2)), qual))
    return out


def unit_after(text: str, end: int) -> str | None:
    m = re.match(r"\s+(\w+)", text[end:])
    return m.group(1) if m else None


numbers = SimpleNamespace(find_quantities=find_quantities, unit_after=unit_after)


@dataclass(frozen=True)
class D:
    start: int
    end: int
    text: str
    date: dt.date
    enddate: dt.date | None
    precision: str
    kind: str


def make_dates(table: dict[str, dt.date]) -> Any:
    def writing_day(text: str, published: dt.date | None) -> dt.date | None:
        return published

    def find_dates(text: str, *, anchor: Any, language: str, start: int, end: int) -> list[D]:
        found = []
        for surface, day in table.items():
            for m in re.finditer(re.escape(surface), text[start:end]):
                found.append(
                    D(start + m.start(), start + m.end(), surface, day, None, "day", "point")
                )
        return sorted(found, key=lambda d: d.start)

    return SimpleNamespace(writing_day=writing_day, find_dates=find_dates)


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str

    def to_entity(self, surface: str, start: int, end: int) -> Entity:
        return Entity.model_validate(
            {
                "entity_text": surface,
                "identifier_text": self.name,
                "kind": self.kind,
                "span": {"start": start, "end": end},
            }
        )


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    entry: Any


class Registry:
    """Surface form → (canonical name, kind); longest match first, whole words only."""

    def __init__(self, names: dict[str, tuple[str, str]]) -> None:
        self.names = names
        alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        self.rx = re.compile(rf"(?<!\w)(?:[وبل]|ال)?({alts})(?!\w)")

    def find(self, text: str) -> list[Mention]:
        if not self.names:
            return []
        out = []
        for m in self.rx.finditer(text):
            name, kind = self.names[m.group(1)]
            out.append(Mention(m.start(1), m.end(1), m.group(1), Entry(name, kind)))
        return out


class Gazetteer:
    def __init__(self, places: dict[str, tuple[str, float, float, str]]) -> None:
        self.places = places

    def find(self, text: str) -> list[Any]:
        out = []
        for surface, (name, lat, lon, precision) in self.places.items():
            for m in re.finditer(rf"(?<!\w)[وبل]?({re.escape(surface)})(?!\w)", text):
                place = Place(entity_text=surface, name=name, lat=lat, lon=lon, precision=precision)  # type: ignore[arg-type]
                out.append(
                    SimpleNamespace(
                        start=m.start(1), end=m.end(1), text=surface, place=place, candidates=[]
                    )
                )
        return sorted(out, key=lambda p: p.start)
