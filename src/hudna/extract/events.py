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
    assign_actors,
    assign_counts,
    assign_date,
    assign_place,
    sentence_subject,
)
from hudna.extract.attribution import claimants_for, nearest_speaker
from hudna.extract.lexicon import LexHit, Lexicon, load_cues
from hudna.extract.modality import clause_cues, confidence, modality
from hudna.extract.pipeline import Analysis, Span, Speaker, Trigger
from hudna.records import Entity, Event
from hudna.records import Span as TextSpan

RUN_GAP_WORDS = 20
_WORD = re.compile(r"\w+")
SPEECH = {"REQUEST", "THREATEN", "ACCUSE", "REJECT", "SUPPORT"}


def _same(a: Entity, b: Entity) -> bool:
    return bool(
        (a.registry_id and a.registry_id == b.registry_id)
        or a.entity_text in b.entity_text
        or b.entity_text in a.entity_text
    )


def split_runs(text: str, triggers: list[Trigger]) -> list[list[Trigger]]:
    """Triggers of one category in one clause, cut where they stand far apart: two
    happenings in one clause ("هجوما بسيارة مفخخة … ردا على الغارات الجوية")."""
    ordered = sorted(triggers, key=lambda t: t.start)
    runs: list[list[Trigger]] = [[ordered[0]]]
    for t in ordered[1:]:
        if len(_WORD.findall(text, runs[-1][-1].end, t.start)) > RUN_GAP_WORDS:
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
        trig = (main.start, main.end)
        speakers: tuple[Speaker, ...] = analysis.speakers.get(main.sentence, ())
        claimant, via = claimants_for(speakers, main.start)
        spans = [(e.span.start, e.span.end) for sp in speakers for e in sp.via if e.span]
        actor, recipient = assign_actors(analysis, trig, main.clause, spans, category=category)
        if not actor and main.entry.verbal:
            actor = sentence_subject(analysis, main.sentence, main.clause)
        actor, recipient, claimant = _speech_roles(
            category, main, speakers, actor, recipient, claimant
        )
        date = assign_date(analysis, trig, main.clause, main.sentence)
        size, quantities = assign_counts(analysis, main.clause, category)
        mood = modality(analysis.text, main, cues, main.clause, arabic=analysis.language == "ar")
        modes = sorted({m for t in triggers for m in t.entry.modes})
        return Event(
            id=_event_id(analysis.document.id, category, main.clause),
            doc_id=analysis.document.doc_id,
            event=category,
            mode=modes,
            actor=actor,
            recipient=recipient,
            date=date.date if date else None,
            enddate=date.enddate if date else None,
            date_precision=date.precision
            if date and date.precision in ("day", "month", "year")
            else "unknown",  # type: ignore[arg-type]
            event_loc=assign_place(analysis, main.clause, main.sentence, category),
            text_info=TextSpan(start=main.clause[0], end=main.clause[1]),
            event_text=analysis.text[main.start : main.end],
            claimant=claimant,
            via=via,
            size=size,
            quantity=quantities,
            modality=mood,
            confidence=confidence(
                main.entry.strength, mood, has_actor=bool(actor), verbal=main.entry.verbal
            ),
        )


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
