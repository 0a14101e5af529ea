"""`hudna train …`: rebuild the models the project trains itself."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hudna.cli.common import console, out, print_json

train_app = typer.Typer(help="Train the project's own models (the CRF NER).", no_args_is_help=True)

_NER = Path("../shared/data/arabic-ner")
_MODEL = Path(__file__).resolve().parent.parent / "data" / "ner" / "anercorp.crfsuite"


@train_app.command("ner")
def ner(
    train: Annotated[
        Path, typer.Option("--train", help="Training corpus (CoNLL 'token label').")
    ] = _NER / "anercorp" / "ANERCorp_approx_camel_train_from_original.txt",
    test: Annotated[
        Path, typer.Option("--test", help="Test corpus (CAMeL Lab ANERcorp split).")
    ] = _NER / "anercorp" / "ANERCorp_CamelLab_test.txt",
    output: Annotated[
        Path, typer.Option("--output", help="Model file to write (its lexicon goes next to it).")
    ] = _MODEL,
    anergazet: Annotated[
        Path, typer.Option(help="ANERgazet folder (name-list features); skipped when missing.")
    ] = _NER / "anergazet",
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Train the Arabic CRF NER and print entity-level scores on the test split."""
    from hudna.ner.train import PUBLISHED, default_lexicon
    from hudna.ner.train import train as run

    with console.status("building the name lexicon") as status:
        lexicon = default_lexicon(anergazet if anergazet.is_dir() else None)
        result = run(train, test, output, lexicon, progress=lambda m: status.update(m))
    s = result.scores
    report = {
        "model": str(result.model), "train_sentences": result.train_sentences,
        "test_sentences": result.test_sentences, "seconds": round(result.seconds, 1),
        "precision": round(100 * s.precision, 2), "recall": round(100 * s.recall, 2),
        "f1": round(100 * s.f1, 2),
        "f1_with_propagation_10_sentences": round(100 * result.document_scores.f1, 2),
        "per_type": {k: {"p": round(100 * v[0], 2), "r": round(100 * v[1], 2), "f1": round(100 * v[2], 2), "gold": v[3]} for k, v in s.per_type.items()},
        "published_f1": PUBLISHED,
    }  # fmt: skip
    if as_json:
        print_json(report)
        return
    out.print(
        f"CRF NER ({result.train_sentences} training sentences, {report['seconds']} s): P {report['precision']} R {report['recall']} F1 [bold]{report['f1']}[/]"
    )
    for kind, v in report["per_type"].items():  # type: ignore[attr-defined]
        out.print(f"  {kind:5} P {v['p']:6} R {v['r']:6} F1 {v['f1']:6} ({v['gold']} gold)")
    out.print(
        f"  with name propagation over 10-sentence windows: F1 {report['f1_with_propagation_10_sentences']}"
    )
    for system, f1 in PUBLISHED.items():
        out.print(f"  published: {system}: F1 {f1}")
