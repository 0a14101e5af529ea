"""Property tests for the readers: numbers and dates written out are read back."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from hudna.text.dates import find_dates
from hudna.text.normalize import for_search
from hudna.text.numbers import find_quantities
from hudna.text.sentences import split_clauses, split_sentences
from hudna.text.tokens import tokenize

INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
UNITS = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
TENS = ["", "عشرة", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
HUNDREDS = [
    "",
    "مئة",
    "مئتان",
    "ثلاثمئة",
    "أربعمئة",
    "خمسمئة",
    "ستمئة",
    "سبعمئة",
    "ثمانمئة",
    "تسعمئة",
]
TEENS = {11: "أحد عشر", 12: "اثنا عشر"}
LEVANTINE = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
             "تشرين الأول", "تشرين الثاني", "كانون الأول"]  # fmt: skip
EGYPTIAN = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
            "أكتوبر", "نوفمبر", "ديسمبر"]  # fmt: skip
ENGLISH = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]  # fmt: skip
ANY_TEXT = st.text(
    alphabet="ابتثجحخدسعقلمنهوي أمسليوم٠١٢٣4567.،؟«»\n-/:()\u064e\u0651\u0640ﻻİ\u00a0", max_size=80
)


def arabic_words(n: int) -> str:
    """1..999 written out the way Arabic news writes it (units before tens, joined by و)."""
    hundreds, rest = divmod(n, 100)
    parts = [HUNDREDS[hundreds]] if hundreds else []
    if rest in TEENS:
        parts.append(TEENS[rest])
    elif 13 <= rest <= 19:
        parts.append(f"{UNITS[rest - 10]} عشر")
    elif rest:
        tens, units = divmod(rest, 10)
        parts.append(" و".join(w for w in (UNITS[units], TENS[tens]) if w))
    return " و".join(parts)


@given(st.integers(1, 999))
def test_arabic_number_words_read_back(n: int) -> None:
    words = arabic_words(n)
    [q] = find_quantities(f"قتل {words} شخصا")
    assert (q.text, q.value) == (words, n)


@given(st.integers(1, 10**9), st.sampled_from([",", "٬"]), st.booleans())
def test_grouped_digits_read_back(n: int, separator: str, indic: bool) -> None:
    written = f"{n:,}".replace(",", separator)
    written = written.translate(INDIC) if indic else written
    [q] = find_quantities(f"نزح {written} مدني")
    assert q.value == n and q.qualifier == "exact"


@given(
    st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    st.sampled_from([LEVANTINE, EGYPTIAN, ENGLISH]),
)
def test_written_dates_read_back(day: dt.date, series: list[str]) -> None:
    text = f"في {day.day} {series[day.month - 1]} {day.year} أعلن"
    [mention] = find_dates(text, anchor=dt.date(2016, 4, 30))
    assert (mention.date, mention.precision) == (day, "day")


@given(ANY_TEXT)
def test_readers_never_fail_and_spans_point_into_the_text(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
    for m in find_dates(text, anchor=dt.date(2016, 4, 30)):
        assert text[m.start : m.end] == m.text
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text and t.norm == for_search(t.text)
    for s, e in split_sentences(text):
        assert 0 <= s < e <= len(text) and text[s:e].strip() == text[s:e]
        assert all(s <= a < b <= e for a, b in split_clauses(text, s, e))
