"""The backfill on a real local cluster (two worker processes, one thread each) gives what the
single-process extraction gives: same lines, same order, same stored events."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from hudna.cli.app import app
from hudna.errors import SettingsError
from hudna.extract.build import build_pipeline
from hudna.extract.pipeline import Pipeline
from hudna.extract.run import extract_lines, extract_store, pending_documents
from hudna.ingest import ingest_paths
from hudna.scale.backfill import BackfillOptions, backfill_files, backfill_store, store_pending
from hudna.scale.cluster import open_client
from hudna.settings import Settings
from hudna.store.database import create_store_engine, upgrade
from hudna.store.schema import events

BAD = ["{not json", json.dumps({"doc_id": "x", "title": "no text"}), "", json.dumps({"doc_id": "y", "text": "نص", "published": "yesterday"})]  # fmt: skip


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with open_client(workers=2, ner=False) as c:
        yield c


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline(ner=False)


@pytest.fixture
def dev(shared: Path) -> Path:
    return shared / "eval" / "dev.jsonl"


def _single(path: Path, pipeline: Pipeline) -> tuple[str, list[str]]:
    out, messages = io.StringIO(), []
    with path.open(encoding="utf-8") as f:
        extract_lines(f, out, pipeline, warn=messages.append)
    return out.getvalue(), messages


def _backfill(client: Client, paths: list[Path], size: int) -> tuple[str, list[str], int]:
    out, messages, ticks = io.StringIO(), [], []
    backfill_files(
        client, paths, out, BackfillOptions(partition_size=size, ner=False),
        warn=messages.append, progress=lambda: ticks.append(1),
    )  # fmt: skip
    return out.getvalue(), messages, len(ticks)


def test_dev_set_gives_the_single_process_output(
    client: Client, pipeline: Pipeline, dev: Path
) -> None:
    text, messages, partitions = _backfill(client, [dev], 4)
    assert (text, messages) == _single(dev, pipeline)
    assert partitions == 4 and sum(bool(json.loads(x)["events"]) for x in text.splitlines()) > 5


def test_bad_lines_in_a_partition_keep_every_other_line(
    client: Client, pipeline: Pipeline, dev: Path, tmp_path: Path
) -> None:
    lines = dev.read_text(encoding="utf-8").splitlines()
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("\n".join(lines[:5] + BAD + lines[5:]) + "\n", encoding="utf-8")
    text, messages, _ = _backfill(client, [mixed], 3)
    assert (text, messages) == _single(mixed, pipeline)
    rows = [json.loads(x) for x in text.splitlines()]
    assert (
        len(rows) == len(lines) + 3 and rows[5]["doc_id"] == "line-6" and rows[7]["doc_id"] == "y"
    )
    assert [m.split(":")[0] for m in messages] == ["line 6", "line 7", "line 9"]


def test_several_inputs_are_written_in_input_order(
    client: Client, pipeline: Pipeline, dev: Path
) -> None:
    text, _, _ = _backfill(client, [dev, dev], 5)
    single, _ = _single(dev, pipeline)
    assert text == single + single


def _ingest(url: str, dev: Path) -> Engine:
    engine = create_store_engine(url)
    ingest_paths(engine, [str(dev)], Settings())
    return engine


def _stored(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(select(events.c.document_id, events.c.payload))
        return sorted((r[0], json.dumps(r[1], sort_keys=True)) for r in rows)


def test_store_mode_matches_single_process_and_resumes(
    client: Client, pipeline: Pipeline, dev: Path, store_url: str, tmp_path: Path
) -> None:
    upgrade(create_store_engine(str(tmp_path / "expected.db")))
    expected = _ingest(str(tmp_path / "expected.db"), dev)
    extract_store(expected, pipeline, pending_documents(expected, pipeline.versions))
    engine, options = _ingest(store_url, dev), BackfillOptions(partition_size=4, ner=False)
    ids = store_pending(client, engine, options)
    assert len(ids) == 14
    extract_store(engine, pipeline, ids[:3])  # a run killed after three documents
    rest = store_pending(client, engine, options)
    assert rest == ids[3:]
    stats = backfill_store(client, engine, rest, options)
    assert stats.documents == 11 and store_pending(client, engine, options) == []
    assert _stored(engine) == _stored(expected)


def test_command_runs_on_a_scheduler_address(client: Client, dev: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    args = ["backfill", str(dev), "-o", str(out), "--no-ner", "--scheduler", client.scheduler.address,
            "--partition-size", "5", "--json"]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"] == 14 and len(out.read_text().splitlines()) == 14


def test_command_store_mode_on_sqlite(client: Client, dev: Path, sqlite_url: str) -> None:
    _ingest(sqlite_url, dev)
    args = ["--db", sqlite_url, "backfill", "--store", "--no-ner", "--scheduler",
            client.scheduler.address, "--json"]  # fmt: skip
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["documents"] == 14 and _stored(create_store_engine(sqlite_url))
    again = CliRunner().invoke(app, args)
    assert json.loads(again.stdout)["documents"] == 0


def test_command_wants_files_or_store() -> None:
    result = CliRunner().invoke(app, ["backfill", "--no-ner"])
    assert result.exit_code != 0 and "INPUT files, or --store" in result.output


def test_unreachable_scheduler_says_what_to_do() -> None:
    with (
        pytest.raises(SettingsError, match="dask scheduler"),
        open_client(workers=1, scheduler="tcp://127.0.0.1:9", connect_timeout="1s"),
    ):
        pass
