"""`hudna bulletin`, `hudna export` and `hudna bench bulletin`: thin commands over
hudna.publish."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path
from typing import Annotated, cast

import typer

from hudna.cli.common import console, out, print_json, state
from hudna.errors import PublishError
from hudna.publish import (
    FORMATS,
    ExportFilters,
    build_bulletin,
    export_events,
    render_html,
    render_markdown,
    render_pdf,
)
from hudna.publish.bench import TARGET_SECONDS, busiest_day, time_bulletin
from hudna.publish.exports import ExportFormat
from hudna.publish.model import Lang, Period
from hudna.store.database import open_store

BULLETIN_FORMATS = ("html", "pdf", "md")
DEFAULT_AGREEMENT = "syria-coh-2016"


def _choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        raise typer.BadParameter(f"{value!r}; use one of {', '.join(allowed)}", param_hint=option)
    return value


def _formats(value: str) -> list[str]:
    return [_choice(f.strip(), BULLETIN_FORMATS, "--format") for f in value.split(",") if f.strip()]


def bulletin_command(
    ctx: typer.Context,
    agreement: Annotated[
        str, typer.Option("--agreement", help="Agreement id (hudna agreements list).")
    ],
    date: Annotated[
        dt.datetime, typer.Option("--date", formats=["%Y-%m-%d"], help="Last day of the period.")
    ],
    period: Annotated[
        str, typer.Option("--period", help="day or week (the 7 days ending on --date).")
    ] = "day",
    lang: Annotated[str, typer.Option("--lang", help="ar (right-to-left) or en.")] = "ar",
    out_dir: Annotated[
        Path, typer.Option("--out", help="Directory to write the bulletin into.")
    ] = Path("."),
    formats: Annotated[
        str, typer.Option("--format", help="Comma-separated: html,pdf,md.")
    ] = "html,pdf,md",
    as_json: bool = typer.Option(
        False, "--json", help="Print the written files and timings as JSON."
    ),
) -> None:
    """Write a daily or weekly monitoring bulletin (HTML, PDF, Markdown) from the store."""
    kinds = _formats(formats)
    p = cast(Period, _choice(period, ("day", "week"), "--period"))
    lg = cast(Lang, _choice(lang, ("ar", "en"), "--lang"))
    start = time.perf_counter()
    b = build_bulletin(
        state(ctx).engine(), agreement_id=agreement, day=date.date(), period=p, lang=lg
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = out_dir / f"bulletin-{agreement}-{p}-{date.date()}-{lg}"
    written = write_bulletin(b, stem, kinds)
    report = {"files": [str(w) for w in written], "seconds": round(time.perf_counter() - start, 2),
              "claims": next(f.current for f in b.figures if f.key == "claims"), "evidence": len(b.evidence)}  # fmt: skip
    if as_json:
        print_json(report)
        return
    for w in written:
        out.print(str(w), highlight=False)
    console.print(
        f"{report['claims']} claims, {report['evidence']} evidence notes, {report['seconds']} s"
    )


def write_bulletin(b: object, stem: Path, kinds: list[str]) -> list[Path]:
    from hudna.publish.model import Bulletin

    if not isinstance(b, Bulletin):
        raise PublishError("not a bulletin")
    written: list[Path] = []
    html = render_html(b) if {"html", "pdf"} & set(kinds) else ""
    for kind in kinds:
        path = stem.with_suffix(f".{kind}")
        if kind == "pdf":
            render_pdf(b, path, html=html)
        else:
            path.write_text(html if kind == "html" else render_markdown(b), encoding="utf-8")
        written.append(path)
    return written


def export_command(
    ctx: typer.Context,
    fmt: Annotated[
        str, typer.Option("--format", help="plover-jsonl, acled-csv, geojson or parquet.")
    ],
    output: Annotated[str, typer.Option("--output", "-o", help="File to write; '-' for stdout.")],
    agreement: Annotated[
        str | None, typer.Option("--agreement", help="Only claims judged against this agreement.")
    ] = None,
    since: Annotated[
        dt.datetime | None,
        typer.Option("--since", formats=["%Y-%m-%d"], help="First day (inclusive)."),
    ] = None,
    until: Annotated[
        dt.datetime | None,
        typer.Option("--until", formats=["%Y-%m-%d"], help="Day after the last (exclusive)."),
    ] = None,
    area: Annotated[
        str | None, typer.Option("--area", help="Governorate (Arabic or English name) or P-code.")
    ] = None,
    actor: Annotated[
        str | None,
        typer.Option("--actor", help="Actor or recipient: registry id or the words used."),
    ] = None,
    category: Annotated[
        str | None, typer.Option("--category", help="PLOVER categories, comma-separated.")
    ] = None,
    as_json: bool = typer.Option(
        False, "--json", help="Print the counts as JSON (on stderr when --output is -)."
    ),
) -> None:
    """Export claims as PLOVER JSONL, ACLED-style CSV, GeoJSON or Parquet."""
    filters = ExportFilters(
        agreement_id=agreement, since=since.date() if since else None,
        until=until.date() if until else None, area=area, actor=actor, category=category,
    )  # fmt: skip
    kind = cast(ExportFormat, _choice(fmt, FORMATS, "--format"))
    target = sys.stdout.buffer if output == "-" else Path(output)
    result = export_events(state(ctx).engine(), kind, target, filters=filters)
    report = {
        "format": result.format,
        "written": result.written,
        "skipped": result.skipped,
        "output": output,
    }
    if as_json and output != "-":
        print_json(report)
    else:
        console.print(
            f"{result.written} claims written to {output}"
            + (f", {result.skipped} without an equivalent skipped" if result.skipped else "")
        )


def bench_bulletin_command(
    ctx: typer.Context,
    store: Annotated[
        str | None,
        typer.Option("--store", help="Store holding the corpus's claims (default: --db)."),
    ] = None,
    agreement: Annotated[
        str, typer.Option("--agreement", help="Agreement id.")
    ] = DEFAULT_AGREEMENT,
    date: Annotated[
        dt.datetime | None,
        typer.Option("--date", formats=["%Y-%m-%d"], help="Last day; default: the busiest week."),
    ] = None,
    period: Annotated[str, typer.Option("--period", help="day or week.")] = "week",
    lang: Annotated[str, typer.Option("--lang", help="ar or en.")] = "ar",
    as_json: bool = typer.Option(False, "--json", help="Print the timings as JSON."),
) -> None:
    """Time a bulletin: build from the store, render HTML, render PDF (target: ≤ 5 s)."""
    engine = open_store(store, migrate=True) if store else state(ctx).engine()
    p = cast(Period, _choice(period, ("day", "week"), "--period"))
    day = date.date() if date else busiest_day(engine, p)
    timing = time_bulletin(engine, agreement_id=agreement, day=day, period=p,
                           lang=cast(Lang, _choice(lang, ("ar", "en"), "--lang")))  # fmt: skip
    if as_json:
        print_json(timing.as_dict())
        return
    verdict = "within" if timing.total_s <= TARGET_SECONDS else "OVER"
    out.print(
        f"{timing.period} bulletin ending {timing.day} ({timing.lang}): {timing.claims_in_period} claims, "
        f"{timing.evidence_notes} evidence notes; build {timing.build_s:.2f} s + HTML {timing.html_s:.2f} s "
        f"+ PDF {timing.pdf_s:.2f} s = {timing.total_s:.2f} s ({verdict} the {TARGET_SECONDS:.0f} s target); "
        f"CPU {timing.cpu_s:.2f} s",
        highlight=False,
    )
