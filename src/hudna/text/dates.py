"""Temporal expressions in Arabic and English news, resolved against an anchor day.

`find_dates` reads, at each word of the folded text, the longest date expression it can:
relative days (أمس، أمس الأول، اليوم، غداً، yesterday), named weekdays (يوم الأربعاء, الأربعاء
الماضي, on Wednesday: the latest such day not after the anchor; a named weekday wins over
arithmetic, so أمس الثلاثاء is the latest Tuesday before the anchor), absolute dates in every
month series (5 كانون الثاني 2016, 27 شباط الماضي, 10 نيسان الحالي, آذار/مارس 2011, Feb. 25, 2016,
عام 2015), relative periods (العام الماضي) and durations (منذ أكثر من سنتين, منذ عام 2012, for
three months: `date` = anchor − duration, `enddate` = anchor). Fixed names are no dates (روسيا
اليوم is the channel RT; جون is John). With no anchor, nothing is invented: relative
expressions get date None and precision "unknown". Words live in `hudna/data/text/dates.json`.

Also read: numeric dates, parts of a month (منتصف يوليو), ordinal days (السابع من يوليو), points
counted back (قبل أسبوعين, two weeks ago) and recent spans (in the past 24 hours); see
`hudna.text.monthparts`.

`writing_day(text, published)` is the day the text itself says it was written (a dated dateline,
"اليوم (الخميس)" or "أمس الاثنين" near the top), else `published`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from hudna.records import DatePrecision
from hudna.text import daymath
from hudna.text.calendar import calendar_words
from hudna.text.dateparts import (
    DateKind,
    Hit,
    Words,
    day_at,
    month_at,
    number_at,
    relation_at,
    year_at,
)
from hudna.text.monthparts import ago, numeric_date, ordinal_day, part_of_month, recent
from hudna.text.numwords import longest, number_words
from hudna.text.offsets import normalize_with_offsets

__all__ = ["DateMention", "find_dates", "writing_day"]

_WORD = re.compile(r"\d+(?:[.,٫٬]\d+)*|[^\W\d_]+|\S")
_HEAD = 400
_YEAR_IN = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_DATELINE = 80


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression; `start`/`end` index the original text (half-open)."""

    start: int
    end: int
    text: str
    date: dt.date | None
    enddate: dt.date | None = None
    precision: DatePrecision = "unknown"
    kind: DateKind = "absolute"


def find_dates(
    text: str,
    *,
    anchor: dt.date | None,
    language: str = "ar",
    start: int = 0,
    end: int | None = None,
) -> list[DateMention]:
    """The date expressions of `text[start:end]` (offsets into `text`), resolved against `anchor`.

    `language` is accepted for symmetry with the other readers: both languages' words are
    always known, so mixed text (an English name in an Arabic article) reads the same."""
    stop = len(text) if end is None else end
    return [
        _mention(text, start + s, start + e, hit) for s, e, hit in _scan(text[start:stop], anchor)
    ]


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    """Calendar starters plus English number words (for "two weeks ago")."""
    english = {p[0] for p in number_words().values if p[0].isascii()}
    return calendar_words().starters | english | {"a"}


def _words(text: str) -> Words:
    """Folded words; a conjunction و/ف stuck to a date word is left out of it (واليوم → اليوم)."""
    folded = normalize_with_offsets(text)
    starters = _starters()
    forms: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _WORD.finditer(folded.text):
        form, (s, e) = m.group(), m.span()
        if form[0] in "وف" and len(form) > 2 and form not in starters and form[1:] in starters:
            form, s = form[1:], s + 1
        forms.append(form)
        spans.append((s, e))
    return Words(forms, spans, folded)


def _scan(text: str, anchor: dt.date | None) -> list[tuple[int, int, Hit]]:
    """(start, end, hit) for each date expression, offsets into `text`."""
    words = _words(text)
    source = normalize_with_offsets(text) if words.source is None else words.source
    starters, not_dates = _starters(), calendar_words().not_dates
    found: list[tuple[int, int, Hit]] = []
    k = 0
    while k < len(words.forms):
        if words.forms[k] not in starters and not words.forms[k][0].isdigit():
            k += 1
            continue
        skip = longest(not_dates, words.forms, k)
        hit = None if skip else _date_at(words, k, anchor)
        if hit is None:
            k += max(skip, 1)
            continue
        s, e = source.to_original(words.spans[hit.first][0], words.spans[hit.last - 1][1])
        found.append((s, e, hit))
        k = hit.last
    return found


