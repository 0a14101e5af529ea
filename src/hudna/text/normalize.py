"""Arabic and general normalization: one job per function, each a character-for-character
mapping or a deletion, so that `hudna.text.offsets` can map positions back to the original.

`for_search` is the folding used for identity and full-text search: the same folding as the
scorer (no diacritics or tatweel; أ إ آ ٱ → ا; ة → ه; ى → ي; Arabic-Indic digits → ASCII).
"""

from __future__ import annotations

import re
import unicodedata

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_TEH_MARBUTA = str.maketrans({"ة": "ه"})
_YEH = str.maketrans({"ى": "ي", "ی": "ي"})
_KAF = str.maketrans({"ک": "ك"})
_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_WHITESPACE = re.compile(r"\s+")


def strip_diacritics(text: str) -> str:
    """Remove Arabic short vowels, shadda, sukun, tanwin and Quranic marks."""
    return DIACRITICS.sub("", text)


def strip_tatweel(text: str) -> str:
    return text.replace(TATWEEL, "")


def alef(text: str) -> str:
    """Fold hamza-carrying and wasla alef forms to bare alef."""
    return text.translate(_ALEF)


def teh_marbuta(text: str) -> str:
    return text.translate(_TEH_MARBUTA)


def yeh(text: str) -> str:
    """Fold alef maqsura and Persian yeh to Arabic yeh."""
    return text.translate(_YEH).translate(_KAF)


def digits(text: str, *, to: str = "ascii") -> str:
    """Arabic-Indic and Persian digits to ASCII (the only target hudna needs)."""
    if to != "ascii":
        raise ValueError(f"digits(to={to!r}): only 'ascii' is supported")
    return text.translate(_TO_ASCII)


def collapse_whitespace(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


# The letter folds of `for_search` as plain replacements: on long Arabic texts a chain of
# `str.replace` is about 50 times faster than `str.translate` with a dict, and ingest folds
# every document it reads. Order as in the one-job functions above: digits, alef, teh, yeh.
_SEARCH_REPLACEMENTS: tuple[tuple[str, str], ...] = (
    *zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789", strict=True),
    ("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"),
    ("ة", "ه"),
    ("ى", "ي"), ("ی", "ي"),
    ("ک", "ك"),
)  # fmt: skip


def for_search(text: str) -> str:
    """The folding used for content identity and full-text search (lower-cased too):
    NFKC, no diacritics or tatweel, `digits`, `alef`, `teh_marbuta`, `yeh`, lower case."""
    text = strip_tatweel(strip_diacritics(unicodedata.normalize("NFKC", text)))
    for old, new in _SEARCH_REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return text.lower()
