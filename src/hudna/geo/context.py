"""Cue words around a place name and what they say about it.

"بلدة الفوعة" (town) and "محافظة إدلب" (governorate) tell which reading of a name is
meant; "في" or a clitic ب/ل before a name makes a short, ambiguous name a place.
"""

from __future__ import annotations

import re

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

_WORDS = re.compile(r"[^\W\d_]+(?: of)?\s*$")


def cue_before(text: str, start: int) -> tuple[bool, Precision | None, bool]:
    """(strong cue?, precision it implies, weak cue?) for the words before `start`."""
    before = normalize(text[max(0, start - 30) : start])
    for cue, precision in CUES.items():
        if re.search(rf"(?:^|\W)[وفب]?{re.escape(cue)}\s*$", before):
            return True, precision, False
    weak = any(re.search(rf"(?:^|\W)[وف]?{w}\s*$", before) for w in WEAK_CUES)
    return False, None, weak


def cue_after(text: str, end: int) -> Precision | None:
    """English "… province", "… countryside" right after the name."""
    match = re.match(r"\s+([a-z]+)", normalize(text[end : end + 20]))
    return AFTER.get(match.group(1)) if match else None
