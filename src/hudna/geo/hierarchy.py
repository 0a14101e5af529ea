"""The admin chain above a place: sub-district → district → governorate → country.

OCHA units carry P-codes whose prefixes are their parents (SY070200 → SY0702 → SY07).
A Syrian place without a P-code (a GeoNames town, an addition) is put in the sub-district
whose admin centre (its town, else its centroid) is nearest within its governorate: an approximation (centres, not polygons),
right for most towns, possibly wrong near unit borders.
"""

from __future__ import annotations

from collections.abc import Iterable

from hudna.geo.entries import GazEntry


class Hierarchy:
    def __init__(self, entries: Iterable[GazEntry]) -> None:
        entries = list(entries)
        self.units = {
            e.pcode: e
            for e in entries
            if e.source == "ocha"
            and e.pcode
            and e.precision != "locality"
            and e.pcode.startswith("SY")
        }
        self.countries = {
            e.country: e for e in entries if e.id.startswith("country:") and e.country
        }
        centres = {e.pcode: (e.lat, e.lon) for e in entries if e.id.startswith("ocha:centre:")}
        self._points = [
            (_centre(u, centres), u) for u in self.units.values() if len(u.pcode or "") == 8
        ]

    def parents(self, entry: GazEntry) -> list[GazEntry]:
        """From the nearest unit above `entry` up to its country (itself excluded)."""
        code = self._pcode(entry)
        chain = [
            self.units[code[:n]] for n in (8, 6, 4) if len(code) >= n and code[:n] in self.units
        ]
        chain = [u for u in chain if u.id != entry.id]
        country = self.countries.get(entry.country or "")
        if country is not None and country.id != entry.id:
            chain.append(country)
        return chain

    def _pcode(self, entry: GazEntry) -> str:
        if entry.pcode and entry.pcode.startswith("SY"):
            return entry.pcode
        if entry.country != "SY" or entry.precision == "country":
            return ""
        same = [p for p in self._points if p[1].admin1 == entry.admin1] or self._points
        if not same:
            return ""
        _, nearest = min(
            same, key=lambda p: (p[0][0] - entry.lat) ** 2 + (p[0][1] - entry.lon) ** 2
        )
        return nearest.pcode or ""


def _centre(unit: GazEntry, centres: dict[str | None, tuple[float, float]]) -> tuple[float, float]:
    """A sub-district's town; the central one (…00) shares its district's or governorate's."""
    code = unit.pcode or ""
    for candidate in (code, code[:6], code[:4]) if code.endswith("00") else (code,):
        if candidate in centres:
            return centres[candidate]
    return unit.lat, unit.lon
