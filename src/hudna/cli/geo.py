"""`hudna geo …`: the gazetteer and the actor registry (build, import, inspect, measure)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Annotated

import typer

from hudna.cli.common import out, print_json

geo_app = typer.Typer(
    help="Places and actors: gazetteer and registry data, lookups, coverage.", no_args_is_help=True
)

DATA = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
CORPORA = ("snn-syria", "baly-syria", "fakes-syria")


@geo_app.command("lookup")
def lookup(
    name: Annotated[str, typer.Argument(help="A place name, e.g. الفوعة, 'محافظة إدلب', Aleppo.")],
    country: str = typer.Option(None, help="Only places in this country (ISO alpha-2, e.g. SY)."),
    admin1: str = typer.Option(None, help="Only places in this first-level region (e.g. Idlib)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show the best reading of NAME, the admin units above it, and every candidate."""
    from hudna.geo import load_gazetteer

    gazetteer = load_gazetteer()
    best = gazetteer.resolve(name, country=country, admin1=admin1)
    candidates = [
        c.to_place(name).model_dump(exclude_none=True) for c in gazetteer.candidates(name)
    ]
    parents = [p.model_dump(exclude_none=True) for p in gazetteer.hierarchy(best)] if best else []
    if as_json:
        best_json = best.model_dump(exclude_none=True) if best else None
        print_json({"best": best_json, "hierarchy": parents, "candidates": candidates})
        return
    if best is None:
        out.print(f"no place named {name!r}")
        raise typer.Exit(1)
    out.print(
        f"[bold]{best.name}[/] {best.precision} {best.admin1 or ''} {best.country or ''} ({best.lat}, {best.lon})"
    )
    if parents:
        out.print("  in: " + " < ".join(f"{p['name']} ({p['precision']})" for p in parents))
    for c in candidates:
        out.print(
            f"  candidate: {c.get('name')} {c.get('precision')} {c.get('admin1', '')} {c.get('country', '')} ({c.get('lat')}, {c.get('lon')})"
        )


