"""What each dashboard page shows, computed from the store (templates only lay it out)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select

from hudna.api.queries import (
    IncidentFilter,
    Sort,
    incident_conditions,
    list_incidents,
)
from hudna.store.schema import documents, events, incidents
from hudna.web.boundaries import load_boundaries
from hudna.web.charts import BarChart, timeline_bars

PAGE_SIZE = 100
MAX_MARKERS = 5000


@dataclass(frozen=True, slots=True)
class Governorate:
    value: str
    name_en: str
    name_ar: str


def governorates(engine: Engine) -> list[Governorate]:
    """The governorates to filter on: every admin1 in the store, named in both languages
    when it is one of the bundled boundaries."""
    names = {
        f["properties"]["name_en"]: f["properties"]["name_ar"]
        for f in load_boundaries(1)["features"]
    }
    with engine.connect() as conn:
        stored = conn.execute(
            select(incidents.c.admin1).where(incidents.c.admin1.is_not(None)).distinct()
        ).scalars()
        values = sorted(set(stored))
    return [Governorate(v, v, names.get(v, v)) for v in values]


def day_counts(engine: Engine, f: IncidentFilter) -> dict[dt.date, int]:
    q = (
        select(incidents.c.date, func.count())
        .where(incidents.c.date.is_not(None), *incident_conditions(f))
        .group_by(incidents.c.date)
    )
    with engine.connect() as conn:
        return {
            d if isinstance(d, dt.date) else dt.date.fromisoformat(d): int(n)
            for d, n in conn.execute(q)
        }


def markers(engine: Engine, f: IncidentFilter) -> list[dict[str, Any]]:
    cols = (
        incidents.c.id, incidents.c.lat, incidents.c.lon, incidents.c.category,
        incidents.c.date, incidents.c.place_name, incidents.c.corroboration,
    )  # fmt: skip
    q = (
        select(*cols)
        .where(incidents.c.lat.is_not(None), incidents.c.lon.is_not(None), *incident_conditions(f))
        .order_by(incidents.c.date.desc(), incidents.c.id)
        .limit(MAX_MARKERS)
    )
    with engine.connect() as conn:
        return [
            {**r._mapping, "date": r.date.isoformat() if r.date else None} for r in conn.execute(q)
        ]


def totals(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
            for name, table in (
                ("incidents", incidents),
                ("claims", events),
                ("documents", documents),
            )
        }


@dataclass(frozen=True, slots=True)
class IndexView:
    incidents: list[dict[str, Any]]
    total: int
    offset: int
    markers: list[dict[str, Any]]
    timeline: BarChart | None
    totals: dict[str, int]
    governorates: list[Governorate]

    @property
    def admin1_names(self) -> dict[str, str]:
        """Governorate names in Arabic, by the stored (English) name."""
        return {g.value: g.name_ar for g in self.governorates}


def index_view(engine: Engine, f: IncidentFilter, offset: int) -> IndexView:
    found = list_incidents(engine, f, Sort("date", descending=True), PAGE_SIZE, offset)
    return IndexView(
        incidents=found.rows,
        total=found.total,
        offset=offset,
        markers=markers(engine, f),
        timeline=timeline_bars(day_counts(engine, f)),
        totals=totals(engine),
        governorates=governorates(engine),
    )
