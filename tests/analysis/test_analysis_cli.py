"""Smoke tests of the commands: agreements, analyze, incidents, findings, sieges, totals,
bench judge and bench linking (each with --json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from analysis_seed import load_seed
from typer.testing import CliRunner

from hudna.agreements import load_agreements
from hudna.cli.app import app
from hudna.store.database import create_store_engine, upgrade

runner = CliRunner()
PAIRS = Path(__file__).resolve().parents[1] / "incidents" / "cases" / "linking_pairs.jsonl"


def run(*args: str) -> object:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout) if "--json" in args else result.stdout


def test_agreements_list_show_validate(tmp_path: Path) -> None:
    rows = run("agreements", "list", "--json")
    assert isinstance(rows, list) and {"syria-coh-2016", "minsk-2-2015"} <= {r["id"] for r in rows}
    shown = run("agreements", "show", "syria-coh-2016", "--json")
    assert isinstance(shown, dict) and shown["effective"] == "2016-02-27T00:00:00+02:00"
    assert "cease-attacks" in str(run("agreements", "show", "syria-coh-2016"))
    checked = run("agreements", "validate", "--json")
    assert isinstance(checked, dict) and all(r["ok"] for r in checked["files"])
    assert all("registry id" in w for w in checked["warnings"])
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "bad"}', encoding="utf-8")
    result = runner.invoke(app, ["agreements", "validate", str(bad)])
    assert result.exit_code == 1 and "names" in result.output


def test_unknown_agreement_fails_cleanly(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--db", str(tmp_path / "x.db"), "findings", "--agreement", "nope"])
    assert result.exit_code != 0


def test_bench_judge_and_linking() -> None:
    bench = run("bench", "judge", "--incidents", "300", "--json")
    assert isinstance(bench, dict) and bench["evaluations"] == 300 * len(load_agreements())
    score = run("bench", "linking", str(PAIRS), "--json")
    assert isinstance(score, dict) and score["pairs"] == 116


def test_analysis_commands_on_the_seed(tmp_path: Path, shared: Path) -> None:
    db = str(tmp_path / "seed.db")
    engine = create_store_engine(db)
    upgrade(engine)
    load_seed(engine, shared)
    report = run("--db", db, "analyze", "--json")
    assert isinstance(report, dict) and report["claims"] == 18
    incidents = run("--db", db, "incidents", "--category", "COERCE", "--json")
    assert isinstance(incidents, list) and len(incidents) == 2
    detail = run("--db", db, "incidents", incidents[0]["id"], "--json")
    assert isinstance(detail, dict) and detail["documents"][0]["doc_id"] == "seed-000"
    found = run(
        "--db",
        db,
        "findings",
        "--agreement",
        "syria-coh-2016",
        "--kind",
        "excluded_actor",
        "--json",
    )
    assert isinstance(found, list) and any(f["finding"]["alleged_party"] == ["isil"] for f in found)
    assert "excluded_actor" in str(
        run("--db", db, "findings", "--agreement", "syria-coh-2016", "--since", "2016-04-30")
    )
    sieges = run("--db", db, "sieges", "--json")
    assert isinstance(sieges, list) and any(s["place"] == "Deir ez-Zor" for s in sieges)
    totals = run("--db", db, "totals", "--agreement", "syria-coh-2016", "--json")
    assert isinstance(totals, list) and totals[0]["value"] == 430
    assert "430" in str(run("--db", db, "totals"))


@pytest.mark.parametrize(
    "command", ["agreements", "analyze", "incidents", "findings", "sieges", "totals"]
)
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and len(result.stdout) > 100
