"""Tagging text with the committed CRF model: spans with offsets into the original text."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from hudna.errors import RegistryError
from hudna.ner.corpus import spans
from hudna.ner.features import sentence_features
from hudna.ner.lexicon import Lexicon
from hudna.ner.propagate import propagate
from hudna.registry.normalize import normalize

MODEL = Path(__file__).resolve().parent.parent / "data" / "ner" / "anercorp.crfsuite"
_TOKEN = re.compile(r"\w+|[^\w\s]")
_SENTENCE_END = frozenset({".", "!", "?", "؟", "\n"})


@dataclass(frozen=True)
class NerSpan:
    """A named entity: `text == original[start:end]`; label PERS, LOC, ORG or MISC."""

    start: int
    end: int
    label: str
    text: str


def tokenize(text: str) -> list[list[tuple[int, int]]]:
    """Sentences of token (start, end) offsets, split after . ! ? ؟ and at line breaks."""
    sentences: list[list[tuple[int, int]]] = [[]]
    for match in _TOKEN.finditer(text):
        sentences[-1].append(match.span())
        gap_has_newline = "\n" in text[match.end() : match.end() + 2]
        if match.group() in _SENTENCE_END or gap_has_newline:
            sentences.append([])
    return [s for s in sentences if s]


class NerTagger:
    def __init__(self, model: Path = MODEL) -> None:
        lexicon = model.with_suffix(".lexicon.json.gz")
        if not model.exists() or not lexicon.exists():
            raise RegistryError(f"no NER model at {model}; run: hudna train ner")
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))
        self._lexicon = Lexicon.load(lexicon)

    def tag(self, text: str) -> list[NerSpan]:
        """Names in `text` (one document: a name tagged once is tagged where it recurs)."""
        sentences = tokenize(text)
        tokens = [[text[a:b] for a, b in offsets] for offsets in sentences]
        labels = [self._tagger.tag(sentence_features(t, self._lexicon)) for t in tokens]
        found = []
        for offsets, labs in zip(sentences, propagate(tokens, labels), strict=True):
            for first, last, label in sorted(spans(labs)):
                found.append((offsets[first][0], offsets[last - 1][1], label))
        heads = {normalize(text[a:b].split()[0]) for a, b, _ in found}
        result = []
        for start, end, label in found:
            start = self._after_conjunction(text, start, end, heads)
            result.append(NerSpan(start, end, label, text[start:end]))
        return result

    def _after_conjunction(self, text: str, start: int, end: int, heads: set[str]) -> int:
        """Skip a leading و ("وكيري" → "كيري") when the rest starts a known or found name;
        names that begin with و (وليد) keep it."""
        word = normalize(text[start:end].split()[0])
        rest = word[1:]
        if (
            word.startswith("و")
            and len(rest) >= 3
            and (self._lexicon.starts_name(rest) or rest in heads)
        ):
            return start + 1
        return start


@functools.lru_cache(maxsize=2)
def load_tagger(model: Path = MODEL) -> NerTagger:
    """The committed ANERcorp CRF tagger, loaded once per process."""
    return NerTagger(model)
