"""The normalization with an offset map: its index is the kept characters' positions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hudna.registry.normalize import (
    _DROP_MARK,
    _FAST,
    _RUN_OF_SPACES,
    Normalized,
    _normalize_slowly,
    normalize_with_map,
)

_TEXT = st.text(
    alphabet=st.sampled_from(list("أإآٱةىابتـ\u064b\u0651 -\u200f\n\tAbCİ’'.0")), max_size=40
)


def _by_enumeration(text: str) -> Normalized:
    """The map as first written: one Python test per character."""
    marked = text.replace(_DROP_MARK, " ").translate(_FAST)
    lowered = marked.lower()
    if len(lowered) != len(marked):
        return _normalize_slowly(text)
    marked = _RUN_OF_SPACES.sub(_DROP_MARK, lowered)
    index = tuple(i for i, c in enumerate(marked) if c != _DROP_MARK)
    return Normalized(marked.replace(_DROP_MARK, ""), index)


@given(_TEXT)
def test_map_equals_enumeration(text: str) -> None:
    assert normalize_with_map(text) == _by_enumeration(text)


@given(st.text(alphabet=st.sampled_from(list("أإآٱةىابت -AbC’'.0")), max_size=40))
def test_fast_path_equals_slow_path_without_dropped_marks(text: str) -> None:
    assert normalize_with_map(text) == _normalize_slowly(text)


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("قصفت  الإرهابيّة  مدينة إدلب", "قصفت الارهابيه مدينه ادلب"),
        ("Hay'at Tahrir  al-Sham", "hay'at tahrir al sham"),
    ],
)
def test_offsets_point_back_into_the_original(text: str, normalized: str) -> None:
    norm = normalize_with_map(text)
    assert norm.text == normalized
    assert all(
        text[i].casefold() == c or c == " " or text[i] in "أإآٱةىيه’"
        for c, i in zip(norm.text, norm.index, strict=True)
    )
    assert normalize_with_map(text) is norm
