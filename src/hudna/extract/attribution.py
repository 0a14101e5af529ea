"""Attribution: who asserts what a sentence reports (claimant) and who relayed it (via).

Cues come from `cues_<lang>.tsv`: reporting verbs (قال، أعلن، أكد … said, told), sources
(بحسب، وفق، نقلا عن … according to), relays (نقل X عن Y; quoted), statements (في بيان) and
continuations (وأضاف، وتابع) that inherit the previous speaker when they have no subject.
A speaker is the actor mention nearest the cue (after it in Arabic verb-first order, before
it in English "X said"), else the short noun phrase there ("المصدر", "a medical source").
"""

from __future__ import annotations

import re
from dataclasses import replace

from hudna.extract.lexicon import LexHit, Lexicon, fold, load_cues
from hudna.extract.pipeline import ActorHit, Analysis, Span, Speaker
from hudna.records import Entity
from hudna.records import Span as TextSpan

_AR_STOP = frozenset(
    fold(w)
    for w in ("في", "على", "عن", "إلى", "من", "مع", "أمس", "اليوم", "خلال", "عقب", "بعد", "قبل",
              "منذ", "ضد", "حول", "إن", "عبر", "لدى", "بشأن")
)  # fmt: skip
_EN_STOP = frozenset(
    ["that", "in", "on", "at", "to", "for", "from", "with", "after", "before", "since", "on"]
)
_EN_DET = frozenset(["a", "an", "the"])
_BREAK = re.compile(r"[،,.:;!?؟«»\"“”()\[\]\n]")
_WORD = re.compile(r"[\w\u0640\u064b-\u065f-]+")
_MAX_WORDS = 6
_LONG_WORDS = 12
_COMPLEMENTS = frozenset({"ان", "انه", "انها", "بان", "that"})
_LONG_STOP = frozenset(fold(w) for w in ("إلى", "على", "عن", "حول", "بشأن", "to", "about"))
_MASDAR = re.compile(r"^ب(?!ن)\w{3,}$")
_CLAUSAL = re.compile(r"(?<!\w)(?:which|who|that|they|it|he|she|we|of|use|is|are|was|were)(?!\w)")
_DETERMINED = re.compile(r"(?<!\w)(?:a|an|the|The|A|An)\s+\S")
_JOIN = re.compile(r"^\s*(?:و|,|،|and)\s*$")


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
            hits = [
                _opening(h)
                for h in lex.find(analysis.text, s, e)
                if (h.entry.label in _ROLES or (h.entry.label == "opening" and h.start - s <= 2))
                and not _inside_name(analysis, h)
            ]
            found = tuple(sp for sp in (_speaker(analysis, h, (s, e)) for h in hits) if sp)
            if not found and any(h.entry.label == "continue" for h in hits) and previous:
                found = (replace(previous[0], role="continue"),)
            speakers[(s, e)] = found
            previous = found or previous
        analysis.speakers = speakers


_ROLES = frozenset({"say", "continue", "source", "relay"})


def _speaker(analysis: Analysis, hit: LexHit, sentence: Span) -> Speaker | None:
    role = hit.entry.label
    arabic = analysis.language == "ar"
    if role == "relay":
        return _relay(analysis, hit, sentence)
    found = _subject_before(analysis, hit.start, sentence[0]) if role != "source" else []
    if not found and (role == "source" or arabic):
        found = _after(analysis, hit.end, sentence[1], arabic=arabic)
    elif not found:
        found = _before(analysis, hit.start, sentence[0])
    if not found:
        return None
    via = _addressee(analysis, found[-1], sentence) if role in ("say", "continue") else ()
    return Speaker((hit.start, hit.end), role, tuple(found), via)


def _opening(hit: LexHit) -> LexHit:
    """An opening reporting verb (وبين أوزيروف …, ولفت البيان …) goes on with a statement."""
    if hit.entry.label != "opening":
        return hit
    return replace(hit, entry=replace(hit.entry, label="continue"))


