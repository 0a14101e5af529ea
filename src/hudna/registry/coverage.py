"""How much of what the corpora name does the registry know? (`hudna geo coverage`)

Arabic candidates: the word after an actor cue (وزير، تنظيم، جبهة، حركة، جيش، قوات،
الرئيس، وكالة، منظمة، المتحدث باسم…), counted as covered when a registry mention covers
the cue or that word. English candidates: runs of capitalized words not at the start of a
sentence (days, months, function words, demonyms and page boilerplate of
data/registry/coverage_skip.txt excluded), covered when a registry mention —
or, in the second figure, a registry or gazetteer mention — overlaps them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hudna.registry.normalize import normalize

AR_CUES = (
    "وزير", "تنظيم", "جبهة", "حركة", "جيش", "قوات", "الرئيس", "وكالة", "منظمة", "ميليشيا",
    "لواء", "كتائب", "الناطق باسم", "المتحدث باسم", "قناة", "صحيفة",
)  # fmt: skip
_AR_CUE = re.compile(r"(?<!\w)[وفبل]?(" + "|".join(map(normalize, AR_CUES)) + r")\s+(\w+)")
_EN_NAME = re.compile(
    r"(?<![.!?\n]\s)(?<!^)\b([A-Z][a-z]+(?:[ -](?:al-|of |of the |for |the )?[A-Z][a-z]+)*)"
)
_LEADING = re.compile(r"^(?:([A-Z][a-z]+) (?:the )?)")
_SKIP_FILE = Path(__file__).resolve().parent.parent / "data" / "registry" / "coverage_skip.txt"
_EN_SKIP = frozenset(
    word
    for line in _SKIP_FILE.read_text(encoding="utf-8").splitlines()
    if not line.startswith("#")
    for word in line.split()
)

Spans = Callable[[str], Iterable[tuple[int, int]]]


@dataclass
class Coverage:
    candidates: int = 0
    covered: int = 0
    missed: Counter[str] = field(default_factory=Counter)

    @property
    def share(self) -> float:
        return self.covered / self.candidates if self.candidates else 0.0


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def arabic_coverage(texts: Iterable[str], find: Spans) -> Coverage:
    """Offsets are taken on the normalized text, which `find` must then also receive."""
    result = Coverage()
    for text in texts:
        norm = normalize(text)
        spans = list(find(norm))
        for m in _AR_CUE.finditer(norm):
            result.candidates += 1
            if _overlaps(spans, m.start(1), m.end(2)):
                result.covered += 1
            else:
                result.missed[f"{m.group(1)} {m.group(2)}"] += 1
    return result


def _trim(match: re.Match[str]) -> tuple[int, str]:
    """Drop leading skip words ("Monday the Syrian Observatory" → "Syrian Observatory")."""
    start, name = match.start(1), match.group(1)
    while (lead := _LEADING.match(name)) and lead.group(1) in _EN_SKIP:
        start += lead.end()
        name = name[lead.end() :]
    return start, name


def english_coverage(texts: Iterable[str], find: Spans) -> Coverage:
    result = Coverage()
    for text in texts:
        spans = list(find(text))
        for m in _EN_NAME.finditer(text):
            start, name = _trim(m)
            if name in _EN_SKIP:
                continue
            result.candidates += 1
            if _overlaps(spans, start, start + len(name)):
                result.covered += 1
            else:
                result.missed[name] += 1
    return result
