from __future__ import annotations

import pytest

from hudna.text.numbers import dual_quantities, find_quantities, implied_quantities, unit_after

from .cases import rows


def _expected(cell: str) -> list[tuple[str, float, str, float | None]]:
    found = []
    for item in filter(None, (part.strip() for part in cell.split(" ; "))):
        mention, value, qualifier, high = item.split("|")
        found.append((mention, float(value), qualifier, float(high) if high else None))
    return found


@pytest.mark.parametrize(("text", "expected"), rows("numbers.tsv", 2))
def test_quantity_table(text: str, expected: str) -> None:
    got = [(q.text, q.value, q.qualifier, q.high) for q in find_quantities(text)]
    assert got == _expected(expected)


def test_offsets_index_the_original_text() -> None:
    text = "قالت المصادر إن أكثرَ من ٤٣٠ خرقاً سُجِّل"
    [q] = find_quantities(text)
    assert text[q.start : q.end] == q.text == "أكثرَ من ٤٣٠"
    assert (q.value, q.qualifier) == (430, "more_than")


def test_window_limits_the_search() -> None:
    text = "قتل 5 أشخاص وأصيب 12 آخرون"
    [q] = find_quantities(text, text.index("وأصيب"))
    assert (q.text, q.start) == ("12", text.index("12"))


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("انتهكت الاتفاق أكثر من 430 مرة حتى الآن", "مرة"),
        ("سجل 12 خرقا للهدنة", "خرقا"),
        ("سقط 30 قتيلا", "قتيلا"),
        ("hundreds of people fled", "people"),
        ("50 tons of flour", "tons"),
        ("ارتفعت 3.5% فقط", "%"),
        ("تحوي أكثر من 60 في المائة من النفط", "%"),
        ("نحو 23 في المئة", "%"),
        ("rose 12 percent", "%"),
        ("العدد 12.", None),
    ],
)
def test_unit_after(text: str, unit: str | None) -> None:
    q = find_quantities(text)[0]
    assert unit_after(text, q.end) == unit


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("وأسر عنصرين للحزب خلال اليوم الأول من المعركة", ["عنصرين"]),
        ("من جراء انفجار عبوتين ناسفتين في قضاء المقدادية", ["عبوتين"]),
        ("أدى إلى مقتل شخصين وجرح آخرين", ["شخصين"]),
        ("على جثتي شرطيين اثنين مقتولين", ["شرطيين اثنين"]),
        ("وقتل الطفلان في غارة", ["الطفلان"]),
        ("مقاتلان من المعارضة", ["مقاتلان"]),
        ("قتل مقاتلين من المعارضة", []),
        ("في مدينة حلب", []),
    ],
)
def test_dual_nouns_count_two(text: str, mentions: list[str]) -> None:
    found = dual_quantities(text)
    assert [q.text for q in found] == mentions
    assert all(q.value == 2 and text[q.start : q.end] == q.text for q in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مما أدى إلى مقتل شخص وإصابة آخرين بجروح", [("شخص", 1)]),
        ("حيث تم اسر عنصر واغتنام دبابة وعربة", [("عنصر", 1), ("دبابة", 1)]),
        ("وأسر عنصرين للحزب", [("عنصرين", 2)]),
        ("أدى إلى مقتل شخص واحد", []),
        ("مقتل قائد الفرقة", []),
        ("زار شخص المدينة", []),
    ],
)
def test_implied_quantities(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(q.text, q.value) for q in implied_quantities(text)] == expected
