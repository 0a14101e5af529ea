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
from dataclasses import dataclass

from hudna.extract.pipeline import ActorHit, Analysis, DateHit, PlaceHit, QuantityHit, Span
from hudna.records import Entity, Place, Quantity, Size
from hudna.records import Span as TextSpan

_AGENT = re.compile(
    r"(?:(?<!\w)من قبل|(?<!\w)على يد|(?<!\w)by|(?<!\w)من|(?<!\w)نفذها|(?<!\w)نفذه)\s*$"
)
_PASSIVE = re.compile(r"(?<!\w)(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$")
_LIGHT = re.compile(
    r"(?<!\w)(?:و?شن\w*|و?نفذ\w*|و?قام\w*|و?تقوم|و?يقوم|و?أطلق\w*|و?اطلق\w*|و?بدأ\w*|و?بدا\w*|launched|carried out|conducted|began)(?!\w)"
)
_ADJUNCT = re.compile(
    r"(?:(?<!\w)(?:في|جراء|إثر|اثر|عقب|خلال|بعد|in|after|during|from|amid)\s+\S+$)|(?:(?<!\w)[بل]\S+$)"
)
_NOT_SUBJECT = frozenset(
    ["اليوم", "الأحد", "الاحد", "الاثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة", "السبت", "الماضي", "الحالي", "المقبل", "الأسبوع", "الاسبوع", "الليلة", "الساعة", "الثلاثاء"]
)  # fmt: skip
_LOCATIVE = re.compile(
    r"(?<!\w)(?:في|داخل|in|inside)\s+(?:(?:شمال|جنوب|شرق|غرب|وسط|شمالي|جنوبي|شرقي|غربي|ريف|north|"
    r"south|east|west|northern|southern|eastern|western|central)\w*\s+)?$"
)
_WITH = re.compile(
    r"(?:(?<!\w)مع|(?<!\w)with|(?<!\w)و?ب?نظير\w*|(?<!\w)counterpart)(?:\s+[^\s،,]+){0,2}?\s*$"
)
_BETWEEN = re.compile(r"(?:(?<!\w)بين|(?<!\w)between)\s*$")
_COMPLEMENT = re.compile(r"(?<!\w)(?:[إا]ن|[أا]ن|[إا]نه|[أا]نه|بأن|that)(?!\w)")
_JOIN = re.compile(r"^\s*(?:و|,|،|and|, and)\s*$")
_IN = re.compile(
    r"(?:(?<!\w)و?في|(?<!\w)in|(?<!\w)at|(?<!\w)near|(?<!\w)قرب|بلد[ةه]|مدين[ةه]|قري[ةه]|حي)\s*$"
)
_DEATH = re.compile(r"(?<!\w)(?:[وب]?مقتل|قتل\w*|مصرع\w*|قتلى|killed|dead|deaths?|died)(?!\w)")
_INJURY = re.compile(
    r"(?<!\w)(?:[وب]?[إا]صاب\w*|[أا]صيب\w*|جرح\w*|جرحى|wounded|injured|injuries)(?!\w)"
)
_ARREST = re.compile(
    r"(?<!\w)(?:[وب]?[اإ]عتقال|اعتقل\w*|احتجز\w*|[وب]?احتجاز|معتقل\w*|arrested|detained|arrests)(?!\w)"
)
PRECISION_RANK = {"point": 0, "locality": 1, "district": 2, "governorate": 3, "country": 4, None: 5}
PARTNERED = {"CONSULT"}
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


@dataclass(frozen=True, slots=True)
class TriggerSite:
    """Where a trigger stands: its span, clause, whether it is a verb, and the spans of the
    sentence's speakers (never the actor of what they report)."""

    span: Span
    clause: Span
    verbal: bool
    speakers: Sequence[Span] = ()
    category: str = ""
    plural: bool = False


def assign_actors(analysis: Analysis, site: TriggerSite) -> tuple[list[Entity], list[Entity]]:
    """(actor, recipient) of the event whose trigger stands at `site`."""
    text, (t0, t1) = analysis.text, site.span
    hits = [
        h
        for h in _in_window(analysis.actors, *site.clause)
        if not any(s <= h.start < e for s, e in site.speakers)
        and not (h.start < t1 and t0 < h.end)
        and not _LOCATIVE.search(text[max(0, h.start - 8) : h.start])
    ]
    after = [h for h in hits if h.start >= t1]
    bounds = [m.end() for m in _COMPLEMENT.finditer(text, site.clause[0], t0)]
    bounds += [e for s, e in site.speakers if e <= t0]
    lo = max([site.clause[0], *bounds])
    before = [h for h in hits if lo <= h.start and h.end <= t0]
    near = [i for i, h in enumerate(after) if _words(text, t1, h.start) <= NEAR_WORDS]
    between = [
        i for i in near if _BETWEEN.search(text[max(0, after[i].start - 8) : after[i].start])
    ]
    if between:
        return [h.entity for h in _group(text, after, between[0])], []
    agent = [i for i in near if _AGENT.search(text[max(0, after[i].start - 12) : after[i].start])]
    actor, recipient = _roles(text, site, before, after, agent)
    if site.category in PARTNERED:
        partner = [
            i for i, h in enumerate(after) if _WITH.search(text[max(0, h.start - 30) : h.start])
        ]
        recipient = _group(text, after, partner[0]) if partner else []
        if len(actor) > 1 and not recipient:
            actor, recipient = actor[:1], actor[1:]
    return [h.entity for h in actor], [h.entity for h in recipient]


