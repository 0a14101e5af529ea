"""Dual nouns as quantities: طفلان، عنصرين، بعبوتين ناسفتين → 2 (Arabic counts two by the noun
alone). The nouns are `dual_nouns` in `hudna/data/text/numbers.json`; a noun whose sound plural
ends in -ين too (مقاتلين) is counted only in its -ان form."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from hudna.text.lexicon import LexiconError
from hudna.text.normalize import for_search
from hudna.text.tokens import tokenize

_PREFIXES = ("", "و", "ب", "ل", "ف", "ال", "وال", "بال", "لل", "فال", "ولل", "وبال")
_TWO = frozenset({"اثنين", "اثنان", "اثنتين", "اثنتان"})
_ONE_OR_TWO = _TWO | {"واحد", "واحده"}


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, str], frozenset[str]]:
    path = resources.files("hudna").joinpath("data", "text", "numbers.json")
    try:
        raw = json.loads(path.read_text("utf-8"))
        return raw["dual_nouns"], frozenset(for_search(w) for w in raw["singular_after"])
    except (OSError, ValueError, KeyError) as e:
        raise LexiconError(
            f"hudna/data/text/numbers.json lacks dual_nouns/singular_after ({e}); reinstall hudna"
        ) from e


@lru_cache(maxsize=1)
def dual_forms() -> dict[str, str]:
    """Folded dual form → folded singular."""
    nouns = _data()[0]
    forms: dict[str, str] = {}
    for singular, endings in nouns.items():
        word = for_search(singular)
        stem = word[:-1] + "ت" if word.endswith("ه") else word
        for ending in ("ان", "ين") if endings == "both" else ("ان",):
            forms[stem + ending] = word
    return forms


def dual_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, singular) of each dual noun in `text[start:end]`; following duals that agree
    with it (طفلان شقيقان) and اثنان/اثنين are part of the same span."""
    tokens = tokenize(text, start, end)
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        singular = _singular(tokens[i].norm)
        if singular is None:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and (_singular(tokens[j].norm) or tokens[j].norm in _TWO):
            j += 1
        found.append((tokens[i].start, tokens[j - 1].end, singular))
        i = j
    return found


def _singular(norm: str) -> str | None:
    """The singular of a dual form, with or without proclitics and article (والطفلين)."""
    forms = dual_forms()
    for prefix in _PREFIXES:
        if norm.startswith(prefix) and norm[len(prefix) :] in forms:
            return forms[norm[len(prefix) :]]
    return None


def singular_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, noun) of a bare singular countable noun right after an event word
    (مقتل شخص، أسر عنصر، واغتنام دبابة): one of them. A number after it (شخص واحد) is left
    to `find_quantities`."""
    singulars = set(dual_forms().values())
    events = _data()[1]
    tokens = tokenize(text, start, end)
    found: list[tuple[int, int, str]] = []
    for i in range(1, len(tokens)):
        before, token = tokens[i - 1].norm, tokens[i]
        event = before in events or (before[:1] in "وف" and before[1:] in events)
        followed = i + 1 < len(tokens) and tokens[i + 1].norm in _ONE_OR_TWO
        if event and token.norm in singulars and not followed:
            found.append((token.start, token.end, token.norm))
    return found
