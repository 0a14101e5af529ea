from __future__ import annotations

import pytest

from hudna.text.tokens import Token, clitic_variants, tokenize

from .cases import rows


@pytest.mark.parametrize(("surface", "norm", "prefixes", "base", "suffix"), rows("tokens.tsv", 5))
def test_token_table(surface: str, norm: str, prefixes: str, base: str, suffix: str) -> None:
    [token] = tokenize(surface)
    assert (token.norm, token.prefixes, token.base, token.suffix) == (norm, prefixes, base, suffix)
    assert (token.start, token.end, token.text) == (0, len(surface), surface)


def test_offsets_point_into_the_original_window() -> None:
    text = "قال لافروف: «وقف الأعمال القتالية صامد»."
    tokens = tokenize(text, 4, 25)
    assert [t.text for t in tokens] == ["لافروف", ":", "«", "وقف", "الأعمال"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_tokens_keep_numbers_whole_and_split_punctuation() -> None:
    assert [t.text for t in tokenize("قتل 1,200 شخص (تقريبا).")] == [
        "قتل",
        "1,200",
        "شخص",
        "(",
        "تقريبا",
        ")",
        ".",
    ]


def test_token_is_frozen() -> None:
    token = tokenize("سورية")[0]
    assert isinstance(token, Token)
    with pytest.raises(AttributeError):
        token.base = "x"  # type: ignore[misc]


def test_clitic_variants_of_a_name_with_the_article() -> None:
    variants = clitic_variants("الفوعة")
    assert variants[0] == "الفوعه"
    assert {"والفوعه", "بالفوعه", "للفوعه", "وللفوعه"} <= set(variants)
    assert "لالفوعه" not in variants


def test_clitic_variants_of_a_bare_name() -> None:
    variants = clitic_variants("لافروف")
    assert variants[0] == "لافروف"
    assert {"ولافروف", "بلافروف", "للافروف", "فلافروف"} <= set(variants)
    assert not any(v.startswith("ال") for v in variants)


def test_every_variant_of_a_name_tokenizes_back_to_it() -> None:
    for variant in clitic_variants("كيري"):
        assert tokenize(variant)[0].norm == variant


def test_fast_tokens_equal_constructed_tokens() -> None:
    [token] = tokenize("وبالمساعدات")
    assert token == Token(0, 11, "وبالمساعدات", "وبالمساعدات", "مساعدات", "وبال", "")
    assert hash(token) == hash(Token(0, 11, "وبالمساعدات", "وبالمساعدات", "مساعدات", "وبال", ""))
