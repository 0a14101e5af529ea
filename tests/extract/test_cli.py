"""`hudna extract` and `hudna bench extract`, smoke-tested with the stand-in pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hudna.cli import extract as cli_extract
from hudna.cli.app import app
from hudna.extract.pipeline import Pipeline

from .test_run import LINES

runner = CliRunner()


@pytest.fixture
def stand_in(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_extract, "build_pipeline", lambda **_: pipeline)


@pytest.mark.parametrize("command", [["extract", "--help"], ["bench", "extract", "--help"]])
def test_commands_have_help(command: list[str]) -> None:
    result = runner.invoke(app, command)
    assert result.exit_code == 0 and "--json" in result.output


def test_extract_file_to_file(stand_in: None, tmp_path: Path) -> None:
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--input", str(src), "--output", str(dst), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(LINES) and rows[0]["events"]
    assert '"rejected": 3' in result.stdout


def test_extract_store(stand_in: None, sqlite_url: str) -> None:
    result = runner.invoke(app, ["--db", sqlite_url, "extract", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"] == 0


def test_bench_extract(stand_in: None, tmp_path: Path) -> None:
    src = tmp_path / "corpus.jsonl"
    src.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["bench", "extract", "--corpus", str(src), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["documents"] == 2 and figures["peak_rss_mb"] > 0 and figures["docs_per_s"] > 0
