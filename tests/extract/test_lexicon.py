"""Trigger and cue lexicons: loading, validation, expansion and matching."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hudna.errors import RegistryError
from hudna.extract import lexicon as lx

CASES = Path(__file__).parent / "cases"


def _table(name: str) -> list[list[str]]:
    lines = (CASES / name).read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]


def _categories(language: str, sentence: str) -> str:
    hits = lx.load_triggers(language).find(sentence)
    return ",".join(sorted({h.entry.label for h in hits})) or "-"


@pytest.mark.parametrize(("sentence", "expected"), _table("triggers_ar.tsv"))
def test_arabic_triggers(sentence: str, expected: str) -> None:
    assert _categories("ar", sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), _table("triggers_en.tsv"))
def test_english_triggers(sentence: str, expected: str) -> None:
    assert _categories("en", sentence) == expected


@pytest.mark.parametrize(
    ("word", "reading"),
    [("وبالمساعدات", "مساعدات"), ("اتهمته", "اتهمت"), ("للتشاور", "تشاور"), ("والحصار", "حصار")],
)
def test_arabic_clitics_are_stripped(word: str, reading: str) -> None:
    assert reading in set(lx.arabic_candidates(lx.fold(word), marbuta=word.endswith("ة")))


def test_teh_marbuta_is_not_a_pronoun() -> None:
    # سيطرة (control) must not read as سيطر + ه
    assert "سيطر" not in set(lx.arabic_candidates(lx.fold("سيطرة"), marbuta=True))


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("killed", "kill"),
        ("shelling", "shell"),
        ("strikes", "strike"),
        ("besieged", "besiege"),
        ("accuses", "accuse"),
    ],
)
def test_english_lemmas(word: str, lemma: str) -> None:
    assert lemma in set(lx.english_candidates(word))


def test_verb_expansion_covers_past_and_imperfect() -> None:
    forms = set(lx.expand_verb("قصف/قصف"))
    assert {"قصف", "قصفت", "قصفوا", "يقصف", "تقصف", "يقصفون"} <= forms
    assert {"نفت", "نفوا"} <= set(lx.expand_verb("نفى/نفي"))


def test_multiword_form_wins_over_its_words() -> None:
    hits = lx.load_triggers("ar").find("كسر الحصار عن المدينة")
    assert [h.entry.label for h in hits] == ["ASSAULT"]
    hits = lx.load_triggers("ar").find("جرى اتصال هاتفي بين الوزيرين")
    assert [(h.entry.label, h.form) for h in hits] == [("CONSULT", "اتصال هاتفي")]


def test_particles_do_not_take_clitics() -> None:
    labels = [h.entry.label for h in lx.load_cues("ar").find("كما أعلن الجيش")]
    assert "negation" not in labels
    assert [h.entry.label for h in lx.load_cues("ar").find("ولم يعلن")] == ["negation", "say"]


def test_every_lexicon_loads_with_a_version() -> None:
    for language in ("ar", "en"):
        assert len(lx.load_triggers(language).version) == 12
        assert lx.load_cues(language).single
    kinds, version = lx.load_quantity_kinds()
    assert kinds[lx.fold("قتلى")].size == "dead" and version


def test_invalid_rows_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lx, "_rows", lambda name: ([["ATTACK", "", "0.5", "x"]], "v"))
    lx.load_triggers.cache_clear()
    try:
        with pytest.raises(RegistryError, match="row 2"):
            lx.load_triggers("ar")
    finally:
        monkeypatch.undo()
        lx.load_triggers.cache_clear()


@given(st.text(alphabet="قصفت الحصار وهاجم اتصال هاتفي،. abc", max_size=80), st.integers(0, 80))
def test_hits_stay_inside_the_range_and_on_words(text: str, start: int) -> None:
    start = min(start, len(text))
    for hit in lx.load_triggers("ar").find(text, start, len(text)):
        assert start <= hit.start < hit.end <= len(text)
        assert text[hit.start : hit.end] == hit.form
        assert hit.start == 0 or not text[hit.start - 1].isalnum()
