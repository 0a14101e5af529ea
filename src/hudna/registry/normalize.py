"""Matching normalization for names, with a map back to the original text.

Every kept character maps to exactly one original character, so a match found on the
normalized text has exact offsets in the text as ingested. Arabic: أ إ آ ٱ → ا, ة → ه,
ى → ي, hyphens → spaces, curly apostrophes → ', diacritics, tatweel and invisible format marks removed; Latin: lower case;
runs of white space become one space.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "-": " ",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
    }
)
_DROP = frozenset("\u0640") | frozenset(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670"}


def _fold_char(ch: str) -> str:
    """One character in, at most one out ('' when the character is dropped)."""
    if ch in _DROP or unicodedata.category(ch) == "Cf":
        return ""
    ch = ch.translate(_FOLD)
    low = ch.lower()
    return low[0] if low else ch


@dataclass(frozen=True)
class Normalized:
    """A normalized text and, for each of its characters, the index in the original."""

    text: str
    index: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) of the normalized [start, end)."""
        return self.index[start], self.index[end - 1] + 1


def normalize_with_map(text: str) -> Normalized:
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


def normalize(text: str) -> str:
    """The matching form of a name: `normalize("الإرهابيّة") == "الارهابيه"`."""
    return " ".join("".join(_fold_char(ch) for ch in text).split())


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)
