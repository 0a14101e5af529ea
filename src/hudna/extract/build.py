"""The default extraction pipeline, built once and reused for every document."""

from __future__ import annotations

from hudna.extract.attribution import Attribution
from hudna.extract.events import Events
from hudna.extract.layers import Actors, Dates, Places, Quantities, Sentences
from hudna.extract.pipeline import Component, Pipeline
from hudna.extract.triggers import Triggers


def build_pipeline(*, ner: bool = False) -> Pipeline:
    """sentences → dates → quantities → actors → places → attribution → triggers → events."""
    parts: list[Component] = [
        Sentences(), Dates(), Quantities(), Actors(ner=ner), Places(), Attribution(), Triggers(),
    ]  # fmt: skip
    return Pipeline([*parts, Events()])
