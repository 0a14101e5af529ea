"""Load time, memory and matching speed of the registry and gazetteer (`hudna geo bench`)."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass

import psutil

from hudna.registry.registry import load_registry


@dataclass(frozen=True)
class Bench:
    registry_load_s: float
    gazetteer_load_s: float
    rss_before_mb: float
    rss_after_mb: float
    documents: int
    words: int
    actor_mentions: int
    place_mentions: int
    words_per_s: float

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


def _rss_mb() -> float:
    return psutil.Process().memory_info().rss / 1e6


def run_bench(texts: Iterable[str]) -> Bench:
    """Loads both (in this process, disk cache allowed), then finds actors and places."""
    from hudna.geo import load_gazetteer

    rss0 = _rss_mb()
    load_registry.cache_clear()
    load_gazetteer.cache_clear()
    t0 = time.perf_counter()
    registry = load_registry()
    t1 = time.perf_counter()
    gazetteer = load_gazetteer()
    t2 = time.perf_counter()
    rss1 = _rss_mb()
    docs = words = actors = places = 0
    t3 = time.perf_counter()
    for text in texts:
        docs += 1
        words += len(text.split())
        actors += len(registry.find(text))
        places += len(gazetteer.find(text))
    elapsed = time.perf_counter() - t3
    return Bench(
        round(t1 - t0, 3), round(t2 - t1, 3), round(rss0, 1), round(rss1, 1), docs, words,
        actors, places, round(words / elapsed if elapsed else 0.0),
    )  # fmt: skip
