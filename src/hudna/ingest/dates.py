"""Publication dates: from metadata when the source gives one, else from a dateline at the
head of the text ("Wednesday 25 Feb 2015", "دمشق-سانا 22 آذار 2017", "الأربعاء 29 يوليو 2015"),
else none. The ingest time is never used as a publication date.

Month names (English, both Arabic series and their variants) are data:
`hudna/data/ingest/months.json`.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from hudna.ingest.identity import fold

MONTHS_FILE = Path(__file__).resolve().parent.parent / "data" / "ingest" / "months.json"
DATELINE_WINDOW = 200
YEARS = range(1990, 2101)
DateOrigin = Literal["metadata", "dateline", "none"]


@dataclass(frozen=True, slots=True)
class DatelinePatterns:
    months: dict[str, int]
    day_month_year: re.Pattern[str]
    month_day_year: re.Pattern[str]
    iso: re.Pattern[str]


@cache
def patterns() -> DatelinePatterns:
    """The dateline regexes, built once from the month-name data file."""
    raw = json.loads(MONTHS_FILE.read_text(encoding="utf-8"))
    months = {fold(name): int(n) for n, names in raw["months"].items() for name in names}
    names = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    return DatelinePatterns(
        months=months,
        day_month_year=re.compile(
            rf"(?<!\d)(\d{{1,2}})(?:\s*[-/.]\s*|\s+)({names})\b\.?\s*[,،-]?\s*(\d{{4}})(?!\d)"
        ),
        month_day_year=re.compile(
            rf"\b({names})\b\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)"
        ),
        iso=re.compile(r"(?<!\d)(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)"),
    )


def _make(year: str, month: int | str, day: str) -> dt.date | None:
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return date if date.year in YEARS else None


def dateline_date(text: str, *, window: int = DATELINE_WINDOW) -> dt.date | None:
    """The first full date (day, month, year) at the head of the text, if any."""
    head = fold(text[:window])
    p = patterns()
    found: list[tuple[int, dt.date]] = []
    for m in p.day_month_year.finditer(head):
        if date := _make(m[3], p.months[m[2]], m[1]):
            found.append((m.start(), date))
    for m in p.month_day_year.finditer(head):
        if date := _make(m[3], p.months[m[1]], m[2]):
            found.append((m.start(), date))
    for m in p.iso.finditer(head):
        if date := _make(m[1], m[2], m[3]):
            found.append((m.start(), date))
    return min(found)[1] if found else None


def parse_date(value: object) -> dt.date | None:
    """A metadata date: a date, datetime, ISO string, RFC 2822 string or struct_time."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        return _make(str(value.tm_year), value.tm_mon, str(value.tm_mday))
    if isinstance(value, str):
        return _parse_string(value.strip())
    return None


def _parse_string(value: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return dateline_date(value, window=len(value))


def publication_date(metadata: object, text: str) -> tuple[dt.date | None, DateOrigin]:
    """The publication date and where it came from: metadata, a dateline, or none."""
    if (date := parse_date(metadata)) is not None:
        return date, "metadata"
    if (date := dateline_date(text)) is not None:
        return date, "dateline"
    return None, "none"
