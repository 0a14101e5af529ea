"""`hudna extract` (a JSONL file or the store) and `hudna bench extract`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from hudna.cli.common import console, out, print_json, state
from hudna.extract.bench import bench_extract
from hudna.extract.build import build_pipeline
from hudna.extract.run import MIN_CONFIDENCE, extract_lines, extract_store, pending_documents

DEFAULT_CORPUS = Path("../shared/corpus/snn-syria.jsonl")
bench_app = typer.Typer(help="Measure throughput and memory.", no_args_is_help=True)


# Options shared by every command that runs the extraction pipeline.
NerFlag = Annotated[
    bool,
    typer.Option(
        "--ner/--no-ner",
        help="Also tag names the registry lacks with the CRF NER (about 3x slower; "
        "no gain on the dev set, see docs/extract.md).",
    ),
]
MinConfidence = Annotated[
    float,
    typer.Option("--min-confidence", help="Drop events the extractor is less sure of."),
]


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, transient=True,
    )  # fmt: skip


def _count_lines(path: Path) -> int:
    with path.open(encoding="utf-8") as f:
        return sum(1 for line in f if line.strip())


def extract_command(
    ctx: typer.Context,
    input: Annotated[
        Path | None,
        typer.Option(
            "--input", "-i", help="FORMAT.md §1 documents (JSONL); omit to extract the store."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write FORMAT.md §2 events (JSONL); '-' or omitted: stdout.",
        ),
    ] = None,
    redo: bool = typer.Option(
        False, "--all", help="Store mode: re-extract every document, not only pending ones."
    ),
    min_confidence: MinConfidence = MIN_CONFIDENCE,
    ner: NerFlag = False,
    as_json: bool = typer.Option(False, "--json", help="Print the run's figures as JSON."),
) -> None:
    """Turn reports into sourced PLOVER events (one output line per input line, same order)."""
    pipeline = build_pipeline(ner=ner)
    with _progress() as bar:
        if input is not None:
            task = bar.add_task("extracting", total=_count_lines(input))
            with input.open(encoding="utf-8") as src:
                sink = (
                    sys.stdout
                    if output is None or str(output) == "-"
                    else output.open("w", encoding="utf-8")
                )
                try:
                    stats = extract_lines(
                        src, sink, pipeline, warn=lambda m: console.print(f"[yellow]skipped:[/] {m}", highlight=False),
                        min_confidence=min_confidence, progress=lambda: bar.advance(task),
                    )  # fmt: skip
                finally:
                    if sink is not sys.stdout:
                        sink.close()
        else:
            engine = state(ctx).engine()
            ids = pending_documents(engine, pipeline.versions, redo=redo)
            task = bar.add_task("extracting", total=len(ids))
            stats = extract_store(
                engine,
                pipeline,
                ids,
                min_confidence=min_confidence,
                progress=lambda: bar.advance(task),
            )
    figures = {"documents": stats.documents, "events": stats.events, "rejected": stats.rejected}
    if as_json:
        print_json(figures)
    else:
        console.print(
            f"{stats.documents} documents, {stats.events} events, {stats.rejected} rejected"
        )


@bench_app.command("extract")
def bench_extract_command(
    corpus: Annotated[
        Path, typer.Option("--corpus", help="FORMAT.md §1 JSONL corpus.")
    ] = DEFAULT_CORPUS,
    limit: int = typer.Option(None, "--limit", help="Only the first N documents."),
    ner: NerFlag = False,
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Documents/s of extraction on one core, peak memory, and the read+normalize-only rate."""
    total = limit or _count_lines(corpus)
    with _progress() as bar:
        task = bar.add_task("extracting", total=total)
        result = bench_extract(
            corpus, lambda: build_pipeline(ner=ner), limit=limit,
            progress=lambda: bar.advance(task),
        )  # fmt: skip
    if as_json:
        print_json(result.as_dict())
        return
    out.print(
        f"{result.documents} documents in {result.seconds} s: {result.docs_per_s} docs/s "
        f"({result.events} events); read+normalize only: {result.read_normalize_docs_per_s} docs/s "
        f"(ratio {result.ratio}); peak RSS {result.peak_rss_mb} MB; pipeline load {result.load_seconds} s"
    )
    out.print(
        "seconds per component: "
        + ", ".join(f"{k} {v}" for k, v in result.component_seconds.items())
    )
