"""How two claims' places relate, for linking: one inside the other (P-code prefixes, or the
larger place named in the smaller one's mention or sentence: "سهل الرهوة في جرود عرسال"), the
precision of the coarser of the two, and names compared without case, hyphens or apostrophes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from hudna.incidents.claims import Claim, place_label
from hudna.records import Place

RANK = {"point": 0, "locality": 1, "district": 2, "governorate": 3, "country": 4}
COARSE = frozenset({"country", "governorate"})
# a one-letter Arabic proclitic (و ف ب ل ك) may stick to the name: "وحلب", "بدمشق"
_CLITIC = "[\u0648\u0641\u0628\u0644\u0643]?"
MIN_NAME = 3


@dataclass(frozen=True, slots=True)
class Inside:
    outer: Place
    inner: Place
    how: str  # "pcode" or "named"

    def reason(self) -> str:
        via = "P-code" if self.how == "pcode" else "named in the other report"
        return f"{place_label(self.inner)} lies in {place_label(self.outer)} ({via})"


@lru_cache(maxsize=65536)
def norm(name: str | None) -> str:
    return (name or "").casefold().replace("-", " ").replace("'", "").strip()


def precision(place: Place) -> str:
    """The place's precision; a governorate's capital named like its governorate ("Idlib",
    "حلب") may stand for either, so it counts as the governorate."""
    level = place.precision or "locality"
    if level in ("point", "locality") and place.admin1 and norm(place.name) == norm(place.admin1):
        return "governorate"
    return level


def precise(place: Place | None) -> bool:
    """A place that can tell happenings apart: not absent, not a whole country or province."""
    return place is not None and place.precision not in COARSE


def coarser(a: Place, b: Place) -> str:
    pa, pb = precision(a), precision(b)
    return pa if RANK.get(pa, 1) >= RANK.get(pb, 1) else pb


@lru_cache(maxsize=4096)
def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){_CLITIC}{re.escape(name)}(?!\w)", re.IGNORECASE)


def _names(place: Place) -> list[str]:
    found = {n for n in (place.entity_text.strip(), (place.name or "").strip()) if n}
    return [n for n in found if len(n) >= MIN_NAME]


def named_in(outer: Place, text: str) -> bool:
    return bool(text) and any(_pattern(n).search(text) for n in _names(outer))


def _pcode_inside(a: Place, b: Place) -> Inside | None:
    if not (a.pcode and b.pcode) or a.pcode == b.pcode:
        return None
    if b.pcode.startswith(a.pcode):
        return Inside(a, b, "pcode")
    if a.pcode.startswith(b.pcode):
        return Inside(b, a, "pcode")
    return None


def _mentions(claim: Claim) -> str:
    place = claim.event.event_loc
    own = f"{place.entity_text} {place.name or ''}" if place else ""
    return f"{claim.sentence or claim.event.event_text} {own}"


def _named_inside(a: Claim, b: Claim, *, far_known: bool) -> Inside | None:
    pa, pb = a.event.event_loc, b.event.event_loc
    if pa is None or pb is None or norm(place_label(pa)) == norm(place_label(pb)):
        return None
    if pa.admin1 and pb.admin1 and norm(pa.admin1) != norm(pb.admin1):
        return None  # a town in another province is only mentioned, not a part
    for outer_claim, inner_claim in ((a, b), (b, a)):
        outer, inner = outer_claim.event.event_loc, inner_claim.event.event_loc
        if outer is None or inner is None:
            continue
        if far_known and RANK.get(precision(outer), 1) <= RANK.get(precision(inner), 1):
            continue  # two towns with coordinates: their distance says more than a mention
        key = norm(outer.entity_text)
        own = len(key) >= MIN_NAME and key in norm(inner.entity_text)
        if own or named_in(outer, _mentions(inner_claim)):
            return Inside(outer, inner, "named")
    return None


def inside(a: Claim, b: Claim, *, coordinates: bool) -> Inside | None:
    """One claim's place lies in the other's: by P-code prefix, else by name (the larger
    place named in the smaller one's mention or sentence). With coordinates on both sides,
    a name counts only when the named place is coarser (a district, a governorate)."""
    pa, pb = a.event.event_loc, b.event.event_loc
    if pa is None or pb is None:
        return None
    return _pcode_inside(pa, pb) or _named_inside(a, b, far_known=coordinates)