def _roles(
    text: str, site: TriggerSite, before: list[ActorHit], after: list[ActorHit], agent: list[int]
) -> tuple[list[ActorHit], list[ActorHit]]:
    t0, t1 = site.span
    subject = _last_group(text, before)
    if agent:
        actor = _group(text, after, agent[0])
        return actor, subject or _rest(text, after, actor)
    if _PASSIVE.search(text[max(0, t0 - 20) : t0]):
        return [], subject or _rest(text, after, [])
    if not site.verbal:
        genitive = [h for h in after if _words(text, t1, h.start) <= 1]
        if genitive:
            actor = _group(text, after, after.index(genitive[0]))
            return actor, _rest(text, after, actor)
        light = bool(subject) and _LIGHT.search(text, max(0, subject[0].start - 12), t0) is not None
        adjunct = _ADJUNCT.search(text[max(0, t0 - 12) : t0 + 2]) and not light
        actor = [] if adjunct else subject
        return actor, _rest(text, after, actor)
    if subject or site.plural:
        return subject, _rest(text, after, subject)
    actor = _group(text, after, 0) if after else []
    return actor, _rest(text, after, actor)


def definite_subject(text: str, trigger_end: int, clause_end: int) -> Entity | None:
    """Arabic verb-first order: the definite noun phrase right after the verb is its subject
    ("وطالبت الفرقة", "احتجزت الشرطة") when the registry names nobody there."""
    words: list[re.Match[str]] = []
    for m in _WORD.finditer(text, trigger_end, clause_end):
        w = m.group()
        gap = text[words[-1].end() if words else trigger_end : m.start()]
        if gap.strip() or not w.startswith(("ال", "وال")) or w in _NOT_SUBJECT or len(words) >= 3:
            break
        words.append(m)
    if not words:
        return None
    start, end = words[0].start(), words[-1].end()
    return Entity(entity_text=text[start:end], span=TextSpan(start=start, end=end))


def _last_group(text: str, before: list[ActorHit]) -> list[ActorHit]:
    if not before:
        return []
    start = len(before) - 1
    while start > 0 and _JOIN.match(text[before[start - 1].end : before[start].start]):
        start -= 1
    return _group(text, before, start)


def _rest(text: str, after: list[ActorHit], actor: list[ActorHit]) -> list[ActorHit]:
    rest = [h for h in after if h not in actor]
    return _group(text, rest, 0) if rest else []


def sentence_subject(analysis: Analysis, sentence: Span, clause: Span) -> list[Entity]:
    """For a verb whose clause names no actor: the sentence's first actor group before it."""
    hits = _in_window(analysis.actors, sentence[0], clause[0])
    return [h.entity for h in _group(analysis.text, hits, 0)] if hits else []


def _words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end)) if end > start else 0


def assign_place(
    analysis: Analysis, trigger: Span, clause: Span, sentence: Span, category: str
) -> Place | None:
    """The most specific place in the clause ("في <place>" first), else the most specific in
    the sentence nearest the trigger. Talk happens somewhere only when the text says where:
    for speech acts and meetings, a place must follow في / in and be finer than a province."""
    text = analysis.text
    for window in (clause, sentence):
        found = [p for p in analysis.places if window[0] <= p.start and p.end <= window[1]]
        if category not in MATERIAL:
            found = [p for p in found if _marked(text, p) and _finer(p.place)]
        if found:
            return min(found, key=lambda p: _rank(text, p, trigger)).place
    return None


def _marked(text: str, p: PlaceHit) -> bool:
    return bool(_IN.search(text[max(0, p.start - 8) : p.start]))


def _finer(place: Place) -> bool:
    return place.precision not in ("country", "governorate")


def _rank(text: str, p: PlaceHit, trigger: Span) -> tuple[int, int, int]:
    return (
        PRECISION_RANK.get(p.place.precision, 5),
        0 if _marked(text, p) else 1,
        abs(p.start - trigger[0]),
    )


def assign_date(
    analysis: Analysis, trigger: Span, clause: Span, sentence: Span, cues: Sequence[Span] = ()
) -> DateHit | None:
    """The date mention in the clause nearest the trigger, else the sentence's; a vague
    duration ("منذ أكثر من سنتين") fixes no day ("the past 24 hours" does); a date right next to a reporting verb ("a
    monitor said Sunday", "قال … أمس") dates the statement, used only when nothing else does."""
    dates = [d for d in analysis.dates if d.kind != "duration" or d.precision == "day"]
    text = analysis.text
    for window in (clause, sentence):
        found = [d for d in dates if window[0] <= d.start and d.end <= window[1]]
        event_dates = [d for d in found if not any(_next_to(text, d, c) for c in cues)]
        if event_dates or found:
            return min(event_dates or found, key=lambda d: abs(d.start - trigger[0]))
    return None


def _next_to(text: str, d: DateHit, cue: Span) -> bool:
    gap = (cue[1], d.start) if d.start >= cue[1] else (d.end, cue[0])
    return gap[1] >= gap[0] and _words(text, *gap) <= 1


def casualty_kind(text: str, q: QuantityHit, category: str = "ASSAULT") -> str | None:
    """dead / injured (ASSAULT) or arrested (COERCE) when such a word stands near the number
    (the nearest one wins)."""
    words = {
        "ASSAULT": ((_DEATH, "dead"), (_INJURY, "injured")),
        "COERCE": ((_ARREST, "arrested"),),
    }
    if category not in words:
        return None
    lo, hi = max(0, q.start - CASUALTY_WINDOW[0]), min(len(text), q.end + CASUALTY_WINDOW[1])
    best: tuple[int, str] | None = None
    for pattern, kind in words[category]:
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
        casualty = casualty_kind(analysis.text, q, category)
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
