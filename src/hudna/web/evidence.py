"""Cutting a document's text around evidence spans, for highlighting with <mark>.

The pieces are plain strings: the template escapes each one and wraps evidence pieces in
<mark>, so no text from a document is ever interpreted as HTML."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
LETTER = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    mark: str | None = None  # the id of the event whose evidence this is


def is_rtl(text: str, language: str | None = None) -> bool:
    """Arabic documents (by language code, else by script) read right to left."""
    if language:
        return language.split("-")[0] in {"ar", "fa", "ur", "he"}
    letters = LETTER.findall(text[:2000])
    return bool(letters) and len(ARABIC.findall(text[:2000])) > len(letters) / 2


def _clamp(start: int, end: int, size: int) -> tuple[int, int]:
    start = min(max(start, 0), size)
    return start, min(max(end, start), size)


def highlight(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Piece]:
    """The whole text cut into plain and marked pieces; overlapping spans are merged into
    the first one that covers them."""
    pieces: list[Piece] = []
    cursor = 0
    for start, end, mark in sorted(spans):
        start, end = _clamp(max(start, cursor), end, len(text))
        if end <= start:
            continue
        if start > cursor:
            pieces.append(Piece(text[cursor:start]))
        pieces.append(Piece(text[start:end], mark))
        cursor = end
    if cursor < len(text):
        pieces.append(Piece(text[cursor:]))
    return pieces


def excerpt(text: str, start: int, end: int, *, context: int = 320) -> list[Piece]:
    """The evidence span with up to `context` characters each side, cut at spaces, with
    an ellipsis where text was left out."""
    start, end = _clamp(start, end, len(text))
    left = max(0, start - context)
    right = min(len(text), end + context)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    pieces = [Piece("… ")] if left > 0 else []
    pieces += [Piece(text[left:start]), Piece(text[start:end], "evidence"), Piece(text[end:right])]
    if right < len(text):
        pieces.append(Piece(" …"))
    return [p for p in pieces if p.text]
