"""The search folding with an offset map back to the original text.

`normalize_with_offsets(text)` returns the same string as `normalize.for_search(text)` (for all
but exotic combining sequences) together with a compact map: a list of breakpoints
``(normalized position, original position)`` recorded only where the two stop moving in step —
after a run of deleted characters (diacritics, tatweel) or around a character whose folding
changes length (a presentation-form ligature such as ﻻ → لا, or İ → i̇). Between breakpoints the
map is the identity shifted by a constant, so an ordinary news article has a handful of
breakpoints or none.

`to_original(start, end)` maps a half-open span of the normalized text to the half-open span of
original characters whose folding produces it: a span that starts after deleted characters does
not include them, a span that ends before deleted marks includes them (marks belong to the
letter before them), and a span that cuts through an expanded character widens to the whole
character.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from hudna.text import normalize

_DELETED_CHARS = (
    "".join(
        chr(c)
        for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)]
    )
    + normalize.TATWEEL
)
_DELETED_RUN = re.compile(f"[{re.escape(_DELETED_CHARS)}]+")
_DELETE: dict[int, str | None] = {ord(c): None for c in _DELETED_CHARS}
_MAP: dict[int, str | None] = {}
for _src, _dst in {
    **{c: "ا" for c in "أإآٱ"},
    "ة": "ه",
    "ى": "ي",
    "ی": "ي",
    "ک": "ك",
    **dict(zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789", strict=True)),
}.items():
    _MAP[ord(_src)] = _dst
_TABLE = {**_DELETE, **_MAP}


# Mapped characters never map to deleted or mapped ones, so deleting, then replacing one
# character at a time, equals `str.translate(_TABLE)`; on article-long text it is several times
# faster than translating with a dict (see normalize._SEARCH_REPLACEMENTS).
_REPLACEMENTS = tuple((chr(code), dst) for code, dst in _MAP.items() if dst is not None)
_LONG = 200


def fold_fast(text: str) -> str:
    """The folding of text already in NFKC: deletions and one-to-one maps, then lower-case."""
    if len(text) < _LONG:
        return text.translate(_TABLE).lower()
    text = _DELETED_RUN.sub("", text)
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return text.lower()


@lru_cache(maxsize=4096)
def _fold_piece(piece: str) -> str:
    return fold_fast(unicodedata.normalize("NFKC", piece))


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A text folded for search (`text`) and the way back to `original`."""

    original: str
    text: str
    norm_breaks: tuple[int, ...] = field(default=(), repr=False)
    orig_breaks: tuple[int, ...] = field(default=(), repr=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The half-open span of `original` whose folding is `text[start:end]`."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) is outside 0..{len(self.text)}")
        if not self.norm_breaks:
            return start, end
        return self._position(start, at_end=False), self._position(end, at_end=True)

    def _position(self, pos: int, *, at_end: bool) -> int:
        """Breakpoints come in pairs: [2j, 2j+1] bounds a piece mapped only as a whole (deleted
        marks, an expanded or composed character); between pairs the map is linear."""
        nb, ob = self.norm_breaks, self.orig_breaks
        i = bisect_right(nb, pos) - 1
        if i < 0:
            return pos
        if pos == nb[i] or i % 2 == 1:
            return ob[i] + (pos - nb[i])
        return ob[i + 1] if at_end else ob[i]


@dataclass(frozen=True, slots=True)
class _CompatTables:
    """Built once from the Basic Multilingual Plane: NFKC one-to-one replacements (no-break
    space, presentation forms, full-width Latin) and a pattern cutting text into runs of plain
    characters and single characters that need NFKC with their combining marks."""

    one_to_one: dict[int, str]
    pieces: re.Pattern[str]


def _char_class(codes: list[int]) -> str:
    return "".join(re.escape(chr(c)) for c in codes)


@lru_cache(maxsize=1)
def _compat() -> _CompatTables:
    one_to_one: dict[int, str] = {}
    combining: list[int] = []
    special: list[int] = []
    for code in range(0x80, 0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        form = unicodedata.normalize("NFKC", chr(code))
        if unicodedata.combining(chr(code)):
            combining.append(code)
        elif len(form) == 1 and form != chr(code):
            one_to_one[code] = form
        elif form != chr(code) or len(chr(code).lower()) != 1 or chr(code) in _DELETED_CHARS:
            special.append(code)
    marks, odd = _char_class(combining), _char_class(special)
    pattern = f"(?P<plain>(?:[^{marks}{odd}](?![{marks}]))+)|.[{marks}]*"
    return _CompatTables(one_to_one, re.compile(pattern, re.S))


def nfkc_same_length(text: str) -> str | None:
    """The NFKC form of `text` when it replaces characters one for one, else None."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    compat = text.translate(_compat().one_to_one)
    return compat if unicodedata.is_normalized("NFKC", compat) else None


@lru_cache(maxsize=8)
def normalize_with_offsets(text: str) -> NormalizedText:
    """Fold `text` like `normalize.for_search` and keep the map back to it.

    Cached: dates and quantities fold the same document."""
    nfkc = nfkc_same_length(text)
    if nfkc is not None:
        return _fast(text, nfkc)
    return _slow(text, text.translate(_compat().one_to_one))


def _fast(text: str, nfkc: str) -> NormalizedText:
    """`nfkc` is the NFKC form of `text`, character for character."""
    folded = fold_fast(nfkc)
    runs = [m.span() for m in _DELETED_RUN.finditer(nfkc)]
    if len(folded) != len(text) - sum(e - s for s, e in runs):
        return _slow(text, nfkc)
    if not runs:
        return NormalizedText(text, folded)
    return _from_deletions(text, folded, runs)


def _from_deletions(text: str, folded: str, runs: list[tuple[int, int]]) -> NormalizedText:
    norm_breaks: list[int] = []
    orig_breaks: list[int] = []
    removed = 0
    for start, end in runs:
        norm_breaks += [start - removed, start - removed]
        orig_breaks += [start, end]
        removed += end - start
    return NormalizedText(text, folded, tuple(norm_breaks), tuple(orig_breaks))


def _slow(text: str, compat: str) -> NormalizedText:
    """Fold piece by piece: runs of plain characters at once, others with their marks.

    `compat` is `text` with the one-to-one NFKC replacements made (same length)."""
    out: list[str] = []
    norm_breaks: list[int] = []
    orig_breaks: list[int] = []
    n = o = 0
    for match in _compat().pieces.finditer(compat):
        piece = match.group()
        plain = match.lastgroup == "plain"
        folded = fold_fast(piece) if plain else _fold_piece(piece)
        if len(folded) != len(piece) or (not plain and len(piece) > 1):
            folded = _fold_piece(piece)
            norm_breaks += [n, n + len(folded)]
            orig_breaks += [o, o + len(piece)]
        out.append(folded)
        n += len(folded)
        o += len(piece)
    return NormalizedText(text, "".join(out), tuple(norm_breaks), tuple(orig_breaks))
