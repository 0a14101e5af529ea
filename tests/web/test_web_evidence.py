"""Cutting texts around evidence spans, timelines, and the dashboard's wording."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hudna.web.charts import day_bars, timeline_bars
from hudna.web.evidence import excerpt, highlight, is_rtl
from hudna.web.i18n import Labels, _table

SEED = "قال المركز الروسي إنه سجل أكثر من 430 خرقا لنظام وقف الأعمال القتالية منذ 27 شباط الماضي."


@pytest.mark.parametrize(
    ("text", "language", "rtl"),
    [
        (SEED, None, True),
        ("Shelling hit Aleppo on Monday.", None, False),
        ("Shelling hit Aleppo", "ar", True),
        ("قصف", "en", False),
        ("BEIRUT (Reuters) - قال المرصد السوري لحقوق الإنسان إن القصف استمر", None, True),
        ("", None, False),
    ],
)
def test_direction(text: str, language: str | None, rtl: bool) -> None:
    assert is_rtl(text, language) is rtl


def test_highlight_marks_exactly_the_spans() -> None:
    start = SEED.index("أكثر من 430 خرقا")
    pieces = highlight(SEED, [(start, start + len("أكثر من 430 خرقا"), "e1")])
    assert [p.mark for p in pieces] == [None, "e1", None]
    assert pieces[1].text == "أكثر من 430 خرقا"
    assert "".join(p.text for p in pieces) == SEED


spans = st.lists(
    st.tuples(st.integers(-5, 120), st.integers(-5, 120), st.sampled_from(["a", "b", "c"])),
    max_size=6,
)


@given(st.text(max_size=100), spans)
def test_highlight_keeps_the_text_whole_and_in_order(
    text: str, marks: list[tuple[int, int, str]]
) -> None:
    pieces = highlight(text, marks)
    assert "".join(p.text for p in pieces) == text
    assert all(p.text for p in pieces)


@given(st.text(max_size=2000), st.integers(0, 2000), st.integers(0, 300))
def test_excerpt_contains_the_evidence_verbatim(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    end = min(start + length, len(text))
    pieces = excerpt(text, start, end, context=50)
    marked = [p.text for p in pieces if p.mark]
    assert marked == ([text[start:end]] if end > start else [])
    body = "".join(p.text for p in pieces).removeprefix("… ").removesuffix(" …")
    assert text[start:end] in body and body in text


def test_timeline_by_day_then_by_week() -> None:
    days = {dt.date(2016, 4, 11): 3, dt.date(2016, 4, 12): 1}
    chart = day_bars(days)
    assert chart is not None and chart.unit == "day" and len(chart.bars) == 2
    assert chart.last == "2016-04-12" and chart.peak == 3
    year = {dt.date(2016, 1, 4) + dt.timedelta(days=i): 1 for i in range(0, 300, 3)}
    weekly = timeline_bars(year)
    assert weekly is not None and weekly.unit == "week"
    assert sum(b.count for b in weekly.bars) == 100
    assert all(b.height <= weekly.height for b in weekly.bars)
    assert timeline_bars({}) is None


def test_timeline_leaves_out_a_few_claims_about_the_distant_past() -> None:
    summer = {dt.date(2015, 7, 1) + dt.timedelta(days=i): 10 for i in range(60)}
    chart = timeline_bars({**summer, dt.date(1990, 7, 13): 1, dt.date(2003, 3, 20): 2})
    assert chart is not None and chart.unit == "day" and chart.first >= "2015-05-01"
    assert sum(b.count for b in chart.bars) == 600
    everything_old = timeline_bars({dt.date(1990, 7, 13): 5, dt.date(1990, 7, 14): 5})
    assert everything_old is not None and everything_old.first <= "1990-07-13"


def test_both_languages_have_the_same_wording_keys() -> None:
    table = _table()
    assert set(table["en"]) == set(table["ar"])
    for group in ("categories", "kinds", "modalities", "statuses"):
        assert set(table["en"][group]) == set(table["ar"][group])
    assert Labels("ar").dir == "rtl" and Labels("xx").lang == "en"
    assert Labels("ar").cat("ASSAULT") == "هجوم"
