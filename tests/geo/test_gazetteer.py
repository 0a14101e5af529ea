"""The gazetteer: real Arabic and English place mentions, disambiguation, precision,
offsets, the stop-list, the admin build and the GeoNames dump import."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hudna.errors import InputRejected
from hudna.geo import Gazetteer, load_gazetteer
from hudna.geo.admin import build_admin
from hudna.geo.entries import read_tsv
from hudna.geo.importer import import_geonames, precision_of

CASES = Path(__file__).parent / "cases" / "places.tsv"


def _cases() -> list[list[str]]:
    rows = [line.split("\t") for line in CASES.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if r and not r[0].startswith("#")]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize("row", _cases(), ids=lambda r: r[0][:30])
def test_place_table(gazetteer: Gazetteer, row: list[str]) -> None:
    text, surface, *expected = row
    mentions = gazetteer.find(text)
    if surface == "-":
        assert mentions == []
        return
    (mention,) = [m for m in mentions if m.text == surface]
    name, precision, admin1, lat, lon = expected
    place = mention.place
    assert (place.name, place.precision) == (name, precision)
    assert place.admin1 == (None if admin1 == "-" else admin1)
    assert place.lat == pytest.approx(float(lat), abs=0.05)
    assert place.lon == pytest.approx(float(lon), abs=0.05)


def test_fuah_resolves_to_idlib(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("الفوعة")
    assert place is not None and place.admin1 == "Idlib" and place.country == "SY"
    assert (round(place.lat, 2), round(place.lon, 2)) == (35.96, 36.70)


def test_resolve_with_cue_and_filters(gazetteer: Gazetteer) -> None:
    governorate = gazetteer.resolve("محافظة دير الزور")
    assert governorate is not None and governorate.precision == "governorate"
    assert gazetteer.resolve("حلب", country="TR") is None
    assert gazetteer.resolve("Nowhere-on-earth") is None


def test_nearby_governorate_decides(gazetteer: Gazetteer) -> None:
    text = "سقطت قذائف على بلدة الفوعة في محافظة إدلب"
    places = {m.text: m.place for m in gazetteer.find(text)}
    assert places["إدلب"].precision == "governorate"
    assert places["الفوعة"].admin1 == "Idlib"


def test_place_spans_and_candidates(gazetteer: Gazetteer) -> None:
    text = "وصلت المساعدات إلى مضايا والزبداني"
    mentions = gazetteer.find(text)
    assert [m.text for m in mentions] == ["مضايا", "الزبداني"]
    for m in mentions:
        assert m.place.span is not None and text[m.place.span.start : m.place.span.end] == m.text
        assert m.candidates >= 1


def test_english_needs_a_capital(gazetteer: Gazetteer) -> None:
    assert gazetteer.find("the homs of the world") == []


@given(
    st.text(
        alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهوي ةىأإآـًٌ وال حلب دير الزور إدلب في مدينة.\n",
        max_size=100,
    )
)
@settings(max_examples=100, deadline=None)
def test_offsets_point_into_the_original(text: str) -> None:
    for m in load_gazetteer().find(text):
        assert text[m.start : m.end] == m.text


def test_build_admin_from_shared(shared: Path, tmp_path: Path) -> None:
    data = Path(__file__).parents[2] / "src" / "hudna" / "data" / "gazetteer"
    (tmp_path / "sy_admin1_crosswalk.tsv").write_bytes(
        (data / "sy_admin1_crosswalk.tsv").read_bytes()
    )
    count = build_admin(shared, tmp_path)
    built = list(read_tsv(tmp_path / "syria_admin.tsv"))
    assert count == len(built) > 1000
    committed = list(read_tsv(data / "syria_admin.tsv"))
    assert built == committed
    idlib = next(e for e in built if e.pcode == "SY07" and e.precision == "governorate")
    assert idlib.admin1 == "Idlib" and "إدلب" in idlib.names


_DUMP_ROWS = [
    ["9000001", "Testville", "Testville", "Testvil,تست فيل", "35.5", "36.5", "P", "PPL", "SY", "", "12", "", "", "", "1200", "", "300", "Asia/Damascus", "2024-01-01"],
    ["9000002", "Test Hill", "Test Hill", "", "35.6", "36.6", "T", "HLL", "SY", "", "12", "", "", "", "0", "", "500", "Asia/Damascus", "2024-01-01"],
    ["9000003", "Test Region", "Test Region", "", "35.0", "36.0", "A", "ADM2", "SY", "", "12", "", "", "", "0", "", "", "Asia/Damascus", "2024-01-01"],
]  # fmt: skip


def test_import_geonames_dump(tmp_path: Path) -> None:
    dump = tmp_path / "SY.txt"
    dump.write_text("\n".join("\t".join(r) for r in _DUMP_ROWS) + "\n", encoding="utf-8")
    output = tmp_path / "user" / "SY.tsv"
    assert import_geonames(dump, output) == 3
    entries = {e.geonameid: e for e in read_tsv(output)}
    town = entries[9000001]
    assert (town.precision, town.admin1, town.population) == ("locality", "Idlib", 1200)
    assert "تست فيل" in town.names
    assert entries[9000002].precision == "point"
    assert entries[9000003].precision == "district"
    zipped = tmp_path / "SY.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        z.write(dump, "SY.txt")
    assert import_geonames(zipped, tmp_path / "z.tsv", min_population=1000) == 1


def test_import_refuses_other_formats(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("a\tb\tc\n", encoding="utf-8")
    with pytest.raises(InputRejected, match="not the 19 of a GeoNames dump"):
        import_geonames(bad, tmp_path / "out.tsv")


@pytest.mark.parametrize(
    ("fclass", "fcode", "precision"),
    [
        ("P", "PPL", "locality"),
        ("A", "ADM1", "governorate"),
        ("A", "ADM2", "district"),
        ("A", "PCLI", "country"),
        ("S", "BLDG", "point"),
    ],
)
def test_precision_of_feature(fclass: str, fcode: str, precision: str) -> None:
    assert precision_of(fclass, fcode) == precision


@given(st.text(max_size=80))
@settings(max_examples=100, deadline=None)
def test_offsets_for_any_text(text: str) -> None:
    for m in load_gazetteer().find(text):
        assert text[m.start : m.end] == m.text
        assert m.place.span is not None and (m.place.span.start, m.place.span.end) == (
            m.start,
            m.end,
        )


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        ("بلدة الفوعة", ["SY070002", "SY0700", "SY07", "SY"]),  # Binnish sub-district, Idlib
        ("في دير الزور", ["SY090100", "SY0901", "SY09", "SY"]),
        ("مدينة معرة النعمان", ["SY070200", "SY0702", "SY07", "SY"]),
        ("في الموصل", ["IQ"]),
        ("سوريا", []),
    ],
)
def test_hierarchy(gazetteer: Gazetteer, text: str, chain: list[str]) -> None:
    (mention,) = gazetteer.find(text)
    parents = gazetteer.hierarchy(mention.place)
    assert [p.pcode or p.country for p in parents] == chain
    assert [p.precision for p in parents][-1:] == (["country"] if chain else [])
