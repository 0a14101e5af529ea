"""Listing events: filters (half-open dates), pagination with links, whitelisted sorting."""

from __future__ import annotations

from typing import Any

import pytest
from api_support import Api


def ids(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["items"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"sana-2016-04-12-e1", "sana-2016-04-12-e2", "smart-2016-04-12-e1",
              "reuters-2016-04-11-e1", "reuters-2016-04-11-e2"}),
        ("category=ACCUSE", {"sana-2016-04-12-e2"}),
        ("admin1=Rural Damascus", {"reuters-2016-04-11-e2"}),
        ("category=ASSAULT&admin1=Aleppo", {"sana-2016-04-12-e1", "smart-2016-04-12-e1",
                                            "reuters-2016-04-11-e1"}),
        ("since=2016-04-12", {"sana-2016-04-12-e2"}),
        ("until=2016-04-12", {"sana-2016-04-12-e1", "smart-2016-04-12-e1",
                              "reuters-2016-04-11-e1", "reuters-2016-04-11-e2"}),
        ("since=2016-04-11&until=2016-04-11", set()),
        ("actor=SYR-GOV-FORCES", {"smart-2016-04-12-e1", "reuters-2016-04-11-e2"}),
        ("actor=مسلحين", {"sana-2016-04-12-e1"}),
        ("category=ASSAULT&category=ACCUSE&admin1=Aleppo&since=2016-04-11&until=2016-04-13",
         {"sana-2016-04-12-e1", "sana-2016-04-12-e2", "smart-2016-04-12-e1",
          "reuters-2016-04-11-e1"} - {"sana-2016-04-12-e2"}),
        ("status=confirmed", set()),
    ],
)  # fmt: skip
def test_filters(api: Api, query: str, expected: set[str]) -> None:
    r = api.client.get(f"/api/events?{query}", headers=api.as_("viewer"))
    assert set(ids(r)) == expected
    assert r.json()["total"] == len(expected)


def test_pages_link_on_and_keep_the_filters(api: Api) -> None:
    h = api.as_("viewer")
    first = api.client.get("/api/events?category=ASSAULT&limit=2", headers=h).json()
    assert first["total"] == 4 and len(first["items"]) == 2 and first["prev"] is None
    assert "category=ASSAULT" in first["next"] and "offset=2" in first["next"]
    second = api.client.get(first["next"], headers=h).json()
    assert len(second["items"]) == 2 and second["next"] is None
    assert "offset=0" in second["prev"]
    seen = [e["id"] for e in first["items"] + second["items"]]
    assert len(set(seen)) == 4


def test_sorting(api: Api) -> None:
    h = api.as_("viewer")
    by_date = api.client.get("/api/events?sort=-date", headers=h).json()["items"]
    assert by_date[0]["id"] == "sana-2016-04-12-e2"
    by_conf = api.client.get("/api/events?sort=-confidence", headers=h).json()["items"]
    assert [e["confidence"] for e in by_conf] == sorted(
        (e["confidence"] for e in by_conf), reverse=True
    )


def test_one_event_carries_its_record_and_evidence_offsets(api: Api) -> None:
    r = api.client.get("/api/events/sana-2016-04-12-e1", headers=api.as_("viewer"))
    event = r.json()
    doc = api.client.get(f"/api/documents/{event['document_id']}", headers=api.as_("viewer"))
    text = doc.json()["text"]
    assert text[event["span_start"] : event["span_end"]] == "قصفوا حي الشيخ مقصود في حلب"
    assert event["payload"]["size"]["dead"] == 5


def test_incidents_documents_findings_totals_and_agreements(api: Api) -> None:
    h = api.as_("viewer")
    incidents = api.client.get("/api/incidents?admin1=Aleppo", headers=h).json()
    assert [i["id"] for i in incidents["items"]] == ["inc-aleppo-2016-04-11"]
    one = api.client.get("/api/incidents/inc-aleppo-2016-04-11", headers=h).json()
    assert len(one["claims"]) == 3
    assert {c["document"]["language"] for c in one["claims"]} == {"ar", "en"}
    assert one["findings"][0]["kind"] == "potential_violation"
    docs = api.client.get("/api/documents?language=ar", headers=h).json()
    assert docs["total"] == 2
    findings = api.client.get(
        "/api/findings?agreement=syria-coh-2016&kind=potential_violation", headers=h
    ).json()
    assert findings["total"] == 2
    totals = api.client.get("/api/claimed-totals?kind=violations", headers=h).json()
    assert {(t["claimant"], t["value"]) for t in totals["items"]} == {
        ("RUS-RECON", 430.0),
        ("opposition", 12.0),
    }
    agreement = api.client.get("/api/agreements/syria-coh-2016", headers=h).json()
    assert agreement["findings"] == {"potential_violation": 2}
    assert agreement["names"]["ar"]
    listed = api.client.get("/api/agreements", headers=h).json()
    assert "syria-coh-2016" in {a["id"] for a in listed}
