from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hudna.text.normalize import for_search
from hudna.text.offsets import normalize_with_offsets

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
DIGITS = "٠١٢٣٤٥٦٧٨٩0123456789۴"
OTHER = " ،.؟«»\n\u00a0ﻻﺍﺏ…ﷺAbcİé\u0301\u0654"
TEXT = st.text(alphabet=ARABIC + MARKS + DIGITS + OTHER, max_size=60)
ONE_FOR_ONE = st.text(alphabet=ARABIC + MARKS + DIGITS + " ،.؟«»\n\u00a0ﺍﺏAb", max_size=60)


@given(TEXT)
def test_folding_equals_for_search(text: str) -> None:
    assert normalize_with_offsets(text).text == for_search(text)


@given(TEXT, st.data())
@settings(max_examples=300)
def test_every_span_maps_back_to_characters_whose_folding_contains_it(
    text: str, data: st.DataObject
) -> None:
    folded = normalize_with_offsets(text)
    start = data.draw(st.integers(0, len(folded.text)))
    end = data.draw(st.integers(start, len(folded.text)))
    s, e = folded.to_original(start, end)
    assert 0 <= s <= e <= len(text)
    assert folded.text[start:end] in for_search(text[s:e])


@given(ONE_FOR_ONE)
def test_word_spans_map_back_exactly(text: str) -> None:
    """Exact where no character expands (an expanded ﷺ or ﻻ is only mapped whole)."""
    folded = normalize_with_offsets(text)
    for word in folded.text.split():
        start = folded.text.index(word)
        s, e = folded.to_original(start, start + len(word))
        assert for_search(text[s:e]) == word


def test_diacritics_stay_with_their_letter() -> None:
    text = "قال مُحَمَّدٌ"
    folded = normalize_with_offsets(text)
    assert folded.text == "قال محمد"
    assert folded.to_original(4, 8) == (4, len(text))


def test_plain_text_needs_no_map() -> None:
    folded = normalize_with_offsets("وقف الأعمال القتالية ٣")
    assert folded.text == "وقف الاعمال القتاليه 3"
    assert folded.norm_breaks == () and folded.to_original(4, 11) == (4, 11)


def test_a_ligature_maps_to_the_whole_character() -> None:
    folded = normalize_with_offsets("ﻻ بد")
    assert folded.text == "لا بد"
    assert folded.to_original(0, 1) == (0, 1)
    assert folded.to_original(1, 2) == (0, 1)
    assert folded.to_original(3, 5) == (2, 4)
