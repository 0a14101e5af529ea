"""Reading one number from a list of folded words: digits, number words, scales, vague amounts.

The tables come from `hudna/data/text/numbers.json` (folded on load). `read_number(forms, k)`
returns the value and how many words it used, or None; `hudna.text.numbers` adds qualifiers,
ranges and the filters that keep years and dates out.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any, cast

from hudna.records import Qualifier
from hudna.text.calendar import Phrase, phrase
from hudna.text.lexicon import LexiconError
from hudna.text.normalize import for_search

_DIGITS = re.compile(r"\d+(?:[.,٫٬]\d+)*")
_ONLY_BEFORE_TEN = frozenset(
    for_search(w) for w in ["أحد", "إحدى", "اثنا", "اثني", "اثنتا", "اثنتي"]
)
_TEN = frozenset(for_search(w) for w in ["عشر", "عشرة"])


@dataclass(frozen=True)
class NumberWords:
    values: dict[Phrase, float]
    hundred: frozenset[str]
    scales: dict[str, float]
    vague: dict[Phrase, tuple[float, Qualifier]]
    before: dict[Phrase, Qualifier]
    after: dict[Phrase, Qualifier]
    range_open: frozenset[Phrase]
    range_join: frozenset[str]
    not_before: frozenset[str]
    clitics: str
    cancelled_by_next: dict[str, frozenset[str]]

    @cached_property
    def starters(self) -> frozenset[str]:
        """Every word a number can start with (digits aside), with its clitic forms."""
        words = {p[0] for p in [*self.vague, *self.values]} | self.hundred | set(self.scales)
        words |= _ONLY_BEFORE_TEN | {"a"} | {"ال" + p[0] for p in self.vague}
        return frozenset(words | {c + w for w in words for c in self.clitics})


@dataclass(frozen=True, slots=True)
class NumberRead:
    value: float
    size: int
    qualifier: Qualifier = "exact"
    digits: bool = False


def _build(raw: dict[str, Any]) -> NumberWords:
    return NumberWords(
        values={phrase(k): float(v) for k, v in raw["values"].items()},
        hundred=frozenset(for_search(w) for w in raw["hundred"]),
        scales={for_search(k): float(v) for k, v in raw["scales"].items()},
        vague={phrase(k): (float(v[0]), cast(Qualifier, v[1])) for k, v in raw["vague"].items()},
        before={phrase(k): cast(Qualifier, v) for k, v in raw["before"].items()},
        after={phrase(k): cast(Qualifier, v) for k, v in raw["after"].items()},
        range_open=frozenset(phrase(w) for w in raw["range_open"]),
        range_join=frozenset(for_search(w) for w in raw["range_join"]),
        not_before=frozenset(for_search(w) for w in raw["not_before"]),
        clitics=for_search(raw["clitics"]),
        cancelled_by_next={
            for_search(k): frozenset(for_search(w) for w in v)
            for k, v in raw["cancelled_by_next"].items()
        },
    )


@lru_cache(maxsize=1)
def number_words() -> NumberWords:
    path = resources.files("hudna").joinpath("data", "text", "numbers.json")
    try:
        return _build(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError, IndexError) as e:
        raise LexiconError(
            f"hudna/data/text/numbers.json is unreadable ({e}); reinstall hudna"
        ) from e


def longest(table: dict[Phrase, Any] | frozenset[Phrase], forms: list[str], k: int) -> int:
    """How many words of the longest key of `table` start at forms[k] (0: none)."""
    for size in (4, 3, 2, 1):
        if k + size <= len(forms) and tuple(forms[k : k + size]) in table:
            return size
    return 0


def longest_ending(table: dict[Phrase, Any], forms: list[str], k: int) -> int:
    """How many words of the longest key of `table` end just before forms[k] (0: none)."""
    for size in (4, 3, 2, 1):
        if k - size >= 0 and tuple(forms[k - size : k]) in table:
            return size
    return 0


def digit_value(form: str) -> float | None:
    """1,200 · 1٬200 · 3.5 · 3٫5 · 1.200.000 → a number; None when it is no number."""
    if not _DIGITS.fullmatch(form):
        return None
    if re.fullmatch(r"\d{1,3}(?:[,٬]\d{3})+(?:\.\d+)?", form):
        return float(form.replace(",", "").replace("٬", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", form):
        return float(form.replace(".", ""))
    if re.fullmatch(r"\d+(?:[.٫]\d+)?", form):
        return float(form.replace("٫", "."))
    return None


def read_number(forms: list[str], k: int) -> NumberRead | None:
    """The number that starts at forms[k], if any."""
    nw = number_words()
    vague = _vague(forms, k, nw)
    if vague is not None:
        return vague
    digits = digit_value(forms[k])
    if digits is not None:
        return _with_scales(forms, k, digits, nw)
    return _words(forms, k, nw)


def _vague(forms: list[str], k: int, nw: NumberWords) -> NumberRead | None:
    """عشرات آلاف · وعشرات · بالعشرات · dozens: a vague amount (or fixed fraction) at k."""
    first = forms[k]
    bare = first[1:] if len(first) > 3 and first[0] in nw.clitics else first
    for candidate in dict.fromkeys((first, bare, bare.removeprefix("ال"))):
        window = [candidate, *forms[k + 1 : k + 4]]
        size = longest(nw.vague, window, 0)
        if size:
            value, qualifier = nw.vague[tuple(window[:size])]
            return NumberRead(value, size, qualifier)
    return None


def _with_scales(forms: list[str], k: int, value: float, nw: NumberWords) -> NumberRead:
    size = 1
    while k + size < len(forms) and forms[k + size] in nw.scales:
        value *= nw.scales[forms[k + size]]
        size += 1
    return NumberRead(value, size, digits=True)


def _word_value(
    forms: list[str], j: int, nw: NumberWords, *, first: bool
) -> tuple[str, float, int] | None:
    """(kind, value, words) of the number word at forms[j]: kind 'v' value, 'h' hundred, 's' scale."""
    word = forms[j]
    candidates = [word]
    if len(word) > 3 and word[0] in nw.clitics:
        candidates.append(word[1:])
    for candidate in candidates:
        key = (candidate, *forms[j + 1 : j + 2])
        if len(key) == 2 and key in nw.values:
            return "v", nw.values[key], 2
        if candidate in _ONLY_BEFORE_TEN:
            following = forms[j + 1] if j + 1 < len(forms) else ""
            return ("v", 1.0 if "حد" in candidate else 2.0, 1) if following in _TEN else None
        if (candidate,) in nw.values:
            return "v", nw.values[(candidate,)], 1
        if candidate in nw.hundred:
            return "h", 100.0, 1
        if candidate in nw.scales and not first:
            return "s", nw.scales[candidate], 1
        if candidate in nw.scales and (candidate,) not in nw.vague and len(candidate) > 2:
            return "v", nw.scales[candidate], 1
    return None


def _words(forms: list[str], k: int, nw: NumberWords) -> NumberRead | None:
    items: list[tuple[str, float]] = []
    j = k
    while j < len(forms):
        if items and forms[j] in ("and", "-") and j + 1 < len(forms):
            j += 1
        if items and forms[j] == "a":
            break
        if (
            not items
            and forms[j] == "a"
            and j + 1 < len(forms)
            and (forms[j + 1] in nw.hundred or forms[j + 1] in nw.scales)
        ):
            items.append(("v", 1.0))
            j += 1
            continue
        read = _word_value(forms, j, nw, first=not items)
        if read is None:
            if items and forms[j - 1] in ("and", "-"):
                j -= 1
            break
        kind, value, used = read
        items.append((kind, value))
        j += used
    if not items:
        return None
    return NumberRead(_evaluate(items), j - k)


def _evaluate(items: list[tuple[str, float]]) -> float:
    total = current = 0.0
    for kind, value in items:
        if kind == "s":
            total += (current or 1.0) * value
            current = 0.0
        elif kind == "h":
            current = (current or 1.0) * value
        else:
            current += value
    return total + current
