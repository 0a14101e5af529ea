"""Training and evaluating the CRF NER (`hudna train ner`)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from hudna.ner.corpus import Scores, Sentence, read_conll, score
from hudna.ner.features import sentence_features
from hudna.ner.lexicon import Lexicon, build_lexicon
from hudna.ner.propagate import propagate

PUBLISHED = {
    "CAMeL Tools (Obeid et al. 2020)": 83.0,
    "AraBERT fine-tuned": 81.3,
    "ConfliBERT-Arabic": 81.2,
}
DOCUMENT_WINDOW = 10  # sentences per pseudo-document when scoring name propagation
PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}


@dataclass(frozen=True)
class TrainResult:
    model: Path
    lexicon: Path
    scores: Scores
    document_scores: Scores
    train_sentences: int
    test_sentences: int
    seconds: float


def default_lexicon(anergazet: Path | None) -> Lexicon:
    """ANERgazet + registry aliases + Arabic gazetteer names."""
    from hudna.geo import load_gazetteer
    from hudna.registry import load_registry

    registry = [(alias, entry.kind) for alias, entry in load_registry().aliases()]
    places = (name for entry in load_gazetteer().entries for name in entry.names)
    return build_lexicon(anergazet, registry, places)


def train(
    train_file: Path,
    test_file: Path,
    output: Path,
    lexicon: Lexicon,
    *,
    progress: Callable[[str], None] = lambda _: None,
) -> TrainResult:
    started = time.monotonic()
    training, testing = read_conll(train_file), read_conll(test_file)
    progress(f"features for {len(training)} training sentences")
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in training:
        tokens, labels = zip(*sentence, strict=True)
        trainer.append(sentence_features(tokens, lexicon), list(labels))
    trainer.set_params(PARAMS)
    progress("training the CRF")
    output.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(output))
    lexicon_path = output.with_suffix(".lexicon.json.gz")
    lexicon.save(lexicon_path)
    progress("evaluating")
    scores = evaluate(output, lexicon, testing)
    documents = evaluate(output, lexicon, testing, window=DOCUMENT_WINDOW)
    return TrainResult(
        output, lexicon_path, scores, documents, len(training), len(testing),
        time.monotonic() - started,
    )  # fmt: skip


def evaluate(
    model: Path, lexicon: Lexicon, sentences: list[Sentence], *, window: int = 0
) -> Scores:
    """Entity-level scores; `window` > 0 treats each run of that many sentences as one
    document for name propagation (0: sentence by sentence, the standard protocol)."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    tokens = [[t for t, _ in s] for s in sentences]
    gold = [[label for _, label in s] for s in sentences]
    predicted = [tagger.tag(sentence_features(t, lexicon)) for t in tokens]
    if window > 0:
        predicted = [
            labels
            for i in range(0, len(tokens), window)
            for labels in propagate(tokens[i : i + window], predicted[i : i + window])
        ]
    return score(gold, predicted)
