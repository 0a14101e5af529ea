"""Smoke tests of `hudna keys`, `hudna bench api` and `hudna serve --help`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hudna.api.keys import lookup_key
from hudna.cli.app import app
from hudna.cli.serve import read_needs_key
from hudna.store.database import open_store

runner = CliRunner()


def test_keys_create_prints_the_key_once_and_list_never_does(sqlite_url: str) -> None:
    created = runner.invoke(
        app, ["--db", sqlite_url, "keys", "create", "desk", "--role", "analyst", "--json"]
    )
    assert created.exit_code == 0, created.output
    key = json.loads(created.stdout)["key"]
    found = lookup_key(open_store(sqlite_url), key)
    assert found is not None and found.role == "analyst"
    listed = runner.invoke(app, ["--db", sqlite_url, "keys", "list", "--json"])
    assert json.loads(listed.stdout)[0]["name"] == "desk" and key not in listed.stdout
    bad = runner.invoke(app, ["--db", sqlite_url, "keys", "create", "x", "--role", "root"])
    assert bad.exit_code == 1 and "unknown role" in bad.output
    gone = runner.invoke(app, ["--db", sqlite_url, "keys", "delete", "desk"])
    assert gone.exit_code == 0 and lookup_key(open_store(sqlite_url), key) is None


def test_bench_api_generates_then_reuses_its_store(tmp_path: Path) -> None:
    db = str(tmp_path / "bench.db")
    args = ["bench", "api", "--events", "3000", "--queries", "20", "--db", db, "--json"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    result = json.loads(first.stdout)
    assert result["events"] == 3000 and result["generated_seconds"] is not None
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]
    again = json.loads(runner.invoke(app, args).stdout)
    assert again["generated_seconds"] is None and again["events"] == 3000


def test_every_command_has_help() -> None:
    for command in (
        ["serve"],
        ["keys", "create"],
        ["keys", "list"],
        ["keys", "delete"],
        ["bench", "api"],
    ):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output


@pytest.mark.parametrize(
    ("host", "needs_key"),
    [("127.0.0.1", False), ("localhost", False), ("::1", False), ("0.0.0.0", True),
     ("192.168.1.5", True), ("example.org", True)],
)  # fmt: skip
def test_reading_is_open_by_default_only_on_loopback(host: str, needs_key: bool) -> None:
    assert read_needs_key(host) is needs_key
