"""Folding long text by deletion and replacement equals translating it with the table."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hudna.text.offsets import _TABLE, fold_fast, normalize_with_offsets

_PIECES = [*"أإآٱةىیک٠١٢٣۴۵ابـ\u064b\u0651\u0670\u06d6 AbIİ.", "قصفت قوات النظام ", "Idlib "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=0, max_size=120).map("".join))
def test_fold_equals_translation(text: str) -> None:
    assert fold_fast(text) == text.translate(_TABLE).lower()


def test_long_arabic_article_folds_like_the_table() -> None:
    text = "قُتِلَ ٣ مدنيين إثر قصفٍ مدفعي على قرية الأتارب في ريف حلب الغربي، ونزحت عائلات. " * 5
    assert len(text) > 200
    assert fold_fast(text) == text.translate(_TABLE).lower()
    assert fold_fast(text).startswith("قتل 3 مدنيين اثر قصف مدفعي علي قريه الاتارب")


def test_same_text_folds_once() -> None:
    text = "Shelling of Idlib countryside killed 3 civilians on Tuesday."
    assert normalize_with_offsets(text) is normalize_with_offsets(text)
