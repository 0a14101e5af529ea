"""Linking precision and recall on the hand-labelled pairs (tests/incidents/cases/
linking_pairs.jsonl: 116 candidate pairs from the gold events of shared/eval/dev.jsonl,
labelled same/different happening by reading the sentences)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hudna.incidents.evaluate import evaluate_pairs

PAIRS = Path(__file__).parent / "cases" / "linking_pairs.jsonl"


def test_pairs_file_is_labelled_and_carries_no_corpus_sentences() -> None:
    records = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 100
    assert sum(r["same"] for r in records) >= 20
    assert all("sentence" not in r["a"] and r["note"] for r in records)


def test_linking_precision_and_recall_without_text(capsys: pytest.CaptureFixture[str]) -> None:
    score = evaluate_pairs(PAIRS)
    with capsys.disabled():
        print(
            f"\nlinking (no text): P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}"
        )
    assert score.precision >= 0.8
    assert score.recall >= 0.5


def test_linking_precision_and_recall_with_sentences(
    shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    score = evaluate_pairs(PAIRS, documents=shared / "eval" / "dev.jsonl")
    with capsys.disabled():
        print(
            f"\nlinking (with sentences): P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}"
        )
    assert score.precision >= 0.75
    assert score.recall >= 0.5