def _mention(text: str, start: int, end: int, hit: Hit) -> DateMention:
    precision: DatePrecision = hit.precision if hit.date is not None else "unknown"
    return DateMention(start, end, text[start:end], hit.date, hit.enddate, precision, hit.kind)


def _date_at(words: Words, k: int, anchor: dt.date | None) -> Hit | None:
    for reader in (
        _duration,
        _period,
        _relative,
        _weekday,
        ago,
        recent,
        part_of_month,
        ordinal_day,
        numeric_date,
        _absolute,
    ):
        hit = reader(words, k, anchor)
        if hit is not None:
            return hit
    return None


def _relative(words: Words, k: int, anchor: dt.date | None) -> Hit | None:
    cal = calendar_words()
    found = cal.relative_at(words.forms, k)
    if found is None:
        return None
    offset, size = found
    last = k + size
    following = words.forms[last] if last < len(words.forms) else ""
    if offset == 0 and following in cal.day_not_today:
        return None
    verb = words.forms[k] in cal.verb_twins and following.startswith("ال")
    if verb and cal.weekday_at(words.forms, last) is None:
        return None
    named = _weekday_after(words, last, anchor, offset=offset)
    if named is not None:
        return replace(named, first=k, offset=offset)
    day = None if anchor is None else daymath.minus(anchor, -offset, "day")
    return Hit(k, last, day, None, "day", "relative", offset)


def _weekday_after(words: Words, k: int, anchor: dt.date | None, *, offset: int) -> Hit | None:
    """A weekday right after a relative word, possibly in brackets: اليوم (الخميس), أمس الثلاثاء
    (the latest such day before the anchor), غدا الأحد (the first such day after it)."""
    cal = calendar_words()
    j = k + 1 if k < len(words.forms) and words.forms[k] in ("(", "،", ",") else k
    found = cal.weekday_at(words.forms, j) if j < len(words.forms) else None
    if found is None:
        return None
    weekday, size = found
    last = j + size
    if last < len(words.forms) and words.forms[last] == ")":
        last += 1
    relation = "next" if offset > 0 else "last" if offset < 0 else "near"
    return Hit(k, last, _weekday_day(anchor, weekday, relation), None, "day", "weekday")


def _weekday(words: Words, k: int, anchor: dt.date | None) -> Hit | None:
    cal = calendar_words()
    cue = 1 if words.forms[k] in cal.weekday_cues else 0
    found = cal.weekday_at(words.forms, k + cue) if k + cue < len(words.forms) else None
    if found is None:
        return None
    weekday, size = found
    last = k + cue + size
    if len(words.forms[k + cue]) <= 4 and not _followed_by_number(words, last):
        return None
    dated = _absolute(words, _skip_comma(words, last), anchor)
    if dated is not None:
        return replace(dated, first=k)
    relation, used = relation_at(words, last, cal)
    if cue and words.forms[k] in cal.last | cal.next:
        relation = "last" if words.forms[k] in cal.last else "next"
    return Hit(k, last + used, _weekday_day(anchor, weekday, relation), None, "day", "weekday")


def _weekday_day(anchor: dt.date | None, weekday: int, relation: str) -> dt.date | None:
    if anchor is None:
        return None
    if relation == "next":
        return daymath.next_weekday(anchor, weekday)
    return daymath.latest_weekday(anchor, weekday, strictly_before=relation == "last")


def _followed_by_number(words: Words, k: int) -> bool:
    k = _skip_comma(words, k)
    return k < len(words.forms) and words.forms[k][0].isdigit()


def _skip_comma(words: Words, k: int) -> int:
    while k < len(words.forms) and words.forms[k] in (",", "،", ".", "-"):
        k += 1
    return k


def _period(words: Words, k: int, anchor: dt.date | None) -> Hit | None:
    """العام الماضي, this month, last year: year or month precision."""
    cal = calendar_words()
    size = longest(cal.relative_periods, words.forms, k)
    if not size:
        return None
    unit, offset = cal.relative_periods[tuple(words.forms[k : k + size])]
    if anchor is None:
        return Hit(k, k + size, None, kind="relative")
    if unit == "year":
        return Hit(k, k + size, dt.date(anchor.year + offset, 1, 1), None, "year", "relative")
    return Hit(
        k, k + size, daymath.shift_months(anchor.replace(day=1), offset), None, "month", "relative"
    )


def _absolute(words: Words, k: int, anchor: dt.date | None) -> Hit | None:
    if k >= len(words.forms):
        return None
    day = day_at(words, k)
    if day is not None:
        found = month_at(words, day[1])
        if found is not None:
            return _day_month(words, k, found[1], day[0], found[0], anchor)
    found = month_at(words, k)
    if found is not None:
        return _month_first(words, k, found, anchor)
    return _year_phrase(words, k)


