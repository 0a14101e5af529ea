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
from hudna.web.charts import BarChart, timeline_bars
from hudna.web.names import PlaceNames

PAGE_SIZE = 100
MAX_MARKERS = 5000


@dataclass(frozen=True, slots=True)
class Governorate:
    value: str
    name_en: str
    name_ar: str


def governorates(engine: Engine) -> list[Governorate]:
    """The governorates to filter on: every admin1 in the store (its stored spelling is the
    filter value), named in both languages as the bundled boundaries name it."""
    en, ar = PlaceNames("en"), PlaceNames("ar")
    with engine.connect() as conn:
        stored = conn.execute(
            select(incidents.c.admin1).where(incidents.c.admin1.is_not(None)).distinct()
        ).scalars()
        values = sorted(set(stored))
    found = [Governorate(v, en.governorate(v) or v, ar.governorate(v) or v) for v in values]
    return sorted(found, key=lambda g: g.name_en)


def places_of(engine: Engine, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The resolved place (payload `place`) of each incident in `ids`."""
    if not ids:
        return {}
    q = select(incidents.c.id, incidents.c.payload).where(incidents.c.id.in_(ids))
    with engine.connect() as conn:
        return {r.id: (r.payload or {}).get("place") or {} for r in conn.execute(q)}


def name_rows(
    rows: list[dict[str, Any]], places: dict[str, dict[str, Any]], names: PlaceNames
) -> list[dict[str, Any]]:
    """Rows with `place_label` and `admin1_label` in the page's language (stored names kept)."""
    out = []
    for row in rows:
        place = places.get(row["id"], {})
        out.append({
            **row,
            "place_label": names.place(row.get("place_name"), place),
            "admin1_label": names.governorate(row.get("admin1"), place.get("pcode")),
        })  # fmt: skip
    return out


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


def markers(engine: Engine, f: IncidentFilter, names: PlaceNames) -> list[dict[str, Any]]:
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
        rows = [
            {**r._mapping, "date": r.date.isoformat() if r.date else None} for r in conn.execute(q)
        ]
    places = places_of(engine, [r["id"] for r in rows])
    return [{**r, "place_name": names.place(r["place_name"], places.get(r["id"]))} for r in rows]


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


def index_view(engine: Engine, f: IncidentFilter, offset: int, lang: str = "en") -> IndexView:
    names = PlaceNames(lang)
    found = list_incidents(engine, f, Sort("date", descending=True), PAGE_SIZE, offset)
    places = places_of(engine, [r["id"] for r in found.rows])
    return IndexView(
        incidents=name_rows(found.rows, places, names),
        total=found.total,
        offset=offset,
        markers=markers(engine, f, names),
        timeline=timeline_bars(day_counts(engine, f)),
        totals=totals(engine),
        governorates=governorates(engine),
    )
