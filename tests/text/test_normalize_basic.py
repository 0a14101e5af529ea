from __future__ import annotations

import pytest

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