def _day_month(
    words: Words, k: int, after_month: int, day: int, month: int, anchor: dt.date | None
) -> Hit | None:
    year = year_at(words, _skip_comma(words, after_month))
    if year is not None:
        value = daymath.valid_day(year[0], month, day)
        return None if value is None else Hit(k, year[1], value, None, "day")
    relation, used = relation_at(words, after_month, calendar_words())
    value = (
        None if anchor is None else daymath.day_in_year_near(anchor, month, day, relation=relation)
    )
    return Hit(k, after_month + used, value, None, "day")


def _month_first(
    words: Words, k: int, found: tuple[int, int, bool], anchor: dt.date | None
) -> Hit | None:
    """February 25, 2016 · Feb. 25 · آذار 2011 · آذار الماضي · في آذار."""
    month, after, ambiguous = found
    day = day_at(words, _skip_comma(words, after))
    if day is not None and not year_at(words, _skip_comma(words, after)):
        year = year_at(words, _skip_comma(words, day[1]))
        if year is not None:
            value = daymath.valid_day(year[0], month, day[0])
            return None if value is None else Hit(k, year[1], value, None, "day")
        value = (
            None
            if anchor is None
            else daymath.day_in_year_near(anchor, month, day[0], relation="near")
        )
        return Hit(k, day[1], value, None, "day")
    year = year_at(words, after)
    if year is not None:
        return Hit(k, year[1], dt.date(year[0], month, 1), None, "month")
    relation, used = relation_at(words, after, calendar_words())
    if ambiguous and not used:
        return None
    value = None if anchor is None else daymath.month_near(anchor, month, relation=relation)
    return Hit(k, after + used, value, None, "month")


def _year_phrase(words: Words, k: int) -> Hit | None:
    """عام 2015 · العام 2015 · in 2015: year precision."""
    if words.forms[k] not in calendar_words().year_words:
        return None
    year = year_at(words, k + 1)
    if year is None:
        return None
    return Hit(k, year[1], dt.date(year[0], 1, 1), None, "year")


def _duration(words: Words, k: int, anchor: dt.date | None) -> Hit | None:
    """منذ أكثر من سنتين · منذ ثلاثة أشهر · منذ عام 2012 · since 2012 · for two years."""
    cal = calendar_words()
    if words.forms[k] not in cal.since or k + 1 >= len(words.forms):
        return None
    point = _absolute(words, k + 1, anchor) or _relative(words, k + 1, anchor)
    if point is None and year_at(words, k + 1) is not None:
        year = year_at(words, k + 1)
        point = None if year is None else Hit(k + 1, year[1], dt.date(year[0], 1, 1), None, "year")
    if point is not None:
        return Hit(
            k, point.last, point.date, anchor if point.date else None, point.precision, "duration"
        )
    amount = number_at(words, k + 1)
    if amount is None:
        return None
    value, last = amount
    unit = cal.units.get(words.forms[last]) if last < len(words.forms) else None
    if unit is None:
        return None
    if words.forms[last] in cal.dual_units and value == 1:
        value = 2
    precision: DatePrecision = "day" if unit in ("day", "week") else "month"
    begin = None if anchor is None else daymath.minus(anchor, value, unit)
    return Hit(k, last + 1, begin, anchor if begin else None, precision, "duration")


def writing_day(text: str, published: dt.date | None) -> dt.date | None:
    """The day of writing the text itself fixes, else `published`: a dated dateline at the top
    ("Wed 25 Feb 2015", "لهذا اليوم 22 آذار 2017"), or a relative day named by its weekday
    near the top — "اليوم (الخميس)" is that Thursday, "أمس الاثنين" the day after that Monday
    (both the latest such weekday not after `published`). A bare weekday ("يجتمع ... الثلاثاء")
    is when something happens, not when the text was written, so it does not count."""
    for start, end, hit in _scan(text[:_HEAD], published):
        if hit.date is None:
            continue
        explicit = hit.kind == "absolute" and hit.precision == "day"
        if explicit and start < _DATELINE and _has_year(text[start:end]):
            return hit.date
        if hit.kind == "weekday" and hit.offset is not None:
            return hit.date - dt.timedelta(days=hit.offset)
    return published


def _has_year(mention: str) -> bool:
    """Does a date mention spell out its year (so it is not resolved against `published`)?"""
    return _YEAR_IN.search(normalize_with_offsets(mention).text) is not None
