"""The compact boundaries: the simplifier's guarantees, and the bundled files."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from hudna.web.boundaries import (
    BOUNDARIES,
    douglas_peucker,
    load_boundaries,
    simplify_collection,
    simplify_ring,
)

coords = st.floats(min_value=35.0, max_value=43.0, allow_nan=False)
lines = st.lists(st.tuples(coords, coords), min_size=2, max_size=60)


def test_straight_line_keeps_only_its_ends() -> None:
    line = [(0.0, 0.0), (1.0, 0.0), (2.0, 0.0), (3.0, 0.0)]
    assert douglas_peucker(line, 0.01) == [(0.0, 0.0), (3.0, 0.0)]


def test_a_corner_beyond_tolerance_is_kept() -> None:
    line = [(0.0, 0.0), (1.0, 1.0), (2.0, 0.0)]
    assert douglas_peucker(line, 0.5) == line
    assert douglas_peucker(line, 2.0) == [(0.0, 0.0), (2.0, 0.0)]


@given(lines, st.floats(min_value=0.0, max_value=1.0))
def test_simplified_line_is_an_ordered_subset_with_the_same_ends(
    line: list[tuple[float, float]], tolerance: float
) -> None:
    kept = douglas_peucker(line, tolerance)
    assert kept[0] == line[0] and kept[-1] == line[-1]
    it = iter(line)
    assert all(any(p == q for q in it) for p in kept)


@given(lines)
def test_zero_tolerance_keeps_every_point_off_the_line(line: list[tuple[float, float]]) -> None:
    assert len(douglas_peucker(line, -1.0)) == len(line)


grid = st.integers(min_value=3500, max_value=4300)


@given(st.lists(st.tuples(grid, grid), min_size=3, max_size=40, unique=True))
def test_rings_stay_closed_with_distinct_points(cells: list[tuple[int, int]]) -> None:
    points = [(x / 100, y / 100) for x, y in cells]
    out = simplify_ring([*points, points[0]], 0.5, 3)
    assert out[0] == out[-1]
    assert len(out) >= 3
    assert set(out) <= set(points)


def test_collection_keeps_names_and_pcodes() -> None:
    source = {
        "features": [
            {
                "properties": {
                    "adm1_pcode": "SY02",
                    "adm1_name": "Aleppo",
                    "adm1_name1": "حلب",
                    "center_lon": 37.1,
                    "center_lat": 36.2,
                },
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [
                        [[37, 36], [37.5, 36.0001], [38, 36], [38, 37], [37, 37], [37, 36]]
                    ],
                },
            }
        ]
    }
    out = simplify_collection(source, level=1, tolerance=0.01)
    feature = out["features"][0]
    assert feature["properties"] == {
        "pcode": "SY02",
        "name_en": "Aleppo",
        "name_ar": "حلب",
        "center": [37.1, 36.2],
    }
    assert [37.5, 36.0001] not in feature["geometry"]["coordinates"][0]
    assert len(feature["geometry"]["coordinates"][0]) == 5


def test_bundled_files_are_compact_and_complete() -> None:
    admin1 = load_boundaries(1)
    admin2 = load_boundaries(2)
    assert len(admin1["features"]) == 14
    assert len(admin2["features"]) == 62
    names = {f["properties"]["name_ar"] for f in admin1["features"]}
    assert {"حلب", "دمشق", "إدلب"} <= names
    for level in (1, 2):
        path = BOUNDARIES / f"syr_admin{level}.geojson"
        assert len(path.read_bytes()) < 2_000_000
        json.loads(path.read_text(encoding="utf-8"))
    assert (BOUNDARIES / "ATTRIBUTION.md").is_file()
