from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hudna.errors import PublishError
from hudna.publish import labels
from hudna.publish.areas import BOUNDARIES, AreaIndex, area_index, load_governorates, name_key


@pytest.fixture(scope="module")
def areas() -> AreaIndex:
    index = area_index()
    if index is None:
        pytest.skip(f"{BOUNDARIES} is not installed")
    return index


@pytest.mark.parametrize(
    ("admin1", "pcode", "expected"),
    [
        ("Idlib", None, "SY07"), ("Idleb", None, "SY07"), ("إدلب", None, "SY07"), ("ادلب", None, "SY07"),
        ("Deir ez-Zor", None, "SY09"), ("Deir-ez-Zor", None, "SY09"), ("دير الزور", None, "SY09"),
        ("Rif-dimashq", None, "SY03"), ("ريف دمشق", None, "SY03"), ("Damascus", None, "SY01"),
        ("Al-Hasakah", None, "SY08"), ("الحسكة", None, "SY08"), ("Latakia", None, "SY06"),
        ("As-Suwayda", None, "SY13"), ("Daraa", None, "SY12"), ("Ar-Raqqah", None, "SY11"),
        ("حماة", None, "SY05"), ("SY14", None, "SY14"), (None, "SY020400", "SY02"),
        ("Aleppo", "SY0703", "SY07"),  # the place's P-code wins over a stale name
        ("Donetsk", None, None), (None, None, None),
    ],
)  # fmt: skip
def test_governorates_resolve_from_names_and_pcodes(
    areas: AreaIndex, admin1: str | None, pcode: str | None, expected: str | None
) -> None:
    gov = areas.resolve(admin1, pcode)
    assert (gov.pcode if gov else None) == expected


def test_governorates_have_both_names_and_outlines(areas: AreaIndex) -> None:
    assert len(areas.governorates) == 14
    aleppo = areas.resolve("Aleppo")
    assert aleppo is not None and (aleppo.name("ar"), aleppo.name("en")) == ("حلب", "Aleppo")
    assert all(g.rings and len(g.rings[0]) > 10 for g in areas.governorates)


def test_ocha_boundaries_load_too(shared: Path) -> None:
    govs = load_governorates(shared / "data" / "syria-admin" / "syr_admin1.geojson")
    assert {g.pcode for g in govs} == {f"SY{i:02d}" for i in range(1, 15)}


def test_a_broken_boundaries_file_says_which(tmp_path: Path) -> None:
    bad = tmp_path / "b.geojson"
    bad.write_text('{"features": [{"properties": {"name": "x"}}]}')
    with pytest.raises(PublishError, match=r"b\.geojson"):
        load_governorates(bad)


NAME_CHARS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -'ابتثجحخدذرزسشصضطظعغفقكلمنهويةأإآى"
)


@given(st.text(alphabet=NAME_CHARS, max_size=30))
def test_name_key_ignores_case_punctuation_and_hamza(name: str) -> None:
    assert name_key(name) == name_key(name.upper()) == name_key(f" {name}-")
    assert name_key(name) == name_key(name.replace("أ", "ا").replace("ة", "ه"))


@pytest.mark.parametrize(
    ("lang", "kind", "value", "qualifier", "high", "expected"),
    [
        ("en", "violations", 430, "more_than", None, "more than 430 violations"),
        ("ar", "violations", 430, "more_than", None, "أكثر من 430 خرقًا"),
        ("ar", "besieged_people", 10000, "tens_of_thousands", None, "عشرات الآلاف محاصرًا"),
        ("en", "dead", 12, "exact", None, "12 dead"),
        ("en", "aid_tons", 2.5, "range", 4, "2.5–4 tons of aid"),
        ("en", "fuel_litres", 300, "about", None, "about 300 fuel litres"),
    ],
)
def test_quantities_in_words(
    lang: str, kind: str, value: float, qualifier: str, high: float | None, expected: str
) -> None:
    assert labels.quantity(lang, kind, value, qualifier, high) == expected


def test_both_languages_have_the_same_labels() -> None:
    def keys(d: dict[str, object], prefix: str = "") -> set[str]:
        out = set()
        for k, v in d.items():
            out |= keys(v, f"{prefix}{k}.") if isinstance(v, dict) else {prefix + k}
        return out

    assert keys(labels.labels("ar")) == keys(labels.labels("en"))


@pytest.mark.parametrize(
    ("key", "lang", "expected"),
    [
        ("isil", "ar", "داعش"),
        ("isil", "en", "Islamic State of Iraq and the Levant"),
        ("syr-army", "ar", "الجيش العربي السوري"),
        ("hezbollah, isil", "en", "Hezbollah, Islamic State of Iraq and the Levant"),
        ("outlet:sana.sy", "en", "sana.sy"),
        ("Russian Reconciliation Centre", "ar", "Russian Reconciliation Centre"),
    ],
)
def test_registry_ids_become_names(key: str, lang: str, expected: str) -> None:
    from hudna.publish.actors import actor_name

    assert actor_name(key, lang) == expected
