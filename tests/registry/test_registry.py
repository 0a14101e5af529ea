"""The actor registry: data validity, matching on real Arabic and English inputs, offsets,
designations and the ENTITY it produces."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hudna.errors import RegistryError
from hudna.registry import Registry, load_registry
from hudna.registry.loader import parse_file
from hudna.registry.matcher import AliasMatcher, clitic_variants

CASES = Path(__file__).parent / "cases" / "actors.tsv"


def _cases() -> list[tuple[str, str, str]]:
    rows = [line.split("\t") for line in CASES.read_text(encoding="utf-8").splitlines()]
    return [(r[0], r[1], r[2]) for r in rows if r and not r[0].startswith("#")]


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


@pytest.mark.parametrize(("text", "surface", "entry_id"), _cases())
def test_actor_table(registry: Registry, text: str, surface: str, entry_id: str) -> None:
    mentions = registry.find(text)
    if entry_id == "-":
        assert mentions == []
        return
    found = {(m.text, m.entry.id) for m in mentions}
    assert (surface, entry_id) in found


def test_lavrov_entity(registry: Registry) -> None:
    text = "قال وزير الخارجية الروسي سيرغي لافروف"
    (mention,) = registry.find(text)
    entity = mention.entry.to_entity(mention.text, mention.start, mention.end)
    assert (entity.identifier_text, entity.kind, entity.code, entity.sector) == (
        "Sergey Lavrov", "person", "RUS", "GOV",
    )  # fmt: skip
    assert entity.span is not None and text[entity.span.start : entity.span.end] == mention.text


def test_isil_designated_in_2016(registry: Registry) -> None:
    (mention,) = registry.find("تنظيم داعش الإرهابي")
    assert mention.entry.designated("UNSC-ISIL-AQ", dt.date(2016, 4, 30))
    listed = registry.designated("UNSC-ISIL-AQ", dt.date(2016, 4, 30))
    assert {"isil", "al-nusra-front"} <= listed
    assert "hts" not in listed  # HTS was formed on 2017-01-28
    assert "hts" in registry.designated("UNSC-ISIL-AQ", dt.date(2017, 3, 1))
    assert "hezbollah" not in listed


def test_renamings_point_to_nusra(registry: Registry) -> None:
    assert registry.get("jabhat-fateh-al-sham").parent == "al-nusra-front"
    assert registry.get("hts").parent == "al-nusra-front"


def test_mentions_sorted_and_disjoint(registry: Registry) -> None:
    text = "وقال لافروف وكيري إن داعش والنصرة خارج الهدنة، بحسب رويترز وروسيا اليوم."
    mentions = registry.find(text)
    assert [m.entry.id for m in mentions] == [
        "sergey-lavrov", "john-kerry", "isil", "al-nusra-front", "reuters", "rt",
    ]  # fmt: skip
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


def test_exact_form_beats_clitic_reading() -> None:
    matcher = AliasMatcher([("كين", 0), ("بكين", 1)])
    (hit,) = matcher.hits("زار بكين")
    assert hit.payloads == (1,) and hit.exact
    assert ("وال" + "جيش", 1) not in clitic_variants("جيش")


def test_acronyms_are_case_sensitive(registry: Registry) -> None:
    assert [m.entry.id for m in registry.find("US and UN said")] == ["usa", "un"]
    assert registry.find("let us go, un peu") == []


@given(
    st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهوي ةىأإآـًٌٍَُِّْ وال لافروف داعش كيري.,\n-", max_size=120)
)
@settings(max_examples=150, deadline=None)
def test_offsets_point_into_the_original(text: str) -> None:
    for m in load_registry().find(text):
        assert text[m.start : m.end] == m.text
        assert m.start < m.end


@given(st.text(max_size=80))
@settings(max_examples=150, deadline=None)
def test_offsets_for_any_text(text: str) -> None:
    for m in load_registry().find(text):
        assert text[m.start : m.end] == m.text


def test_diacritics_and_tatweel_are_ignored(registry: Registry) -> None:
    text = "قالَ لافـــروفُ"
    (m,) = registry.find(text)
    assert m.entry.id == "sergey-lavrov" and m.text == "لافـــروفُ"


def test_validator_names_file_entry_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: x1, name: X, kind: wizard}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"bad.yaml: entry 1 \(x1\): field 'kind'"):
        list(parse_file(bad))
    bad.write_text("- {id: x2, name: X, kind: state, code: Syria}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="field 'code'"):
        list(parse_file(bad))
    bad.write_text("- {id: x3, name: X, kind: state, colour: red}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="field 'colour': unknown field"):
        list(parse_file(bad))


def test_extra_registry_file(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "- {id: liwa-test, name: Liwa Test, kind: armed_group, sector: REB, aliases: [لواء الاختبار]}\n",
        encoding="utf-8",
    )
    registry = load_registry(extra)
    (m,) = registry.find("هاجم لواء الاختبار")
    assert m.entry.id == "liwa-test"


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    extra = tmp_path / "dup.yaml"
    extra.write_text("- {id: rus, name: Again, kind: state}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="defined twice"):
        load_registry(extra)


def test_every_entry_is_matchable_by_its_aliases(registry: Registry) -> None:
    for entry in registry.entries:
        for alias in entry.aliases[:2]:
            found = registry.find(f" {alias} ")
            assert found, f"{entry.id}: alias {alias!r} not found"
