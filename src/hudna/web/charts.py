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


def day_bars(
    counts: Mapping[dt.date, int],
    *,
    width: int = 640,
    height: int = 120,
    min_days: int = 31,
    max_days: int = 366,
) -> BarChart | None:
    """One bar per day over the days with counts (at least the `min_days` up to the last
    one, at most the latest `max_days`), days without counts left empty; None when there
    is nothing to draw."""
    if not counts:
        return None
    last = max(counts)
    first = min(min(counts), last - dt.timedelta(days=min_days - 1))
    first = max(first, last - dt.timedelta(days=max_days - 1))
    days = (last - first).days + 1
    peak = max(counts.values())
    step = width / days
    bars = []
    for i in range(days):
        day = first + dt.timedelta(days=i)
        n = counts.get(day, 0)
        if n:
            h = (height - 14) * n / peak
            bars.append(Bar(i * step, height - h, max(step - 1, 1), h, day.isoformat(), n))
    return BarChart(width, height, bars, first.isoformat(), last.isoformat(), peak)
