"""Reading NER corpora in the CoNLL "token label" format (ANERcorp) and scoring them
the conlleval way: entity level, exact span and type, micro-averaged."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from hudna.errors import RegistryError

Sentence = list[tuple[str, str]]
_ENDS = frozenset({".", "!", "?", "؟"})


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of (token, label); files without blank lines are split after . ! ? ؟."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise RegistryError(f"{path}: cannot read NER corpus ({e})") from e
    sentences: list[Sentence] = []
    current: Sentence = []
    for number, line in enumerate(lines, start=1):
        parts = line.split()
        if not parts:
            _flush(sentences, current)
            current = []
            continue
        if len(parts) == 1 and line[:1].isspace():
            continue  # an empty token (seen once in ANERcorp): nothing to tag
        if len(parts) < 2:
            raise RegistryError(f"{path}: line {number}: expected 'TOKEN LABEL', got {line!r}")
        current.append((parts[0], _label(parts[-1])))
        if parts[0] in _ENDS and len(current) > 1:
            _flush(sentences, current)
            current = []
    _flush(sentences, current)
    return sentences


def _label(label: str) -> str:
    return "O" if label in {"O", "0"} else label


def _flush(sentences: list[Sentence], current: Sentence) -> None:
    if current:
        sentences.append(current)


def spans(labels: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entity spans (start, end, type) from BIO labels; a stray I- starts an entity (conlleval)."""
    found: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, label in enumerate([*labels, "O"]):
        prefix, _, typ = label.partition("-")
        if kind and (prefix != "I" or typ != kind):
            found.add((start, i, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            start, kind = i, typ
    return found


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    per_type: dict[str, tuple[float, float, float, int]]


def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> Scores:
    """Micro P/R/F1 over exact entity spans and per-type figures (P, R, F1, gold count)."""
    counts: dict[str, list[int]] = {}
    for g_labels, p_labels in zip(gold, predicted, strict=True):
        g, p = spans(g_labels), spans(p_labels)
        for kind in {k for *_, k in g | p}:
            c = counts.setdefault(kind, [0, 0, 0])
            c[0] += len({s for s in g & p if s[2] == kind})
            c[1] += len({s for s in p if s[2] == kind})
            c[2] += len({s for s in g if s[2] == kind})
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    micro = _prf(*total)
    per_type = {k: (*_prf(*c), c[2]) for k, c in sorted(counts.items())}
    return Scores(*micro, per_type)
