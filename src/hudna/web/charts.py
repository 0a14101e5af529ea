"""Small server-rendered SVG charts: the geometry is computed here, the template draws it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class BarChart:
    width: int
    height: int
    bars: list[Bar]
    first: str
    last: str
    peak: int
    unit: str = "day"


def _by_week(counts: Mapping[dt.date, int]) -> dict[dt.date, int]:
    weeks: dict[dt.date, int] = {}
    for day, n in counts.items():
        monday = day - dt.timedelta(days=day.weekday())
        weeks[monday] = weeks.get(monday, 0) + n
    return weeks


def _without_stragglers(
    counts: Mapping[dt.date, int], share: float, gap_days: int = 90
) -> dict[dt.date, int]:
    """The counts without an early tail that holds at most `share` of them and stands
    `gap_days` or more before the rest, so that a few claims about 1990 do not stretch a
    2015 timeline over 25 years."""
    days = sorted(counts)
    total, behind, cut = sum(counts.values()), 0, 0
    for i in range(1, len(days)):
        behind += counts[days[i - 1]]
        if behind > share * total:
            break
        if (days[i] - days[i - 1]).days >= gap_days:
            cut = i
    return {d: counts[d] for d in days[cut:]}


def timeline_bars(
    counts: Mapping[dt.date, int],
    *,
    width: int = 640,
    height: int = 120,
    max_days: int = 120,
    straggler_share: float = 0.02,
) -> BarChart | None:
    """Bars per day over up to `max_days`; over a longer span, bars per week (Monday).
    An early tail holding at most `straggler_share` of the counts, far before the rest, is
    left out."""
    counts = _without_stragglers(counts, straggler_share)
    if counts and (max(counts) - min(counts)).days >= max_days:
        weeks = _by_week(counts)
        chart = day_bars(
            weeks, width=width, height=height, min_days=1, max_days=10_000, step_days=7
        )
        return chart and BarChart(chart.width, chart.height, chart.bars, chart.first,
                                  chart.last, chart.peak, unit="week")  # fmt: skip
    return day_bars(counts, width=width, height=height)


def day_bars(
    counts: Mapping[dt.date, int],
    *,
    width: int = 640,
    height: int = 120,
    min_days: int = 31,
    max_days: int = 366,
    step_days: int = 1,
) -> BarChart | None:
    """One bar per day over the days with counts (at least the `min_days` up to the last
    one, at most the latest `max_days`), days without counts left empty; None when there
    is nothing to draw."""
    if not counts:
        return None
    last = max(counts)
    first = min(min(counts), last - dt.timedelta(days=min_days - 1))
    first = max(first, last - dt.timedelta(days=max_days - 1))
    days = (last - first).days // step_days + 1
    peak = max(counts.values())
    step = width / days
    bars = []
    for i in range(days):
        day = first + dt.timedelta(days=i * step_days)
        n = counts.get(day, 0)
        if n:
            h = (height - 14) * n / peak
            bars.append(Bar(i * step, height - h, max(step - 1, 1), h, day.isoformat(), n))
    return BarChart(width, height, bars, first.isoformat(), last.isoformat(), peak)
