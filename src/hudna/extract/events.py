"""Events: one per (category, clause), from the strongest trigger, with arguments,
attribution, modality and confidence.

Speech acts (REQUEST, THREATEN, ACCUSE, REJECT, SUPPORT) named by a noun or phrase inside a
reported statement take the speaker as actor ("قال أردوغان … أن تواجه العواقب"); an alleged
violation ("انتهكت المجموعات المسلحة الاتفاق … بحسب مركز التنسيق") is an accusation by the
claimant against the violator.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import replace

from hudna.extract.arguments import (
    TriggerSite,
    assign_actors,
    assign_counts,
    assign_date,
    assign_place,
    definite_subject,
    sentence_subject,
)
from hudna.extract.attribution import claimants_for, nearest_speaker
from hudna.extract.lexicon import LexHit, Lexicon, fold, load_cues, load_triggers
from hudna.extract.modality import clause_cues, confidence, modality
from hudna.extract.pipeline import Analysis, DateHit, PlaceHit, Span, Speaker, Trigger
from hudna.records import Entity, Event, Place
from hudna.records import Span as TextSpan

RUN_GAP_WORDS = 20
_RESPONSE = re.compile(r"(?<!\w)(?:ردا على|رداً على|رداً|in response to|in retaliation for)(?!\w)")
_WORD = re.compile(r"\w+")
SPEAKER_ACTS = {"CONSULT", "AGREE", "REQUEST", "THREATEN", "ACCUSE", "REJECT", "SUPPORT"}
_COMPLEMENTIZER = re.compile(r"(?<!\w)(?:[أإا]ن|[أإا]نه|بأن|that)(?!\w)|[«\"“:]")
MATERIAL_INHERIT = {"ASSAULT", "COERCE", "AID", "RETREAT", "MOBILIZE"}
SPEECH = {"REQUEST", "THREATEN", "ACCUSE", "REJECT", "SUPPORT"}


def _same(a: Entity, b: Entity) -> bool:
    return bool(
        (a.registry_id and a.registry_id == b.registry_id)
        or a.entity_text in b.entity_text
        or b.entity_text in a.entity_text
    )


def split_runs(text: str, triggers: list[Trigger]) -> list[list[Trigger]]:
    """Triggers of one category in one clause, cut where they stand far apart or where a
    response marker separates two happenings ("هجوما بسيارة مفخخة ردا على الغارات الجوية")."""
    ordered = sorted(triggers, key=lambda t: t.start)
    runs: list[list[Trigger]] = [[ordered[0]]]
    for t in ordered[1:]:
        gap = (runs[-1][-1].end, t.start)
        if len(_WORD.findall(text, *gap)) > RUN_GAP_WORDS or _RESPONSE.search(text, *gap):
            runs.append([t])
        else:
            runs[-1].append(t)
    if len(runs) == 1:
        return runs
    clause = ordered[0].clause
    out = []
    for k, run in enumerate(runs):
        lo = clause[0] if k == 0 else runs[k - 1][-1].end
        hi = clause[1] if k == len(runs) - 1 else runs[k + 1][0].start
        out.append([replace(t, clause=(lo, hi)) for t in run])
    return out


_PLURAL_ENDINGS = ("وا", "ون", "تا", "ان")


def _plural_verb(analysis: Analysis, trigger: Trigger) -> bool:
    """An Arabic verb inflected for a dual or plural subject (اتفقا، قصفوا): in verb-first
    order the verb is singular, so its subject is a pronoun or stands before it."""
    if analysis.language != "ar" or not trigger.entry.verbal:
        return False
    word = fold(analysis.text[trigger.start : trigger.end].split()[0])
    if word.endswith(_PLURAL_ENDINGS):
        return True
    return word.endswith("ا") and word[:-1] in load_triggers("ar").single


def statement_setting(
    analysis: Analysis, sentence: Span, speaker: Entity
) -> tuple[DateHit | None, Place | None]:
    """When and where a speaker made a statement that may run on into the next sentence:
    the date and place next to the reporting verb ("وبين أوزيروف للصحفيين في موسكو اليوم")
    of this sentence, else of the next one when it has the same speaker."""
    index = analysis.sentences.index(sentence) if sentence in analysis.sentences else -1
    date: DateHit | None = None
    place: Place | None = None
    for k in (index, index + 1):
        if not 0 <= k < len(analysis.sentences):
            continue
        span = analysis.sentences[k]
        for sp in analysis.speakers.get(span, ()):
            if sp.role == "relay" or not any(_same(e, speaker) for e in sp.entities):
                continue
            if k != index and sp.role != "continue":
                continue
            region = (span[0], _complement_end(analysis.text, sp.cue[1], span[1]))
            date = date or next((d for d in analysis.dates if _inside(d, region)), None)
            place = place or next(
                (p.place for p in analysis.places if _inside(p, region) and _specific(p.place)),
                None,
            )
    return date, place


def last_day_before(analysis: Analysis, position: int) -> DateHit | None:
    days = [d for d in analysis.dates if d.end <= position and d.precision == "day"]
    return days[-1] if days else None


def _specific(place: Place) -> bool:
    return place.precision not in ("country", "governorate")


def _inside(m: DateHit | PlaceHit, region: Span) -> bool:
    return region[0] <= m.start and m.end <= region[1]


def _complement_end(text: str, start: int, end: int) -> int:
    m = _COMPLEMENTIZER.search(text, start, end)
    return m.start() if m else end


def _main(triggers: list[Trigger]) -> Trigger:
    return max(triggers, key=lambda t: (t.entry.verbal, t.entry.strength, -t.start))


def _event_id(doc_id: str, category: str, clause: Span) -> str:
    key = f"{doc_id}|{category}|{clause[0]}|{clause[1]}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class Events:
    """Assembles events (requires triggers, speakers, dates, quantities, places, actors)."""

    name = "events"
    version = "1"
    requires = frozenset({"triggers", "speakers", "dates", "quantities", "places", "actors"})
    assigns = frozenset({"events"})

    def __init__(self) -> None:
        self._cues = {lang: load_cues(lang) for lang in ("ar", "en")}

    def cues(self, language: str) -> Lexicon:
        return self._cues["ar" if language == "ar" else "en"]

    def _two_sided(self, analysis: Analysis, triggers: list[Trigger]) -> bool:
        """Clashes and battles: both sides act (PLOVER: reciprocal violence)."""
        hits = self.cues(analysis.language).find(analysis.text, triggers[0].start, triggers[-1].end)
        return any(h.entry.label == "two_sided" for h in hits)

    def _continues(self, analysis: Analysis, sentence: Span) -> bool:
        """The sentence goes on with an earlier report: a continuation verb (وأضاف) or the
        statement itself as speaker (وأشار البيان)."""
        speakers = analysis.speakers.get(sentence, ())
        if any(sp.role == "continue" for sp in speakers):
            return True
        hits = self.cues(analysis.language).find(analysis.text, *sentence)
        statements = [h for h in hits if h.entry.label == "statement"]
        return any(
            e.span and any(e.span.start <= h.start < e.span.end for h in statements)
            for sp in speakers
            for e in sp.entities
        )

    def __call__(self, analysis: Analysis) -> None:
        groups: dict[tuple[str, Span], list[Trigger]] = defaultdict(list)
        for t in analysis.triggers:
            groups[(t.entry.label, t.clause)].append(t)
        cue_cache: dict[Span, list[LexHit]] = {}
        runs = [run for group in groups.values() for run in split_runs(analysis.text, group)]
        for triggers in sorted(runs, key=lambda r: r[0].start):
            clause = triggers[0].clause
            if clause not in cue_cache:
                cue_cache[clause] = clause_cues(self.cues(analysis.language), analysis.text, clause)
            event = self._event(analysis, triggers[0].entry.label, triggers, cue_cache[clause])
            analysis.events.append(event)

    def _event(
        self, analysis: Analysis, category: str, triggers: list[Trigger], cues: list[LexHit]
    ) -> Event:
        main = _main(triggers)
        speakers: tuple[Speaker, ...] = analysis.speakers.get(main.sentence, ())
        actor, recipient, claimant, via = self._parties(analysis, category, triggers, speakers)
        date, place = self._when_where(analysis, category, main, speakers, actor)
        size, quantities = assign_counts(analysis, main.clause, category)
        mood = modality(analysis.text, main, cues, main.clause, arabic=analysis.language == "ar")
        precision = (
            date.precision if date and date.precision in ("day", "month", "year") else "unknown"
        )
        anchored = bool(actor or recipient or place or claimant or quantities or size.dead)
        return Event.model_validate(
            {
                "id": _event_id(analysis.document.id, category, main.clause),
                "doc_id": analysis.document.doc_id,
                "event": category,
                "mode": sorted({m for t in triggers for m in t.entry.modes}),
                "actor": actor,
                "recipient": recipient,
                "date": date.date if date else None,
                "enddate": date.enddate if date else None,
                "date_precision": precision,
                "event_loc": place,
                "text_info": TextSpan(start=main.clause[0], end=main.clause[1]),
                "event_text": analysis.text[main.start : main.end],
                "claimant": claimant,
                "via": via,
                "size": size,
                "quantity": quantities,
                "modality": mood,
                "confidence": confidence(
                    main.entry.strength, mood, has_actor=bool(actor),
                    verbal=main.entry.verbal, anchored=anchored,
                ),
            }
        )  # fmt: skip

    def _parties(
        self,
        analysis: Analysis,
        category: str,
        triggers: list[Trigger],
        speakers: tuple[Speaker, ...],
    ) -> tuple[list[Entity], list[Entity], list[Entity], list[Entity]]:
        """actor, recipient, claimant, via of the event the triggers name."""
        main = _main(triggers)
        claimant, via = claimants_for(speakers, main.start)
        spans = [
            (e.span.start, e.span.end) for sp in speakers for e in sp.entities + sp.via if e.span
        ]
        verbal = main.entry.verbal or analysis.language != "ar"
        plural = _plural_verb(analysis, main)
        site = TriggerSite((main.start, main.end), main.clause, verbal, spans, category, plural)
        actor, recipient = assign_actors(analysis, site)
        if not actor and main.entry.verbal and not plural:
            found = definite_subject(analysis.text, main.end, main.clause[1])
            actor = [found] if found else []
        if not actor and main.entry.verbal:
            actor = sentence_subject(analysis, main.sentence, main.clause)
        if not actor and category in SPEAKER_ACTS:
            actor = nearest_speaker(speakers, main.start)
        if category == "ASSAULT" and self._two_sided(analysis, triggers):
            actor, recipient = actor + [e for e in recipient if e not in actor], []
        if category == "CONSULT" and len(actor) > 1 and not recipient:
            actor, recipient = actor[:1], actor[1:]
        actor, recipient, claimant = _speech_roles(
            category, main, speakers, actor, recipient, claimant
        )
        return actor, recipient, claimant, via

    def _when_where(
        self,
        analysis: Analysis,
        category: str,
        main: Trigger,
        speakers: tuple[Speaker, ...],
        actor: list[Entity],
    ) -> tuple[DateHit | None, Place | None]:
        """The event's date and place, with the fallbacks of speech acts and undated acts."""
        trig = (main.start, main.end)
        cue_spans = [sp.cue for sp in speakers if sp.role in ("say", "continue")]
        date = assign_date(analysis, trig, main.clause, main.sentence, cue_spans)
        place = assign_place(analysis, trig, main.clause, main.sentence, category)
        if category in SPEECH and date is None and self._continues(analysis, main.sentence):
            date = last_day_before(analysis, main.sentence[0])
        if category in MATERIAL_INHERIT and date is None:
            date = last_day_before(analysis, main.sentence[0])
        if category in SPEECH and actor and (date is None or place is None):
            setting = statement_setting(analysis, main.sentence, actor[0])
            date, place = date or setting[0], place or setting[1]
        return date, place


def _speech_roles(
    category: str,
    trigger: Trigger,
    speakers: tuple[Speaker, ...],
    actor: list[Entity],
    recipient: list[Entity],
    claimant: list[Entity],
) -> tuple[list[Entity], list[Entity], list[Entity]]:
    """Speaker as actor of a reported speech act; the accuser of an alleged violation."""
    if category == "ACCUSE" and "violation" in trigger.entry.modes:
        accuser = nearest_speaker(speakers, trigger.start) or [
            e for sp in speakers if sp.role == "source" for e in sp.entities
        ]
        if accuser:
            accused = [e for e in actor + recipient if not _same(e, accuser[0])]
            return accuser, accused, claimant
    elif category in SPEECH and (not trigger.entry.verbal or not actor):
        speaker = nearest_speaker(speakers, trigger.start)
        if speaker:
            recipient = (
                [e for e in actor + recipient if not _same(e, speaker[0])] if actor else recipient
            )
            actor = speaker
    if actor and claimant and _same(actor[0], claimant[0]):
        claimant = claimant if "violation" in trigger.entry.modes else []
    return actor, recipient, claimant
