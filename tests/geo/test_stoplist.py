"""Mining the stop-list of place names that are mostly words."""

from __future__ import annotations

from pathlib import Path

from hudna.geo.entries import GazEntry
from hudna.geo.gazetteer import Gazetteer
from hudna.geo.stoplist import mine_stoplist


def _place(
    gid: str, names: tuple[str, ...], population: int = 0, precision: str = "locality"
) -> GazEntry:
    return GazEntry(
        gid, "test", precision, names[0], names, "SY", None, None, None, 35.0, 36.0, population
    )  # type: ignore[arg-type]


def test_words_are_stoplisted_places_are_not(tmp_path: Path) -> None:
    gazetteer = Gazetteer(
        [
            _place("a", ("دولة",), population=500_000),  # "state": a word, whatever its size
            _place("b", ("سراقب",)),
            _place("c", ("جرت",)),
            _place("d", ("إدلب",), precision="governorate"),
        ]
    )
    texts = ["قالت الدولة إن المعارك جرت في مدينة سراقب وفي محافظة إدلب"] * 30
    ner = tmp_path / "ner.txt"
    ner.write_text(
        "الدولة O\nدولة O\nدولة O\nدولة O\nسراقب B-LOC\nإدلب O\nإدلب O\nإدلب O\n", encoding="utf-8"
    )
    stop = mine_stoplist(gazetteer, texts, ner_corpus=ner)
    assert "دوله" in stop and "جرت" in stop
    assert "سراقب" not in stop  # follows مدينة
    assert "ادلب" not in stop  # governorates are never listed
    assert "مدينه" in stop  # cue words themselves


def test_stoplisted_name_needs_a_cue() -> None:
    gazetteer = Gazetteer([_place("c", ("جرت",))], stoplist=["جرت"])
    assert gazetteer.find("المعارك جرت أمس") == []
    assert [m.text for m in gazetteer.find("في قرية جرت")] == ["جرت"]
