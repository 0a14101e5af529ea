"""Attribution: who asserts what a sentence reports (claimant) and who relayed it (via).

Cues come from `cues_<lang>.tsv`: reporting verbs (قال، أعلن، أكد … said, told), sources
(بحسب، وفق، نقلا عن … according to), relays (نقل X عن Y; quoted), statements (في بيان) and
continuations (وأضاف، وتابع) that inherit the previous speaker when they have no subject.
A speaker is the actor mention nearest the cue (after it in Arabic verb-first order, before
it in English "X said"), else the short noun phrase there ("المصدر", "a medical source").
"""

from __future__ import annotations

import re

from hudna.extract.lexicon import LexHit, Lexicon, fold, load_cues
from hudna.extract.pipeline import ActorHit, Analysis, Span, Speaker
from hudna.records import Entity
from hudna.records import Span as TextSpan

_AR_STOP = frozenset(
    ["ان", "انه", "انها", "انهم", "بان", "في", "على", "عن", "الى", "من", "مع", "امس", "اليوم", "خلال", "عقب", "بعد", "قبل", "منذ", "ضد", "حول", "ان"]
)  # fmt: skip
_EN_STOP = frozenset(
    ["that", "in", "on", "at", "to", "for", "from", "with", "after", "before", "since", "on"]
)
_EN_DET = frozenset(["a", "an", "the"])
_BREAK = re.compile(r"[،,.:;!?؟«»\"“”()\[\]\n]")
_WORD = re.compile(r"[\w\u0640\u064b-\u065f-]+")
_MAX_WORDS = 6


class Attribution:
    """Finds the speakers of each sentence (requires sentences and actors)."""

    name = "attribution"
    requires = frozenset({"sentences", "actors"})
    assigns = frozenset({"speakers"})

    def __init__(self) -> None:
        self._cues = {lang: load_cues(lang) for lang in ("ar", "en")}
        self.version = "1+" + "+".join(c.version for c in self._cues.values())

    def cues(self, language: str) -> Lexicon:
        return self._cues["ar" if language == "ar" else "en"]

    def __call__(self, analysis: Analysis) -> None:
        lex = self.cues(analysis.language)
        previous: tuple[Speaker, ...] = ()
        speakers: dict[Span, tuple[Speaker, ...]] = {}
        for s, e in analysis.sentences:
            hits = [h for h in lex.find(analysis.text, s, e) if h.entry.label in _ROLES]
            found = tuple(sp for sp in (_speaker(analysis, h, (s, e)) for h in hits) if sp)
            if not found and any(h.entry.label == "continue" for h in hits) and previous:
                found = previous[:1]
            speakers[(s, e)] = found
            previous = found or previous
        analysis.speakers = speakers


_ROLES = frozenset({"say", "continue", "source", "relay"})


def _speaker(analysis: Analysis, hit: LexHit, sentence: Span) -> Speaker | None:
    role = hit.entry.label
    arabic = analysis.language == "ar"
    if role == "relay":
        return _relay(analysis, hit, sentence)
    if role == "source" or arabic:
        found = _after(analysis, hit.end, sentence[1], arabic=arabic)
    else:
        found = _before(analysis, hit.start, sentence[0])
    if not found:
        return None
    via = _addressee(analysis, found[-1], sentence) if role in ("say", "continue") else ()
    return Speaker((hit.start, hit.end), role, tuple(found), via)


def _relay(analysis: Analysis, hit: LexHit, sentence: Span) -> Speaker | None:
    """نقل X عن Y / X quoted Y: X relays, Y asserts."""
    text = analysis.text
    arabic = analysis.language == "ar"
    channel = (
        _after(analysis, hit.end, sentence[1], arabic=arabic)
        if arabic
        else _before(analysis, hit.start, sentence[0])
    )
    m = re.compile(r"(?<!\w)عن(?!\w)" if arabic else r"(?<!\w)\w+").search(
        text, hit.end, sentence[1]
    )
    source = _after(analysis, m.end(), sentence[1], arabic=arabic) if m and arabic else ()
    if not source:
        source = _after(analysis, hit.end, sentence[1], arabic=arabic) if not arabic else ()
    if not source and not channel:
        return None
    return Speaker((hit.start, hit.end), "relay", tuple(source), tuple(channel))


