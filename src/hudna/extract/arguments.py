"""Arguments around a trigger: actor, recipient, place, date and counts.

Actors by position in the clause: the nearest actor mention before the trigger (a nominal
sentence, English subject-verb order), else the first after it (Arabic verb-subject-object);
the next mention after is the recipient. "من قبل X", "على يد X", "by X" name the actor of a
passive or a verbal noun; "مع (نظيره) X", "with X" the other side of a consultation; "بين X وY",
"between X and Y" both sides of a clash. Mentions joined by و / and / a comma go together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hudna.extract.pipeline import ActorHit, Analysis, DateHit, PlaceHit, QuantityHit, Span
from hudna.records import Entity, Place, Quantity, Size

_AGENT = re.compile(
    r"(?:(?<!\w)من قبل|(?<!\w)على يد|(?<!\w)by|(?<!\w)من|(?<!\w)نفذها|(?<!\w)نفذه)\s*$"
)
_WITH = re.compile(r"(?:(?<!\w)مع|(?<!\w)with|(?<!\w)و?ب?نظير\w*|(?<!\w)counterpart)\s*$")
_BETWEEN = re.compile(r"(?:(?<!\w)بين|(?<!\w)between)\s*$")
_AGAINST = re.compile(r"(?:(?<!\w)على|(?<!\w)ضد|(?<!\w)on|(?<!\w)against)\s*$")
_COMPLEMENT = re.compile(r"(?<!\w)(?:[إا]ن|[أا]ن|[إا]نه|[أا]نه|بأن|that)(?!\w)")
_JOIN = re.compile(r"^\s*(?:و|,|،|and|, and)?\s*$")
_IN = re.compile(
    r"(?:(?<!\w)و?في|(?<!\w)in|(?<!\w)at|(?<!\w)near|(?<!\w)قرب|بلد[ةه]|مدين[ةه]|قري[ةه]|حي)\s*$"
)
_DEATH = re.compile(r"(?<!\w)(?:[وب]?مقتل|قتل\w*|مصرع\w*|قتلى|killed|dead|deaths?|died)(?!\w)")
_INJURY = re.compile(
    r"(?<!\w)(?:[وب]?[إا]صاب\w*|[أا]صيب\w*|جرح\w*|جرحى|wounded|injured|injuries)(?!\w)"
)
PRECISION_RANK = {"point": 0, "locality": 1, "district": 2, "governorate": 3, "country": 4, None: 5}
TWO_SIDED = {"ASSAULT", "CONSULT", "AGREE", "COOPERATE"}
MATERIAL = {"ASSAULT", "COERCE", "AID", "RETREAT", "MOBILIZE", "PROTEST"}
CASUALTY_WINDOW = (30, 45)
NEAR_WORDS = 4
_WORD = re.compile(r"\w+")


def _group(text: str, hits: Sequence[ActorHit], first: int) -> list[ActorHit]:
    """The mention at `first` and those coordinated with it (X وY, X and Y, X، Y)."""
    group = [hits[first]]
    for nxt in hits[first + 1 :]:
        if not _JOIN.match(text[group[-1].end : nxt.start]):
            break
        group.append(nxt)
    return group


def _in_window(hits: Sequence[ActorHit], start: int, end: int) -> list[ActorHit]:
    return [h for h in hits if start <= h.start and h.end <= end]


def assign_actors(
    analysis: Analysis,
    trigger: Span,
    clause: Span,
    exclude: Sequence[Span] = (),
    *,
    category: str = "",
) -> tuple[list[Entity], list[Entity]]:
    """(actor, recipient) of the event whose trigger spans `trigger` in `clause`."""
    text = analysis.text
    hits = [
        h
        for h in _in_window(analysis.actors, *clause)
        if not any(s <= h.start < e for s, e in exclude)
        and not (h.start < trigger[1] and trigger[0] < h.end)
    ]
    after = [h for h in hits if h.start >= trigger[1]]
    lo = max([clause[0], *(m.end() for m in _COMPLEMENT.finditer(text, clause[0], trigger[0]))])
    before = [h for h in hits if lo <= h.start and h.end <= trigger[0]]
    near = [i for i, h in enumerate(after) if _words(text, trigger[1], h.start) <= NEAR_WORDS]
    agent = [i for i in near if _AGENT.search(text[max(0, after[i].start - 12) : after[i].start])]
    between = [
        i for i in near if _BETWEEN.search(text[max(0, after[i].start - 8) : after[i].start])
    ]
    if between:
        return [h.entity for h in _group(text, after, between[0])], []
    actor: list[ActorHit] = []
    if agent:
        actor = _group(text, after, agent[0])
    elif before:
        start = len(before) - 1
        while start > 0 and _JOIN.match(text[before[start - 1].end : before[start].start]):
            start -= 1
        actor = _group(text, before, start)
    elif after:
        actor = _group(text, after, 0)
    rest = [h for h in after if h not in actor]
    recipient = _group(text, rest, 0) if rest else []
    if category == "CONSULT" and len(actor) > 1:
        actor, recipient = actor[:1], actor[1:]
    return [h.entity for h in actor], [h.entity for h in recipient]


def sentence_subject(analysis: Analysis, sentence: Span, clause: Span) -> list[Entity]:
    """For a verb whose clause names no actor: the sentence's first actor group before it."""
    hits = _in_window(analysis.actors, sentence[0], clause[0])
    return [h.entity for h in _group(analysis.text, hits, 0)] if hits else []


