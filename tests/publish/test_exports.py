from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from publish_store import AGREEMENT, DAY, populate
from sqlalchemy import Engine

from hudna.errors import PublishError
from hudna.publish import ExportFilters, export_events
from hudna.publish.acled import COLUMNS, event_type, inter, mapping
from hudna.records import CATEGORIES
from hudna.store.database import create_store_engine


@pytest.fixture
def engine(store_url: str) -> Engine:
    engine = create_store_engine(store_url)
    populate(engine)
    return engine


def _ids(engine: Engine, **filters: object) -> list[str]:
    buf = io.BytesIO()
    export_events(engine, "plover-jsonl", buf, filters=ExportFilters(**filters))  # type: ignore[arg-type]
    return [json.loads(line)["id"] for line in buf.getvalue().decode().splitlines()]


def test_plover_jsonl_keeps_plover_fields_and_cites_the_document(engine: Engine) -> None:
    buf = io.BytesIO()
    result = export_events(engine, "plover-jsonl", buf)
    records = [json.loads(line) for line in buf.getvalue().decode().splitlines()]
    assert result.written == len(records) == 8
    siege = next(r for r in records if r["id"] == "e-siege")
    assert siege["event"] == "COERCE" and siege["mode"] == ["besiege"]
    assert siege["actor"][0]["entity_text"] == "داعش" and siege["text_info"]["start"] > 0
    assert siege["cite_info"]["url"] == "https://sana.sy/?p=1" and siege["coder"].startswith(
        "hudna"
    )


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"area": "إدلب"}, ["e-hostile"]),
        ({"area": "Idlib"}, ["e-hostile"]),
        ({"area": "SY02"}, ["e-strike"]),
        ({"area": "Deir-ez-Zor"}, ["e-siege", "e-airdrop"]),
        ({"actor": "isil"}, ["e-siege"]),
        ({"actor": "Turkey"}, ["e-threat"]),
        ({"actor": "kerry"}, ["e-consult"]),
        ({"agreement_id": AGREEMENT}, ["e-hostile", "e-strike"]),
        ({"category": "reject,threaten"}, ["e-threat", "e-reject"]),
        ({"since": DAY, "until": DAY + dt.timedelta(days=1), "category": "ASSAULT"}, ["e-strike"]),
        ({"until": dt.date(2016, 4, 28)}, ["e-siege", "e-hostile", "e-threat"]),
    ],
)
def test_filters(engine: Engine, filters: dict[str, object], expected: list[str]) -> None:
    assert _ids(engine, **filters) == expected


def test_unknown_category_and_format_are_refused(engine: Engine) -> None:
    with pytest.raises(PublishError, match="categories"):
        _ids(engine, category="FIGHT")
    with pytest.raises(PublishError, match="format"):
        export_events(engine, "xlsx", io.BytesIO())  # type: ignore[arg-type]


