"""The `hudna` command: global options, then one sub-command module per area."""

from __future__ import annotations

import sys
from typing import Any

import typer

from hudna import __version__
from hudna.cli.agreements import agreements_app, bench_judge_command
from hudna.cli.analysis import (
    analyze_command,
    bench_linking_command,
    findings_command,
    incidents_command,
    sieges_command,
    totals_command,
)
from hudna.cli.backfill import backfill_command
from hudna.cli.bench import bench_ingest_command
from hudna.cli.common import CliState, console
from hudna.cli.db import db_app, settings_command
from hudna.cli.demo import demo_command
from hudna.cli.extract import bench_app, extract_command
from hudna.cli.geo import geo_app
from hudna.cli.ingest import docs_app, ingest_command, sample_app, stats_command
from hudna.cli.publish import bench_bulletin_command, bulletin_command, export_command
from hudna.cli.serve import bench_api_command, keys_app, serve_command
from hudna.cli.train import train_app
from hudna.errors import HudnaError
from hudna.settings import load_settings

app = typer.Typer(
    name="hudna",
    help="hudna (هدنة): ceasefire monitoring from what is reported.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(db_app, name="db")
app.add_typer(geo_app, name="geo")
app.add_typer(train_app, name="train")
app.command("settings")(settings_command)
app.command("demo")(demo_command)
app.command("extract")(extract_command)
app.command("backfill")(backfill_command)
app.add_typer(bench_app, name="bench")
app.command("ingest")(ingest_command)
app.add_typer(docs_app, name="docs")
app.command("stats")(stats_command)
app.add_typer(agreements_app, name="agreements")
app.command("analyze")(analyze_command)
app.command("incidents")(incidents_command)
app.command("findings")(findings_command)
app.command("sieges")(sieges_command)
app.command("totals")(totals_command)
bench_app.command("judge")(bench_judge_command)
bench_app.command("linking")(bench_linking_command)
app.command("bulletin")(bulletin_command)
app.command("export")(export_command)
bench_app.command("bulletin")(bench_bulletin_command)
app.add_typer(sample_app, name="sample")
bench_app.command("ingest")(bench_ingest_command)
app.command("serve")(serve_command)
app.add_typer(keys_app, name="keys")
bench_app.command("api")(bench_api_command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hudna {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: str = typer.Option(None, "--db", help="Store: SQLite path or database URL (HUDNA_DB)."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    overrides: dict[str, Any] = {"db": db}
    ctx.obj = CliState(settings=load_settings(overrides))


def main() -> None:
    """Run the command; a deliberate hudna error ends it with its message, not a traceback."""
    try:
        app()
    except HudnaError as e:
        console.print(f"[bold red]error:[/] {e}", highlight=False)
        sys.exit(1)
