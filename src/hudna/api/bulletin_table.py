"""A monitor's bulletin table (CSV or JSON rows) as a document and claims.

Columns (CSV header or JSON keys; only `date` is required):

| column    | meaning                                                                   |
|-----------|---------------------------------------------------------------------------|
| date      | day of the row, YYYY-MM-DD                                                |
| place     | place name as the monitor writes it; empty or "total" for a running total |
| admin1    | governorate (first-level admin name)                                      |
| pcode     | OCHA P-code of the place, if known                                        |
| lat, lon  | coordinates, if known                                                     |
| category  | PLOVER category (default ASSAULT)                                         |
| count     | the number in the row                                                     |
| kind      | what `count` counts: violations (default), dead, injured, arrested, …     |
| claimant  | who reports the row (default: the monitor)                                |
| actor     | who is said to have acted                                                 |
| target    | against whom                                                              |
| since     | for running totals: counted since this day                                |
| note      | free text kept in the document                                            |
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from hudna.api.errors import ApiError
from hudna.api.models import Category
from hudna.records import ClaimedTotal, Entity, Event, Place, Quantity, Size, Span

COLUMNS = (
    "date", "place", "admin1", "pcode", "lat", "lon", "category", "count", "kind",
    "claimant", "actor", "target", "since", "note",
)  # fmt: skip
SIZE_KINDS = ("dead", "injured", "arrested")
TOTAL_PLACES = ("", "total", "all", "المجموع", "الإجمالي")
MAX_ROWS = 5000


class TableRow(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    date: dt.date
    place: str = Field(default="", max_length=200)
    admin1: str | None = Field(default=None, max_length=128)
    pcode: str | None = Field(default=None, max_length=32)
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    category: Category = "ASSAULT"
    count: float | None = Field(default=None, ge=0, le=1e9)
    kind: str = Field(default="violations", min_length=1, max_length=32)
    claimant: str | None = Field(default=None, max_length=200)
    actor: str | None = Field(default=None, max_length=200)
    target: str | None = Field(default=None, max_length=200)
    since: dt.date | None = None
    note: str | None = Field(default=None, max_length=2000)

    @property
    def is_total(self) -> bool:
        return (self.place or "").lower() in TOTAL_PLACES


class BulletinTable(BaseModel):
    """A monitor's table of one bulletin."""

    model_config = ConfigDict(extra="forbid")

    monitor: str = Field(min_length=1, max_length=200, description="Who published the table.")
    published: dt.date
    title: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=2000)
    language: Literal["ar", "en"] = "en"
    doc_id: str | None = Field(default=None, max_length=255)
    rows: list[TableRow] = Field(min_length=1, max_length=MAX_ROWS)


def parse_csv(text: str, meta: dict[str, Any]) -> BulletinTable:
    """A table from CSV text (header row first) and its metadata (monitor, published, …)."""
    reader = csv.DictReader(io.StringIO(text))
    unknown = sorted(set(reader.fieldnames or ()) - set(COLUMNS))
    if not reader.fieldnames or "date" not in reader.fieldnames:
        raise ApiError(
            422, f"the CSV needs a header row with a date column; columns: {', '.join(COLUMNS)}"
        )
    if unknown:
        raise ApiError(422, f"unknown CSV columns {unknown}; known: {', '.join(COLUMNS)}")
    rows = [{k: v for k, v in row.items() if v not in ("", None)} for row in reader]
    return validate_table({**meta, "rows": rows})


def validate_table(data: Any) -> BulletinTable:
    try:
        return BulletinTable.model_validate(data)
    except ValidationError as e:
        details = [{"loc": list(x["loc"]), "msg": x["msg"]} for x in e.errors()]
        raise ApiError(422, "the bulletin table is not valid; see details", details=details) from e


def _number(value: float) -> str:
    return f"{value:g}"


def row_sentence(row: TableRow, monitor: str) -> str:
    parts = [row.date.isoformat(), row.place or "total"]
    parts += [p for p in (row.admin1, row.category) if p]
    if row.count is not None:
        parts.append(f"{_number(row.count)} {row.kind}")
    parts.append(f"claimant: {row.claimant or monitor}")
    parts += [f"{label}: {v}" for label, v in (("actor", row.actor), ("target", row.target),
              ("since", row.since), ("note", row.note)) if v]  # fmt: skip
    return " | ".join(str(p) for p in parts)


def table_document(table: BulletinTable) -> tuple[str, list[Span]]:
    """The document text (a title line, then one line per row) and each row's span."""
    head = table.title or f"{table.monitor} — {table.published.isoformat()}"
    text, spans = head + "\n", []
    for row in table.rows:
        line = row_sentence(row, table.monitor)
        spans.append(Span(start=len(text), end=len(text) + len(line)))
        text += line + "\n"
    return text, spans


def _row_event(
    table: BulletinTable, doc_id: str, n: int, row: TableRow, span: Span, text: str
) -> Event:
    place = None if row.is_total else Place(
        entity_text=row.place, name=row.place, admin1=row.admin1, pcode=row.pcode,
        lat=row.lat, lon=row.lon,
    )  # fmt: skip
    size = (
        Size(**{row.kind: row.count})
        if row.kind in SIZE_KINDS and row.count is not None
        else Size()
    )
    quantity = (
        [Quantity(kind=row.kind, value=row.count)]
        if row.count is not None and row.kind not in SIZE_KINDS
        else []
    )
    return Event(
        id=f"{doc_id}-r{n}", doc_id=doc_id, event="ACCUSE" if row.is_total else row.category,
        actor=[Entity(entity_text=row.actor)] if row.actor else [],
        recipient=[Entity(entity_text=row.target)] if row.target else [],
        claimant=[Entity(entity_text=row.claimant or table.monitor)],
        date=row.date, date_precision="day", event_loc=place, text_info=span,
        event_text=text, size=size, quantity=quantity, confidence=0.9,
        components={"bulletin_table": "1"},
    )  # fmt: skip


def table_events(
    table: BulletinTable, doc_id: str, spans: list[Span]
) -> tuple[list[Event], list[ClaimedTotal]]:
    """One claim per row, and a claimed total for each total row with a count."""
    text, _ = table_document(table)
    found, totals = [], []
    for n, (row, span) in enumerate(zip(table.rows, spans, strict=True), start=1):
        event = _row_event(table, doc_id, n, row, span, text[span.start : span.end])
        found.append(event)
        if row.is_total and row.count is not None:
            totals.append(ClaimedTotal(
                event_id=event.id, claimant=row.claimant or table.monitor, kind=row.kind,
                value=row.count, since=row.since, as_of=row.date,
            ))  # fmt: skip
    return found, totals
