"""Event triggers: lexicon hits in each clause, read as PLOVER categories.

A hit inside an actor or place name is not a trigger (مركز التنسيق is a name, not
cooperation). A leading headline line that the body repeats is skipped (GUIDELINES: code the
body, not the headline).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from hudna.extract.lexicon import WORD, LexHit, Lexicon, fold, load_cues, load_triggers
from hudna.extract.pipeline import Analysis, Span, Trigger

HEADLINE_MAX = 160
_SITE_TITLE = re.compile(r"\s[|\-–]\s+(?:[A-Z][\w.]+(?:\s[A-Z][\w.]+)*|أخبار\s|موقع\s)")


def headline(text: str, sentences: list[Span]) -> Span | None:
    """The title a report opens with: a short unpunctuated first line, a page title ending in
    its site's name ("… - BBC Arabic", "… | أخبار سكاي نيوز"), or an English Title-Case line."""
    if not sentences:
        return None
    site = _SITE_TITLE.search(text, 0, HEADLINE_MAX)
    if site:
        return (0, site.start())
    first = text[sentences[0][0] : sentences[0][1]]
    words = [w for w in re.findall(r"[A-Za-z]+", first) if len(w) > 3]
    if (
        len(sentences) > 1
        and len(words) >= 3
        and sum(w[0].isupper() for w in words) / len(words) >= 0.7
    ):
        return sentences[0]
    line_end = text.find("\n")
    if line_end <= 0 or line_end > HEADLINE_MAX:
        return None
    line = text[:line_end].rstrip()
    if not line or line[-1] in ".!?؟:" or len(sentences) < 2:
        return None
    return (0, line_end)


_RELATIVE = re.compile(
    r"(?<!\w)(?<!الوقت )(?:ل?ل?[اأ]?لذين|[اأ]?لذي|[اأ]?لتي|[اأ]?للذين|[اأ]?للتين|who|which)"
    r"(?:\s+(?:كانوا|كان|كانت|قد|لا|ما))?\s+$"
)


def describes(text: str, start: int) -> bool:
    """A verb right after a relative pronoun describes a party ("للذين ينتهكون الاتفاق",
    "الذين كانوا يطوقون"), it does not report a happening."""
    return bool(_RELATIVE.search(text[max(0, start - 20) : start]))


def purpose(text: str, hit: LexHit, lex: Lexicon, clause_start: int) -> bool:
    """A verbal noun with the particle ل states a purpose ("لتدمير أهداف"), not a happening
    unless a verb of suffering governs it ("تعرض الحي لقصف مدفعي")."""
    word = fold(text[hit.start : hit.end].split()[0])
    if not word.startswith("ل") or word in lex.single or "=" + word in lex.single:
        return False
    return not _SUFFERED.search(text, clause_start, hit.start)


_ANY = re.compile(r"(?<!\w)(?:[أا]ي|any)\s+(?:\S+\s+){0,2}$")
_SUFFERED = re.compile(r"(?<!\w)[وف]?[يت]?تعر[ضّ]\w*|(?<!\w)[وف]?تعرض\w*")


class Triggers:
    """Finds trigger words per clause (requires clauses, actors, places). Clauses that are
    page furniture ("رابط الخبر", "Read more") carry no events, nor does a noun after "any"
    ("أي تطور في المعارك", "any attack")."""

    name = "triggers"
    requires = frozenset({"sentences", "clauses", "actors", "places"})
    assigns = frozenset({"triggers"})

    def __init__(self) -> None:
        self._lex = {lang: load_triggers(lang) for lang in ("ar", "en")}
        self._cues = {lang: load_cues(lang) for lang in ("ar", "en")}
        lexicons = [*self._lex.values(), *self._cues.values()]
        self.version = "2+" + "+".join(lx.version for lx in lexicons)

    def lexicon(self, language: str) -> Lexicon:
        return self._lex["ar" if language == "ar" else "en"]

    def furniture(self, analysis: Analysis) -> list[Span]:
        """The clauses that a furniture cue opens."""
        cues = self._cues["ar" if analysis.language == "ar" else "en"]
        starts = [h.start for h in cues.find(analysis.text) if h.entry.label == "furniture"]
        return [c for c in analysis.clauses if any(c[0] <= s < c[0] + 8 for s in starts)]

    def __call__(self, analysis: Analysis) -> None:
        lex = self.lexicon(analysis.language)
        names = bytearray(len(analysis.text) + 1)
        named = [a for a in analysis.actors if a.entity.registry_id or a.entity.kind]
        spans = [(a.start, a.end) for a in named] + [(p.start, p.end) for p in analysis.places]
        for s, e in spans:
            names[s:e] = b"\x01" * (e - s)
        skip = headline(analysis.text, analysis.sentences)
        sentence_of = _sentence_index(analysis.sentences)
        furniture = self.furniture(analysis)
        for clause in analysis.clauses:
            if clause in furniture:
                continue
            sentence = sentence_of(clause)
            hits = embedded_dropped(analysis.text, lex.find(analysis.text, *clause))
            for hit in hits:
                if all(names[hit.start : hit.end]) or (skip and hit.start < skip[1]):
                    continue
                if hit.entry.verbal and describes(analysis.text, hit.start):
                    continue
                if not hit.entry.verbal and purpose(analysis.text, hit, lex, clause[0]):
                    continue
                if not hit.entry.verbal and _ANY.search(
                    analysis.text, max(0, hit.start - 25), hit.start
                ):
                    continue
                analysis.triggers.append(Trigger(hit.start, hit.end, hit.entry, clause, sentence))


EMBED_WORDS = 2


def embedded_dropped(text: str, hits: list[LexHit]) -> list[LexHit]:
    """A verbal noun right after a verb of another category is that verb's object ("أوقفت
    عمليات القصف", "دعا إلى انسحاب", "هدد بقصف"); a verb right after a noun of another
    category describes it ("حملة أمنية تستهدف"). Either way one happening, named by the first."""
    out = [hits[0]] if hits else []
    for prev, hit in itertools.pairwise(hits):
        kinds_differ = prev.entry.label != hit.entry.label and prev.entry.verbal != hit.entry.verbal
        if not (kinds_differ and len(WORD.findall(text, prev.end, hit.start)) <= EMBED_WORDS):
            out.append(hit)
    return out


def _sentence_index(sentences: list[Span]) -> Callable[[Span], Span]:
    def find(clause: Span) -> Span:
        for s in sentences:
            if s[0] <= clause[0] < s[1]:
                return s
        return clause

    return find
