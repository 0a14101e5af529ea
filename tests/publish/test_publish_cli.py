from __future__ import annotations

import json
from pathlib import Path

from publish_store import AGREEMENT, populate
from typer.testing import CliRunner

from hudna.cli.app import app
from hudna.store.database import create_store_engine

runner = CliRunner()


def _store(sqlite_url: str) -> str:
    populate(create_store_engine(sqlite_url))
    return sqlite_url


def test_bulletin_command_writes_every_format(sqlite_url: str, tmp_path: Path) -> None:
    db = _store(sqlite_url)
    args = ["--db", db, "bulletin", "--agreement", AGREEMENT, "--date", "2016-04-29", "--period", "week",
            "--lang", "en", "--out", str(tmp_path), "--format", "html,md,pdf", "--json"]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    files = [Path(f) for f in json.loads(result.stdout)["files"]]
    assert [f.suffix for f in files] == [".html", ".md", ".pdf"] and all(
        f.stat().st_size for f in files
    )
    assert files[0].name == f"bulletin-{AGREEMENT}-week-2016-04-29-en.html"


def test_bulletin_command_refuses_a_bad_format(sqlite_url: str) -> None:
    args = [
        "--db",
        sqlite_url,
        "bulletin",
        "--agreement",
        AGREEMENT,
        "--date",
        "2016-04-29",
        "--format",
        "docx",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "docx" in result.output


def test_export_command_filters_and_reports(sqlite_url: str, tmp_path: Path) -> None:
    db = _store(sqlite_url)
    out = tmp_path / "x.jsonl"
    args = [
        "--db",
        db,
        "export",
        "--format",
        "plover-jsonl",
        "--area",
        "حلب",
        "--output",
        str(out),
        "--json",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (
        json.loads(result.stdout)["written"] == 1
        and json.loads(out.read_text())["id"] == "e-strike"
    )


def test_bench_bulletin_times_the_busiest_week(sqlite_url: str) -> None:
    db = _store(sqlite_url)
    result = runner.invoke(app, ["bench", "bulletin", "--store", db, "--lang", "en", "--json"])
    assert result.exit_code == 0, result.output
    timing = json.loads(result.stdout)
    assert timing["day"] == "2016-04-29" and timing["claims_in_period"] == 6
    assert timing["total_s"] > 0 and timing["pdf_bytes"] > 1000


def test_commands_have_help() -> None:
    for command in (["bulletin"], ["export"], ["bench", "bulletin"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0 and "--json" in result.output
