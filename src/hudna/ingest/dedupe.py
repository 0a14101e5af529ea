"""Near-duplicates: MinHash signatures over word 3-shingles of the search-folded text, indexed
with the banding of datasketch's MinHashLSH (`hudna.ingest.lsh`). One wire story on two sites,
or a reprint under a new headline, gets linked (not dropped); the signature is stored with the
document so detection works across batches.

Hashing is vectorized and stable across processes: word hashes come from a polynomial prefix
hash over the code points, shingle hashes combine word hashes, and the 64 permutations (odd
multipliers modulo 2**32) run in numpy.

For lookups in the store, a signature is also cut into BANDS bands of ROWS values, each band
hashed to one signed 64-bit number (`band_hashes`); the store keeps them in `minhash_bands`,
so the documents that may be near-duplicates of a new one are those sharing a band hash, found
by an index without reading every stored signature. 16 bands of 4 find a pair at similarity
0.8 with probability 0.9998 (0.64 at 0.5); the link decision is then the exact estimate.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from hudna.ingest.lsh import BandedIndex

NUM_PERM = 64
SHINGLE = 3
METHOD = f"minhash{NUM_PERM}-w{SHINGLE}"
_MAX32 = np.uint64(0xFFFFFFFF)
_RNG = np.random.RandomState(1)
# Odd multipliers modulo 2**32: each (a*h + b) is a permutation of the 32-bit shingle hashes.
_A = (_RNG.randint(0, 1 << 31, size=NUM_PERM).astype(np.uint32) * 2 + 1).astype(np.uint32)
_B = _RNG.randint(0, 1 << 31, size=NUM_PERM).astype(np.uint32)
Signature = list[int]
_P = np.uint64(0x100000001B3)
_P_INVERSE = np.uint64(pow(0x100000001B3, -1, 1 << 64))
BANDS, ROWS = 16, 4
_BAND_MIX = np.uint64(0x9E3779B97F4A7C15)
_IS_SPACE = np.array([chr(c).isspace() for c in range(0x3002)])  # what str.split() splits on


@cache
def _powers(size: int) -> tuple[np.ndarray, np.ndarray]:
    """P**i and P**-i modulo 2**64 for i < size (numpy integer arithmetic wraps)."""
    up = np.full(size, _P, dtype=np.uint64)
    down = np.full(size, _P_INVERSE, dtype=np.uint64)
    up[0] = down[0] = 1
    return np.cumprod(up), np.cumprod(down)


def word_hashes(folded: str) -> np.ndarray:
    """A stable 32-bit hash of each whitespace-separated word, computed for all words at once
    as differences of a polynomial prefix hash over the code points."""
    cps = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32)
    n = len(cps)
    up, down = _powers(1 << max(10, (n + 1).bit_length()))
    prefix = np.zeros(n + 1, dtype=np.uint64)
    np.cumsum(cps.astype(np.uint64) * up[:n], out=prefix[1:])
    spaces = _IS_SPACE[np.minimum(cps, len(_IS_SPACE) - 1)]
    edges = np.diff(np.concatenate(([True], spaces, [True])).astype(np.int8))
    starts, ends = np.flatnonzero(edges == -1), np.flatnonzero(edges == 1)
    return ((prefix[ends] - prefix[starts]) * down[starts]) >> np.uint64(32)


def shingle_hashes(folded: str) -> np.ndarray:
    """32-bit hashes of the word 3-shingles of a folded text (of its words if fewer). Repeated
    shingles are kept: they do not change a minimum, and removing them costs more than it saves."""
    h = word_hashes(folded)
    if len(h) == 0:
        return np.zeros(1, dtype=np.uint32)
    if len(h) >= SHINGLE:
        h = (h[:-2] * np.uint64(1_000_003) + h[1:-1] * np.uint64(8_191) + h[2:]) & _MAX32
    return h.astype(np.uint32)


def signature(folded: str) -> Signature:
    """The MinHash signature (NUM_PERM 32-bit values) of a folded text."""
    h = shingle_hashes(folded)
    permuted = h[:, None] * _A[None, :] + _B[None, :]  # uint32 arithmetic wraps modulo 2**32
    return [int(v) for v in permuted.min(axis=0)]


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.asarray(a) == np.asarray(b)))


def band_hashes(sig: Signature) -> list[int]:
    """The BANDS band hashes of a signature, as signed 64-bit integers (a BIGINT column)."""
    return [int(v) for v in band_matrix([sig])[0]]


def band_matrix(sigs: Sequence[Signature]) -> np.ndarray:
    """Band hashes of many signatures at once (one row each, int64): band i mixes values
    i*ROWS … i*ROWS+ROWS-1 with a multiplicative hash (uint64 arithmetic wraps)."""
    values = np.asarray([sig[: BANDS * ROWS] for sig in sigs], dtype=np.uint64)
    rows = values.reshape(len(sigs), BANDS, ROWS)
    h = np.zeros((len(sigs), BANDS), dtype=np.uint64)
    for j in range(ROWS):
        h = (h ^ rows[:, :, j]) * _BAND_MIX
        h ^= h >> np.uint64(29)
    return h.view(np.int64)


@dataclass
class NearDuplicateIndex:
    """An LSH index of signatures (datasketch's banding, `hudna.ingest.lsh`); `match` finds
    indexed documents similar to a new one."""

    threshold: float
    lsh: BandedIndex = field(init=False)
    signatures: dict[str, Signature] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lsh = BandedIndex(self.threshold, NUM_PERM)

    def add(self, doc: str, sig: Signature) -> None:
        if doc in self.signatures or len(sig) != NUM_PERM:
            return
        self.signatures[doc] = sig
        self.lsh.insert(doc, sig)

    def add_all(self, rows: Iterable[tuple[str, Signature]]) -> None:
        for doc, sig in rows:
            self.add(doc, sig)

    def match(self, doc: str, sig: Signature) -> list[tuple[str, float]]:
        """Indexed documents whose estimated similarity to `sig` reaches the threshold."""
        found = []
        for other in self.lsh.query(sig):
            if other != doc:
                score = similarity(sig, self.signatures[other])
                if score >= self.threshold:
                    found.append((str(other), round(score, 4)))
        return sorted(found)


@dataclass
class ExhaustiveIndex:
    """Every signature compared in one numpy pass: exact, and cheap for the few hundred
    documents of one write chunk."""

    threshold: float
    ids: list[str] = field(default_factory=list)
    matrix: np.ndarray = field(default_factory=lambda: np.zeros((64, NUM_PERM), dtype=np.uint32))

    def add(self, doc: str, sig: Signature) -> None:
        if len(sig) != NUM_PERM:
            return
        if len(self.ids) == len(self.matrix):
            self.matrix = np.concatenate([self.matrix, np.zeros_like(self.matrix)])
        self.matrix[len(self.ids)] = sig
        self.ids.append(doc)

    def add_all(self, rows: Iterable[tuple[str, Signature]]) -> None:
        for doc, sig in rows:
            self.add(doc, sig)

    def match(self, doc: str, sig: Signature) -> list[tuple[str, float]]:
        n = len(self.ids)
        if n == 0:
            return []
        scores = (self.matrix[:n] == np.asarray(sig, dtype=np.uint32)).mean(axis=1)
        hits = np.flatnonzero(scores >= self.threshold)
        return sorted((self.ids[i], round(float(scores[i]), 4)) for i in hits if self.ids[i] != doc)


Index = NearDuplicateIndex | ExhaustiveIndex