def _addressee(analysis: Analysis, speaker: Entity, sentence: Span) -> tuple[Entity, ...]:
    """ "قال X لوكالة …" / "told Reuters": a media addressee is the channel."""
    after = speaker.span.end if speaker.span else sentence[0]
    for hit in analysis.actors:
        if after <= hit.start < min(after + 40, sentence[1]) and hit.entity.kind == "media":
            return (hit.entity,)
    return ()


def _actors_in(analysis: Analysis, start: int, end: int) -> list[ActorHit]:
    return [a for a in analysis.actors if start <= a.start and a.end <= end]


def _window_after(text: str, start: int, end: int, *, arabic: bool) -> Span | None:
    """The noun phrase right after a cue: up to a stop word, a break or six words."""
    stop = _AR_STOP if arabic else _EN_STOP
    first = last = None
    for n, m in enumerate(_WORD.finditer(text, start, end)):
        if n >= _MAX_WORDS or _BREAK.search(text, last or start, m.start()):
            break
        w = fold(m.group())
        if w in stop or (arabic and first is not None and w[:1] == "ل" and w[1:3] != "ل"):
            break
        first = m.start() if first is None else first
        last = m.end()
    return (first, last) if first is not None and last is not None else None


def _window_before(text: str, start: int, end: int) -> Span | None:
    """The English noun phrase before "said": back to a break, from its determiner."""
    words = list(_WORD.finditer(text, start, end))[-_MAX_WORDS:]
    while words and _BREAK.search(text, words[0].end(), end):
        words = words[1:]
    dets = [i for i, m in enumerate(words) if m.group().lower() in _EN_DET]
    if dets and dets[0] < len(words) - 1:
        words = words[dets[-1] if dets[-1] < len(words) - 1 else dets[0] :]
    words = [m for m in words if m.group().lower() not in _EN_DET]
    return (words[0].start(), words[-1].end()) if words else None


def _entities(analysis: Analysis, window: Span | None) -> list[Entity]:
    if window is None:
        return []
    hits = _actors_in(analysis, *window)
    if hits:
        people = [h for h in hits if h.entity.kind == "person"]
        return [(people or hits)[0].entity]
    text = analysis.text[window[0] : window[1]]
    return [Entity(entity_text=text, span=TextSpan(start=window[0], end=window[1]))]


def _after(analysis: Analysis, start: int, end: int, *, arabic: bool) -> list[Entity]:
    return _entities(analysis, _window_after(analysis.text, start, end, arabic=arabic))


def _before(analysis: Analysis, start: int, sentence_start: int) -> list[Entity]:
    window = _window_before(analysis.text, sentence_start, start)
    if window is None:
        return []
    found: list[Entity] = []
    for part in re.split(r"\s+and\s+", analysis.text[window[0] : window[1]]):
        offset = analysis.text.find(part, window[0], window[1])
        sub = _window_before(analysis.text, offset, offset + len(part)) if part else None
        found.extend(_entities(analysis, sub))
    return found


def claimants_for(
    speakers: tuple[Speaker, ...], trigger_start: int
) -> tuple[list[Entity], list[Entity]]:
    """The outermost speaker of a sentence (and its channels) for an event at trigger_start."""
    relevant = [sp for sp in speakers if sp.role == "source" or sp.cue[0] <= trigger_start]
    relevant = relevant or [sp for sp in speakers if sp.role in ("say", "relay")]
    if not relevant:
        return [], []
    first = relevant[0]
    return list(first.entities), list(first.via)


def nearest_speaker(speakers: tuple[Speaker, ...], trigger_start: int) -> list[Entity]:
    """The innermost speaker before a trigger: who asks, threatens or accuses."""
    before = [sp for sp in speakers if sp.cue[0] <= trigger_start and sp.role != "relay"]
    return list(before[-1].entities) if before else []
