"""Is a place inside an agreement's area? Countries, P-code prefixes, admin1 names, polygons."""

from __future__ import annotations

from collections.abc import Sequence

from hudna.agreements.model import Area
from hudna.records import Place


def point_in_polygon(lon: float, lat: float, ring: Sequence[tuple[float, float]]) -> bool:
    """Ray casting: a point is inside when a ray to the east crosses the ring an odd number
    of times. `ring` is a list of (lon, lat); closing the ring is optional."""
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _norm(name: str) -> str:
    return name.casefold().replace("-", " ").replace("'", "").strip()


def place_in_area(place: Place, area: Area) -> tuple[bool, str]:
    """(inside, why). The most precise evidence the place carries decides."""
    if place.lat is not None and place.lon is not None and area.polygons:
        for ring in area.polygons:
            if point_in_polygon(place.lon, place.lat, ring):
                return True, f"({place.lat:.3f}, {place.lon:.3f}) is inside the area's polygon"
    if place.pcode and area.pcodes:
        hit = next((p for p in area.pcodes if place.pcode.startswith(p)), None)
        if hit:
            return True, f"P-code {place.pcode} is within {hit}"
    if place.admin1 and area.admin1:
        wanted = {_norm(a) for a in area.admin1}
        if _norm(place.admin1) in wanted:
            return True, f"admin1 '{place.admin1}' is in the area"
    if place.country and place.country.upper() in {c.upper() for c in area.countries}:
        return True, f"country {place.country} is in the area"
    return False, _outside_reason(place, area)


def _outside_reason(place: Place, area: Area) -> str:
    label = place.name or place.entity_text
    parts = []
    if area.countries:
        parts.append("countries " + ", ".join(area.countries))
    if area.pcodes:
        parts.append("P-codes " + ", ".join(area.pcodes))
    if area.admin1:
        parts.append("admin1 " + ", ".join(area.admin1))
    if area.polygons:
        parts.append(f"{len(area.polygons)} polygon(s)")
    known = place.country or place.admin1 or place.pcode or "no country, admin unit or coordinates"
    return f"'{label}' ({known}) is not within the area ({'; '.join(parts)})"
