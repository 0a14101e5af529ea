"""Quantities in Arabic and English text: digits, number words, vague amounts, qualifiers, ranges.

`find_quantities` folds the text (`hudna.text.offsets`), cuts it into words, and reads at each
word the longest quantity it can: ASCII or Arabic-Indic digits with thousands separators
(1,200 · ١٬٢٠٠ · 1.5 مليون), Arabic and English number words (ثلاثة وعشرون, مئتان وخمسون, two
hundred and fifty), vague amounts (عشرات آلاف → 10000 tens_of_thousands), with a qualifier before
or after (أكثر من 430 → more_than) or as a range (بين 10 و20). Years, days of the month, times,
ordinals and labels (القرار 2254) are not quantities. The language data is
`hudna/data/text/numbers.json`; month names come from `dates.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hudna.records import Qualifier
from hudna.text.calendar import calendar_words
from hudna.text.duals import dual_spans, singular_spans
from hudna.text.numwords import (
    NumberRead,
    digit_value,
    longest,
    longest_ending,
    number_words,
    read_number,
)
from hudna.text.offsets import NormalizedText, normalize_with_offsets

__all__ = [
    "QuantityMention",
    "dual_quantities",
    "find_quantities",
    "implied_quantities",
    "unit_after",
]

_WORD = re.compile(r"\d+(?:[.,٫٬]\d+)*|[^\W\d_]+|\S")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_ORDINAL = frozenset({"st", "nd", "rd", "th"})


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """A quantity read in the text; `start`/`end` index the original text (half-open).

    A qualifier after the counted noun (خمسة مقاتلين على الأقل) sets `qualifier` without
    widening the span, so `unit_after` still finds the noun."""

    start: int
    end: int
    text: str
    value: float
    qualifier: Qualifier = "exact"
    high: float | None = None


@dataclass(frozen=True, slots=True)
class _Words:
    """The folded words of a window, their spans in the folded text, and that text."""

    forms: list[str]
    spans: list[tuple[int, int]]
    source: NormalizedText

    def adjacent(self, i: int, j: int) -> bool:
        return 0 <= i < j < len(self.forms) and self.spans[i][1] == self.spans[j][0]

    def original(self, k: int) -> str:
        """Word k as written (وأحد and واحد fold alike: only the original tells them apart)."""
        start, end = self.source.to_original(*self.spans[k])
        return self.source.original[start:end]


@dataclass(frozen=True, slots=True)
class _Found:
    first: int
    last: int
    value: float
    qualifier: Qualifier
    high: float | None = None


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[QuantityMention]:
    """The quantities of `text[start:end]`, offsets into `text`, in reading order."""
    stop = len(text) if end is None else end
    folded = normalize_with_offsets(text[start:stop])
    matches = list(_WORD.finditer(folded.text))
    words = _Words([m.group() for m in matches], [m.span() for m in matches], folded)
    found: list[QuantityMention] = []
    starters = number_words().starters
    k = 0
    while k < len(words.forms):
        form = words.forms[k]
        hit = _quantity_at(words, k) if form in starters or form[0].isdigit() else None
        if hit is None:
            k += 1
            continue
        s, e = folded.to_original(words.spans[hit.first][0], words.spans[hit.last - 1][1])
        found.append(
            QuantityMention(
                start + s,
                start + e,
                text[start + s : start + e],
                hit.value,
                hit.qualifier,
                hit.high,
            )
        )
        k = hit.last
    return found


def _quantity_at(words: _Words, k: int) -> _Found | None:
    number = read_number(words.forms, k)
    if number is None or not _is_quantity(words, k, number):
        return None
    nw = number_words()
    last = k + number.size
    ranged = _range(words, k, last, number.value)
    if ranged is not None:
        return ranged
    before = _qualifier_before(words.forms, k)
    if before is not None and number.qualifier == "exact":
        return _Found(k - before[0], last, number.value, before[1])
    after = longest(nw.after, words.forms, last)
    if after and number.qualifier == "exact":
        return _Found(
            k, last + after, number.value, nw.after[tuple(words.forms[last : last + after])]
        )
    after = longest(nw.after, words.forms, last + 1) if last + 1 < len(words.forms) else 0
    if after and number.qualifier == "exact" and words.forms[last][0].isalpha():
        qualifier = nw.after[tuple(words.forms[last + 1 : last + 1 + after])]
        return _Found(k, last, number.value, qualifier)
    return _Found(k, last, number.value, number.qualifier)


def _qualifier_before(forms: list[str], k: int) -> tuple[int, Qualifier] | None:
    """(words, qualifier) of a qualifier ending before forms[k]; its first word may carry a
    clitic (بنحو 160، وأكثر من 20)."""
    nw = number_words()
    for size in (4, 3, 2, 1):
        if k - size < 0:
            continue
        phrase = forms[k - size : k]
        first = phrase[0]
        for candidate in (first, first[1:] if len(first) > 2 and first[0] in nw.clitics else ""):
            key = (candidate, *phrase[1:])
            if candidate and key in nw.before:
                return size, nw.before[key]
    return None


def _range(words: _Words, k: int, last: int, low: float) -> _Found | None:
    """بين 10 و20 · 10-20 · from 10 to 20 · عشرة إلى عشرين: a range starting at k."""
    nw = number_words()
    forms = words.forms
    if last + 1 >= len(forms) or forms[last] not in nw.range_join:
        return None
    high = read_number(forms, last + 1)
    if high is None or high.value <= low or not _is_quantity(words, last + 1, high):
        return None
    opener = longest_ending({p: True for p in nw.range_open}, forms, k)
    if forms[last] in ("-", "–") and not (words.adjacent(last - 1, last) or opener):
        return None
    if forms[last] in ("و", "and") and not opener:
        return None
    return _Found(
        k - opener,
        last + 1 + high.size,
        _shared_scale(forms, last + 1, low, high),
        "range",
        high.value,
    )


def _shared_scale(forms: list[str], k: int, low: float, high: NumberRead) -> float:
    """بين 45 و50 ألفا: a scale written only after the high end applies to the low end too."""
    base = digit_value(forms[k]) if high.digits else None
    if base and high.value > base and low * (high.value / base) <= high.value and low < base:
        return low * (high.value / base)
    return low


def _is_quantity(words: _Words, k: int, number: NumberRead) -> bool:
    """False for years, days of the month, times, ordinals, labels and model numbers."""
    forms = words.forms
    cal, nw = calendar_words(), number_words()
    if k > 0 and (forms[k - 1] in nw.not_before or longest_ending(cal.months, forms, k)):
        return False
    after = k + number.size
    if after < len(forms) and cal.month_at(forms, after) and number.value <= 31:
        return False
    if after < len(forms) and forms[after] in nw.cancelled_by_next.get(forms[k], ()):
        return False
    if forms[k] in ("واحد", "واحده") and "وأ" in words.original(k):
        return False
    if not number.digits:
        return True
    return not (_stuck(words, k) or _year_like(words, k, number))


def _stuck(words: _Words, k: int) -> bool:
    """Digits glued to a letter, a slash or a colon: 10:30, 27/2, M4, 1st (not و20)."""
    forms = words.forms
    if words.adjacent(k, k + 1) and (
        forms[k + 1][0] in "/:" or forms[k + 1] in _ORDINAL or forms[k + 1][0].isalpha()
    ):
        return True
    before = forms[k - 1] if k > 0 else ""
    glued = before[-1:] in ("/", ":") or (
        before[-1:].isalpha() and before not in ("و", "ب", "ل", "ف")
    )
    return words.adjacent(k - 1, k) and glued


def _year_like(words: _Words, k: int, number: NumberRead) -> bool:
    """A bare 1800..2099 is a year unless a count qualifier (أكثر من، نحو، at least) precedes;
    0000..0999 written with four digits is a time (at 0914)."""
    if len(words.forms[k]) == 4 and words.forms[k][0] == "0":
        return True
    if number.size != 1 or not _YEAR.fullmatch(words.forms[k]):
        return False
    before = _qualifier_before(words.forms, k)
    return before is None or before[1] == "up_to"


_UNIT = re.compile(r"\s*([^\W\d_][\w\u064b-\u065f\u0670\u0640]*|%)")
_SKIP = frozenset({"of", "من"})
_PERCENT = re.compile(r"\s*(?:في\s+الما?[ئي]ة|بالما?[ئي]ة|per\s*cent|percent)\b", re.IGNORECASE)


def unit_after(text: str, end: int) -> str | None:
    """The word after a number ending at `end` (skipping "of"/"من"): خرقا, قتيلا, people, tons;
    "%" for %, في المئة, بالمائة, percent."""
    if _PERCENT.match(text, end):
        return "%"
    match = _UNIT.match(text, end)
    if match is not None and match.group(1).lower() in _SKIP:
        match = _UNIT.match(text, match.end())
    return match.group(1) if match is not None else None


def dual_quantities(text: str, start: int = 0, end: int | None = None) -> list[QuantityMention]:
    """Dual nouns counted as 2 (وقتل طفلان، أسر عنصرين، انفجار عبوتين ناسفتين). Not part of
    `find_quantities`: the counted noun is the mention itself, so `unit_after` does not apply —
    use `mention.text`."""
    return [QuantityMention(s, e, text[s:e], 2.0) for s, e, _ in dual_spans(text, start, end)]


def implied_quantities(text: str, start: int = 0, end: int | None = None) -> list[QuantityMention]:
    """Counts said by the noun alone: duals (عنصرين → 2) and a bare singular after an event word
    (مقتل شخص، أسر عنصر → 1). The counted noun is the mention itself, as in `dual_quantities`."""
    found = [QuantityMention(s, e, text[s:e], 2.0) for s, e, _ in dual_spans(text, start, end)]
    found += [QuantityMention(s, e, text[s:e], 1.0) for s, e, _ in singular_spans(text, start, end)]
    return sorted(found, key=lambda q: q.start)
