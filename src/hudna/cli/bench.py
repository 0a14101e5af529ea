"""`hudna bench ingest` (registered on the shared `hudna bench` group in `cli/app.py`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hudna.bench.ingest import bench_ingest
from hudna.cli.common import out, print_json, state


def bench_ingest_command(
    ctx: typer.Context,
    inputs: Annotated[
        list[str], typer.Argument(help="Files or directories to ingest (e.g. ../shared/corpus).")
    ],
    db: Annotated[
        Path | None, typer.Option(help="Store file to use (default: a temporary SQLite file).")
    ] = None,
    all_cores: Annotated[
        bool, typer.Option("--all-cores", help="Do not pin the process to one core.")
    ] = False,
    as_json: bool = typer.Option(False, "--json", help="Print JSON for scripts."),
) -> None:
    """Ingest INPUTS into a fresh SQLite store with FTS; report documents/s and peak memory."""
    result = bench_ingest(inputs, state(ctx).settings, db=db, one_core=not all_cores)
    if as_json:
        print_json(result.model_dump())
        return
    out.print(
        f"{result.documents} documents ({result.added} added, {result.duplicates} duplicates, "
        f"{result.rejected} refused, {result.near_duplicate_links} near-duplicate links) in "
        f"{result.seconds:.2f} s: [bold]{result.documents_per_second:.0f} documents/s[/] "
        f"({result.documents_per_cpu_second:.0f} per CPU-second), "
        f"peak memory {result.peak_rss_mb:.0f} MB, one core: {result.one_core}; "
        f"second run added {result.second_run_added} in {result.second_run_seconds:.2f} s"
    )
