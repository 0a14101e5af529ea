from __future__ import annotations

import datetime as dt

import pytest

from hudna.text.dates import find_dates, writing_day

from .cases import rows


def _day(cell: str) -> dt.date | None:
    return dt.date.fromisoformat(cell) if cell and cell != "-" else None


@pytest.mark.parametrize(
    ("text", "anchor", "mention", "day", "end", "precision", "kind"), rows("dates.tsv", 7)
)
def test_date_table(
    text: str, anchor: str, mention: str, day: str, end: str, precision: str, kind: str
) -> None:
    found = find_dates(text, anchor=_day(anchor))
    if mention == "-":
        assert found == []
        return
    [got] = [m for m in found if m.text == mention]
    assert text[got.start : got.end] == got.text
    assert (got.date, got.enddate, got.precision, got.kind) == (
        _day(day),
        _day(end),
        precision,
        kind,
    )


def test_a_named_weekday_wins_over_arithmetic() -> None:
    [got] = find_dates("أمس الثلاثاء", anchor=dt.date(2016, 4, 28))
    assert got.date == dt.date(2016, 4, 26)


def test_the_window_is_respected_and_offsets_are_absolute() -> None:
    text = "قال أمس إن الهدنة بدأت في 27 شباط الماضي"
    [got] = find_dates(text, anchor=dt.date(2016, 4, 30), start=8)
    assert got.start == text.index("27") and got.date == dt.date(2016, 2, 27)


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        (
            "Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use",
            dt.date(2017, 4, 6),
            dt.date(2017, 4, 5),
        ),
        ("لهذا اليوم 22 آذار 2017\nأعلنت الفصائل", dt.date(2017, 3, 24), dt.date(2017, 3, 22)),
        (
            "حدد رئيس الوزراء البريطاني ديفيد كاميرون، اليوم (الاثنين)، ملامح استراتيجية",
            dt.date(2015, 7, 21),
            dt.date(2015, 7, 20),
        ),
        ("أعلن الجيش الخميس وقف العمليات", dt.date(2016, 4, 30), dt.date(2016, 4, 30)),
        (
            "يجتمع سفراء دول حلف شمال الاطلسي الثلاثاء. وقال الحلف في بيان الاحد",
            dt.date(2015, 7, 26),
            dt.date(2015, 7, 26),
        ),
        ("أفاد شهود عيان أمس الاثنين بمقتل 33 مسلحاً", dt.date(2015, 7, 21), dt.date(2015, 7, 21)),
        ("أعلن الرئيس التركي أمس الجمعة أن الضربات", dt.date(2015, 7, 26), dt.date(2015, 7, 25)),
        (
            "خطفت جبهة النصرة بين يوم الاثنين واليوم (الثلاثاء) خمسة مقاتلين",
            dt.date(2015, 8, 5),
            dt.date(2015, 8, 4),
        ),
        (
            "ناقش وزير الخارجية الروسي مع نظيره الأمريكي أمس تعزيز الهدنة",
            dt.date(2016, 4, 30),
            dt.date(2016, 4, 30),
        ),
        ("نص بلا تاريخ", None, None),
    ],
)
def test_writing_day(text: str, published: dt.date | None, day: dt.date | None) -> None:
    assert writing_day(text, published) == day


def test_a_numeric_dateline_fixes_the_writing_day() -> None:
    text = "30-11-2014 50 ISIL Terrorists Killed in Kobani in 24 Hours."
    assert writing_day(text, dt.date(2014, 12, 1)) == dt.date(2014, 11, 30)
