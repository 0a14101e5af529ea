"""Mine a stop-list of place names that are mostly common words (`hudna geo build-stoplist`).

A one-word name is a word first — matched only after a cue — when it is frequent in the
corpora yet rarely follows a place cue (مدينة، بلدة، قرية، ريف…), or when an NER corpus
(ANERcorp) tags it O at least three times and as a place under a fifth as often (دولة،
الخبر، وأن، بأنه), or, in English, when it is often written in lower case. Governorates,
countries and curated additions are never stop-listed; big places (population ≥ 100,000)
escape the corpus-frequency test but not the NER-corpus one.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from hudna.geo.context import CUES
from hudna.geo.gazetteer import Gazetteer
from hudna.registry.normalize import is_arabic, normalize

_TOKEN = re.compile(r"\w+")
_CUE_TOKENS = frozenset(c for c in CUES if " " not in c)
_PREFIXES = ("و", "ب", "ف", "ل", "وب")


def corpus_texts(paths: Iterable[Path]) -> Iterable[str]:
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield str(json.loads(line).get("text", ""))


def count_tokens(texts: Iterable[str]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """(token counts, counts after a place cue, English lower-case counts)."""
    total: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in texts:
        lower.update(w for w in _TOKEN.findall(text) if w.islower() and w.isascii())
        words = _TOKEN.findall(normalize(text))
        total.update(words)
        cued.update(b for a, b in itertools.pairwise(words) if _strip(a) in _CUE_TOKENS)
    return total, cued, lower


def _strip(word: str) -> str:
    for p in _PREFIXES:
        if word.startswith(p) and word[len(p) :] in _CUE_TOKENS:
            return word[len(p) :]
    return word


def _fixed(gazetteer: Gazetteer, key: str) -> bool:
    """Countries, governorates and curated additions are never stop-listed."""
    return any(
        e.precision in ("country", "governorate") or e.source == "additions"
        for e in gazetteer.candidates(key)
    )


def _protected(gazetteer: Gazetteer, key: str) -> bool:
    return any(
        e.population >= 100_000
        or e.precision in ("country", "governorate")
        or e.source == "additions"
        for e in gazetteer.candidates(key)
    )


def ner_counts(corpus: Path | None) -> tuple[Counter[str], Counter[str]]:
    """(tokens tagged as a place, tokens tagged O) in a CoNLL NER corpus such as ANERcorp."""
    place: Counter[str] = Counter()
    other: Counter[str] = Counter()
    if corpus is None:
        return place, other
    for line in corpus.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2:
            (place if parts[1].endswith("LOC") else other)[normalize(parts[0])] += 1
    return place, other


def mine_stoplist(
    gazetteer: Gazetteer,
    texts: Iterable[str],
    *,
    ner_corpus: Path | None = None,
    min_count: int = 20,
) -> list[str]:
    total, cued, lower = count_tokens(texts)
    as_place, as_word = ner_counts(ner_corpus)
    stop = set(_CUE_TOKENS)
    stop |= {
        key
        for key in gazetteer.names()
        if " " not in key and as_word[key] >= 3 and as_place[key] < 0.2 * as_word[key]
        and not _fixed(gazetteer, key)
    }  # fmt: skip
    for key in gazetteer.names():
        if " " in key or _protected(gazetteer, key):
            continue
        if is_arabic(key):
            if total[key] >= min_count and cued[key] < 0.02 * total[key]:
                stop.add(key)
        elif lower[key] >= 3:
            stop.add(key)
    return sorted(stop)


def write_stoplist(words: list[str], path: Path, sources: list[str]) -> None:
    header = (
        "# Place names that are mostly common words: matched only after a cue word.\n"
        f"# Mined by `hudna geo build-stoplist` from: {', '.join(sources)}. Edit freely.\n"
    )
    path.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
