"""Place and governorate names on the pages: OCHA names for governorates whatever the stored
spelling, Arabic names in the Arabic interface, no transliteration marks in English."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import insert

from hudna.api.queries import IncidentFilter
from hudna.api.sample import load_sample
from hudna.store.database import open_store
from hudna.store.schema import incidents
from hudna.web.names import PlaceNames, is_arabic, plain
from hudna.web.pages import incident_view
from hudna.web.views import governorates, index_view

GOVERNORATES = [
    # stored admin1 (GeoNames, OCHA, press, Arabic), English page, Arabic page
    ("Rif-dimashq", "Rural Damascus", "ريف دمشق"),
    ("Dimashq", "Damascus", "دمشق"),
    ("Idlib", "Idleb", "إدلب"),
    ("Ar-Raqqah", "Ar-Raqqa", "الرقة"),
    ("Deir ez-Zor", "Deir-ez-Zor", "دير الزور"),
    ("Al-Hasakah", "Al-Hasakeh", "الحسكة"),
    ("Rural Damascus", "Rural Damascus", "ريف دمشق"),
    ("ادلب", "Idleb", "إدلب"),
    ("Aleppo", "Aleppo", "حلب"),
]

PLACES: list[tuple[str, dict[str, Any], str, str]] = [
    # stored name, payload place, English page, Arabic page
    ("Ḩarastā", {"entity_text": "Harasta", "country": "SY"}, "Harasta", "حرستا"),
    ("Dūmā", {"entity_text": "Douma", "geonameid": 170592, "country": "SY"}, "Duma", "دوما"),
    ("Douma", {"entity_text": "دوما", "country": "SY"}, "Douma", "دوما"),
    ("Majdal Shams", {"entity_text": "مجدل شمس", "country": "SY"}, "Majdal Shams", "مجدل شمس"),
    ("Eastern Ghouta", {"entity_text": "Eastern Ghouta", "country": "SY"}, "Eastern Ghouta",
     "الغوطة الشرقية"),
    ("United Kingdom", {"entity_text": "Britain", "country": "GB", "precision": "country"},
     "United Kingdom", "بريطانيا"),
    ("Geneva", {"entity_text": "Geneva", "geonameid": 2660646, "country": "CH"}, "Geneva", "جنيف"),
    ("Idlib", {"entity_text": "إدلب", "precision": "governorate", "country": "SY"}, "Idleb",
     "إدلب"),
    ("Diyālá", {"entity_text": "Diyala", "country": "IQ"}, "Diyala", "Diyālá"),
]  # fmt: skip


@pytest.mark.parametrize(("stored", "en", "ar"), GOVERNORATES)
def test_governorates_take_the_ocha_name_in_the_page_language(
    stored: str, en: str, ar: str
) -> None:
    assert PlaceNames("en").governorate(stored) == en
    assert PlaceNames("ar").governorate(stored) == ar


def test_an_unknown_admin1_is_shown_as_stored_without_marks_in_english() -> None:
    assert PlaceNames("en").governorate("Diyālá") == "Diyala"
    assert PlaceNames("ar").governorate("Diyālá") == "Diyālá"
    assert PlaceNames("en").governorate(None) is None


@pytest.mark.parametrize(("stored", "place", "en", "ar"), PLACES)
def test_places_are_named_in_the_page_language(
    stored: str, place: dict[str, Any], en: str, ar: str
) -> None:
    assert PlaceNames("en").place(stored, place) == en
    assert PlaceNames("ar").place(stored, place) == ar


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Ḩarastā", "Harasta"), ("Dar‘ā", "Dara"), ("Az Zabadānī", "Az Zabadani"), ("Homs", "Homs")],
)
def test_plain_drops_transliteration_marks(text: str, expected: str) -> None:
    assert plain(text) == expected


@given(st.text(max_size=30))
def test_plain_is_idempotent_and_keeps_arabic(text: str) -> None:
    once = plain(text)
    assert plain(once) == once
    if is_arabic(text):
        assert is_arabic(once)


def _add_incident(engine: Any, place: dict[str, Any], admin1: str) -> str:
    with engine.begin() as conn:
        conn.execute(
            insert(incidents),
            {"id": "inc-harasta", "category": "ASSAULT", "date": dt.date(2016, 4, 12),
             "enddate": dt.date(2016, 4, 12), "place_name": place["name"], "admin1": admin1,
             "lat": 33.56, "lon": 36.36, "corroboration": 1, "independent_sources": 1,
             "payload": {"id": "inc-harasta", "event": "ASSAULT", "place": place}},
        )  # fmt: skip
    return "inc-harasta"


HARASTA = {"entity_text": "حرستا", "name": "Ḩarastā", "geonameid": 170654, "country": "SY",
           "admin1": "Rif-dimashq", "precision": "locality"}  # fmt: skip


def test_pages_rename_but_the_store_keeps_its_names(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    load_sample(engine)
    incident_id = _add_incident(engine, HARASTA, "Rif-dimashq")
    ar = index_view(engine, IncidentFilter(), 0, "ar")
    row = next(r for r in ar.incidents if r["id"] == incident_id)
    assert (row["place_label"], row["admin1_label"]) == ("حرستا", "ريف دمشق")
    assert (row["place_name"], row["admin1"]) == ("Ḩarastā", "Rif-dimashq")
    marker = next(m for m in ar.markers if m["id"] == incident_id)
    assert marker["place_name"] == "حرستا"
    en = incident_view(engine, incident_id, "en")
    assert en is not None
    assert (en["place_label"], en["admin1_label"]) == ("Harasta", "Rural Damascus")
    engine.dispose()


def test_the_governorate_filter_keeps_stored_values_and_shows_ocha_names(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    load_sample(engine)
    _add_incident(engine, HARASTA, "Rif-dimashq")
    found = {g.value: (g.name_en, g.name_ar) for g in governorates(engine)}
    assert found["Rif-dimashq"] == ("Rural Damascus", "ريف دمشق")
    only = index_view(engine, IncidentFilter(admin1=["Rif-dimashq"]), 0, "en")
    assert [r["id"] for r in only.incidents] == ["inc-harasta"]
    engine.dispose()
