"""Date readers for parts of a month and points counted back from the anchor:
منتصف يوليو (the 15th, month precision), السابع من يوليو (the 7th), قبل أسبوعين / two weeks ago."""

from __future__ import annotations

import datetime as dt

from hudna.records import DatePrecision
from hudna.text import daymath
from hudna.text.calendar import calendar_words
from hudna.text.dateparts import Hit, Words, month_at, number_at, relation_at, year_at
from hudna.text.numwords import longest, longest_ending, number_words


def _month_day(
    words: Words, k: int, day: int, anchor: dt.date | None
) -> tuple[dt.date | None, int] | None:
    """(date, next index) for a month name at k (+ year or الماضي/الحالي/المقبل) on `day`."""
    found = month_at(words, k)
    if found is None:
        return None
    month, after, _ = found
    year = year_at(words, after)
    if year is not None:
        return daymath.valid_day(year[0], month, day), year[1]
    relation, used = relation_at(words, after)
    if anchor is None:
        return None, after + used
    return daymath.day_in_year_near(anchor, month, day, relation=relation), after + used


def part_of_month(words: Words, k: int, anchor: dt.date | None) -> Hit | None:
    """منتصف يوليو (تموز) · مطلع آذار الماضي · mid-March 2011: month precision."""
    cal = calendar_words()
    size = longest(cal.part_of_month, words.forms, k)
    if not size:
        return None
    day = cal.part_of_month[tuple(words.forms[k : k + size])]
    after = k + size + (1 if words.forms[k + size : k + size + 1] in (["-"], ["of"]) else 0)
    found = _month_day(words, after, day, anchor)
    if found is None:
        return None
    return Hit(k, found[1], found[0], None, "month")


def ordinal_day(words: Words, k: int, anchor: dt.date | None) -> Hit | None:
    """السابع من يوليو (تموز) · الحادي والعشرين من آذار 2011: day precision."""
    cal = calendar_words()
    size = longest(cal.ordinal_days, words.forms, k)
    if not size or words.forms[k + size : k + size + 1] != ["من"]:
        return None
    found = _month_day(
        words, k + size + 1, cal.ordinal_days[tuple(words.forms[k : k + size])], anchor
    )
    if found is None:
        return None
    return Hit(k, found[1], found[0], None, "day")


def ago(words: Words, k: int, anchor: dt.date | None) -> Hit | None:
    """قبل أسبوعين · قبل نحو ثلاثة أشهر · two weeks ago: a point counted back from the anchor.
    Approximate amounts (نحو، أكثر من) and months or years give month precision."""
    cal = calendar_words()
    forms = words.forms
    if forms[k] in cal.ago_before:
        read = number_at(words, k + 1)
        if read is None or read[1] >= len(forms) or forms[read[1]] not in cal.units:
            return None
        if year_at(words, read[1] + 1) is not None:
            return None
        return _back(k, read[1] + 1, read[0], forms[read[1]], _approximate(words, k + 1), anchor)
    read = number_at(words, k)
    if read is None or read[1] + 1 >= len(forms) or forms[read[1]] not in cal.units:
        return None
    if forms[read[1] + 1] not in cal.ago_after:
        return None
    first = k - longest_ending(number_words().before, forms, k)
    return _back(first, read[1] + 2, read[0], forms[read[1]], _approximate(words, k), anchor)


def recent(words: Words, k: int, anchor: dt.date | None) -> Hit | None:
    """in the past 24 hours · خلال الـ24 ساعة الماضية · الأيام الثلاثة الأخيرة is not read (the
    amount comes after the unit): a duration from anchor − amount to the anchor."""
    cal = calendar_words()
    forms = words.forms
    read = number_at(words, k)
    if read is None or read[1] >= len(forms) or forms[read[1]] not in cal.units:
        return None
    first, last = k, read[1] + 1
    if k > 0 and forms[k - 1] in cal.recent_before:
        first = k - 1
    elif last < len(forms) and forms[last] in cal.recent_after:
        last += 1
    else:
        return None
    point = _back(first, last, read[0], forms[read[1]], False, anchor)
    precision: DatePrecision = (
        "day" if cal.units[forms[read[1]]] in ("hour", "day", "week") else "month"
    )
    return Hit(first, last, point.date, anchor if point.date else None, precision, "duration")


def _approximate(words: Words, k: int) -> bool:
    return longest(number_words().before, words.forms, k) > 0


def _back(
    first: int, last: int, amount: float, unit_word: str, rough: bool, anchor: dt.date | None
) -> Hit:
    cal = calendar_words()
    if unit_word in cal.dual_units and amount == 1:
        amount = 2
    unit = cal.units[unit_word]
    precision: DatePrecision = "month" if rough or unit in ("month", "year") else "day"
    day = None if anchor is None else daymath.minus(anchor, amount, unit)
    return Hit(first, last, day, None, precision, "relative")


def numeric_date(words: Words, k: int, anchor: dt.date | None) -> Hit | None:
    """30-11-2014 · 20/7/2015 · 2015-07-20: day first unless the month would pass 12 (7/20/2015).
    Only years 1800..2099 count (a Hijri 5/7/1436 is not read)."""
    forms = words.forms
    parts = [k]
    while (
        len(parts) < 5 and words.adjacent(parts[-1], parts[-1] + 1) and parts[-1] + 2 < len(forms)
    ):
        if forms[parts[-1] + 1] not in ("/", "-", ".") or not words.adjacent(
            parts[-1] + 1, parts[-1] + 2
        ):
            break
        parts.append(parts[-1] + 2)
    if len(parts) != 3 or not all(forms[i].isdigit() for i in parts):
        return None
    a, b, c = (int(forms[i]) for i in parts)
    if year_at(words, parts[0]) is not None and len(forms[parts[0]]) == 4:
        day = daymath.valid_day(a, b, c)
    elif year_at(words, parts[2]) is not None and len(forms[parts[2]]) == 4:
        day = daymath.valid_day(c, b, a) or daymath.valid_day(c, a, b)
    else:
        return None
    return None if day is None else Hit(k, parts[2] + 1, day, None, "day")
