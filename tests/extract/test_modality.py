"""Modality from the words around the trigger (cases/modality.tsv) and confidence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hudna.extract.modality import confidence
from hudna.extract.pipeline import Pipeline
from hudna.records import Document

CASES = Path(__file__).parent / "cases" / "modality.tsv"
ROWS = [
    line.split("\t")
    for line in CASES.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize(("language", "sentence", "trigger", "expected"), ROWS)
def test_modality(
    pipeline: Pipeline, language: str, sentence: str, trigger: str, expected: str
) -> None:
    doc = Document(
        id="m", doc_id="m", text=sentence, language=language, published=dt.date(2016, 4, 30)
    )
    analysis = pipeline.analyse(doc)
    found = [e for e in analysis.events if trigger in e.event_text or e.event_text in trigger]
    if not found:  # an embedded or purpose act is not an event of its own: nothing asserted
        assert expected == "asserted"
        return
    assert found[0].modality == expected


def test_confidence_orders_the_cases() -> None:
    sure = confidence(0.9, "asserted", has_actor=True, verbal=True)
    assert sure > confidence(0.9, "asserted", has_actor=False, verbal=True)
    assert sure > confidence(0.9, "hypothetical", has_actor=True, verbal=True)
    assert confidence(0.9, "demanded", has_actor=True, verbal=False) < 0.5
