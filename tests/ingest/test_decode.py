"""Bytes to text: real bad files refused with the right reason, legacy Arabic decoded."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hudna.errors import InputRejected
from hudna.ingest.decode import decode_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("empty.txt", "empty"),
        ("image.txt", "binary"),
        ("truncated.txt", "truncated"),
        ("mixed_encodings.txt", "mis-encoded"),
        ("mojibake.txt", "mis-encoded"),
    ],
)
def test_bad_files_are_refused_with_a_reason_and_a_hint(name: str, code: str) -> None:
    with pytest.raises(InputRejected) as caught:
        decode_text((FIXTURES / name).read_bytes())
    assert caught.value.code == code
    assert caught.value.reason and caught.value.hint


def test_cp1256_arabic_is_detected_and_decoded() -> None:
    text = decode_text((FIXTURES / "seed_cp1256.txt").read_bytes())
    assert text.startswith("لافروف يناقش هاتفيا مع كيرى تعزيز وقف الأعمال القتالية في سورية")
    assert "نظام وقف الأعمال القتالية" in text or "وقف الأعمال القتالية" in text


@pytest.mark.parametrize(
    "text",
    ["وقف إطلاق النار في حلب", "Ceasefire holds in Aleppo", "Cessez-le-feu à Alep, déclaré"],
)
def test_utf8_and_utf16_with_bom_read_as_they_are(text: str) -> None:
    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode_text(text.encode("utf-16")) == text


def test_cp1252_french_is_decoded() -> None:
    text = "Le cessez-le-feu a été violé à Alep, selon l'Observatoire syrien."
    assert decode_text(text.encode("cp1252")) == text


_ALPHABET = st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهوي ءأإآةى٠١٢abcdefxyz 0123.,\n"))


@given(st.text(_ALPHABET, min_size=1).filter(str.strip))
def test_any_utf8_text_round_trips(text: str) -> None:
    assert decode_text(text.encode("utf-8")) == text


@given(
    st.text(st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهوي ةى")), min_size=3).filter(str.strip)
)
def test_any_cp1256_arabic_is_recovered(text: str) -> None:
    assert decode_text(text.encode("cp1256")) == text
