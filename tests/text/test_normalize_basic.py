from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hudna.text import normalize

FOLDING = [
    ("إسرائيل", "اسرائيل"),
    ("أمس", "امس"),
    ("آذار", "اذار"),
    ("سورية", "سوريه"),
    ("كيرى", "كيري"),
    ("مُحَمَّد", "محمد"),
    ("الـــقدس", "القدس"),
    ("٣ قتلى", "3 قتلي"),
    ("القدس", "القدس"),
    ("Aleppo", "aleppo"),
]


@pytest.mark.parametrize(("raw", "folded"), FOLDING)
def test_for_search_folds_spelling_variants(raw: str, folded: str) -> None:
    assert normalize.for_search(raw) == folded


def test_digits_refuses_unknown_target() -> None:
    with pytest.raises(ValueError, match="ascii"):
        normalize.digits("٣", to="indic")


def _composed(text: str) -> str:
    """for_search as the composition of the one-job functions it is documented to be."""
    text = normalize.strip_tatweel(normalize.strip_diacritics(unicodedata.normalize("NFKC", text)))
    return normalize.yeh(normalize.teh_marbuta(normalize.alef(normalize.digits(text)))).lower()


@given(st.text())
def test_for_search_is_the_composition_of_the_one_job_functions(text: str) -> None:
    assert normalize.for_search(text) == _composed(text)


@given(st.text(st.sampled_from(list("أإآٱاةهىيیکك٠١٩۴ًٌٍَُِّْـ abcABC\u0670"))))
def test_for_search_composition_on_arabic_letters(text: str) -> None:
    assert normalize.for_search(text) == _composed(text)
