"""The parts date expressions are built of, read from folded words: a day of the month, a month
name (آذار/مارس, شباط (فبراير)), a year (2016, 2016م), an amount of time (ثلاثة, أكثر من سنتين)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from hudna.records import DatePrecision
from hudna.text.calendar import CalendarWords, calendar_words
from hudna.text.numwords import digit_value, longest, longest_ending, number_words, read_number
from hudna.text.offsets import NormalizedText

DateKind = Literal["absolute", "relative", "weekday", "duration"]
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


@dataclass(frozen=True, slots=True)
class Hit:
    first: int
    last: int
    date: dt.date | None
    enddate: dt.date | None = None
    precision: DatePrecision = "unknown"
    kind: DateKind = "absolute"
    offset: int | None = None


@dataclass(frozen=True, slots=True)
class Words:
    """Folded words and their spans in the folded text."""

    forms: list[str]
    spans: list[tuple[int, int]]
    source: NormalizedText | None = None

    def capitalized_inside_sentence(self, k: int) -> bool:
        """Is word k written with a capital in the original, and not first in its sentence?
        (May and March are months there, not the modal verb or the verb.)"""
        if self.source is None or k == 0 or self.forms[k - 1] in (".", "!", "?", '"', "“"):
            return False
        start, _ = self.source.to_original(*self.spans[k])
        return self.source.original[start].isupper()

    def adjacent(self, i: int, j: int) -> bool:
        return 0 <= i < j < len(self.forms) and self.spans[i][1] == self.spans[j][0]


def day_at(words: Words, k: int) -> tuple[int, int] | None:
    """(day, next index) for a day of the month 1..31 at k."""
    if k >= len(words.forms) or not words.forms[k].isdigit() or len(words.forms[k]) > 2:
        return None
    if words.adjacent(k, k + 1) and words.forms[k + 1] in (":", "/"):
        return None
    day = int(words.forms[k])
    return (day, k + 1) if 1 <= day <= 31 else None


def year_at(words: Words, k: int) -> tuple[int, int] | None:
    """(year, next index) for a year 1800..2099 at k, with an optional م after it."""
    if k >= len(words.forms) or not _YEAR.fullmatch(words.forms[k]):
        return None
    if words.adjacent(k, k + 1) and words.forms[k + 1] in (":", "/"):
        return None
    after = k + 1
    if after < len(words.forms) and words.forms[after] in calendar_words().year_suffix:
        after += 1
    return int(words.forms[k]), after


def month_at(words: Words, k: int) -> tuple[int, int, bool] | None:
    """(month, next index, ambiguous) for a month name at k, with its other-series name after
    a slash or in brackets (آذار/مارس 2011, شباط (فبراير)); an English abbreviation may end in a dot."""
    cal = calendar_words()
    if k >= len(words.forms):
        return None
    found = cal.month_at(words.forms, k)
    if found is None:
        return None
    month, size = found
    ambiguous = tuple(words.forms[k : k + size]) in cal.ambiguous_months
    if ambiguous and words.forms[k].isascii():
        ambiguous = not words.capitalized_inside_sentence(k)
    after = k + size
    if after < len(words.forms) and words.forms[after] == "." and words.forms[k].isascii():
        after += 1
    if after + 1 < len(words.forms) and words.forms[after] in ("/", "("):
        other = cal.month_at(words.forms, after + 1)
        if other is not None and other[0] == month:
            after += 1 + other[1]
            if after < len(words.forms) and words.forms[after] == ")":
                after += 1
    return month, after, ambiguous


def relation_at(words: Words, k: int, cal: CalendarWords | None = None) -> tuple[str, int]:
    """'this' / 'last' / 'next' when forms[k] says so (الحالي، الماضي، المقبل), with its size."""
    cal = cal or calendar_words()
    form = words.forms[k] if k < len(words.forms) else ""
    for name, table in (("this", cal.this), ("last", cal.last), ("next", cal.next)):
        if form in table:
            return name, 1
    return "near", 0


def number_at(words: Words, k: int) -> tuple[float, int] | None:
    """(amount, index of the unit) for 'ثلاثة أشهر', 'أكثر من سنتين', 'عام', 'a year', 'two years'."""
    cal, nw = calendar_words(), number_words()
    k += longest(nw.before, words.forms, k)
    if k < len(words.forms) and words.forms[k] == "a":
        k += 1
    if k >= len(words.forms):
        return None
    read = read_number(words.forms, k)
    if read is not None and read.qualifier == "exact":
        return read.value, k + read.size
    form = words.forms[k]
    if form in cal.dual_units:
        return 2.0, k
    if form in cal.units and form not in cal.plural_units:
        return 1.0, k
    return None


def qualifier_before(words: Words, k: int) -> int:
    return longest_ending(number_words().before, words.forms, k)


def is_digits(form: str) -> bool:
    return digit_value(form) is not None
