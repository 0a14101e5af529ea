"""`hudna backfill`: `hudna extract` over partitioned corpora on a Dask cluster."""

from __future__ import annotations

import sys
import time
from contextlib import AbstractContextManager, ExitStack, nullcontext
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from hudna.cli.common import console, print_json, state
from hudna.cli.extract import MinConfidence, NerFlag
from hudna.extract.run import MIN_CONFIDENCE, RunStats

if TYPE_CHECKING:  # Dask takes ~1 s to import: only `hudna backfill` pays for it
    from distributed import Client

    from hudna.scale.backfill import BackfillOptions


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, transient=True,
    )  # fmt: skip


def _sink(output: Path | None) -> AbstractContextManager[IO[str]]:
    if output is None or str(output) == "-":
        return nullcontext(sys.stdout)
    return output.open("w", encoding="utf-8")


def _warn(message: str) -> None:
    console.print(f"[yellow]skipped:[/] {message}", highlight=False)


def backfill_command(
    ctx: typer.Context,
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(help="FORMAT.md §1 JSONL files, in order; omit with --store."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="FORMAT.md §2 events (JSONL); '-' or omitted: stdout."),
    ] = None,
    store: bool = typer.Option(
        False, "--store", help="Extract the store's pending documents instead of files."
    ),
    redo: bool = typer.Option(
        False, "--all", help="Store mode: re-extract every document, not only pending ones."
    ),
    workers: int = typer.Option(
        2, "--workers", "-w", help="Local cluster: worker processes (one thread each)."
    ),
    partition_size: int = typer.Option(
        500, "--partition-size", help="Lines (or stored documents) per partition."
    ),
    scheduler: str = typer.Option(
        None,
        "--scheduler",
        help="A running Dask scheduler (tcp://HOST:8786) instead of a local cluster.",
    ),
    min_confidence: MinConfidence = MIN_CONFIDENCE,
    ner: NerFlag = False,
    as_json: bool = typer.Option(False, "--json", help="Print the run's figures as JSON."),
) -> None:
    """Extract like `hudna extract`, partition by partition on a Dask cluster (same output)."""
    if bool(inputs) == store:
        raise typer.BadParameter("give INPUT files, or --store, not both and not neither")
    if partition_size < 1:
        raise typer.BadParameter("--partition-size must be at least 1")
    from hudna.scale.backfill import BackfillOptions, backfill_files, count_partitions
    from hudna.scale.cluster import open_client

    options = BackfillOptions(partition_size, ner, min_confidence)
    started = time.perf_counter()
    with ExitStack() as stack:
        with console.status("starting the cluster; each worker loads the pipeline"):
            client = stack.enter_context(
                open_client(workers=workers, scheduler=scheduler, ner=options.ner)
            )
        n_workers, ready = len(client.nthreads()), time.perf_counter()
        with _progress() as bar:
            if inputs:
                task = bar.add_task("partitions", total=count_partitions(inputs, partition_size))
                with _sink(output) as sink:
                    stats = backfill_files(
                        client, inputs, sink, options, warn=_warn,
                        progress=lambda: bar.advance(task),
                    )  # fmt: skip
            else:
                stats = _store(ctx, client, options, redo, bar)
        done = time.perf_counter()
    _report(stats, n_workers, done - ready, done - started, as_json=as_json)


def _store(
    ctx: typer.Context, client: Client, options: BackfillOptions, redo: bool, bar: Progress
) -> RunStats:
    from hudna.scale.backfill import backfill_store, store_pending

    engine = state(ctx).engine()
    ids = store_pending(client, engine, options, redo=redo)
    task = bar.add_task("partitions", total=-(-len(ids) // options.partition_size))
    return backfill_store(client, engine, ids, options, progress=lambda: bar.advance(task))


def _report(stats: RunStats, workers: int, seconds: float, total: float, *, as_json: bool) -> None:
    """Rates over the extraction proper: from workers ready (pipeline loaded) to the last line."""
    rate = round(stats.documents / seconds, 2) if seconds else 0.0
    figures = {
        "documents": stats.documents, "events": stats.events, "rejected": stats.rejected,
        "workers": workers, "seconds": round(seconds, 2), "docs_per_s": rate,
        "seconds_with_startup": round(total, 2),
    }  # fmt: skip
    if as_json:
        print_json(figures)
        return
    console.print(
        f"{stats.documents} documents, {stats.events} events, {stats.rejected} rejected; "
        f"{workers} workers: {seconds:.1f} s, {rate} docs/s "
        f"({total:.1f} s with cluster start and pipeline load)"
    )
