"""Cue words around a place name and what they say about it.

"بلدة الفوعة" (town) and "محافظة إدلب" (governorate) tell which reading of a name is
meant; "في" or a clitic ب/ل before a name makes a short, ambiguous name a place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from hudna.records import Precision
from hudna.registry.normalize import normalize

# normalized cue word → the precision it points to (None: a place of any kind)
CUES: dict[str, Precision | None] = {
    "مدينه": "locality", "بلده": "locality", "قريه": "locality", "حي": "locality",
    "مخيم": "locality", "بلدات": "locality", "قري": "locality", "مدن": "locality",
    "احياء": "locality", "بلدتي": "locality", "قريتي": "locality", "مدينتي": "locality",
    "محافظه": "governorate", "ريف": "governorate", "محافظتي": "governorate",
    "قضاء": "district", "ناحيه": "district", "منطقه": "district", "منطقتي": "district",
    "city of": "locality", "town of": "locality", "village of": "locality",
    "villages of": "locality", "towns of": "locality", "neighbourhood of": "locality",
    "neighborhood of": "locality", "district of": "district", "province of": "governorate",
    "governorate of": "governorate", "countryside of": "governorate",
}  # fmt: skip
WEAK_CUES = (
    "في",
    "من",
    "الي",
    "نحو",
    "قرب",
    "داخل",
    "in",
    "near",
    "from",
    "to",
    "outside",
    "around",
)
AFTER: dict[str, Precision] = {
    "province": "governorate", "governorate": "governorate", "countryside": "governorate",
    "district": "district", "town": "locality", "city": "locality", "village": "locality",
}  # fmt: skip

_STRONG = re.compile(
    r"(?:^|\W)[وفب]?(" + "|".join(sorted(map(re.escape, CUES), key=len, reverse=True)) + r")\s*$"
)
_WEAK = re.compile(r"(?:^|\W)[وف]?(?:" + "|".join(WEAK_CUES) + r")\s*$")


def cue_before(text: str, start: int) -> tuple[bool, Precision | None, bool]:
    """(strong cue?, precision it implies, weak cue?) for the words before `start`."""
    return _cues_in(text[max(0, start - 30) : start])


@lru_cache(maxsize=16384)
def _cues_in(window: str) -> tuple[bool, Precision | None, bool]:
    """`cue_before` of the 30 characters before a name (asked again when a hit is kept, then
    placed)."""
    before = normalize(window)
    strong = _STRONG.search(before)
    if strong:
        return True, CUES[strong.group(1)], False
    return False, None, bool(_WEAK.search(before))


def cue_after(text: str, end: int) -> Precision | None:
    """English "… province", "… countryside" right after the name."""
    match = re.match(r"\s+([a-z]+)", normalize(text[end : end + 20]))
    return AFTER.get(match.group(1)) if match else None
