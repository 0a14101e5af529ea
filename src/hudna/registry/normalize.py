"""Matching normalization for names, with a map back to the original text.

Every kept character maps to exactly one original character, so a match found on the
normalized text has exact offsets in the text as ingested. Arabic: أ إ آ ٱ → ا, ة → ه,
ى → ي, hyphens → spaces, curly apostrophes → ', diacritics, tatweel and invisible format marks removed; Latin: lower case;
runs of white space become one space.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import compress

_FOLD: dict[int, str | None] = {
    ord(a): b
    for a, b in {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "-": " ",
        "’": "'", "‘": "'", "ʼ": "'",
    }.items()
}  # fmt: skip
_DROPPED = (
    ["\u0640", "\u0670", "\u061c", "\ufeff", "\u00ad", "\u0307"]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)
_TABLE: dict[int, str | None] = _FOLD | {ord(c): None for c in _DROPPED}


@functools.cache
def _fold_char(ch: str) -> str:
    """One character in, at most one out ('' when the character is dropped)."""
    folded = ch.translate(_TABLE)
    if not folded:
        return ""
    low = folded.lower()
    return low[0] if low else folded


@dataclass(frozen=True)
class Normalized:
    """A normalized text and, for each of its characters, the index in the original."""

    text: str
    index: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) of the normalized [start, end)."""
        return self.index[start], self.index[end - 1] + 1


_SPACES = [chr(c) for c in range(0x3001) if chr(c).isspace()]
_DROP_MARK = "\x00"
_FAST: dict[int, str | None] = (
    {ord(c): " " for c in _SPACES} | _FOLD | {ord(c): _DROP_MARK for c in _DROPPED}
)
_RUN_OF_SPACES = re.compile(r"(?<= ) ")


@functools.lru_cache(maxsize=8)
def normalize_with_map(text: str) -> Normalized:
    """Normalize `text`, keeping for each kept character its index in `text`.

    Cached: the registry and the gazetteer both normalize the same document."""
    marked = text.replace(_DROP_MARK, " ").translate(_FAST)
    lowered = marked.lower()
    if len(lowered) != len(marked):
        return _normalize_slowly(text)
    marked = _RUN_OF_SPACES.sub(_DROP_MARK, lowered)
    index = tuple(compress(range(len(marked)), map(_DROP_MARK.__ne__, marked)))
    return Normalized(marked.replace(_DROP_MARK, ""), index)


def _normalize_slowly(text: str) -> Normalized:
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = " " if ch.isspace() else _fold_char(ch)
        if folded == " " and chars and chars[-1] == " ":
            continue
        if folded:
            chars.append(folded)
            index.append(i)
    return Normalized("".join(chars), tuple(index))


@functools.lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """The matching form of a name: `normalize("الإرهابيّة") == "الارهابيه"`.

    Cached: the gazetteer normalizes every candidate surface, and news repeats them."""
    return " ".join(text.translate(_TABLE).lower().translate(_TABLE).split())


_MARKS = frozenset(["\u0640", "\u0670", *(chr(c) for c in range(0x064B, 0x0660))])


def extend_over_marks(text: str, end: int) -> int:
    """Move `end` past diacritics and tatweel that belong to the word before it."""
    while end < len(text) and text[end] in _MARKS:
        end += 1
    return end


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)
