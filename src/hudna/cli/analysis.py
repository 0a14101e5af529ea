"""`hudna analyze`, `hudna incidents`, `hudna findings`, `hudna sieges`, `hudna totals`
and `hudna bench linking`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from hudna.agreements import get_agreement
from hudna.analysis import run_analysis
from hudna.analysis.queries import (
    IncidentDetail,
    claimed_totals,
    get_incident,
    list_findings,
    list_incidents,
    list_sieges,
)
from hudna.cli.common import console, fail, out, print_json, state
from hudna.incidents.bench import time_linking
from hudna.incidents.evaluate import evaluate_pairs
from hudna.records import FindingKind

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Since = Annotated[
    dt.datetime | None,
    typer.Option("--since", help="From this day (inclusive).", formats=["%Y-%m-%d"]),
]
Until = Annotated[
    dt.datetime | None,
    typer.Option("--until", help="Until this day (exclusive).", formats=["%Y-%m-%d"]),
]


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def analyze_command(ctx: typer.Context, as_json: AsJson = False) -> None:
    """Link stored claims into incidents and judge them against every agreement.

    Replaces the previous run's incidents, findings, claimed totals and siege records."""
    engine = state(ctx).engine()
    with Progress(
        TextColumn("linking claims"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("link", total=None)
        report = run_analysis(engine, progress=lambda n: bar.advance(task, n))
    if as_json:
        print_json(report.as_dict())
        return
    out.print(
        f"{report.claims} claims → {report.incidents} incidents ({report.linked_claims} claims linked)"
    )
    out.print(
        f"findings: {dict(report.findings)}; claimed totals: {report.claimed_totals}; siege records: {report.siege_records}"
    )
    for w in report.warnings:
        console.print(f"[yellow]warning:[/] {w}", highlight=False)


def incidents_command(
    ctx: typer.Context,
    incident_id: Annotated[
        str | None, typer.Argument(help="Show one incident with its claims and documents.")
    ] = None,
    since: Since = None,
    until: Until = None,
    category: str | None = typer.Option(
        None, "--category", help="A PLOVER category, e.g. ASSAULT."
    ),
    admin1: str | None = typer.Option(None, "--admin1", help="First-level admin unit, e.g. Idlib."),
    limit: int = typer.Option(50, "--limit", help="At most this many incidents."),
    offset: int = typer.Option(0, "--offset", help="Skip this many first."),
    as_json: AsJson = False,
) -> None:
    """List incidents (claims linked across documents), or show one."""
    engine = state(ctx).engine()
    if incident_id:
        detail = get_incident(engine, incident_id)
        if detail is None:
            fail(f"no incident '{incident_id}'; list them with: hudna incidents")
        if as_json:
            print_json(detail.model_dump(mode="json"))
            return
        _print_incident_detail(detail)
        return
    rows = list_incidents(
        engine,
        since=_day(since),
        until=_day(until),
        category=category,
        admin1=admin1,
        limit=limit,
        offset=offset,
    )
    if as_json:
        print_json([i.model_dump(mode="json") for i in rows])
        return
    for i in rows:
        place = i.place.name or i.place.entity_text if i.place else "?"
        out.print(
            f"[bold]{i.id}[/] {i.date or '?'} {i.event} @ {place}  actors: {', '.join(i.actors) or '?'}  "
            f"claims {len(i.claims)}, sources {i.independent_sources}",
            highlight=False,
        )
        for c in i.conflicts:
            out.print(f"    conflict: {c}", highlight=False)


def _print_incident_detail(detail: IncidentDetail) -> None:
    i = detail.incident
    out.print(
        f"[bold]{i.id}[/] {i.date or '?'} {i.event}; sources {i.independent_sources}",
        highlight=False,
    )
    for doc in detail.documents:
        out.print(
            f"  document {doc.doc_id} {doc.published or ''} {doc.site or ''} {doc.url or ''}",
            highlight=False,
        )
    links = {c.event_id: c for c in i.claims}
    for claim in detail.claims:
        link = links.get(claim.id)
        why = "; ".join(link.reasons) if link else ""
        out.print(
            f"  claim {claim.id}: {claim.event} {claim.mode} '{claim.event_text}' ({why})",
            highlight=False,
        )
    for c in i.conflicts:
        out.print(f"  conflict: {c}", highlight=False)


def findings_command(
    ctx: typer.Context,
    agreement: str = typer.Option(
        ..., "--agreement", help="Agreement id (see: hudna agreements list)."
    ),
    since: Since = None,
    until: Until = None,
    kind: Annotated[
        FindingKind | None, typer.Option("--kind", help="Only this kind of finding.")
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Findings of one agreement: potential violations, excluded actors, … with reasons."""
    get_agreement(agreement)
    rows = list_findings(
        state(ctx).engine(),
        agreement,
        since=_day(since),
        until=_day(until),
        kind=kind.value if kind else None,
    )
    if as_json:
        print_json([r.model_dump(mode="json") for r in rows])
        return
    for r in rows:
        f = r.finding
        out.print(
            f"[bold]{f.kind.value}[/] {r.date or '?'} {r.category} @ {r.place_name or '?'} ({f.incident_id})",
            highlight=False,
        )
        if f.obligation:
            out.print(
                f"    obligation {f.obligation}; alleged: {', '.join(f.alleged_party)}; claimed by: {', '.join(f.claimed_by)}",
                highlight=False,
            )
        for reason in f.reasons:
            out.print(f"    - {reason}", highlight=False)


def sieges_command(ctx: typer.Context, as_json: AsJson = False) -> None:
    """Besieged places: besiegers, population claims, aid deliveries, denials of access."""
    sieges = list_sieges(state(ctx).engine())
    if as_json:
        print_json([s.model_dump(mode="json") for s in sieges])
        return
    for s in sieges:
        out.print(
            f"[bold]{s.place}[/] ({s.admin1 or '?'}) besieged by {', '.join(s.besiegers) or '?'}; reported {s.first_reported}..{s.last_reported}",
            highlight=False,
        )
        for p in s.population:
            out.print(
                f"    population {p.value:g} ({p.qualifier}) on {p.date}, claimed by {', '.join(p.claimant) or 'the outlet'}",
                highlight=False,
            )
        for a in s.aid:
            out.print(
                f"    aid by {', '.join(a.actors) or '?'} ({a.how}) on {a.date}", highlight=False
            )
        for d in s.denials:
            out.print(
                f"    access denied by {', '.join(d.actors) or '?'} on {d.date}", highlight=False
            )


def totals_command(
    ctx: typer.Context,
    agreement: str | None = typer.Option(
        None, "--agreement", help="Only totals dated in this agreement's period."
    ),
    claimant: str | None = typer.Option(None, "--claimant", help="Only this claimant."),
    as_json: AsJson = False,
) -> None:
    """Claimed totals ("more than 430 violations") per claimant over time; never incident counts."""
    rows = claimed_totals(state(ctx).engine(), agreement_id=agreement, claimant=claimant)
    if as_json:
        print_json([r.model_dump(mode="json") for r in rows])
        return
    for r in rows:
        since = f" since {r.since}" if r.since else ""
        out.print(
            f"{r.as_of}: {r.claimant} claims {r.value:g} {r.kind} ({r.qualifier}){since}",
            highlight=False,
        )


def bench_linking_command(
    pairs: Annotated[
        Path,
        typer.Argument(
            help="Labelled pairs JSONL, e.g. tests/incidents/cases/linking_pairs.jsonl."
        ),
    ],
    documents: Annotated[
        Path | None,
        typer.Option(
            "--documents", help="Documents JSONL to read sentences from (text similarity)."
        ),
    ] = None,
    synthetic: Annotated[
        int,
        typer.Option("--synthetic", help="Also time linking this many synthetic claims (0: skip)."),
    ] = 0,
    as_json: AsJson = False,
) -> None:
    """Linking precision and recall on hand-labelled claim pairs (and, optionally, speed)."""
    score = evaluate_pairs(pairs, documents=documents)
    timing = time_linking(synthetic) if synthetic else None
    if as_json:
        print_json({**score.as_dict(), "timing": timing.__dict__ if timing else None})
        return
    out.print(
        f"{score.tp + score.fp + score.fn + score.tn} pairs, {score.tp + score.fn} same-happening: "
        f"precision {score.precision:.3f}, recall {score.recall:.3f}, F1 {score.f1:.3f}"
    )
    for m in score.misses:
        out.print(f"  missed: {m}", highlight=False)
    for f in score.false_links:
        out.print(f"  false link: {f}", highlight=False)
    if timing:
        out.print(
            f"linked {timing.claims} synthetic claims into {timing.incidents} incidents in {timing.seconds:.1f} s"
        )
