"""The README's demo: the bundled sample, end to end, on a machine without shared/."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from hudna.cli.app import app


def test_demo_ingests_extracts_and_judges_the_bundled_sample(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    result = CliRunner().invoke(app, ["--db", db, "demo", "--no-serve", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout[result.stdout.index("{") :])
    assert summary["documents_added"] >= 150
    assert summary["documents_rejected"] == 0
    assert summary["events"] > summary["documents_extracted"]
    assert summary["analysis_findings"].get("excluded_actor", 0) >= 1
    again = CliRunner().invoke(app, ["--db", db, "demo", "--no-serve", "--json"])
    assert again.exit_code == 0, again.output
    second = json.loads(again.stdout[again.stdout.index("{") :])
    assert second["documents_added"] == 0 and second["documents_extracted"] == 0
