"""`build_bulletin`: a day's or a week's monitoring report, as data, from the store.

The period is half-open: a daily bulletin for D covers [D, D+1); a weekly one the seven days
ending with D, [D-6, D+1). Figures are compared with the period just before.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Literal

from sqlalchemy import Connection, Engine

from hudna.agreements import AgreementNotFound, get_agreement
from hudna.errors import PublishError
from hudna.publish import queries as q
from hudna.publish.actors import actor_name
from hudna.publish.areas import AreaIndex, area_index
from hudna.publish.items import SECTION_LIMIT, Notes, section
from hudna.publish.labels import labels
from hudna.publish.model import (
    Bulletin,
    ClaimedTotal,
    Figure,
    GovernorateRow,
    Lang,
    MapPoint,
    Period,
    TrendSeries,
)
from hudna.publish.sieges import besieged_places
from hudna.records import CATEGORIES
from hudna.store.schema import events, incidents

DIPLOMACY = ("CONSULT", "AGREE", "REQUEST")
STATEMENTS = ("THREATEN", "ACCUSE", "REJECT")
TREND_DAYS = {"day": 14, "week": 30}
AREA_ROWS = 16


def period_window(day: dt.date, period: Period) -> q.Window:
    """[start, end) of the period that ends with `day`."""
    if period not in TREND_DAYS:
        raise PublishError(f"unknown bulletin period {period!r}; use 'day' or 'week'")
    length = 1 if period == "day" else 7
    return day - dt.timedelta(days=length - 1), day + dt.timedelta(days=1)


def _previous(window: q.Window) -> q.Window:
    return window[0] - (window[1] - window[0]), window[0]


def agreement_name(agreement_id: str, lang: Lang) -> str | None:
    """The agreement's name in the bulletin's language, None when it is not in the registry."""
    try:
        agreement = get_agreement(agreement_id)
    except AgreementNotFound:
        return None
    return agreement.names.ar if lang == "ar" else agreement.names.en


def figures(conn: Connection, agreement_id: str, window: q.Window) -> list[Figure]:
    def one(w: q.Window) -> dict[str, int]:
        docs, sources = q.count_documents_sources(conn, w)
        return {
            "incidents": q.count_rows(conn, incidents, w),
            "claims": q.count_rows(conn, events, w),
            "potential_violations": q.count_potential_violations(conn, agreement_id, w),
            "documents": docs,
            "sources": sources,
        }

    now, before = one(window), one(_previous(window))
    return [Figure(key=k, current=now[k], previous=before[k]) for k in now]  # type: ignore[arg-type]


def claimed_totals(
    conn: Connection, window: q.Window, notes: Notes, lang: Lang
) -> list[ClaimedTotal]:
    """The latest total per claimant and kind asserted by the period's end, and the one
    standing before the period began."""
    latest: dict[tuple[str, str], q.TotalRow] = {}
    previous: dict[tuple[str, str], q.TotalRow] = {}
    for row in q.totals_before(conn, window[1]):
        latest[row.claimant, row.kind] = row
        if row.as_of is not None and row.as_of < window[0]:
            previous[row.claimant, row.kind] = row
    rows = {r.id: r for r in q.claims_by_id(conn, [t.event_id for t in latest.values()])}
    out = []
    for key, t in sorted(latest.items()):
        before = previous.get(key)
        note = [notes.add(rows[t.event_id])] if t.event_id in rows else []
        out.append(
            ClaimedTotal(
                claimant=actor_name(t.claimant, lang),
                kind=t.kind,
                value=t.value,
                qualifier=t.qualifier,
                as_of=t.as_of,
                previous=before.value if before else None,
                notes=note,
            )
        )
    return out


def governorate_rows(
    conn: Connection, unit: str, window: q.Window, areas: AreaIndex | None, lang: Lang
) -> tuple[list[str], list[GovernorateRow]]:
    counts: dict[tuple[str | None, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for admin1, pcode, category, n in q.area_category_counts(conn, unit, window):
        gov = areas.resolve(admin1, pcode) if areas else None
        key = (gov.pcode, gov.name(lang)) if gov else (None, admin1 or labels(lang)["unknown_area"])
        counts[key][category] += n
    used = {c for row in counts.values() for c in row}
    columns = [c for c in CATEGORIES if c in used]
    rows = [
        GovernorateRow(pcode=p, name=name, counts=dict(c), total=sum(c.values()))
        for (p, name), c in counts.items()
    ]
    return columns, _cap(sorted(rows, key=lambda r: (-r.total, r.name)), lang)


def _cap(rows: list[GovernorateRow], lang: Lang) -> list[GovernorateRow]:
    """The busiest areas, the rest summed into one 'other places' row."""
    if len(rows) <= AREA_ROWS:
        return rows
    rest: dict[str, int] = defaultdict(int)
    for row in rows[AREA_ROWS - 1 :]:
        for category, n in row.counts.items():
            rest[category] += n
    other = GovernorateRow(
        pcode=None, name=labels(lang)["other_areas"], counts=dict(rest), total=sum(rest.values())
    )
    return [*rows[: AREA_ROWS - 1], other]


def map_points(points: list[tuple[float, float, str]]) -> list[MapPoint]:
    """One point per place and category, with how many items it stands for."""
    counts: dict[tuple[float, float, str], int] = defaultdict(int)
    for lat, lon, category in points:
        counts[round(lat, 3), round(lon, 3), category] += 1
    return [MapPoint(lat=a, lon=o, category=c, count=n) for (a, o, c), n in sorted(counts.items())]


def trend(conn: Connection, unit: str, window: q.Window, days: int) -> TrendSeries:
    start = window[1] - dt.timedelta(days=days)
    axis = [start + dt.timedelta(days=i) for i in range(days)]
    series: dict[str, list[int]] = {}
    for day, category, n in q.daily_counts(conn, unit, (start, window[1])):
        series.setdefault(category, [0] * days)[(day - start).days] += n
    ordered = {c: series[c] for c in CATEGORIES if c in series}
    return TrendSeries(days=axis, counts=ordered)


def build_bulletin(
    engine: Engine,
    *,
    agreement_id: str,
    day: dt.date,
    period: Period = "day",
    lang: Lang = "ar",
    boundaries: Path | None = None,
    section_limit: int = SECTION_LIMIT,
) -> Bulletin:
    """The bulletin of `agreement_id` for the period ending with `day`, in `lang`."""
    labels(lang)  # fails early on a language without wording
    window = period_window(day, period)
    areas = area_index(boundaries)
    name = agreement_name(agreement_id, lang)
    notices = [
        k
        for k, missing in (("no_boundaries", areas is None), ("agreement_unknown", name is None))
        if missing
    ]
    notes = Notes()
    with engine.connect() as conn:
        unit: Literal["incidents", "claims"] = "incidents" if q.has_incidents(conn) else "claims"
        columns, rows = governorate_rows(conn, unit, window, areas, lang)
        sieges = [
            r for r in q.ongoing(conn, window, "COERCE") if "besiege" in r.payload.get("mode", [])
        ]
        return Bulletin(
            agreement_id=agreement_id, agreement_name=name or agreement_id, lang=lang,
            period=period, start=window[0], end=window[1], previous_start=_previous(window)[0],
            generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0), unit=unit,
            figures=figures(conn, agreement_id, window),
            claimed_totals=claimed_totals(conn, window, notes, lang),
            categories=columns, governorates=rows,
            map_points=map_points(q.points(conn, unit, window)),
            trend=trend(conn, unit, window, TREND_DAYS[period]),
            violations=section(
                q.violation_claims(conn, agreement_id, window), lang, notes, section_limit
            ),
            besieged=besieged_places(engine, conn, window, notes, lang),
            sieges=section(sieges, lang, notes, section_limit),
            aid=section(q.ongoing(conn, window, "AID"), lang, notes, section_limit),
            diplomacy=section(q.claims(conn, window, DIPLOMACY), lang, notes, section_limit),
            statements=section(q.claims(conn, window, STATEMENTS), lang, notes, section_limit),
            evidence=notes.evidence, notices=notices,
        )  # fmt: skip