def _words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end)) if end > start else 0


def assign_place(analysis: Analysis, clause: Span, sentence: Span, category: str) -> Place | None:
    """The most specific place in the clause ("في <place>" first), else in the sentence."""
    for window in (clause, sentence):
        found = [p for p in analysis.places if window[0] <= p.start and p.end <= window[1]]
        if category not in MATERIAL:
            found = [p for p in found if p.place.precision not in ("country", "governorate")]
        if found:
            return _best_place(analysis.text, found)
    return None


def _best_place(text: str, found: list[PlaceHit]) -> Place:
    def rank(p: PlaceHit) -> tuple[int, int, int]:
        marked = 0 if _IN.search(text[max(0, p.start - 8) : p.start]) else 1
        return (PRECISION_RANK.get(p.place.precision, 5), marked, p.start)

    return min(found, key=rank).place


def assign_date(analysis: Analysis, trigger: Span, clause: Span, sentence: Span) -> DateHit | None:
    """The date mention in the clause nearest the trigger, else the sentence's."""
    for window in (clause, sentence):
        found = [d for d in analysis.dates if window[0] <= d.start and d.end <= window[1]]
        if found:
            return min(found, key=lambda d: abs(d.start - trigger[0]))
    return None


def casualty_kind(text: str, q: QuantityHit) -> str | None:
    """dead / injured when a casualty word stands near the number (nearest one wins)."""
    lo, hi = max(0, q.start - CASUALTY_WINDOW[0]), min(len(text), q.end + CASUALTY_WINDOW[1])
    best: tuple[int, str] | None = None
    for pattern, kind in ((_DEATH, "dead"), (_INJURY, "injured")):
        for m in pattern.finditer(text, lo, hi):
            dist = q.start - m.end() if m.end() <= q.start else (m.start() - q.end) * 2
            if best is None or dist < best[0]:
                best = (dist, kind)
    return best[1] if best else None


def assign_counts(analysis: Analysis, clause: Span, category: str) -> tuple[Size, list[Quantity]]:
    """The clause's counts that belong to an event of this category."""
    size: dict[str, float] = {}
    quantities: list[Quantity] = []
    for q in analysis.quantities:
        if not (clause[0] <= q.start and q.end <= clause[1]):
            continue
        kind, slot = q.kind, q.size
        casualty = casualty_kind(analysis.text, q) if category == "ASSAULT" else None
        if casualty and (kind is None or slot is None):
            kind, slot = casualty, casualty
        elif category not in q.categories:
            continue
        if slot and slot not in size:
            size[slot] = q.value
        elif kind:
            quantities.append(
                Quantity.model_validate(
                    {"kind": kind, "value": q.value, "qualifier": q.qualifier, "high": q.high}
                )
            )
    return Size(**size), quantities
