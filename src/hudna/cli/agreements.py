"""`hudna agreements list|show|validate` and `hudna bench judge`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hudna.agreements import Agreement, get_agreement, load_agreements, unknown_ids
from hudna.agreements.bench import bench_judge
from hudna.agreements.loader import agreement_files, load_agreement_file
from hudna.analysis.designations import registry_link
from hudna.cli.common import console, fail, out, print_json
from hudna.errors import AgreementInvalid

agreements_app = typer.Typer(
    help="Ceasefire agreements as validated data files.", no_args_is_help=True
)

ExtraDir = Annotated[
    Path | None,
    typer.Option("--dir", help="Also load <id>.json agreement files from this directory."),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _summary(a: Agreement) -> dict[str, object]:
    return {
        "id": a.id,
        "name_en": a.names.en,
        "name_ar": a.names.ar,
        "effective": a.effective.isoformat(),
        "end": a.end.isoformat() if a.end else None,
        "parties": len(a.parties),
        "sources": len(a.sources),
    }


@agreements_app.command("list")
def list_command(extra_dir: ExtraDir = None, as_json: AsJson = False) -> None:
    """List the agreements: id, names, when they took effect and ended."""
    rows = [_summary(a) for a in load_agreements(extra_dir)]
    if as_json:
        print_json(rows)
        return
    for r in rows:
        end = r["end"] or "open"
        out.print(f"[bold]{r['id']}[/]  {r['effective']} → {end}", highlight=False)
        out.print(f"    {r['name_en']} — {r['name_ar']}", highlight=False)


@agreements_app.command("show")
def show_command(agreement_id: str, extra_dir: ExtraDir = None, as_json: AsJson = False) -> None:
    """Show one agreement in full: area, parties, exclusions, obligations, sources."""
    a = get_agreement(agreement_id, extra_dir)
    if as_json:
        print_json(a.model_dump(mode="json"))
        return
    out.print(f"[bold]{a.id}[/]: {a.names.en} — {a.names.ar}", highlight=False)
    out.print(
        f"  in force: {a.effective.isoformat()} → {a.end.isoformat() if a.end else 'open'} ({a.timezone})"
    )
    out.print(f"  area: {a.area.description or a.area.countries}", highlight=False)
    out.print("  parties: " + ", ".join(f"{p.id} ({p.side}, from {p.joined})" for p in a.parties))
    out.print(
        f"  guarantors: {', '.join(a.guarantors) or '-'}; monitors: {', '.join(a.monitors) or '-'}"
    )
    excluded = a.excluded.ids + [
        f"list {d.list_id} as of {d.as_of}" for d in a.excluded.designations
    ]
    out.print(f"  excluded: {', '.join(excluded) or '-'}")
    for ob in a.obligations:
        acts = ", ".join(
            f"{p.event}{'/' + '|'.join(p.modes) if p.modes else ''}" for p in ob.prohibited
        )
        out.print(f"  obligation {ob.id}: {ob.text} [prohibited: {acts or '-'}]", highlight=False)
    for s in a.sources:
        out.print(f"  source: {s.title} <{s.url}> checked: {', '.join(s.checked)}", highlight=False)


@agreements_app.command("validate")
def validate_command(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files to check; default: the shipped ones.")
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Validate agreement files; each error names the file, the field and what is expected.
    Registry ids the actor registry lacks are warnings."""
    results: list[dict[str, object]] = []
    loaded = []
    for path in paths or agreement_files():
        try:
            loaded.append(load_agreement_file(path))
            results.append({"file": str(path), "ok": True})
        except AgreementInvalid as e:
            results.append(
                {"file": str(path), "ok": False, "field": e.field, "expected": e.expected}
            )
    link = registry_link()
    warnings = link.warnings + (unknown_ids(loaded, link.known) if link.known is not None else [])
    if as_json:
        print_json({"files": results, "warnings": warnings})
    else:
        for r in results:
            mark = (
                "[green]ok[/]"
                if r["ok"]
                else f"[red]invalid[/] field '{r['field']}': {r['expected']}"
            )
            out.print(f"{r['file']}: {mark}", highlight=False)
        for w in warnings:
            console.print(f"[yellow]warning:[/] {w}", highlight=False)
    if not all(r["ok"] for r in results):
        fail(f"{sum(not r['ok'] for r in results)} agreement file(s) do not validate")


def bench_judge_command(
    incidents: int = typer.Option(20_000, "--incidents", help="Synthetic incidents to judge."),
    as_json: AsJson = False,
) -> None:
    """Measure the judge: incident × agreement evaluations per second."""
    result = bench_judge(load_agreements(), incidents=incidents)
    if as_json:
        print_json(result.as_dict())
        return
    out.print(
        f"{result.evaluations} evaluations in {result.seconds:.2f} s: "
        f"{result.per_second:,.0f}/s wall, {result.per_cpu_second:,.0f}/s of CPU "
        f"(in-period pairs only: {result.in_period_per_second:,.0f}/s wall)"
    )
    out.print(f"finding kinds: {result.by_kind}", highlight=False)
