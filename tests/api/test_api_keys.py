"""Keys: shown once, stored hashed, roles ordered, managed by admins."""

from __future__ import annotations

import hashlib

import pytest
from api_support import Api
from sqlalchemy import select

from hudna.api.keys import ApiKeyError, create_key, delete_key, list_keys, lookup_key, role_at_least
from hudna.api.ratelimit import SlidingWindowLimiter
from hudna.store.schema import api_keys


def test_keys_are_stored_as_sha256_only(api: Api) -> None:
    key = api.keys["viewer"]
    with api.engine.connect() as conn:
        stored = conn.execute(select(api_keys.c.key_hash)).scalars().all()
    assert hashlib.sha256(key.encode()).hexdigest() in stored
    assert key not in stored


@pytest.mark.parametrize(
    ("role", "needed", "ok"),
    [("viewer", "viewer", True), ("viewer", "analyst", False), ("analyst", "viewer", True),
     ("admin", "analyst", True), ("analyst", "admin", False), ("root", "viewer", False)],
)  # fmt: skip
def test_roles_are_ordered(role: str, needed: str, ok: bool) -> None:
    assert role_at_least(role, needed) is ok  # type: ignore[arg-type]


def test_key_functions(api: Api) -> None:
    key = create_key(api.engine, "desk", "analyst")
    assert key.startswith("hk_") and len(key) > 40
    found = lookup_key(api.engine, key)
    assert found is not None and found.role == "analyst"
    with pytest.raises(ApiKeyError, match="exists"):
        create_key(api.engine, "desk", "viewer")
    with pytest.raises(ApiKeyError, match="role"):
        create_key(api.engine, "other", "superuser")
    delete_key(api.engine, "desk")
    assert lookup_key(api.engine, key) is None
    with pytest.raises(ApiKeyError, match="no key"):
        delete_key(api.engine, "desk")


def test_admins_manage_keys_through_the_api(api: Api) -> None:
    h = api.as_("admin")
    created = api.client.post("/api/keys", json={"name": "field-team", "role": "viewer"}, headers=h)
    assert created.status_code == 201
    new_key = created.json()["key"]
    assert api.client.get("/api/events", headers={"X-API-Key": new_key}).status_code == 200
    names = {k["name"] for k in api.client.get("/api/keys", headers=h).json()}
    assert names == {"viewer-1", "analyst-1", "admin-1", "field-team"}
    assert "key" not in api.client.get("/api/keys", headers=h).json()[0]
    dup = api.client.post("/api/keys", json={"name": "field-team", "role": "viewer"}, headers=h)
    assert dup.status_code == 409
    assert api.client.delete("/api/keys/field-team", headers=h).status_code == 204
    assert api.client.get("/api/events", headers={"X-API-Key": new_key}).status_code == 401
    assert {k.name for k in list_keys(api.engine)} == {"viewer-1", "analyst-1", "admin-1"}


def test_sliding_window_forgets_hits_older_than_the_window() -> None:
    now = [0.0]
    limiter = SlidingWindowLimiter(3, window=60.0, clock=lambda: now[0])
    assert [limiter.hit("k") for _ in range(3)] == [None, None, None]
    assert limiter.hit("k") == pytest.approx(60.0)
    assert limiter.hit("other") is None
    now[0] = 30.0
    assert limiter.hit("k") == pytest.approx(30.0)
    now[0] = 60.0  # the hits at 0 s have left the window
    assert [limiter.hit("k") for _ in range(3)] == [None, None, None]
    assert limiter.hit("k") == pytest.approx(60.0)
