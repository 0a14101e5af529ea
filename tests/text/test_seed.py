"""The founding article (published 2016-04-30) through the whole text layer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hudna.text.dates import find_dates, writing_day
from hudna.text.numbers import find_quantities, unit_after
from hudna.text.sentences import split_sentences
from hudna.text.tokens import tokenize

PUBLISHED = dt.date(2016, 4, 30)


@pytest.fixture
def seed(shared: Path) -> str:
    [path] = sorted((shared / "seeds").glob("*.txt"))
    return path.read_text(encoding="utf-8")


def test_seed_dates(seed: str) -> None:
    anchor = writing_day(seed, PUBLISHED)
    assert anchor == PUBLISHED
    found = {m.text: m for m in find_dates(seed, anchor=anchor)}
    assert set(found) == {
        "أمس",
        "منذ أكثر من سنتين",
        "أمس الأول",
        "10 نيسان الحالي",
        "اليوم",
        "27 شباط الماضي",
    }
    assert found["أمس"].date == dt.date(2016, 4, 29)
    assert found["أمس الأول"].date == dt.date(2016, 4, 28)
    assert found["10 نيسان الحالي"].date == dt.date(2016, 4, 10)
    assert found["27 شباط الماضي"].date == dt.date(2016, 2, 27)
    siege = found["منذ أكثر من سنتين"]
    assert (siege.date, siege.enddate, siege.precision) == (
        dt.date(2014, 4, 30),
        PUBLISHED,
        "month",
    )
    assert all(seed[m.start : m.end] == m.text for m in found.values())


def test_seed_dates_skip_the_channel_name(seed: str) -> None:
    channel = seed.index("روسيا اليوم")
    assert not [m for m in find_dates(seed, anchor=PUBLISHED) if channel <= m.start < channel + 11]


def test_seed_quantities(seed: str) -> None:
    found = [(q.text, q.value, q.qualifier, unit_after(seed, q.end)) for q in find_quantities(seed)]
    assert found == [
        ("عشرات آلاف", 10000, "tens_of_thousands", "المواطنين"),
        ("أكثر من 430", 430, "more_than", "مرة"),
    ]


def test_seed_sentences_and_tokens(seed: str) -> None:
    sentences = split_sentences(seed)
    assert (
        seed[slice(*sentences[0])]
        == "لافروف يناقش هاتفيا مع كيرى تعزيز وقف الأعمال القتالية في سورية"
    )
    assert len(sentences) == len(seed.strip().splitlines())
    tokens = tokenize(seed)
    assert all(seed[t.start : t.end] == t.text for t in tokens)
    bases = {t.text: t.base for t in tokens}
    assert (
        bases["لافروف"] == "لافروف"
        and bases["بالمساعدات"] == "مساعدات"
        and bases["وكيري"] == "كيري"
    )
