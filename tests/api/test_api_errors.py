"""Every error has one JSON shape, authentication failures included."""

from __future__ import annotations

from typing import Any

import pytest
from api_support import Api


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return dict(body["error"])


def test_reading_without_a_key_is_refused(api: Api) -> None:
    r = api.client.get("/api/events")
    assert_error(r, 401, "unauthorized")
    assert r.headers["www-authenticate"] == "ApiKey"


def test_an_unknown_key_is_refused_even_where_reading_is_open(sqlite_api: Any) -> None:
    api = sqlite_api(auth_required_for_read=False)
    assert api.client.get("/api/events").status_code == 200
    r = api.client.get("/api/events", headers={"X-API-Key": "hk_not-a-key"})
    assert "unknown API key" in assert_error(r, 401, "unauthorized")["message"]


def test_writing_needs_a_key_even_where_reading_is_open(sqlite_api: Any) -> None:
    api = sqlite_api(auth_required_for_read=False)
    r = api.client.patch("/api/events/x", json={"status": "confirmed", "why": "checked"})
    assert_error(r, 401, "unauthorized")


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("patch", "/api/events/sana-2016-04-12-e1", {"status": "confirmed", "why": "seen"}),
        ("post", "/api/documents", {"text": "نص"}),
        ("post", "/api/keys", {"name": "x", "role": "viewer"}),
    ],
)
def test_a_viewer_cannot_write(api: Api, method: str, path: str, body: dict[str, Any]) -> None:
    r = getattr(api.client, method)(path, json=body, headers=api.as_("viewer"))
    assert "viewer" in assert_error(r, 403, "forbidden")["message"]


def test_an_analyst_cannot_manage_keys(api: Api) -> None:
    r = api.client.get("/api/keys", headers=api.as_("analyst"))
    assert_error(r, 403, "forbidden")


def test_bearer_authorization_works_too(api: Api) -> None:
    r = api.client.get("/api/events", headers={"Authorization": f"Bearer {api.keys['viewer']}"})
    assert r.status_code == 200


def test_not_found_shapes(api: Api) -> None:
    h = api.as_("viewer")
    assert_error(api.client.get("/api/events/nope", headers=h), 404, "not_found")
    assert_error(api.client.get("/api/incidents/nope", headers=h), 404, "not_found")
    assert_error(api.client.get("/api/documents/nope", headers=h), 404, "not_found")
    assert_error(api.client.get("/api/agreements/nope", headers=h), 404, "not_found")
    r = api.client.get("/api/nowhere", headers=h)
    assert "/api/docs" in assert_error(r, 404, "not_found")["message"]


def test_method_not_allowed_shape(api: Api) -> None:
    assert_error(
        api.client.delete("/api/events", headers=api.as_("admin")), 405, "method_not_allowed"
    )


def test_validation_errors_list_the_fields(api: Api) -> None:
    r = api.client.get("/api/events?limit=0&since=yesterday", headers=api.as_("viewer"))
    error = assert_error(r, 422, "invalid_request")
    assert {tuple(d["loc"]) for d in error["details"]} == {("query", "limit"), ("query", "since")}
    r = api.client.get("/api/events?category=BOMB", headers=api.as_("viewer"))
    assert_error(r, 422, "invalid_request")


def test_an_unknown_sort_is_refused(api: Api) -> None:
    r = api.client.get("/api/events?sort=payload", headers=api.as_("viewer"))
    error = assert_error(r, 422, "invalid_request")
    assert error["details"][0]["loc"] == ["query", "sort"]
    assert "-date" in error["details"][0]["msg"]


def test_unexpected_errors_keep_the_shape_and_hide_the_trace(sqlite_api: Any) -> None:
    api = sqlite_api()

    @api.app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    r = api.client.get("/api/boom")
    error = assert_error(r, 500, "internal_error")
    assert "secret" not in error["message"]
