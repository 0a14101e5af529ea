"""Modality of an event from the words around its trigger, and the extractor's confidence.

negated: a negation particle just before the trigger (لم، لن، لا، ما؛ did not, never);
future: سـ on the trigger verb, سوف or "will" just before it; hypothetical: a conditional
(إذا، لو، في حال؛ if) earlier in the clause; demanded: a call or demand (دعا، طالب، ضرورة؛
urged, called for) earlier in the clause, for an act that is not itself the request.
"""

from __future__ import annotations

import re

from hudna.extract.lexicon import WORD, LexHit, Lexicon, fold
from hudna.extract.pipeline import Span, Trigger
from hudna.records import Modality

NEAR_WORDS = 2
DEMAND_WORDS = 8
_AR_FUTURE = re.compile(r"^[وف]?س[يتن]")
CONFIDENCE_FACTOR: dict[str, float] = {
    "asserted": 1.0, "negated": 0.9, "future": 0.9, "hypothetical": 0.6, "demanded": 0.5,
}  # fmt: skip


def _words_between(text: str, start: int, end: int) -> int:
    return sum(1 for _ in WORD.finditer(text, start, end))


def modality(
    text: str, trigger: Trigger, cues: list[LexHit], clause: Span, *, arabic: bool
) -> Modality:
    """The modality of the event a trigger names, given the cue hits of its clause."""
    before = [c for c in cues if clause[0] <= c.start and c.end <= trigger.start]
    near = [c for c in before if _words_between(text, c.end, trigger.start) < NEAR_WORDS]
    if trigger.entry.label != "REQUEST" and any(
        c.entry.label == "demand" and _words_between(text, c.end, trigger.start) <= DEMAND_WORDS
        for c in before
    ):
        return "demanded"
    if any(c.entry.label == "conditional" for c in before):
        return "hypothetical"
    if (trigger.entry.verbal or not arabic) and any(c.entry.label == "negation" for c in near):
        return "negated"
    if any(c.entry.label == "future" for c in near) or _future_prefix(text, trigger, arabic=arabic):
        return "future"
    return "asserted"


def _future_prefix(text: str, trigger: Trigger, *, arabic: bool) -> bool:
    if not (arabic and trigger.entry.verbal):
        return False
    m = WORD.match(text, trigger.start)
    return bool(m and _AR_FUTURE.match(fold(m.group())))


def clause_cues(cues: Lexicon, text: str, clause: Span) -> list[LexHit]:
    return [
        h
        for h in cues.find(text, *clause)
        if h.entry.label in ("negation", "future", "conditional", "demand")
    ]


def confidence(
    strength: float, mood: Modality, *, has_actor: bool, verbal: bool, anchored: bool = True
) -> float:
    """The extractor's own belief: cue strength, lowered for missing actors, irrealis, and an
    event anchored to nothing (no actor, place, count or source)."""
    value = strength * CONFIDENCE_FACTOR[mood] * (1.0 if has_actor else 0.8)
    value *= 1.0 if verbal else 0.95
    value *= 1.0 if anchored else 0.8
    return round(min(1.0, max(0.0, value)), 3)
