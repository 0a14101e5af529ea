"""Calendar words (months, weekdays, relative days, duration units) loaded from
`hudna/data/text/dates.json`, folded with `for_search` and keyed by word sequences."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from hudna.text.lexicon import LexiconError
from hudna.text.normalize import for_search

Phrase = tuple[str, ...]


def phrase(text: str) -> Phrase:
    """A folded word sequence: the key of every table here."""
    return tuple(for_search(text).split())


@dataclass(frozen=True)
class CalendarWords:
    months: dict[Phrase, int]
    ambiguous_months: frozenset[Phrase]
    weekdays: dict[Phrase, int]
    relative: dict[Phrase, int]
    this: frozenset[str]
    last: frozenset[str]
    next: frozenset[str]
    year_words: frozenset[str]
    units: dict[str, str]
    dual_units: frozenset[str]
    plural_units: frozenset[str]
    since: frozenset[str]
    not_dates: dict[Phrase, int]
    day_not_today: frozenset[str]
    relative_periods: dict[Phrase, tuple[str, int]]
    weekday_cues: frozenset[str]
    year_suffix: frozenset[str]
    ago_before: frozenset[str]
    ago_after: frozenset[str]
    recent_before: frozenset[str]
    recent_after: frozenset[str]
    verb_twins: frozenset[str]
    part_of_month: dict[Phrase, int]
    ordinal_days: dict[Phrase, int]

    @cached_property
    def starters(self) -> frozenset[str]:
        """Every word a date expression can start with (digits aside): the scan's pre-filter."""
        phrases = [
            *self.months,
            *self.weekdays,
            *self.relative,
            *self.relative_periods,
            *self.not_dates,
            *self.part_of_month,
            *self.ordinal_days,
        ]
        words = {p[0] for p in phrases} | self.since | self.year_words | self.weekday_cues
        return frozenset(words | self.ago_before)

    def month_at(self, forms: list[str], k: int) -> tuple[int, int] | None:
        """(month, words used) when a month name starts at forms[k]."""
        return _longest(self.months, forms, k)

    def weekday_at(self, forms: list[str], k: int) -> tuple[int, int] | None:
        return _longest(self.weekdays, forms, k)

    def relative_at(self, forms: list[str], k: int) -> tuple[int, int] | None:
        return _longest(self.relative, forms, k)


def _longest(table: dict[Phrase, int], forms: list[str], k: int) -> tuple[int, int] | None:
    for size in (4, 3, 2, 1):
        key = tuple(forms[k : k + size])
        if len(key) == size and key in table:
            return table[key], size
    return None


def _fold_set(words: list[str]) -> frozenset[str]:
    return frozenset(for_search(w) for w in words)


def _build(raw: dict[str, Any]) -> CalendarWords:
    return CalendarWords(
        months={phrase(k): int(v) for k, v in raw["months"].items()},
        ambiguous_months=frozenset(phrase(w) for w in raw["ambiguous_months"]),
        weekdays={phrase(k): int(v) for k, v in raw["weekdays"].items()},
        relative={phrase(k): int(v) for k, v in raw["relative"].items()},
        this=_fold_set(raw["this"]),
        last=_fold_set(raw["last"]),
        next=_fold_set(raw["next"]),
        year_words=_fold_set(raw["year_words"]),
        units={for_search(k): str(v) for k, v in raw["units"].items()},
        dual_units=_fold_set(raw["dual_units"]),
        plural_units=_fold_set(raw["plural_units"]),
        since=_fold_set(raw["since"]),
        not_dates={phrase(w): 0 for w in raw["not_dates"]},
        day_not_today=_fold_set(raw["day_not_today"]),
        relative_periods={
            phrase(k): (str(v[0]), int(v[1])) for k, v in raw["relative_periods"].items()
        },
        weekday_cues=_fold_set(raw["weekday_cues"]),
        year_suffix=_fold_set(raw["year_suffix"]),
        ago_before=_fold_set(raw["ago_before"]),
        ago_after=_fold_set(raw["ago_after"]),
        recent_before=_fold_set(raw["recent_before"]),
        recent_after=_fold_set(raw["recent_after"]),
        verb_twins=_fold_set(raw["verb_twins"]),
        part_of_month={phrase(k): int(v) for k, v in raw["part_of_month"].items()},
        ordinal_days={phrase(k): int(v) for k, v in raw["ordinal_days"].items()},
    )


@lru_cache(maxsize=1)
def calendar_words() -> CalendarWords:
    path = resources.files("hudna").joinpath("data", "text", "dates.json")
    try:
        return _build(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise LexiconError(
            f"hudna/data/text/dates.json is unreadable ({e}); reinstall hudna"
        ) from e
