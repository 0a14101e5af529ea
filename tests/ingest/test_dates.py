"""Publication dates: metadata first, then a dateline at the head of the text, else none."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hudna.ingest.dates import dateline_date, parse_date, publication_date

CASES = [
    ("Wednesday 25 Feb 2015 Syrian army advances near Aleppo", dt.date(2015, 2, 25)),
    (
        "Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use WHO.",
        dt.date(2017, 4, 5),
    ),
    (
        "April 18 2017 Bus Bombing Marks End to Tragic Evacuation Deal in Syria.",
        dt.date(2017, 4, 18),
    ),
    (
        "16 July 2015 At least 11 civilians including three children were killed",
        dt.date(2015, 7, 16),
    ),
    ("دمشق-سانا 22 آذار 2017 أكد الرئيس", dt.date(2017, 3, 22)),
    ("الأربعاء 29 يوليو 2015 قال مصدر", dt.date(2015, 7, 29)),
    ("حلب - ٢٢ تشرين الأول ٢٠١٦: أعلنت", dt.date(2016, 10, 22)),
    ("بيروت، 3 كانون الثاني 2016 (أ ف ب)", dt.date(2016, 1, 3)),
    ("القاهرة 12 أغسطس 2015 أعلن", dt.date(2015, 8, 12)),
    ("Moscow, 2016-02-27 The cessation of hostilities starts", dt.date(2016, 2, 27)),
]
NO_DATE = [
    "ناقش وزير الخارجية الروسي سيرغي لافروف مع نظيره الأمريكي جون كيري خلال اتصال هاتفي أمس",
    "The ceasefire that began on 27 February is holding, monitors said.",
    "31 February 2016 is not a day",
    "في 10 نيسان الحالي",
]


@pytest.mark.parametrize(("text", "date"), CASES)
def test_datelines_in_english_and_both_arabic_month_series(text: str, date: dt.date) -> None:
    assert dateline_date(text) == date


@pytest.mark.parametrize("text", NO_DATE)
def test_no_full_date_at_the_head_gives_none(text: str) -> None:
    assert dateline_date(text) is None


def test_a_date_deep_in_the_text_is_not_a_dateline() -> None:
    assert dateline_date("word " * 100 + "22 آذار 2017") is None


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2015-07-29", dt.date(2015, 7, 29)),
        ("2016-04-30T09:15:00+03:00", dt.date(2016, 4, 30)),
        ("Wed, 05 Apr 2017 10:00:00 GMT", dt.date(2017, 4, 5)),
        (time.strptime("2016-02-27", "%Y-%m-%d"), dt.date(2016, 2, 27)),
        ("not a date", None),
        (None, None),
    ],
)
def test_metadata_dates(value: object, date: dt.date | None) -> None:
    assert parse_date(value) == date


def test_origin_is_metadata_then_dateline_then_none_never_today() -> None:
    text = "دمشق-سانا 22 آذار 2017 أكد"
    assert publication_date("2017-03-23", text) == (dt.date(2017, 3, 23), "metadata")
    assert publication_date(None, text) == (dt.date(2017, 3, 22), "dateline")
    assert publication_date(None, "لا تاريخ هنا") == (None, "none")


LEVANTINE = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
             "تشرين الأول", "تشرين الثاني", "كانون الأول"]  # fmt: skip
EGYPTIAN = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
            "أكتوبر", "نوفمبر", "ديسمبر"]  # fmt: skip


@given(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)), st.booleans())
def test_any_arabic_dateline_parses_back(date: dt.date, levantine: bool) -> None:
    month = (LEVANTINE if levantine else EGYPTIAN)[date.month - 1]
    assert dateline_date(f"دمشق-سانا {date.day} {month} {date.year} قال") == date


@given(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))
def test_any_english_dateline_parses_back(date: dt.date) -> None:
    assert dateline_date(date.strftime("%A %d %b %Y") + " Damascus") == date
    assert dateline_date(date.strftime("%B %d, %Y") + " Damascus") == date
