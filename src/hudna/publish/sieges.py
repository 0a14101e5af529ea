"""Besieged places for the bulletin, from the analysis's siege records (`hudna analyze`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, Engine

from hudna.analysis.queries import list_sieges
from hudna.analysis.sieges import Siege
from hudna.publish import labels
from hudna.publish import queries as q
from hudna.publish.actors import actor_name
from hudna.publish.items import Notes
from hudna.publish.model import BesiegedPlace, Lang
from hudna.records import SiegeRecord

PLACES = 12


def _in(records: Sequence[SiegeRecord], window: q.Window) -> list[SiegeRecord]:
    return [r for r in records if r.date is not None and window[0] <= r.date < window[1]]


def _population(
    siege: Siege, window: q.Window, lang: Lang
) -> tuple[str | None, SiegeRecord | None]:
    """The latest population figure claimed by the end of the period."""
    known = [
        r
        for r in siege.population
        if r.value is not None and (r.date is None or r.date < window[1])
    ]
    if not known:
        return None, None
    r = known[-1]
    return labels.quantity(lang, "besieged_people", r.value or 0, r.qualifier or "exact", None), r


def _place(
    conn: Connection, siege: Siege, window: q.Window, notes: Notes, lang: Lang
) -> BesiegedPlace:
    population, pop_record = _population(siege, window, lang)
    cited = [r.event_id for r in _in(siege.sieges, window)[-2:]]
    cited += [pop_record.event_id] if pop_record else []
    rows = q.claims_by_id(conn, list(dict.fromkeys(cited)))
    current = _in([*siege.sieges, *siege.population, *siege.aid, *siege.denials], window)
    return BesiegedPlace(
        place=siege.place,
        besiegers=[actor_name(a, lang) for a in siege.besiegers],
        population=population,
        aid=len(_in(siege.aid, window)),
        denials=len(_in(siege.denials, window)),
        last_reported=max((r.date for r in current if r.date), default=None),
        notes=sorted({notes.add(r) for r in rows}),
    )


def _last_in(siege: Siege, window: q.Window) -> dt.date | None:
    current = _in([*siege.sieges, *siege.population, *siege.aid, *siege.denials], window)
    return max((r.date for r in current if r.date), default=None)


def besieged_places(
    engine: Engine, conn: Connection, window: q.Window, notes: Notes, lang: Lang
) -> list[BesiegedPlace]:
    """Places with a siege, population, aid or denial record dated in the period, the most
    recently reported first."""
    reported = [(last, s) for s in list_sieges(engine) if (last := _last_in(s, window))]
    reported.sort(key=lambda pair: (pair[0], pair[1].place), reverse=True)
    return [_place(conn, s, window, notes, lang) for _, s in reported[:PLACES]]
