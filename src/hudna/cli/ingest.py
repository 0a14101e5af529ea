"""`hudna ingest`, `hudna docs list|show|search`, `hudna stats` and `hudna sample build`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from hudna.cli.common import console, out, print_json, state
from hudna.ingest import IngestReport, ingest_paths
from hudna.ingest.sample import SAMPLE_PATH, build_sample
from hudna.store import documents as store

docs_app = typer.Typer(help="List, show and search ingested documents.", no_args_is_help=True)
sample_app = typer.Typer(help="The bundled example data.", no_args_is_help=True)
JSON = typer.Option(False, "--json", help="Print JSON for scripts.")


class RateColumn(ProgressColumn):
    """Items per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} items/s" if speed else "… items/s", style="cyan")


class BarProgress:
    """The runner's `Progress` drawn as a rich bar with rate and ETA."""

    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.task = bar.add_task("ingest", total=None, added=0)

    def start(self, total: int) -> None:
        self.bar.update(self.task, total=total)

    def advance(self, items: int, *, added: int) -> None:
        self.bar.update(self.task, advance=items, added=added)


def _progress_bar() -> Progress:
    return Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), RateColumn(),
        TextColumn("{task.fields[added]:,} added"), TimeElapsedColumn(), TimeRemainingColumn(),
        console=console, transient=True,
    )  # fmt: skip


def _print_report(report: IngestReport) -> None:
    out.print(
        f"batch {report.batch_id}: [green]{report.added} added[/], "
        f"{report.duplicates} already in the store, [red]{report.rejected} refused[/], "
        f"{report.near_duplicate_links} near-duplicate links, {report.seconds:.1f} s"
    )
    if report.added == 0 and report.duplicates:
        out.print("nothing new: every document was already in the store")
    for r in report.rejections[:50]:
        where = f"{r.origin} {r.item}".strip()
        out.print(f"  [red]refused[/] {escape(where)}: {escape(r.reason)}. {escape(r.hint)}")
    if report.rejected > 50:
        out.print(f"  … and {report.rejected - 50} more (hudna stats; rejections table)")


def ingest_command(
    ctx: typer.Context,
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files, directories (recursive), http(s) URLs, or - for stdin."),
    ],
    as_json: bool = JSON,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Ingest text, HTML, RSS/Atom, JSONL/CSV corpora, directories and URLs into the store.

    Bad items are refused one by one with a reason (recorded in the store); the exit code is
    non-zero only when nothing at all could be ingested."""
    cli = state(ctx)
    engine = cli.engine()
    if quiet or as_json:
        report = ingest_paths(engine, inputs, cli.settings)
    else:
        with _progress_bar() as bar:
            report = ingest_paths(engine, inputs, cli.settings, progress=BarProgress(bar))
    if as_json:
        print_json(report.model_dump(mode="json"))
    else:
        _print_report(report)
    if not report.ok:
        raise typer.Exit(1)


@docs_app.command("list")
def docs_list(
    ctx: typer.Context,
    limit: int = typer.Option(20, help="How many."),
    offset: int = typer.Option(0, help="Skip this many."),
    language: str = typer.Option(None, help="Only this language (ISO 639-1, e.g. ar)."),
    since: Annotated[
        dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Published on or after.")
    ] = None,
    until: Annotated[
        dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Published before.")
    ] = None,
    as_json: bool = JSON,
) -> None:
    """List documents, newest publication date first."""
    rows = store.list_documents(
        state(ctx).engine(), limit=limit, offset=offset, language=language,
        since=since.date() if since else None, until=until.date() if until else None,
    )  # fmt: skip
    if as_json:
        print_json([r.model_dump(mode="json") for r in rows])
        return
    _summary_table([r.model_dump() for r in rows])


def _summary_table(rows: list[dict[str, Any]], *, snippet: bool = False) -> None:
    table = Table("id", "doc_id", "lang", "published", "title" if not snippet else "snippet")
    for r in rows:
        cells = (
            r["id"][:12], r["doc_id"], r["language"] or "", str(r["published"] or ""),
            (r["snippet"] if snippet else r["title"] or "")[:90],
        )  # fmt: skip
        table.add_row(*(Text(c) for c in cells))  # Text: brackets in titles are not markup
    out.print(table)


@docs_app.command("show")
def docs_show(
    ctx: typer.Context,
    id_or_doc_id: str = typer.Argument(..., help="Content id (or a prefix ≥ 8) or doc_id."),
    as_json: bool = JSON,
) -> None:
    """Show one document: metadata, near-duplicates and its text."""
    engine = state(ctx).engine()
    doc = store.get_document(engine, id_or_doc_id)
    if doc is None:
        console.print(f"no document {id_or_doc_id!r}; find one with: hudna docs search WORDS")
        raise typer.Exit(1)
    near = store.near_duplicates_of(engine, doc.id)
    if as_json:
        data = doc.model_dump(mode="json")
        data["near_duplicates"] = [{"id": d, "similarity": s} for d, s in near]
        print_json(data)
        return
    out.print(Text(doc.title or doc.doc_id, style="bold"))
    out.print(
        f"id {doc.id}\ndoc_id {doc.doc_id}  language {doc.language}  published {doc.published} "
        f"({doc.date_origin})\nsite {doc.source.site}  url {doc.source.url}\norigin {doc.origin}",
        highlight=False,
        markup=False,
    )
    for d, s in near:
        out.print(f"near-duplicate {d} (similarity {s:.2f})")
    out.print()
    out.print(doc.text, highlight=False, markup=False)


@docs_app.command("search")
def docs_search(
    ctx: typer.Context,
    query: str = typer.Argument(
        ..., help="Words to find (all of them); Arabic spelling variants match."
    ),
    limit: int = typer.Option(20, help="How many."),
    as_json: bool = JSON,
) -> None:
    """Full-text search; أ/إ/آ/ا, ة/ه, ى/ي and diacritics do not matter."""
    hits = store.search_documents(state(ctx).engine(), query, limit=limit)
    if as_json:
        print_json([h.model_dump(mode="json") for h in hits])
        return
    _summary_table([h.model_dump() for h in hits], snippet=True)


@docs_app.command("rejections")
def docs_rejections(
    ctx: typer.Context,
    batch: Annotated[str | None, typer.Option(help="Only this ingest batch.")] = None,
    limit: Annotated[int, typer.Option(help="How many, newest first.")] = 50,
    as_json: bool = JSON,
) -> None:
    """List refused input items: where, why, and what to do."""
    refused = store.list_rejections(state(ctx).engine(), batch_id=batch, limit=limit)
    if as_json:
        print_json([r.model_dump() for r in refused])
        return
    for r in refused:
        out.print(
            f"{r.origin} {r.item} [{r.code}]: {r.reason}. {r.hint}", highlight=False, markup=False
        )


def stats_command(ctx: typer.Context, as_json: bool = JSON) -> None:
    """Counts: documents by language and date origin, near-duplicate links, batches, refusals."""
    stats = store.store_stats(state(ctx).engine())
    if as_json:
        print_json(stats)
        return
    for key, value in stats.items():
        out.print(f"{key}: {value}", highlight=False, markup=False)


@sample_app.command("build")
def sample_build(
    shared_dir: Annotated[Path, typer.Argument(help="The shared folder with corpus/ and seeds/.")],
    output: Annotated[Path, typer.Option(help="Where to write the sample JSONL.")] = SAMPLE_PATH,
) -> None:
    """Select the bundled sample (≤ 200 articles) from the shared corpora, deterministically."""
    n = build_sample(shared_dir, output)
    out.print(f"wrote {n} articles to {output}")
