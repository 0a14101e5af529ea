"""Components that fill the analysis from the text layer, the registry, the gazetteer and NER.

They import those packages when built, so `hudna.extract` itself imports without them; a
pipeline built without one raises `ExtractionError` saying which package is missing.
"""

from __future__ import annotations

import bisect
import importlib
import logging
import re
from types import ModuleType
from typing import Any

from hudna.errors import ExtractionError, RegistryError
from hudna.extract.lexicon import fold, load_cues, load_quantity_kinds, load_triggers
from hudna.extract.parties import find_parties, typed_places
from hudna.extract.pipeline import ActorHit, Analysis, DateHit, PlaceHit, QuantityHit
from hudna.records import Entity
from hudna.records import Span as TextSpan

_log = logging.getLogger(__name__)
NER_KINDS = {"PER": "person", "PERS": "person", "ORG": "organization", "GPE": "state"}


def _module(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError as e:
        raise ExtractionError(
            f"{name} is not available ({e}); extraction needs it: reinstall hudna (pip install -e .)"
        ) from e


def _loaded(module: str, loader: str) -> Any:
    """`module.loader()`, or ExtractionError naming what is missing."""
    fn = getattr(_module(module), loader, None)
    if fn is None:
        raise ExtractionError(f"{module}.{loader} is not available; extraction needs it")
    return fn()


class Sentences:
    """Sentences, then clauses within each sentence (hudna.text.sentences). Only a sentence
    with two trigger words or more is cut into clauses: the others carry one event or none,
    and clause splitting is the costliest step of the text layer."""

    name = "sentences"
    version = "3"
    requires = frozenset({"document", "language"})
    assigns = frozenset({"sentences", "clauses"})

    def __init__(self, splitter: Any = None) -> None:
        self._mod = splitter or _module("hudna.text.sentences")
        self._triggers = {True: load_triggers("ar"), False: load_triggers("en")}

    def __call__(self, analysis: Analysis) -> None:
        text = analysis.text
        analysis.sentences = [(s, e) for s, e in self._mod.split_sentences(text) if e > s]
        starts = sorted(h.start for h in self._triggers[analysis.language == "ar"].find(text))
        for s, e in analysis.sentences:
            k = bisect.bisect_left(starts, s)
            if k + 1 >= len(starts) or starts[k + 1] >= e:
                analysis.clauses.append((s, e))
                continue
            clauses = [(a, b) for a, b in self._mod.split_clauses(text, s, e) if b > a]
            analysis.clauses.extend(clauses or [(s, e)])


class Dates:
    """The day of writing and every date mention (hudna.text.dates)."""

    name = "dates"
    version = "1"
    requires = frozenset({"document", "language"})
    assigns = frozenset({"day", "dates"})

    def __init__(self, finder: Any = None) -> None:
        self._mod = finder or _module("hudna.text.dates")

    def __call__(self, analysis: Analysis) -> None:
        doc = analysis.document
        analysis.day = self._mod.writing_day(doc.text, doc.published)
        found = self._mod.find_dates(
            doc.text, anchor=analysis.day, language=analysis.language, start=0, end=len(doc.text)
        )
        analysis.dates = [
            DateHit(d.start, d.end, d.date, d.enddate, str(d.precision), str(d.kind))
            for d in found
            if d.date is not None
        ]


class Quantities:
    """Numbers and what they count, from the noun after them or a casualty word near them."""

    name = "quantities"
    version = "1"
    requires = frozenset({"document", "language"})
    assigns = frozenset({"quantities"})

    def __init__(self, finder: Any = None) -> None:
        self._mod = finder or _module("hudna.text.numbers")
        self._kinds, self.version = load_quantity_kinds()

    def __call__(self, analysis: Analysis) -> None:
        text = analysis.text
        for q in self._mod.find_quantities(text, 0, len(text)):
            unit = self._mod.unit_after(text, q.end)
            qk = self._kind(unit)
            analysis.quantities.append(
                QuantityHit(
                    q.start, q.end, float(q.value), str(q.qualifier),
                    None if q.high is None else float(q.high),
                    qk.kind if qk else None, qk.size if qk else None,
                    qk.categories if qk else frozenset(),
                )
            )  # fmt: skip

    def _kind(self, unit: str | None) -> Any:
        if not unit:
            return None
        words = [fold(w) for w in unit.split()]
        for n in (2, 1):
            key = " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words[:n])
            for cand in (key, key[1:] if key[:1] in "وبل" else key):
                if cand in self._kinds:
                    return self._kinds[cand]
        return None


class Actors:
    """Actor mentions: the registry's aliases, then NER spans the registry does not cover."""

    name = "actors"
    version = "1"
    requires = frozenset({"document"})
    assigns = frozenset({"actors"})

    def __init__(
        self, *, ner: bool = False, registry: Any = None, tagger: Any = None, warn: Any = None
    ) -> None:
        self._registry = registry or _loaded("hudna.registry", "load_registry")
        self._tagger = tagger
        if ner and tagger is None:
            self._tagger = _optional_tagger(warn)
        self.ner_failures = 0
        ner_state = "ner" if self._tagger is not None else "no-ner"
        self._cues = {True: load_cues("ar"), False: load_cues("en")}
        cues = "+".join(c.version for c in self._cues.values())
        self.version = f"{getattr(self._registry, 'version', '1')}+{ner_state}+{cues}"

    def __call__(self, analysis: Analysis) -> None:
        text = analysis.text
        hits = [
            ActorHit(m.start, m.end, m.entry.to_entity(m.text, m.start, m.end))
            for m in self._registry.find(text)
        ]
        hits += self._ner_hits(text, hits)
        arabic = analysis.language == "ar"
        spans = [(h.start, h.end) for h in hits]
        parties = find_parties(text, self._cues[arabic], spans, arabic=arabic)
        named, generic = _split_generic(text, hits)
        hits = merge_heads(text, named, generic + parties)
        hits += elliptic_partners(text, hits)
        analysis.actors = sorted(hits, key=lambda h: h.start)

    def _ner_hits(self, text: str, hits: list[ActorHit]) -> list[ActorHit]:
        """Person, organization and place-as-party names the registry does not cover."""
        if self._tagger is None:
            return []
        taken = bytearray(len(text) + 1)
        for h in hits:
            taken[h.start : h.end] = b"\x01" * (h.end - h.start)
        try:
            spans = self._tagger.tag(text)
        except ValueError as e:  # the tagger refuses some texts; names then come from the registry
            self.ner_failures += 1
            level = logging.WARNING if self.ner_failures == 1 else logging.DEBUG
            _log.log(level, "NER failed on a document (registry names only; said once): %s", e)
            return []
        out = []
        for span in spans:
            kind = NER_KINDS.get(str(span.label).upper())
            if kind and not any(taken[span.start : span.end]):
                entity = Entity.model_validate({"entity_text": span.text, "kind": kind})
                out.append(ActorHit(span.start, span.end, entity))
        return out


def _split_generic(text: str, hits: list[ActorHit]) -> tuple[list[ActorHit], list[ActorHit]]:
    """Registry hits for generic parties that stand right next to a specific name ("ISIL
    terrorists") are heads to merge into it, not parties of their own."""
    specific = [h for h in hits if not _is_generic(h)]
    generic = [
        h
        for h in hits
        if _is_generic(h)
        and any(0 < abs(h.start - s.end) <= 2 or 0 < abs(s.start - h.end) <= 2 for s in specific)
    ]
    return [h for h in hits if h not in generic], generic


def _is_generic(hit: ActorHit) -> bool:
    return (hit.entity.registry_id or "").startswith("generic.")


def merge_heads(text: str, named: list[ActorHit], parties: list[ActorHit]) -> list[ActorHit]:
    """A party noun right next to a name makes one mention with the name's identity:
    "ISIL terrorists", "Islamic State militants", "مسلحو تنظيم الدولة", "ميليشيا حزب الله"."""
    by_end = {h.end: h for h in named}
    by_start = {h.start: h for h in named}
    merged: dict[int, ActorHit] = {}
    rest = []
    for p in parties:
        before = next((by_end[e] for e in range(p.start - 2, p.start) if e in by_end), None)
        after = next((by_start[s] for s in range(p.end + 1, p.end + 3) if s in by_start), None)
        name = before or after
        if name is None or not text[min(p.end, name.end) : max(p.start, name.start)].isspace():
            rest.append(p)
            continue
        start, end = min(p.start, name.start), max(p.end, name.end)
        entity = name.entity.model_copy(
            update={"entity_text": text[start:end], "span": TextSpan(start=start, end=end)}
        )
        merged[id(name)] = ActorHit(start, end, entity)
    return [merged.get(id(h), h) for h in named] + rest


_NISBA_AFTER = re.compile(r"\s+و(ال)?([^\W\d_]{3,}ي)(?!\w)")


def elliptic_partners(text: str, hits: list[ActorHit]) -> list[ActorHit]:
    """ "الطيران السوري والروسي": a second party that shares the first one's noun, with its own
    adjective of origin (the Russian air force). Its entity has no registry identity."""
    taken = {(h.start, h.end) for h in hits}
    out = []
    for h in hits:
        words = text[h.start : h.end].split()
        m = _NISBA_AFTER.match(text, h.end)
        if len(words) < 2 or not words[-1].endswith("ي") or not m:
            continue
        if any(s < m.end() and m.start(2) < e for s, e in taken):
            continue
        surface = " ".join([*words[:-1], ("ال" if words[-1].startswith("ال") else "") + m.group(2)])
        entity = Entity.model_validate(
            {"entity_text": surface, "kind": h.entity.kind, "sector": h.entity.sector}
        )
        out.append(ActorHit(m.start(2) - len(m.group(1) or ""), m.end(), entity))
    return out


def _optional_tagger(warn: Any) -> Any:
    """The statistical NER when its model is installed; without it, registry names only
    (the events record "no-ner" in their component versions)."""
    try:
        return importlib.import_module("hudna.ner").load_tagger()
    except (ImportError, AttributeError, RegistryError) as e:
        if warn is not None:
            warn(f"NER unavailable, using registry names only: {e}")
        return None


class Places:
    """Place mentions from the gazetteer."""

    name = "places"
    version = "1"
    requires = frozenset({"document", "actors"})
    assigns = frozenset({"places"})

    def __init__(self, gazetteer: Any = None) -> None:
        self._gazetteer = gazetteer or _loaded("hudna.geo", "load_gazetteer")
        self._cues = {True: load_cues("ar"), False: load_cues("en")}
        cues = "+".join(c.version for c in self._cues.values())
        self.version = f"{getattr(self._gazetteer, 'version', '1')}+{cues}"

    def __call__(self, analysis: Analysis) -> None:
        """Gazetteer places, then named places of a stated kind it does not know
        ("قضاء البعاج", "منطقة سبع البور", "Absasiyeen Square"), unresolved."""
        text = analysis.text
        found = [PlaceHit(m.start, m.end, m.place) for m in self._gazetteer.find(text)]
        arabic = analysis.language == "ar"
        taken = [(p.start, p.end) for p in found] + [(a.start, a.end) for a in analysis.actors]
        found += typed_places(text, self._cues[arabic], taken, arabic=arabic)
        analysis.places = sorted(found, key=lambda p: p.start)
