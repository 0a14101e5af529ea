"""The in-memory LSH of a batch, without datasketch at run time: the same banding as
datasketch's `MinHashLSH(threshold, num_perm)` (the (bands, rows) that minimize the equally
weighted false-positive and false-negative areas; the first 11-value bands of 5 at 0.8), so the
same candidates and the same links, without importing scipy (0.6 s) for every batch.

The collision probability 1 - (1 - s**r)**b is a polynomial of degree b*r <= NUM_PERM, so a
Gauss-Legendre rule with NUM_PERM nodes integrates it exactly (datasketch uses scipy's quad).
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

import numpy as np


def _areas(b: np.ndarray, r: np.ndarray, low: float, high: float, nodes: int) -> np.ndarray:
    """Integral of the collision probability 1 - (1 - s**r)**b over [low, high], per (b, r)."""
    x, w = np.polynomial.legendre.leggauss(nodes)
    s = (high - low) / 2 * x + (high + low) / 2
    p = 1 - (1 - s[None, :] ** r[:, None]) ** b[:, None]
    return np.asarray((high - low) / 2 * (p @ w))


@cache
def optimal_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) minimizing false positives below `threshold` plus false negatives above
    it, both weighted 0.5, first minimum in (bands, rows) order: datasketch's choice."""
    pairs = [(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)]
    b, r = (np.array(v, dtype=np.float64) for v in zip(*pairs, strict=True))
    false_positive = _areas(b, r, 0.0, threshold, num_perm)
    false_negative = (1.0 - threshold) - _areas(b, r, threshold, 1.0, num_perm)
    return pairs[int(np.argmin(0.5 * false_positive + 0.5 * false_negative))]


class BandedIndex:
    """Documents filed under each of their bands' exact values; a query's candidates are the
    documents sharing at least one band with it."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        self.bands, self.rows = optimal_bands(threshold, num_perm)
        self.tables: list[defaultdict[tuple[int, ...], list[str]]] = [
            defaultdict(list) for _ in range(self.bands)
        ]

    def _keys(self, sig: list[int]) -> list[tuple[int, ...]]:
        r = self.rows
        return [tuple(sig[i * r : (i + 1) * r]) for i in range(self.bands)]

    def insert(self, doc: str, sig: list[int]) -> None:
        for table, key in zip(self.tables, self._keys(sig), strict=True):
            table[key].append(doc)

    def query(self, sig: list[int]) -> set[str]:
        found: set[str] = set()
        for table, key in zip(self.tables, self._keys(sig), strict=True):
            found.update(table.get(key, ()))
        return found
