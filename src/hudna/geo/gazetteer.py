"""The gazetteer: places with names in Arabic and English, found in text in one pass and
resolved to one reading using cue words, nearby governorates and countries, and rank."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from hudna.geo.context import CUES, cue_after, cue_before
from hudna.geo.entries import GazEntry
from hudna.geo.hierarchy import Hierarchy
from hudna.records import Place, Precision
from hudna.registry.matcher import AliasMatcher, Hit
from hudna.registry.normalize import is_arabic, normalize

_BASE: dict[str, float] = {
    "country": 5.0, "locality": 0.3, "governorate": 0.2, "district": 0.1, "point": 0.0,
}  # fmt: skip
_CUE_WORDS = frozenset(
    normalize(w)
    for w in ("مدينة", "بلدة", "قرية", "حي", "محافظة", "ريف", "منطقة", "ناحية", "قضاء", "مخيم")
)
_WINDOW = 160


@dataclass(frozen=True)
class PlaceMention:
    """A place found in a text: `text == original[start:end]`."""

    start: int
    end: int
    text: str
    place: Place
    candidates: int


class Gazetteer:
    def __init__(self, entries: Iterable[GazEntry], stoplist: Iterable[str] = ()) -> None:
        self.entries = list(entries)
        self.stoplist = frozenset(normalize(s) for s in stoplist)
        self._index: dict[str, list[int]] = {}
        for i, entry in enumerate(self.entries):
            for name in entry.names:
                key = normalize(name)
                if _matchable(key) and i not in self._index.get(key, ()):
                    self._index.setdefault(key, []).append(i)
        self._matcher = AliasMatcher((key, i) for key, ids in self._index.items() for i in ids)
        self._hierarchy = Hierarchy(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def names(self) -> list[str]:
        """Every normalized name."""
        return list(self._index)

    def candidates(self, name: str) -> list[GazEntry]:
        return [self.entries[i] for i in self._index.get(_strip_cue(normalize(name)), ())]

    def hierarchy(self, place: Place) -> list[Place]:
        """The admin chain above a found or resolved place: district(s), governorate, country."""
        entry = self._entry_of(place)
        if entry is None:
            return []
        return [p.to_place(p.name) for p in self._hierarchy.parents(entry)]

    def _entry_of(self, place: Place) -> GazEntry | None:
        for entry in self.candidates(place.entity_text) or self.entries:
            if (entry.lat, entry.lon, entry.name) == (place.lat, place.lon, place.name):
                return entry
        return None

    def resolve(
        self, name: str, *, country: str | None = None, admin1: str | None = None
    ) -> Place | None:
        """The best reading of a bare name, or None; filters by country/admin1 when given."""
        found = [
            e for e in self.candidates(name)
            if (country is None or e.country == country) and (admin1 is None or e.admin1 == admin1)
        ]  # fmt: skip
        if not found:
            return None
        precision = _precision_of_cue(name)
        return max(found, key=lambda e: _score(e, precision, set(), set())).to_place(name)

    def find(self, text: str, *, country: str | None = None) -> list[PlaceMention]:
        """Places named in `text`, non-overlapping, sorted by start."""
        hits = self._matcher.hits(text, keep=lambda s, e, p: self._keep(text, s, e, p))
        countries = {country} if country else set()
        countries |= {
            self.entries[h.payloads[0]].country or "" for h in hits if self._is_country(h)
        }
        mentions = []
        for hit in hits:
            admin1s = self._nearby_admin1(hits, hit)
            precision = cue_before(text, hit.start)[1] or cue_after(text, hit.end)
            best = max(
                hit.payloads, key=lambda i: _score(self.entries[i], precision, admin1s, countries)
            )
            surface = text[hit.start : hit.end]
            place = self.entries[best].to_place(surface, hit.start, hit.end)
            mentions.append(PlaceMention(hit.start, hit.end, surface, place, len(hit.payloads)))
        return mentions

    def _is_country(self, hit: Hit) -> bool:
        return all(self.entries[i].precision == "country" for i in hit.payloads)

    def _nearby_admin1(self, hits: list[Hit], hit: Hit) -> set[str]:
        near = set()
        for other in hits:
            if other is hit or abs(other.start - hit.start) > _WINDOW:
                continue
            regions = {self.entries[i].admin1 for i in other.payloads}
            governorate = any(self.entries[i].precision == "governorate" for i in other.payloads)
            if governorate or len(regions) == 1:
                near |= {r for r in regions if r}
        return near

    def _keep(self, text: str, start: int, end: int, payloads: tuple[int, ...]) -> tuple[int, ...]:
        surface = text[start:end]
        if not is_arabic(surface) and not surface[:1].isupper():
            return ()
        strong, _, weak = cue_before(text, start)
        clitic = start > 0 and text[start - 1].isalpha()
        key = normalize(surface)
        if key in CUES:  # "أحياء مدينة دير الزور": the cue word is not itself a place
            return ()
        if not strong and (key in self.stoplist or _definite(key) in self.stoplist):
            return ()
        if strong:
            return payloads
        short = len(key) <= 3 and not (weak or clitic)
        return tuple(
            i
            for i in payloads
            if not self.entries[i].cue and not (short and _minor(self.entries[i]))
        )


def _definite(key: str) -> str:
    """ "لثوره" (read in "للثورة") is "الثوره" under its ل."""
    return "ا" + key if key.startswith("ل") and not key.startswith("ال") else key


def _minor(entry: GazEntry) -> bool:
    """A short name of such a place needs a cue: it is too likely to be a word."""
    return entry.population < 1_000_000 and entry.precision not in ("country", "governorate")


def _matchable(key: str) -> bool:
    return len(key) >= 3 if is_arabic(key) else len(key) >= 4


def _strip_cue(key: str) -> str:
    head, _, rest = key.partition(" ")
    return rest if head in _CUE_WORDS and rest else key


def _precision_of_cue(name: str) -> Precision | None:
    """ "محافظة إدلب" → governorate: the cue word that starts a bare name."""
    return CUES.get(normalize(name).partition(" ")[0])


def _score(
    entry: GazEntry, precision: Precision | None, admin1s: set[str], countries: set[str]
) -> float:
    score = _BASE[entry.precision] + math.log10(entry.population + 1) / 10
    if precision is not None and entry.precision == precision:
        score += 4
    if entry.admin1 and entry.admin1 in admin1s:
        score += 3
    if entry.country and entry.country in countries:
        score += 1
    return score
