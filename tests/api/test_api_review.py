"""Analysts confirm or correct claims; every change is audited; writes are rate limited."""

from __future__ import annotations

from typing import Any

from api_support import Api
from sqlalchemy import select

from hudna.store.schema import audit_log, event_entities, events


def test_confirming_a_claim_is_audited(api: Api) -> None:
    r = api.client.patch(
        "/api/events/sana-2016-04-12-e1",
        json={"status": "confirmed", "why": "matches the centre's own bulletin"},
        headers=api.as_("analyst"),
    )
    assert r.status_code == 200, r.text
    entry = r.json()
    assert entry["who"] == "analyst-1" and entry["action"] == "confirmed"
    assert entry["before"]["status"] == "unreviewed"
    got = api.client.get("/api/events/sana-2016-04-12-e1", headers=api.as_("viewer")).json()
    assert got["status"] == "confirmed"
    with api.engine.connect() as conn:
        rows = conn.execute(select(audit_log)).all()
    assert len(rows) == 1 and rows[0].why == "matches the centre's own bulletin"
    assert rows[0].target == "event:sana-2016-04-12-e1"


def test_correcting_a_claim_updates_columns_payload_and_entities(api: Api) -> None:
    changes = {
        "size": {"dead": 4},
        "actor": [{"entity_text": "قوات النظام", "registry_id": "SYR-GOV-FORCES"}],
        "date": "2016-04-10",
    }
    r = api.client.patch(
        "/api/events/sana-2016-04-12-e1",
        json={"status": "corrected", "why": "the date and toll were wrong", "changes": changes},
        headers=api.as_("analyst"),
    )
    assert r.status_code == 200, r.text
    assert r.json()["before"]["event"]["size"]["dead"] == 5
    assert r.json()["after"]["event"]["size"]["dead"] == 4
    with api.engine.connect() as conn:
        row = conn.execute(select(events).where(events.c.id == "sana-2016-04-12-e1")).one()
        actors = conn.execute(
            select(event_entities.c.registry_id).where(
                event_entities.c.event_id == row.id, event_entities.c.role == "actor"
            )
        ).scalars()
        assert list(actors) == ["SYR-GOV-FORCES"]
    assert row.status == "corrected" and str(row.date) == "2016-04-10"
    assert row.actors == ["SYR-GOV-FORCES"] and row.payload["size"]["dead"] == 4
    trail = api.client.get(
        "/api/audit?target=event:sana-2016-04-12-e1", headers=api.as_("analyst")
    ).json()
    assert trail["total"] == 1


def _patch(api: Api, body: dict[str, Any], event: str = "sana-2016-04-12-e1") -> Any:
    return api.client.patch(f"/api/events/{event}", json=body, headers=api.as_("analyst"))


def test_bad_reviews_are_refused_and_change_nothing(api: Api) -> None:
    assert _patch(api, {"status": "confirmed"}).status_code == 422  # no why
    assert _patch(api, {"status": "corrected", "why": "because"}).status_code == 422
    assert (
        _patch(api, {"status": "confirmed", "why": "ok!", "changes": {"date": "x"}}).status_code
        == 422
    )
    bad = _patch(api, {"status": "corrected", "why": "typo", "changes": {"event": "BOMBING"}})
    assert bad.status_code == 422 and bad.json()["error"]["details"]
    frozen = _patch(api, {"status": "corrected", "why": "typo", "changes": {"id": "other"}})
    assert frozen.status_code == 422
    assert _patch(api, {"status": "confirmed", "why": "seen"}, event="nope").status_code == 404
    with api.engine.connect() as conn:
        assert conn.execute(select(audit_log)).all() == []
        status = conn.execute(
            select(events.c.status).where(events.c.id == "sana-2016-04-12-e1")
        ).scalar_one()
    assert status == "unreviewed"


def test_writes_are_rate_limited_per_key(sqlite_api: Any) -> None:
    api = sqlite_api(rate=2)
    body = {"status": "confirmed", "why": "seen it"}
    assert [_patch(api, body).status_code for _ in range(2)] == [200, 200]
    limited = _patch(api, body)
    assert limited.status_code == 429
    assert limited.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    reads = [api.client.get("/api/events", headers=api.as_("analyst")) for _ in range(5)]
    assert {r.status_code for r in reads} == {200}
    other = api.client.patch("/api/events/sana-2016-04-12-e1", json=body, headers=api.as_("admin"))
    assert other.status_code == 200