def test_acled_csv_has_acled_columns_and_skips_what_acled_does_not_code(
    engine: Engine, tmp_path: Path
) -> None:
    out = tmp_path / "acled.csv"
    result = export_events(engine, "acled-csv", out)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == COLUMNS
    assert (result.written, result.skipped) == (
        3,
        5,
    )  # AID, CONSULT, ACCUSE, REJECT, future THREATEN
    strike = next(r for r in rows if r["event_id_cnty"] == "SYR-e-strike")
    assert (strike["event_type"], strike["sub_event_type"], strike["fatalities"]) == (
        "Explosions/Remote violence", "Air/drone strike", "12",
    )  # fmt: skip
    assert (strike["iso"], strike["country"], strike["admin1"], strike["time_precision"]) == (
        "760",
        "Syria",
        "Aleppo",
        "1",
    )
    siege = next(r for r in rows if r["event_id_cnty"] == "SYR-e-siege")
    assert (
        siege["inter1"],
        siege["inter2"],
        siege["interaction"],
        siege["civilian_targeting"],
    ) == ("2", "7", "27", "Civilian targeting")
    assert siege["time_precision"] == "3" and "mode:besiege" in siege["tags"]


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"event": "ASSAULT", "mode": ["heavy-weapons"]}, "Shelling/artillery/missile attack"),
        ({"event": "ASSAULT", "mode": ["drone"]}, "Air/drone strike"),
        ({"event": "ASSAULT", "mode": ["unconventional", "aerial"]}, "Chemical weapon"),
        ({"event": "ASSAULT", "recipient": [{"sector": "CVL"}]}, "Attack"),
        ({"event": "ASSAULT", "mode": ["firearms"]}, "Armed clash"),
        ({"event": "PROTEST", "mode": ["riot"]}, "Violent demonstration"),
        ({"event": "COERCE", "mode": ["arrest"]}, "Arrests"),
        ({"event": "AGREE"}, "Agreement"),
        ({"event": "RETREAT", "mode": ["withdraw"]}, "Non-violent transfer of territory"),
        ({"event": "ACCUSE", "mode": ["violation"]}, None),
    ],
)
def test_acled_event_types(payload: dict[str, object], expected: str | None) -> None:
    kind = event_type(payload)
    assert (kind.sub_event_type if kind else None) == expected


def test_every_category_is_mapped_or_declared_without_equivalent() -> None:
    mapped = {r["category"] for r in mapping()["rules"]}
    assert mapped | set(mapping()["no_equivalent"]) == set(CATEGORIES)
    assert not mapped & set(mapping()["no_equivalent"])


def test_foreign_state_forces_are_external() -> None:
    syria = mapping()["countries"]["SY"]
    assert inter({"code": "RUS", "sector": "MIL"}, syria) == 8
    assert inter({"code": "SYR", "sector": "MIL"}, syria) == 1
    assert inter({"kind": "armed_group"}, syria) == 2


def test_geojson_is_a_feature_collection_with_null_geometry_when_unlocated(
    engine: Engine, tmp_path: Path
) -> None:
    out = tmp_path / "claims.geojson"
    export_events(engine, "geojson", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    features = {f["id"]: f for f in data["features"]}
    assert data["type"] == "FeatureCollection" and len(features) == 8
    assert features["e-strike"]["geometry"] == {"type": "Point", "coordinates": [37.15, 36.2]}
    assert features["e-consult"]["geometry"] is None
    assert features["e-strike"]["properties"]["claimant"] == ["Syrian Observatory for Human Rights"]


def test_parquet_round_trips_columns_and_payload(engine: Engine, tmp_path: Path) -> None:
    out = tmp_path / "claims.parquet"
    result = export_events(engine, "parquet", out, filters=ExportFilters(category="COERCE,AID"))
    table = pq.read_table(out)
    assert result.written == table.num_rows == 2
    rows = {r["id"]: r for r in table.to_pylist()}
    assert rows["e-siege"]["actor"] == ["ISIL"] and rows["e-siege"]["pcode"] == "SY0900"
    assert json.loads(rows["e-airdrop"]["payload"])["mode"] == ["humanitarian", "airdrop"]


def test_empty_export_is_still_valid(engine: Engine, tmp_path: Path) -> None:
    out = tmp_path / "none.geojson"
    assert (
        export_events(engine, "geojson", out, filters=ExportFilters(area="Quneitra")).written == 0
    )
    assert json.loads(out.read_text())["features"] == []
    assert pq.read_table(_parquet(engine, tmp_path)).num_rows == 0


def _parquet(engine: Engine, tmp_path: Path) -> Path:
    out = tmp_path / "none.parquet"
    export_events(engine, "parquet", out, filters=ExportFilters(area="Quneitra"))
    return out


def test_the_acled_mapping_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "publish.md").read_text(encoding="utf-8")
    for category in mapping()["no_equivalent"]:
        assert category in doc.split("No ACLED equivalent")[1][:400]
    for column in COLUMNS:
        assert f"`{column}`" in doc
    for rule in mapping()["rules"]:
        assert rule["sub_event_type"] in doc
