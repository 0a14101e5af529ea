"""Smoke tests of the `hudna geo` commands (the functions behind them are tested apart)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from hudna.cli.app import app

runner = CliRunner()


def test_lookup_json() -> None:
    result = runner.invoke(app, ["geo", "lookup", "الفوعة", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["best"]["name"] == "Al-Fu'ah" and data["best"]["admin1"] == "Idlib"
    assert len(data["candidates"]) >= 1
    assert [p["precision"] for p in data["hierarchy"]] == [
        "district",
        "district",
        "governorate",
        "country",
    ]


def test_lookup_unknown_exits_1() -> None:
    result = runner.invoke(app, ["geo", "lookup", "Nowhere-on-earth"])
    assert result.exit_code == 1


def test_find_json() -> None:
    text = "قال لافروف إن الطيران السوري قصف بلدة الفوعة"
    result = runner.invoke(app, ["geo", "find", text, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [a["registry_id"] for a in data["actors"]] == ["sergey-lavrov", "syr-air-force"]
    assert [p["name"] for p in data["places"]] == ["Al-Fu'ah"]
    for item in data["actors"] + data["places"]:
        assert text[item["span"]["start"] : item["span"]["end"]] == item["entity_text"]


def test_import_command(tmp_path: Path) -> None:
    dump = tmp_path / "SY.txt"
    row = ["9000001", "Testville", "Testville", "", "35.5", "36.5", "P", "PPL", "SY", "", "12", "", "", "", "1200", "", "300", "Asia/Damascus", "2024-01-01"]  # fmt: skip
    dump.write_text("\t".join(row) + "\n", encoding="utf-8")
    out = tmp_path / "user.tsv"
    result = runner.invoke(app, ["geo", "import", str(dump), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "imported 1 places" in result.stdout and out.exists()


def test_every_geo_and_train_command_has_help() -> None:
    for command in (
        "lookup",
        "find",
        "build-admin",
        "build-stoplist",
        "import",
        "coverage",
        "bench",
    ):
        result = runner.invoke(app, ["geo", command, "--help"])
        assert result.exit_code == 0 and len(result.stdout) > 100
    assert runner.invoke(app, ["train", "ner", "--help"]).exit_code == 0