@geo_app.command("find")
def find(
    text: Annotated[str, typer.Argument(help="Text to search for actors and places.")],
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List the registry actors and gazetteer places found in TEXT, with offsets."""
    from hudna.geo import load_gazetteer
    from hudna.registry import load_registry

    actors = [
        m.entry.to_entity(m.text, m.start, m.end).model_dump(exclude_none=True)
        for m in load_registry().find(text)
    ]
    places = [
        m.place.model_dump(exclude_none=True) | {"candidates": m.candidates}
        for m in load_gazetteer().find(text)
    ]
    if as_json:
        print_json({"actors": actors, "places": places})
        return
    for a in actors:
        out.print(
            f"actor  {a['span']['start']:>5} {a['entity_text']} → {a['identifier_text']} ({a['kind']}, {a.get('code') or '-'}, {a.get('sector') or '-'})"
        )
    for p in places:
        out.print(
            f"place  {p['span']['start']:>5} {p['entity_text']} → {p['name']} ({p['precision']}, {p.get('admin1') or '-'}, {p.get('country') or '-'})"
        )


@geo_app.command("build-admin")
def build_admin_command(
    shared: Annotated[
        Path, typer.Argument(help="The shared data folder (holding data/syria-admin).")
    ],
    output: Annotated[Path, typer.Option(help="Folder for syria_admin.tsv and admin1.tsv.")] = DATA,
) -> None:
    """Rebuild the compact OCHA Syria admin gazetteer from the COD GeoJSON files."""
    from hudna.geo.admin import build_admin

    count = build_admin(shared, output)
    out.print(f"wrote {count} places to {output / 'syria_admin.tsv'}")


@geo_app.command("build-stoplist")
def build_stoplist(
    corpora: Annotated[list[Path], typer.Argument(help="JSONL corpora (FORMAT.md input) to mine.")],
    output: Annotated[Path, typer.Option(help="Stop-list file to write.")] = DATA / "stoplist.txt",
    ner_corpus: Annotated[
        Path | None, typer.Option(help="A CoNLL NER corpus (ANERcorp): names it tags O are words.")
    ] = None,
) -> None:
    """Mine the place names that are mostly common words from corpora."""
    from hudna.geo import load_gazetteer
    from hudna.geo.stoplist import corpus_texts, mine_stoplist, write_stoplist

    words = mine_stoplist(load_gazetteer(), corpus_texts(corpora), ner_corpus=ner_corpus)
    sources = [p.name for p in corpora] + ([ner_corpus.name] if ner_corpus else [])
    write_stoplist(words, output, sources)
    out.print(f"wrote {len(words)} names to {output}")


@geo_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="A GeoNames dump: SY.txt or SY.zip (19 columns).")],
    output: Annotated[
        Path | None, typer.Option(help="Gazetteer file to write (default: user gazetteer dir).")
    ] = None,
    min_population: int = typer.Option(0, help="Skip places with a smaller population."),
) -> None:
    """Import a GeoNames country dump into a user gazetteer file, used by every later load."""
    from hudna.geo.importer import import_geonames
    from hudna.geo.load import user_gazetteer_dir

    target = output or user_gazetteer_dir() / f"{file.stem}.tsv"
    count = import_geonames(file, target, min_population=min_population)
    out.print(f"imported {count} places into {target}")


def _corpus_texts(shared: Path, names: list[str], limit: int) -> list[str]:
    from hudna.geo.stoplist import corpus_texts

    paths = [shared / "corpus" / f"{n}.jsonl" for n in names]
    return list(itertools.islice(corpus_texts(paths), limit))


@geo_app.command("coverage")
def coverage(
    shared: Annotated[Path, typer.Argument(help="The shared data folder.")] = Path("../shared"),
    limit: int = typer.Option(500, help="Documents per corpus."),
    top: int = typer.Option(15, help="Show this many most frequent misses."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Share of actor-cue (Arabic) and capitalized-name (English) candidates the registry matches."""
    from hudna.geo import load_gazetteer
    from hudna.registry import load_registry
    from hudna.registry.coverage import arabic_coverage, english_coverage

    registry, gazetteer = load_registry(), load_gazetteer()

    def actors(t: str) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in registry.find(t)]

    def both(t: str) -> list[tuple[int, int]]:
        return actors(t) + [(m.start, m.end) for m in gazetteer.find(t)]

    report = {}
    for name in ("snn-syria", "baly-syria"):
        c = arabic_coverage(_corpus_texts(shared, [name], limit), actors)
        report[f"{name} ar actor cues"] = (
            c.candidates,
            c.covered,
            round(c.share, 3),
            c.missed.most_common(top),
        )
    texts = _corpus_texts(shared, ["fakes-syria"], limit)
    for label, fn in (("registry", actors), ("registry+gazetteer", both)):
        c = english_coverage(texts, fn)
        report[f"fakes-syria en names, {label}"] = (
            c.candidates,
            c.covered,
            round(c.share, 3),
            c.missed.most_common(top),
        )
    if as_json:
        print_json(
            {
                k: {"candidates": v[0], "covered": v[1], "share": v[2], "missed": v[3]}
                for k, v in report.items()
            }
        )
        return
    for key, (n, k, share, missed) in report.items():
        out.print(f"[bold]{key}[/]: {k}/{n} = {share:.1%}")
        out.print("  most frequent misses: " + ", ".join(f"{m} ({c})" for m, c in missed))


@geo_app.command("bench")
def bench(
    shared: Annotated[Path, typer.Argument(help="The shared data folder.")] = Path("../shared"),
    limit: int = typer.Option(300, help="Documents per corpus to match."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Load time and memory of registry + gazetteer, and matching speed on the corpora."""
    from hudna.registry.bench import run_bench

    result = run_bench(_corpus_texts(shared, list(CORPORA), limit)).as_dict()
    if as_json:
        print_json(result)
        return
    for key, value in result.items():
        out.print(f"{key:>18}: {value}")
