"""A frequency list of folded Arabic word forms, the evidence clitic stripping relies on.

`data/text/lexicon_ar.tsv` holds ``form<TAB>count`` for every folded form seen at least three
times in SaudiNewsNet (Alshehri, 2015; CC BY-NC-SA 4.0) and the founding article: word forms and
counts only, no text. It is rebuilt with
``python -m hudna.text.lexicon ../shared/corpus/snn-syria.jsonl ../shared/corpus/seed.jsonl
> src/hudna/data/text/lexicon_ar.tsv``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path

from hudna.errors import HudnaError
from hudna.text.normalize import for_search

_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
MIN_COUNT = 3


class LexiconError(HudnaError):
    """The packaged word list is missing or malformed."""


def _data_text(name: str) -> str:
    try:
        return resources.files("hudna").joinpath("data", "text", name).read_text("utf-8")
    except OSError as e:
        raise LexiconError(f"{name} is missing from hudna/data/text; reinstall hudna") from e


@lru_cache(maxsize=1)
def word_counts() -> Mapping[str, int]:
    """Folded word form → corpus count (loaded once)."""
    counts: dict[str, int] = {}
    for number, line in enumerate(_data_text("lexicon_ar.tsv").splitlines(), 1):
        form, _, count = line.partition("\t")
        if not count.isdigit():
            raise LexiconError(f"lexicon_ar.tsv line {number}: expected 'form<TAB>count'")
        counts[form] = int(count)
    return counts


def count_forms(texts: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_ARABIC_WORD.findall(for_search(text)))
    return counts


def _corpus_texts(paths: Iterable[Path]) -> Iterable[str]:
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                yield str(json.loads(line)["text"])


def main(argv: list[str]) -> None:
    counts = count_forms(_corpus_texts(Path(p) for p in argv))
    for form, count in sorted(counts.items()):
        if count >= MIN_COUNT:
            sys.stdout.write(f"{form}\t{count}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
