"""Ingesting through the API: one document, and a monitor's bulletin table (CSV and JSON)."""

from __future__ import annotations

from typing import Any

from api_support import Api
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from hudna.api.bulletin_table import BulletinTable, TableRow, table_document, table_events
from hudna.store.schema import claimed_totals

ARTICLE = (
    "دمشق - أعلنت وزارة الدفاع الروسية أن مسلحين قصفوا مدينة حلب اليوم، ما أدى إلى مقتل "
    "ثلاثة مدنيين."
)


def test_ingesting_a_document_then_reading_it(api: Api) -> None:
    body = {"text": ARTICLE, "doc_id": "ru-mod-1", "published": "2016-04-20", "site": "mil.ru"}
    r = api.client.post("/api/documents", json=body, headers=api.as_("analyst"))
    assert r.status_code == 201, r.text
    result = r.json()
    assert result["added"] is True and result["events"] == 0
    doc = api.client.get(f"/api/documents/{result['document_id']}", headers=api.as_("viewer"))
    assert doc.json()["text"] == ARTICLE and doc.json()["language"] == "ar"
    again = api.client.post("/api/documents", json=body, headers=api.as_("analyst"))
    assert again.json() == {**result, "added": False}


def test_an_empty_document_is_rejected_with_the_error_shape(api: Api) -> None:
    r = api.client.post("/api/documents", json={"text": "   "}, headers=api.as_("analyst"))
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "empty"


CSV = """date,place,admin1,category,count,kind,claimant,actor
2016-04-20,Sheikh Maqsoud,Aleppo,ASSAULT,2,dead,,government forces
2016-04-20,Douma,Rural Damascus,ASSAULT,7,violations,,
2016-04-20,total,,,61,violations,,
"""


def _events_of(api: Api, document_id: str) -> list[dict[str, Any]]:
    h = api.as_("viewer")
    return list(api.client.get(f"/api/documents/{document_id}", headers=h).json()["events"])


def test_a_csv_bulletin_table_becomes_claims_and_a_claimed_total(api: Api) -> None:
    r = api.client.post(
        "/api/bulletins/table?monitor=SOHR&published=2016-04-21&title=Daily%20table",
        content=CSV.encode(),
        headers={**api.as_("analyst"), "Content-Type": "text/csv"},
    )
    assert r.status_code == 201, r.text
    assert r.json()["events"] == 3
    doc_id = r.json()["document_id"]
    doc = api.client.get(f"/api/documents/{doc_id}", headers=api.as_("viewer")).json()
    events = sorted(doc["events"], key=lambda e: e["id"])
    assert [e["category"] for e in events] == ["ASSAULT", "ASSAULT", "ACCUSE"]
    assert events[0]["admin1"] == "Aleppo" and events[0]["claimants"] == ["SOHR"]
    assert events[0]["actors"] == ["government forces"]
    full = api.client.get(f"/api/events/{events[0]['id']}", headers=api.as_("viewer")).json()
    assert doc["text"][full["span_start"] : full["span_end"]].startswith(
        "2016-04-20 | Sheikh Maqsoud"
    )
    assert full["payload"]["size"]["dead"] == 2
    with api.engine.connect() as conn:
        totals = conn.execute(
            select(claimed_totals).where(claimed_totals.c.claimant == "SOHR")
        ).all()
    assert [(t.kind, t.value) for t in totals] == [("violations", 61.0)]


def test_a_json_bulletin_table_in_arabic(api: Api) -> None:
    table = {
        "monitor": "الشبكة السورية لحقوق الإنسان",
        "published": "2016-04-21",
        "language": "ar",
        "rows": [
            {"date": "2016-04-20", "place": "دوما", "admin1": "Rural Damascus", "count": 4,
             "kind": "dead", "actor": "قوات النظام"},
        ],
    }  # fmt: skip
    r = api.client.post("/api/bulletins/table", json=table, headers=api.as_("analyst"))
    assert r.status_code == 201, r.text
    (event,) = _events_of(api, r.json()["document_id"])
    assert event["place_name"] == "دوما" and event["claimants"] == ["الشبكة السورية لحقوق الإنسان"]


def test_bad_tables_are_refused_with_reasons(api: Api) -> None:
    h = {**api.as_("analyst"), "Content-Type": "text/csv"}
    no_meta = api.client.post("/api/bulletins/table", content=CSV.encode(), headers=h)
    assert no_meta.status_code == 422
    assert {d["loc"][0] for d in no_meta.json()["error"]["details"]} == {"monitor", "published"}
    bad_col = api.client.post(
        "/api/bulletins/table?monitor=X&published=2016-04-21",
        content=b"date,victims\n2016-04-20,3\n",
        headers=h,
    )
    assert bad_col.status_code == 422 and "victims" in bad_col.json()["error"]["message"]
    bad_row = api.client.post(
        "/api/bulletins/table?monitor=X&published=2016-04-21",
        content=b"date,count\n2016-04-20,-3\n",
        headers=h,
    )
    assert bad_row.json()["error"]["details"][0]["loc"] == ["rows", 0, "count"]
    xml = api.client.post(
        "/api/bulletins/table", content=b"<t/>", headers={**h, "Content-Type": "text/xml"}
    )
    assert xml.status_code == 415


rows = st.builds(
    TableRow,
    date=st.dates(),
    place=st.text(max_size=30).filter(lambda s: "\n" not in s and "\r" not in s),
    count=st.none() | st.floats(min_value=0, max_value=1e6, allow_nan=False),
    kind=st.sampled_from(["violations", "dead", "injured", "shells"]),
    note=st.none() | st.text(min_size=1, max_size=40).filter(lambda s: "\n" not in s),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(rows, min_size=1, max_size=8))
def test_every_row_evidence_span_is_its_own_line(table_rows: list[TableRow]) -> None:
    table = BulletinTable(monitor="M", published="2016-01-01", rows=table_rows)  # type: ignore[arg-type]
    text, spans = table_document(table)
    found, totals = table_events(table, "doc", spans)
    lines = text.split("\n")[1:-1]
    assert [text[s.start : s.end] for s in spans] == lines
    assert [e.event_text for e in found] == lines
    assert len(totals) == sum(1 for r in table_rows if r.is_total and r.count is not None)
