"""Calendar arithmetic for resolving date expressions against an anchor day (pure functions)."""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta


def latest_weekday(anchor: date, weekday: int, *, strictly_before: bool = False) -> date:
    """The latest day with `weekday` (Monday 0) not after `anchor` (before it, if strictly)."""
    back = (anchor.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return anchor - timedelta(days=back)


def next_weekday(anchor: date, weekday: int) -> date:
    """The first day with `weekday` after `anchor`."""
    ahead = (weekday - anchor.weekday()) % 7 or 7
    return anchor + timedelta(days=ahead)


def valid_day(year: int, month: int, day: int) -> date | None:
    if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
        return date(year, month, day)
    return None


def shift_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def minus(anchor: date, amount: float, unit: str) -> date | None:
    """`anchor` minus `amount` hours (whole days, rounded up), days, weeks, months or years;
    None when that falls outside the calendar (منذ 4000 سنة)."""
    try:
        return _minus(anchor, amount, unit)
    except (ValueError, OverflowError):
        return None


def _minus(anchor: date, amount: float, unit: str) -> date:
    if unit == "hour":
        return anchor - timedelta(days=math.ceil(amount / 24))
    if unit == "day":
        return anchor - timedelta(days=round(amount))
    if unit == "week":
        return anchor - timedelta(days=round(amount * 7))
    months = round(amount * (12 if unit == "year" else 1))
    return shift_months(anchor, -months)


def day_in_year_near(anchor: date, month: int, day: int, *, relation: str) -> date | None:
    """A day and month without a year, placed relative to `anchor`:
    'last' = latest such date before the anchor, 'this' = in the anchor's year,
    'next' = first such date after it, 'near' = the closest to it."""
    candidates = [valid_day(anchor.year + delta, month, day) for delta in (-1, 0, 1)]
    dates = [d for d in candidates if d is not None]
    if relation == "this":
        return valid_day(anchor.year, month, day)
    if relation == "last":
        return max((d for d in dates if d < anchor), default=None)
    if relation == "next":
        return min((d for d in dates if d > anchor), default=None)
    return min(dates, key=lambda d: abs((d - anchor).days), default=None)


def month_near(anchor: date, month: int, *, relation: str) -> date:
    """The first day of `month` placed relative to `anchor` as in `day_in_year_near`."""
    this = date(anchor.year, month, 1)
    start_of_anchor_month = anchor.replace(day=1)
    if relation == "this":
        return this
    if relation == "last":
        return this if this < start_of_anchor_month else date(anchor.year - 1, month, 1)
    if relation == "next":
        return this if this > start_of_anchor_month else date(anchor.year + 1, month, 1)
    options = [date(anchor.year + delta, month, 1) for delta in (-1, 0, 1)]
    return min(options, key=lambda d: abs((d - start_of_anchor_month).days))
