"""One-pass alias matching: Aho-Corasick over normalized text, offsets into the original.

Arabic aliases are added with their clitic variants (و ف ب ل ك and combinations, with
ال), exact forms first: a key that is some alias exactly never carries a clitic reading,
so `بكين` is Beijing, not ب + كين. Matches must start and end on word boundaries;
overlaps are resolved longest first, then leftmost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import ahocorasick

from hudna.registry.normalize import (
    extend_over_marks,
    is_arabic,
    is_word_char,
    normalize,
    normalize_with_map,
)

Keep = Callable[[int, int, tuple[int, ...]], tuple[int, ...]]

_PREFIXES = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
_AL_PREFIXES = ("و", "ف", "ب", "ك", "وب", "وك", "فب", "فك")


def clitic_variants(form: str) -> list[tuple[str, int]]:
    """Prefixed forms of a normalized Arabic alias and the clitic length to skip."""
    if not is_arabic(form[:1]):
        return []
    variants = [(p + form, len(p)) for p in _PREFIXES]
    if form.startswith("ال"):
        variants = [(p + form, len(p)) for p in _AL_PREFIXES]
        variants += [(p + form[1:], len(p)) for p in ("ل", "ول", "فل")]
    return variants


@dataclass(frozen=True)
class Hit:
    """A raw match: original [start, end) of the name (clitic excluded) and its payloads."""

    start: int
    end: int
    payloads: tuple[int, ...]
    exact: bool


class AliasMatcher:
    """Maps surface forms to integer payloads (indexes into the caller's table)."""

    def __init__(self, aliases: Iterable[tuple[str, int]]) -> None:
        exact: dict[str, set[int]] = {}
        for alias, payload in aliases:
            key = normalize(alias)
            if key:
                exact.setdefault(key, set()).add(payload)
        clitic: dict[str, tuple[int, set[int]]] = {}
        for key, payloads in exact.items():
            for variant, skip in clitic_variants(key):
                if variant not in exact:
                    clitic.setdefault(variant, (skip, set()))[1].update(payloads)
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self._values: list[tuple[int, int, tuple[int, ...]]] = []
        for key, payloads in exact.items():
            self._add(key, 0, payloads)
        for key, (skip, payloads) in clitic.items():
            self._add(key, skip, payloads)
        if len(self._automaton):
            self._automaton.make_automaton()

    def _add(self, key: str, skip: int, payloads: set[int]) -> None:
        self._automaton.add_word(key, len(self._values))
        self._values.append((len(key), skip, tuple(sorted(payloads))))

    def __len__(self) -> int:
        return len(self._automaton)

    def hits(self, text: str, *, keep: Keep | None = None) -> list[Hit]:
        """Non-overlapping matches sorted by start.

        `keep(start, end, payloads)` may drop payloads of a candidate (say, an acronym
        whose case differs); a candidate left with none is not a match.
        """
        if not len(self._automaton):
            return []
        norm = normalize_with_map(text)
        found: list[tuple[int, int, int, tuple[int, ...]]] = []
        words, index, values = norm.text, norm.index, self._values
        for last, value in self._automaton.iter(words):
            length, skip, payloads = values[value]
            first = last - length + 1
            if (first > 0 and is_word_char(words[first - 1])) or (
                last + 1 < len(words) and is_word_char(words[last + 1])
            ):
                continue
            start = index[first + skip]
            stop = extend_over_marks(text, index[last] + 1)
            kept = keep(start, stop, payloads) if keep else payloads
            if kept:
                found.append((start, stop, skip, kept))
        return [
            Hit(start, stop, payloads, skip == 0)
            for start, stop, skip, payloads in _longest_first(found)
        ]


def _longest_first(
    found: list[tuple[int, int, int, tuple[int, ...]]],
) -> list[tuple[int, int, int, tuple[int, ...]]]:
    taken: list[tuple[int, int, int, tuple[int, ...]]] = []
    occupied = bytearray(max((f[1] for f in found), default=0))
    for item in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if not any(occupied[item[0] : item[1]]):
            taken.append(item)
            occupied[item[0] : item[1]] = b"\x01" * (item[1] - item[0])
    return sorted(taken)
