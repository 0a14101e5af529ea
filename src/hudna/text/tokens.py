"""Tokens with offsets into the original text, their search folding and their clitic analysis.

A token is a run of letters (diacritics and tatweel inside it are kept in `text` and dropped
from `norm`), a number with its inner separators (1,200 · ١٬٢٠٠ · 3.5), or one punctuation mark.
`base` is `norm` without clitics for Arabic words (see `hudna.text.clitics`): وبالمساعدات →
prefixes وبال, base مساعدات; لافروف stays لافروف. Latin-script and number tokens keep
``base == norm``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import lru_cache
from unicodedata import is_normalized

from hudna.text.clitics import analyse, clitic_variants
from hudna.text.normalize import for_search
from hudna.text.offsets import fold_fast

__all__ = ["Token", "clitic_variants", "tokenize"]

_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_TOKEN = re.compile(rf"\d+(?:[.,٫٬]\d+)*|(?:[^\W\d_]|[{_MARKS}])+|\S")
_TEH_MARBUTA_END = re.compile(f"ة[{_MARKS}]*$")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: `start`/`end` index the original text (half-open)."""

    start: int
    end: int
    text: str
    norm: str
    base: str
    prefixes: str = ""
    suffix: str = ""


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of `text[start:end]`, with offsets into `text`."""
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    append, analysis, new = tokens.append, _analysis, _new_token
    for match in _TOKEN.finditer(text, start, stop):
        surface = match.group()
        norm, base, prefixes, suffix = analysis(surface)
        if norm:
            s, e = match.span()
            append(new(s, e, surface, norm, base, prefixes, suffix))
    return tokens


def _fast_constructor() -> Callable[[int, int, str, str, str, str, str], Token]:
    """Build tokens through the slot descriptors: the same frozen objects as `Token(...)`, at
    half the cost of the frozen `__init__` (tokenizing is the hottest loop of extraction)."""
    setters = [getattr(Token, name).__set__ for name in Token.__slots__]
    if [f.name for f in fields(Token)] != list(Token.__slots__):
        return Token
    set0, set1, set2, set3, set4, set5, set6 = setters
    new = object.__new__

    def make(
        start: int, end: int, text: str, norm: str, base: str, prefixes: str, suffix: str
    ) -> Token:
        token = new(Token)
        set0(token, start)
        set1(token, end)
        set2(token, text)
        set3(token, norm)
        set4(token, base)
        set5(token, prefixes)
        set6(token, suffix)
        return token

    return make


_new_token = _fast_constructor()


@lru_cache(maxsize=500_000)
def _analysis(surface: str) -> tuple[str, str, str, str]:
    """(norm, base, prefixes, suffix) of one token, remembered: news repeats its words."""
    norm = fold_fast(surface) if is_normalized("NFKC", surface) else for_search(surface)
    if len(norm) < 4 or not "\u0621" <= norm[0] <= "\u064a":
        return norm, norm, "", ""
    teh = _TEH_MARBUTA_END.search(surface) is not None
    prefixes, base, suffix = analyse(norm, teh_marbuta=teh)
    return norm, base, prefixes, suffix