def _inside_name(analysis: Analysis, hit: LexHit) -> bool:
    return any(a.start <= hit.start and hit.end <= a.end for a in analysis.actors)


def _subject_before(analysis: Analysis, cue_start: int, sentence_start: int) -> list[Entity]:
    """An actor named right before the reporting verb ("وكان لافروف أكد", "Lavrov said")."""
    before = [a for a in analysis.actors if sentence_start <= a.start and a.end <= cue_start]
    if not before:
        return []
    last = before[-1]
    gap = analysis.text[last.end : cue_start]
    if len(_WORD.findall(gap)) > 0 or _BREAK.search(gap):
        return []
    group = [last]
    for prev in reversed(before[:-1]):
        if not _JOIN.match(analysis.text[prev.end : group[0].start]):
            break
        group.insert(0, prev)
    return [_with_span(h) for h in group]


def _with_span(hit: ActorHit) -> Entity:
    if hit.entity.span is not None:
        return hit.entity
    return hit.entity.model_copy(update={"span": TextSpan(start=hit.start, end=hit.end)})


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


def _window_after(text: str, start: int, end: int, *, arabic: bool) -> tuple[Span, Span] | None:
    """After a cue: the clause up to a complementizer or a break (where a named speaker is
    looked for), and within it the short noun phrase up to a stop word (the fallback)."""
    stop = _AR_STOP if arabic else _EN_STOP
    words: list[re.Match[str]] = []
    np_end = None
    for m in _WORD.finditer(text, start, end):
        if len(words) >= _LONG_WORDS or _BREAK.search(
            text, words[-1].end() if words else start, m.start()
        ):
            break
        w = fold(m.group())
        if w in _COMPLEMENTS or (words and (w in _LONG_STOP or _MASDAR.match(w))):
            break
        if np_end is None and words and (w in stop or len(words) >= _MAX_WORDS):
            np_end = words[-1].end()
        if not words and w in stop:
            return None
        words.append(m)
    if not words:
        return None
    return (words[0].start(), words[-1].end()), (words[0].start(), np_end or words[-1].end())


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


def _entities(analysis: Analysis, window: Span | None, phrase: Span | None = None) -> list[Entity]:
    if window is None:
        return []
    hits = [
        h
        for h in _actors_in(analysis, *window)
        if h.entity.kind != "population" and analysis.text[h.start - 1 : h.start] != "ل"
    ]
    if hits:
        people = [h for h in hits if h.entity.kind == "person"]
        return [_with_span((people or hits)[0])]
    start, end = phrase or window
    return [Entity(entity_text=analysis.text[start:end], span=TextSpan(start=start, end=end))]


def _after(analysis: Analysis, start: int, end: int, *, arabic: bool) -> list[Entity]:
    found = _window_after(analysis.text, start, end, arabic=arabic)
    return _entities(analysis, *found) if found else []


def _before(analysis: Analysis, start: int, sentence_start: int) -> list[Entity]:
    """English "X and Y said": each conjunct's noun phrase, from its determiner."""
    text = analysis.text
    words = list(_WORD.finditer(text, sentence_start, start))[-_LONG_WORDS:]
    while words and _BREAK.search(text, words[0].end(), start):
        words = words[1:]
    if not words:
        return []
    found: list[Entity] = []
    lo = words[0].start()
    for m in re.finditer(r"\s+and\s+", text[lo:start] + " and "):
        end = words[0].start() + m.start()
        phrase = _window_before(text, lo, end)
        clean = phrase is not None and not _CLAUSAL.search(text, *phrase)
        if _actors_in(analysis, lo, end) or (clean and _DETERMINED.search(text, lo, end)):
            found.extend(_entities(analysis, phrase))
        lo = words[0].start() + m.end()
    return found[-2:] if len(found) > 1 else found


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
