"""Compact administrative boundaries for the dashboard map and the bulletins.

The OCHA/HDX COD boundaries are simplified with Douglas–Peucker and rounded, and only the
properties the map needs are kept (P-code and names in English and Arabic). Rebuild with:

    python -m hudna.web.boundaries ../shared/data/syria-admin/syr_admin1.geojson \
        src/hudna/data/boundaries/syr_admin1.geojson --level 1
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

Point = tuple[float, float]

BOUNDARIES = resources.files("hudna") / "data" / "boundaries"


def _distance_to_segment(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == 0 and dy == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy))


def douglas_peucker(points: Sequence[Point], tolerance: float) -> list[Point]:
    """The points of a line kept by Douglas–Peucker at `tolerance` (same unit as the
    coordinates); the first and last points are always kept. Iterative, so deep lines
    cannot exhaust the stack."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        index, worst = 0, -1.0
        for i in range(first + 1, last):
            d = _distance_to_segment(points[i], points[first], points[last])
            if d > worst:
                index, worst = i, d
        if worst > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_ring(ring: Sequence[Sequence[float]], tolerance: float, digits: int) -> list[Point]:
    """A closed ring simplified and rounded; never fewer than four points (a valid ring)."""
    pts = [(float(x), float(y)) for x, y, *_ in ring]
    kept = douglas_peucker(pts, tolerance)
    if len(kept) < 4:
        kept = pts if len(pts) < 8 else [pts[0], pts[len(pts) // 3], pts[2 * len(pts) // 3], pts[0]]
    rounded = [(round(x, digits), round(y, digits)) for x, y in kept]
    deduped = [p for i, p in enumerate(rounded) if i == 0 or p != rounded[i - 1]]
    if deduped[0] != deduped[-1]:
        deduped.append(deduped[0])
    return deduped


def simplify_geometry(geometry: dict[str, Any], tolerance: float, digits: int) -> dict[str, Any]:
    """A Polygon or MultiPolygon with every ring simplified."""
    polygons = (
        [geometry["coordinates"]]
        if geometry["type"] == "Polygon"
        else list(geometry["coordinates"])
    )
    simplified = [[simplify_ring(r, tolerance, digits) for r in poly] for poly in polygons]
    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": simplified[0]}
    return {"type": "MultiPolygon", "coordinates": simplified}


def _properties(props: dict[str, Any], level: int) -> dict[str, Any]:
    keep = {
        "pcode": props[f"adm{level}_pcode"],
        "name_en": props[f"adm{level}_name"],
        "name_ar": props[f"adm{level}_name1"],
    }
    if level > 1:
        keep["adm1_pcode"] = props["adm1_pcode"]
        keep["adm1_name_en"] = props["adm1_name"]
    keep["center"] = [round(props["center_lon"], 4), round(props["center_lat"], 4)]
    return keep


def simplify_collection(
    collection: dict[str, Any], *, level: int, tolerance: float = 0.002, digits: int = 4
) -> dict[str, Any]:
    """A compact FeatureCollection from an OCHA COD admin collection."""
    features = [
        {
            "type": "Feature",
            "properties": _properties(f["properties"], level),
            "geometry": simplify_geometry(f["geometry"], tolerance, digits),
        }
        for f in collection["features"]
    ]
    return {"type": "FeatureCollection", "features": features}


def load_boundaries(level: int = 1) -> dict[str, Any]:
    """The bundled compact boundaries of Syria at admin level 1 or 2."""
    data: dict[str, Any] = json.loads(
        (BOUNDARIES / f"syr_admin{level}.geojson").read_text(encoding="utf-8")
    )
    return data


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Simplify OCHA COD admin boundaries.")
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--level", type=int, choices=(1, 2), required=True)
    parser.add_argument("--tolerance", type=float, default=0.002, help="degrees")
    parser.add_argument("--digits", type=int, default=4)
    args = parser.parse_args(argv)
    source = json.loads(args.source.read_text(encoding="utf-8"))
    compact = simplify_collection(
        source, level=args.level, tolerance=args.tolerance, digits=args.digits
    )
    args.target.write_text(
        json.dumps(compact, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
