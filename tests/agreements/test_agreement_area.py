"""Area membership: ray casting against boxes and a concave shape, P-code prefixes,
admin1 names, countries."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hudna.agreements.area import place_in_area, point_in_polygon
from hudna.agreements.model import Area
from hudna.records import Place

BOX = [(36.0, 33.0), (37.0, 33.0), (37.0, 34.0), (36.0, 34.0)]
# a "U" shape: the notch (36.4..36.6, 33.5..34.0) is outside
U = [
    (36.0, 33.0),
    (37.0, 33.0),
    (37.0, 34.0),
    (36.6, 34.0),
    (36.6, 33.5),
    (36.4, 33.5),
    (36.4, 34.0),
    (36.0, 34.0),
]
coord = st.floats(min_value=35.0, max_value=38.0, allow_nan=False)


@given(coord, st.floats(min_value=32.0, max_value=35.0, allow_nan=False))
def test_box_membership_matches_bounds(lon: float, lat: float) -> None:
    strictly_in = 36.0 < lon < 37.0 and 33.0 < lat < 34.0
    strictly_out = not (36.0 <= lon <= 37.0 and 33.0 <= lat <= 34.0)
    if strictly_in:
        assert point_in_polygon(lon, lat, BOX)
    if strictly_out:
        assert not point_in_polygon(lon, lat, BOX)


@given(st.floats(min_value=36.41, max_value=36.59), st.floats(min_value=33.51, max_value=33.99))
def test_concave_notch_is_outside(lon: float, lat: float) -> None:
    assert not point_in_polygon(lon, lat, U)


def test_concave_arms_are_inside() -> None:
    assert point_in_polygon(36.2, 33.8, U) and point_in_polygon(36.8, 33.8, U)
    assert point_in_polygon(36.5, 33.2, U)


def test_closing_point_is_optional() -> None:
    assert point_in_polygon(36.5, 33.5, [*BOX, BOX[0]])


CASES = [
    (Place(entity_text="مضايا", pcode="SY030703"), Area(pcodes=["SY0307"]), True, "within SY0307"),
    (Place(entity_text="حلب", pcode="SY0200"), Area(pcodes=["SY0307"]), False, "not within"),
    (
        Place(entity_text="Донецьк", admin1="Donetsk Oblast"),
        Area(admin1=["Donetsk Oblast"]),
        True,
        "admin1",
    ),
    (Place(entity_text="دير الزور", country="SY"), Area(countries=["SY"]), True, "country SY"),
    (Place(entity_text="بكين", country="CN"), Area(countries=["SY"]), False, "CN"),
    (Place(entity_text="الزبداني", lat=33.72, lon=36.1), Area(polygons=[BOX]), True, "polygon"),
]


def test_place_in_area_table() -> None:
    for place, area, inside, why in CASES:
        got, reason = place_in_area(place, area)
        assert got is inside, (place, reason)
        assert why in reason, reason
