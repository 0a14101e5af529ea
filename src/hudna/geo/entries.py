"""Gazetteer entries and the TSV format every gazetteer file shares.

Columns: id, source, precision, name, names (| separated surface forms in any script),
country (ISO-3166 alpha-2), admin1, pcode, geonameid, lat, lon, population, cue
(1: the name is matched only after a cue word such as مدينة/بلدة/حي/town of).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from hudna.errors import RegistryError
from hudna.records import Place, Precision, Span

COLUMNS = (
    "id", "source", "precision", "name", "names", "country", "admin1", "pcode", "geonameid",
    "lat", "lon", "population", "cue",
)  # fmt: skip
PRECISIONS: tuple[Precision, ...] = ("point", "locality", "district", "governorate", "country")


@dataclass(frozen=True)
class GazEntry:
    """One place of the gazetteer with all its names."""

    id: str
    source: str
    precision: Precision
    name: str
    names: tuple[str, ...]
    country: str | None
    admin1: str | None
    pcode: str | None
    geonameid: int | None
    lat: float
    lon: float
    population: int = 0
    cue: bool = False

    def to_place(self, surface: str, start: int | None = None, end: int | None = None) -> Place:
        span = Span(start=start, end=end) if start is not None and end is not None else None
        return Place(
            entity_text=surface,
            name=self.name,
            geonameid=self.geonameid,
            pcode=self.pcode,
            lat=self.lat,
            lon=self.lon,
            country=self.country,
            admin1=self.admin1,
            precision=self.precision,
            span=span,
        )

    def row(self) -> list[str]:
        return [
            self.id, self.source, self.precision, _clean(self.name),
            "|".join(_clean(n) for n in self.names),
            self.country or "", self.admin1 or "", self.pcode or "",
            str(self.geonameid or ""), f"{self.lat:.5f}", f"{self.lon:.5f}",
            str(self.population), "1" if self.cue else "0",
        ]  # fmt: skip


def _clean(name: str) -> str:
    return " ".join(name.replace("|", " ").replace('"', "").split())


def write_tsv(path: Path, entries: Iterable[GazEntry], *, header: str = "") -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        for line in header.splitlines():
            f.write(f"# {line}\n")
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        for entry in entries:
            writer.writerow(entry.row())
            count += 1
    return count


def read_tsv(path: Path) -> Iterator[GazEntry]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            lines = (line for line in f if not line.startswith("#"))
            for number, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=2):
                yield _entry(row, path, number)
    except OSError as e:
        raise RegistryError(f"{path}: cannot read gazetteer file ({e})") from e


def _entry(row: dict[str, str], path: Path, number: int) -> GazEntry:
    try:
        precision = row["precision"]
        if precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}")
        return GazEntry(
            id=row["id"],
            source=row["source"],
            precision=cast(Precision, precision),
            name=row["name"],
            names=tuple(n for n in row["names"].split("|") if n),
            country=row["country"] or None,
            admin1=row["admin1"] or None,
            pcode=row["pcode"] or None,
            geonameid=int(row["geonameid"]) if row["geonameid"] else None,
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            population=int(row["population"] or 0),
            cue=row["cue"] == "1",
        )
    except (KeyError, ValueError, TypeError) as e:
        raise RegistryError(
            f"{path}: line {number}: {e}; columns are {', '.join(COLUMNS)} (see docs/registry.md)"
        ) from e
