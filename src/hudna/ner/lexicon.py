"""Name lists as CRF features: ANERgazet, the actor registry and the gazetteer, matched
over token sequences (longest first) into B-/I- tags per token."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from hudna.registry.normalize import is_arabic, normalize

_KIND_TO_TYPE = {
    "person": "PERS", "state": "LOC", "government": "ORG", "military": "ORG",
    "armed_group": "ORG", "organization": "ORG", "media": "ORG",
}  # fmt: skip
MAX_LEN = 5


class Lexicon:
    """Normalized token tuples → entity type."""

    def __init__(self, names: dict[tuple[str, ...], str]) -> None:
        self.names = names
        self._lengths: dict[str, list[int]] = {}
        for name in names:
            lengths = self._lengths.setdefault(name[0], [])
            if len(name) not in lengths:
                lengths.append(len(name))
                lengths.sort(reverse=True)

    def starts_name(self, token: str) -> bool:
        """Is the (normalized) token the first word of some listed name?"""
        return token in self._lengths

    def tags(self, tokens: Sequence[str]) -> list[str]:
        """'B-LOC', 'I-ORG' or '' for each (already normalized) token."""
        out = [""] * len(tokens)
        i = 0
        while i < len(tokens):
            for n in self._lengths.get(tokens[i], ()):
                kind = self.names.get(tuple(tokens[i : i + n])) if i + n <= len(tokens) else None
                if kind:
                    out[i : i + n] = [f"B-{kind}"] + [f"I-{kind}"] * (n - 1)
                    i += n - 1
                    break
            i += 1
        return out

    def save(self, path: Path) -> None:
        rows = [[" ".join(k), v] for k, v in sorted(self.names.items())]
        with gzip.open(path, "wt", encoding="utf-8") as f:
            json.dump(rows, f, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            rows = json.load(f)
        return cls({tuple(name.split(" ")): kind for name, kind in rows})


def _key(name: str) -> tuple[str, ...] | None:
    tokens = tuple(normalize(name).split())
    return tokens if tokens and len(tokens) <= MAX_LEN and is_arabic(name) else None


def build_lexicon(
    anergazet: Path | None, registry: Iterable[tuple[str, str]], places: Iterable[str]
) -> Lexicon:
    """From ANERgazet files (if given), (alias, kind) pairs and place names; first type wins."""
    names: dict[tuple[str, ...], str] = {}
    for alias, kind in registry:
        key = _key(alias)
        if key and kind in _KIND_TO_TYPE:
            names.setdefault(key, _KIND_TO_TYPE[kind])
    if anergazet is not None:
        for kind, file in (("PERS", "Pers"), ("ORG", "Org"), ("LOC", "Loc")):
            path = anergazet / f"Aligned{file}Gazetteer.txt"
            for line in path.read_text(encoding="utf-8").splitlines():
                key = _key(line.strip())
                if key and not line.startswith("="):
                    names.setdefault(key, kind)
    for place in places:
        key = _key(place)
        if key and len(key[0]) > 2:
            names.setdefault(key, "LOC")
    return Lexicon(names)
