"""Generic parties the registry does not name: noun phrases headed by a party noun
("فصائل معارضة أخرى", "قوات النظام", "مسلحو التنظيم", "Kurdish fighters", "rebel shelling").
GUIDELINES: generic but real parties are still entities, given by their surface form."""

from __future__ import annotations

import re

from hudna.extract.lexicon import WORD, LexHit, Lexicon, fold
from hudna.extract.pipeline import ActorHit, PlaceHit, Span
from hudna.records import Entity, Place
from hudna.records import Span as TextSpan

_AR_STOP = frozenset(
    fold(w)
    for w in ("في", "على", "من", "إلى", "عن", "مع", "بين", "أن", "إن", "ضد", "قرب", "داخل", "منذ",
              "خلال", "بعد", "قبل", "التي", "الذي", "الذين", "حيث", "كما", "أمس", "اليوم", "لم", "لن",
              "قد", "كانت", "كان", "هذا", "هذه", "ذلك", "عدد")
)  # fmt: skip
_EN_MODIFIER = re.compile(
    r"^(?:[A-Z][\w'-]*|[\w-]+-(?:led|based|backed)|pro-\w+|anti-\w+|suicide|bomb)$"
)
_GAP = re.compile(r"^\s+$")
MAX_AFTER = 2
MAX_BEFORE = 3


def find_parties(text: str, cues: Lexicon, taken: list[Span], *, arabic: bool) -> list[ActorHit]:
    """Party noun phrases that overlap no mention already found. A bare indefinite head
    alone ("عناصر", "مقاتلين") is a counted noun, not a party."""
    occupied = bytearray(len(text) + 1)
    for s, e in taken:
        occupied[s:e] = b"\x01" * (e - s)
    heads = {k for k, entries in cues.single.items() if any(e.label == "party" for e in entries)}
    out = []
    for hit in cues.find(text):
        if hit.entry.label != "party" or any(occupied[hit.start : hit.end]):
            continue
        span = (
            _arabic_phrase(text, hit, heads)
            if arabic
            else _english_phrase(text, hit.start, hit.end)
        )
        if span is not None and any(occupied[span[0] : span[1]]):
            span = _free_part(occupied, span, (hit.start, hit.end))
        if span is None:
            continue
        occupied[span[0] : span[1]] = b"\x01" * (span[1] - span[0])
        entity = Entity(
            entity_text=text[span[0] : span[1]], span=TextSpan(start=span[0], end=span[1])
        )
        out.append(ActorHit(span[0], span[1], entity))
    return out


def _free_part(occupied: bytearray, span: Span, head: Span) -> Span | None:
    """The part of a phrase next to its head that no other mention covers."""
    start, end = head
    while start > span[0] and not occupied[start - 1]:
        start -= 1
    while end < span[1] and not occupied[end]:
        end += 1
    return (start, end) if not any(occupied[start:end]) else None


def _arabic_phrase(text: str, hit: LexHit, heads: set[str]) -> Span | None:
    """The head without its clitic and up to two following nominal words (الـ, -ي, -ة), any
    word after a construct plural (مسلحو التنظيم، مقاتلو تحالف)."""
    word = fold(text[hit.start : hit.end])
    skip = next((k for k in range(4) if _bare(word[k:]) in heads or word[k:] in heads), 0)
    start, last = hit.start + skip, hit.end
    construct = word.endswith("و")
    for n, m in enumerate(WORD.finditer(text, hit.end)):
        w = fold(m.group())
        if n >= MAX_AFTER or not _GAP.match(text[last : m.start()]) or m.group().isdigit():
            break
        nominal = w.startswith("ال") or w.endswith(("ي", "ه")) or (construct and n == 0)
        if w in _AR_STOP or not nominal or w.startswith("و"):
            break
        last = m.end()
    if last == hit.end and not word[skip:].startswith("ال"):
        return None
    return start, last


def _bare(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _english_phrase(text: str, start: int, end: int) -> Span:
    """The head and up to three modifiers before it (Kurdish, US-led, Islamic State)."""
    first = start
    words = list(WORD.finditer(text, max(0, start - 60), start))
    for m in reversed(words[-MAX_BEFORE:]):
        if not _GAP.match(text[m.end() : first]) or not _EN_MODIFIER.match(m.group()):
            break
        first = m.start()
    return first, end


_PRECISION = {"place_locality": "locality", "place_district": "district"}


def typed_places(text: str, cues: Lexicon, taken: list[Span], *, arabic: bool) -> list[PlaceHit]:
    """A place-kind word and the name it introduces (Arabic: the one or two words after it;
    English: the Capitalized words before it), when no mention covers them yet."""
    occupied = bytearray(len(text) + 1)
    for s, e in taken:
        occupied[s:e] = b"\x01" * (e - s)
    out = []
    for hit in cues.find(text):
        precision = _PRECISION.get(hit.entry.label)
        span = None
        if precision:
            span = _named_after(text, hit) if arabic else _named_before(text, hit)
        if span is None or any(occupied[span[0] : span[1]]):
            continue
        occupied[span[0] : span[1]] = b"\x01" * (span[1] - span[0])
        place = Place.model_validate(
            {"entity_text": text[span[0] : span[1]], "precision": precision}
        )
        out.append(PlaceHit(span[0], span[1], place))
    return out


def _named_after(text: str, hit: LexHit) -> Span | None:
    words: list[re.Match[str]] = []
    for m in WORD.finditer(text, hit.end):
        if len(words) >= MAX_AFTER or not _GAP.match(
            text[(words[-1].end() if words else hit.end) : m.start()]
        ):
            break
        w = fold(m.group())
        if w in _AR_STOP or (m.group().isdigit() and words):
            break
        words.append(m)
    if not words:
        return None
    start = hit.start + (
        1 if text[hit.start] in "وفب" and fold(text[hit.start : hit.end])[1:2] != "ا" else 0
    )
    return start, words[-1].end()


def _named_before(text: str, hit: LexHit) -> Span | None:
    words = list(WORD.finditer(text, max(0, hit.start - 40), hit.start))
    first = None
    for m in reversed(words[-MAX_BEFORE:]):
        if not m.group()[:1].isupper() or not _GAP.match(text[m.end() : first or hit.start]):
            break
        first = m.start()
    return (first, hit.end) if first is not None else None
