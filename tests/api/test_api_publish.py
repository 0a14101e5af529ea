"""Bulletins, exports and sieges through the API (the publishing itself is tested in
tests/publish; here: routing, formats, filters, auth)."""

from __future__ import annotations

import io
import json

import pyarrow.parquet as pq
import pytest
from api_support import Api


@pytest.mark.parametrize(
    ("fmt", "media", "marker"),
    [
        ("html", "text/html", b"<html"),
        ("md", "text/markdown", b"#"),
        ("pdf", "application/pdf", b"%PDF"),
    ],
)
def test_bulletin_formats(sqlite_api: object, fmt: str, media: str, marker: bytes) -> None:
    api: Api = sqlite_api()  # type: ignore[operator]
    r = api.client.get(
        f"/api/bulletins?agreement=syria-coh-2016&date=2016-04-12&period=week&lang=ar&format={fmt}",
        headers=api.as_("viewer"),
    )
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith(media)
    assert marker in r.content[:2000]


def test_bulletin_needs_a_reader_key(sqlite_api: object) -> None:
    api: Api = sqlite_api()  # type: ignore[operator]
    r = api.client.get("/api/bulletins?agreement=syria-coh-2016&date=2016-04-12")
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"


def test_exports_with_filters(sqlite_api: object) -> None:
    api: Api = sqlite_api()  # type: ignore[operator]
    h = api.as_("viewer")
    jsonl = api.client.get("/api/exports/plover-jsonl?area=Aleppo&category=ASSAULT", headers=h)
    assert jsonl.status_code == 200, jsonl.text
    ids = {json.loads(line)["id"] for line in jsonl.text.splitlines() if line.strip()}
    assert ids == {"sana-2016-04-12-e1", "smart-2016-04-12-e1", "reuters-2016-04-11-e1"}
    geo = api.client.get("/api/exports/geojson?since=2016-04-11&until=2016-04-12", headers=h)
    assert geo.json()["type"] == "FeatureCollection"
    parquet = api.client.get("/api/exports/parquet", headers=h)
    assert pq.read_table(io.BytesIO(parquet.content)).num_rows == 5
    csv = api.client.get("/api/exports/acled-csv", headers=h)
    assert csv.headers["content-type"].startswith("text/csv")
    assert api.client.get("/api/exports/xlsx", headers=h).status_code == 422


def test_sieges_list(sqlite_api: object) -> None:
    api: Api = sqlite_api()  # type: ignore[operator]
    r = api.client.get("/api/sieges", headers=api.as_("viewer"))
    assert r.status_code == 200 and r.json() == []
