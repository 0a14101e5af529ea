"""Bytes to text: real bad files refused with the right reason, legacy Arabic decoded."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hudna.errors import InputRejected
from hudna.ingest.decode import decode_html, decode_text

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


_SEED_WORDS = [
    "ناقش",
    "وزير",
    "الخارجية",
    "الروسي",
    "سيرغي",
    "لافروف",
    "مع",
    "نظيره",
    "الأمريكي",
    "جون",
    "كيري",
    "خلال",
    "اتصال",
    "هاتفي",
    "أمس",
    "تعزيز",
    "وقف",
    "الأعمال",
    "القتالية",
    "في",
    "سورية",
    "ونقل",
    "موقع",
    "روسيا",
    "اليوم",
    "عن",
    "وزارة",
    "قولها",
    "بيان",
    "إنه",
    "جرى",
]


@given(st.integers(0, len(_SEED_WORDS) - 1), st.integers(1, len(_SEED_WORDS)))
def test_any_stretch_of_cp1256_arabic_is_recovered(start: int, length: int) -> None:
    text = " ".join(_SEED_WORDS[start : start + length])
    assert decode_text(text.encode("cp1256")) == text


def _page(charset: str, body: str) -> str:
    return f'<html><head><meta charset="{charset}"><title>t</title></head><body><p>{body}</p></body></html>'


@pytest.mark.parametrize("encoding", ["cp1256", "iso-8859-6", "utf-8"])
def test_arabic_pages_in_legacy_charsets(encoding: str) -> None:
    body = "ناقش وزير الخارجية الروسي سيرغي لافروف مع نظيره الأمريكي جون كيري تعزيز وقف الأعمال القتالية في سورية"
    page = _page(encoding, body)
    assert decode_html(page.encode(encoding)) == page


def test_a_page_declaring_a_charset_it_is_not_in_is_read_as_utf8() -> None:
    page = _page("windows-1256", "هدنة في حلب والغوطة الشرقية")
    assert decode_html(page.encode("utf-8")) == page


def test_a_russian_page_in_koi8_r_by_its_declaration() -> None:
    page = _page("koi8-r", "Россия заявила о прекращении огня в Алеппо")
    assert decode_html(page.encode("koi8-r")) == page


@pytest.mark.parametrize("encoding", ["koi8-r", "cp1251", "iso-8859-7"])
def test_other_8bit_scripts_are_not_taken_for_arabic(encoding: str) -> None:
    text = {
        "koi8-r": "Россия заявила о прекращении огня в Алеппо и о новых переговорах в Женеве",
        "cp1251": "Россия заявила о прекращении огня в Алеппо и о новых переговорах в Женеве",
        "iso-8859-7": "Η Ρωσία ανακοίνωσε κατάπαυση του πυρός στο Χαλέπι και νέες συνομιλίες",
    }[encoding]
    with pytest.raises(InputRejected) as caught:
        decode_text(text.encode(encoding))
    assert caught.value.code == "mis-encoded"
