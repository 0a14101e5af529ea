"""Content identity (same text, same id, whatever the spelling variants) and near-duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hudna.ingest.dedupe import (
    ExhaustiveIndex,
    Index,
    NearDuplicateIndex,
    shingle_hashes,
    signature,
    similarity,
    word_hashes,
)
from hudna.ingest.identity import content_id, fold

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "hudna" / "data" / "sample" / "sample.jsonl"
SEED = json.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[0])["text"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("أعلنت روسيا وقف إطلاق النار", "اعلنت روسيا وقف اطلاق النار"),
        ("هدنةٌ في حلبَ", "هدنه في حلب"),
        ("مستشفى  في\nالرقة", "مستشفي في الرقة"),
        ("قُتل ٣ مدنيين", "قتل 3 مدنيين"),
        ("Ceasefire  holds", "ceasefire holds"),
    ],
)
def test_spelling_and_spacing_variants_share_an_id(a: str, b: str) -> None:
    assert content_id(a) == content_id(b)


def test_different_texts_have_different_ids() -> None:
    assert content_id("قتل 3 مدنيين") != content_id("قتل 4 مدنيين")
    assert len(content_id(SEED)) == 64


@given(st.text())
def test_words_are_what_str_split_finds(text: str) -> None:
    assert len(word_hashes(text)) == len(text.split())


def test_word_hashes_split_like_str_split() -> None:
    text = fold(SEED)
    assert len(set(shingle_hashes(" ".join(text.split())).tolist())) == len(
        set(shingle_hashes(text).tolist())
    )


def test_a_reprint_under_a_new_headline_is_a_near_duplicate() -> None:
    body = SEED.split("\n", 1)[1]
    reprint = "موسكو وواشنطن تبحثان الهدنة في سورية\n" + body
    other = json.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[5])["text"]
    assert similarity(signature(fold(SEED)), signature(fold(reprint))) >= 0.8
    assert similarity(signature(fold(SEED)), signature(fold(other))) < 0.3


@pytest.mark.parametrize("index", [NearDuplicateIndex(0.8), ExhaustiveIndex(0.8)])
def test_index_links_near_duplicates_not_strangers(index: Index) -> None:
    body = SEED.split("\n", 1)[1]
    index.add("seed", signature(fold(SEED)))
    assert [d for d, _ in index.match("reprint", signature(fold("عنوان آخر\n" + body)))] == ["seed"]
    assert index.match("other", signature(fold("هدنة في حلب والغوطة الشرقية اليوم"))) == []


def test_signatures_are_stable_numbers() -> None:
    sig = signature(fold(SEED))
    assert len(sig) == 64 and all(0 <= v < 2**32 for v in sig)
    assert sig == signature(fold(SEED))
