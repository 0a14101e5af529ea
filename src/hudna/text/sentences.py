"""Sentences and clauses as half-open spans into the original text.

A line break always ends a sentence (headlines, datelines on their own line, paragraphs). Inside
a line a sentence ends at . ? ! ؟ ؛ ; … followed by a space, a closing quote or the end — but not
after an abbreviation (U.S., Mr., د. ), not inside a decimal (3.5), and not inside a quoted
stretch shorter than `long_quote` characters. The Arabic comma ، never ends a sentence.
`split_clauses` cuts a long sentence at clause joints (بينما، كما، في حين، "، و" + verb …).
The language data is in `hudna/data/text/sentences.json`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from hudna.text.lexicon import LexiconError, word_counts
from hudna.text.normalize import for_search

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class SentenceRules:
    terminators: str
    abbreviations: frozenset[str]
    quotes: dict[str, str]
    long_quote: int
    clause_min_words: int
    clause_joints: tuple[tuple[str, ...], ...]
    verbs_after_and: frozenset[str]
    not_joints: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=1)
def rules() -> SentenceRules:
    path = resources.files("hudna").joinpath("data", "text", "sentences.json")
    try:
        raw = json.loads(path.read_text("utf-8"))
        return SentenceRules(
            terminators=raw["terminators"],
            abbreviations=frozenset(raw["abbreviations"]),
            quotes={pair[0]: pair[1] for pair in raw["quotes"]},
            long_quote=int(raw["long_quote"]),
            clause_min_words=int(raw["clause_min_words"]),
            clause_joints=tuple(tuple(for_search(j).split()) for j in raw["clause_joints"]),
            verbs_after_and=frozenset(for_search(v) for v in raw["verbs_after_and"]),
            not_joints=tuple(tuple(for_search(j).split()) for j in raw["not_joints"]),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError) as e:
        raise LexiconError(
            f"hudna/data/text/sentences.json is unreadable ({e}); reinstall hudna"
        ) from e


_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_CLOSERS = "\"'»”’)]›"


def split_sentences(text: str) -> list[Span]:
    """Half-open spans of the sentences of `text`, stripped of surrounding white space."""
    spans: list[Span] = []
    for line in _LINE.finditer(text):
        spans += _split_line(text, line.start(), line.end())
    return spans


def _split_line(text: str, start: int, end: int) -> list[Span]:
    r = rules()
    quoted = _quoted_stretches(text, start, end, r)
    spans: list[Span] = []
    begin = start
    terminator = _any_of(r.terminators).search(text, start, end)
    while terminator is not None:
        i = terminator.start()
        if not _inside(i, quoted) and _ends_here(text, i, end, r):
            stop = _after_closers(text, i + 1, end, r)
            spans.append((begin, stop))
            begin = i = stop
        else:
            i += 1
        terminator = _any_of(r.terminators).search(text, i, end)
    spans.append((begin, end))
    return [s for s in (_strip(text, a, b) for a, b in spans) if s[0] < s[1]]


def _after_closers(text: str, i: int, end: int, r: SentenceRules) -> int:
    while i < end and (text[i] in r.terminators or text[i] in _CLOSERS):
        i += 1
    return i


def _ends_here(text: str, i: int, end: int, r: SentenceRules) -> bool:
    nxt = _after_closers(text, i + 1, end, r)
    if nxt < end and not text[nxt].isspace():
        return False
    if text[i] != ".":
        return True
    if i + 1 < end and text[i + 1] == ".":
        return False
    word = _WORD_BEFORE.search(text, max(0, i - 12), i)
    if word is None:
        return True
    token = word.group(1)
    if token in r.abbreviations or token.rstrip(".") in r.abbreviations:
        return False
    return not (len(token) == 1 and token.isupper())


def _quoted_stretches(text: str, start: int, end: int, r: SentenceRules) -> list[Span]:
    """Stretches between matching quotes that are short enough to keep whole."""
    stretches: list[Span] = []
    opener = _any_of("".join(r.quotes)).search(text, start, end)
    while opener is not None:
        i = opener.start()
        j = text.find(r.quotes[text[i]], i + 1, end)
        if j > 0:
            if j - i <= r.long_quote:
                stretches.append((i, j))
            i = j
        opener = _any_of("".join(r.quotes)).search(text, i + 1, end)
    return stretches


@lru_cache(maxsize=8)
def _any_of(chars: str) -> re.Pattern[str]:
    """A pattern matching one of `chars`, to jump from one to the next."""
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


def _inside(i: int, stretches: list[Span]) -> bool:
    """Inside a quoted stretch, but not its last mark before the closing quote."""
    return any(a < i < b - 1 for a, b in stretches)


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_CLAUSE_WORD = re.compile(r"[^\W\d_][\w\u064b-\u065f\u0640]*|\d+|،|,")


def split_clauses(text: str, start: int, end: int) -> list[Span]:
    """Cut `text[start:end]` at clause joints; each clause keeps `clause_min_words` words."""
    r = rules()
    words = [
        (m.start(), m.end(), _folded_word(m.group()))
        for m in _CLAUSE_WORD.finditer(text, start, end)
    ]
    cuts = [words[k][0] for k in range(len(words)) if _joint_at(words, k, r)]
    spans: list[Span] = []
    begin = start
    for cut in cuts:
        if (
            _word_count(words, begin, cut) >= r.clause_min_words
            and _word_count(words, cut, end) >= r.clause_min_words
        ):
            spans.append(_strip(text, begin, cut))
            begin = cut
    spans.append(_strip(text, begin, end))
    return [s for s in spans if s[0] < s[1]]


@lru_cache(maxsize=65536)
def _folded_word(word: str) -> str:
    """`for_search` of one word, remembered: news reuses a small vocabulary."""
    return for_search(word)


def _word_count(words: list[tuple[int, int, str]], start: int, end: int) -> int:
    return sum(1 for s, _, w in words if start <= s < end and w not in "،,")


def _joint_at(words: list[tuple[int, int, str]], k: int, r: SentenceRules) -> bool:
    """Does a clause start at word k? A joint word sequence, or (comma) و + verb."""
    if k == 0 or _any_at(words, k, _by_first_word(r.not_joints)):
        return False
    if _any_at(words, k, _by_first_word(r.clause_joints)):
        return True
    word = words[k][2]
    if len(word) < 3 or word[0] != "و":
        return False
    after_comma = words[k - 1][2] in "،,"
    return word[1:] in r.verbs_after_and or (
        (after_comma or len(word) >= 5) and word[1] == "ي" and _verb_like(word[1:])
    )


@lru_cache(maxsize=8)
def _by_first_word(
    sequences: tuple[tuple[str, ...], ...],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The word sequences keyed by the first word they may start with: as written, or with و
    stuck to it (وفي حين), so a word looks up only the sequences it can start."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for seq in sequences:
        for first in dict.fromkeys((seq[0], "و" + seq[0])):
            index.setdefault(first, []).append(seq)
    return {first: tuple(seqs) for first, seqs in index.items()}


def _any_at(
    words: list[tuple[int, int, str]], k: int, index: dict[str, tuple[tuple[str, ...], ...]]
) -> bool:
    """Does one of the indexed sequences start at word k (its first word, or و + it, is word k)?"""
    return any(_rest_at(words, k, seq) for seq in index.get(words[k][2], ()))


def _rest_at(words: list[tuple[int, int, str]], k: int, sequence: tuple[str, ...]) -> bool:
    """Do the words after word k continue `sequence` to its end?"""
    n = len(sequence)
    if k + n > len(words):
        return False
    return all(words[k + i][2] == sequence[i] for i in range(1, n))


def _verb_like(word: str) -> bool:
    """An imperfect verb (يقوم), not a noun in ي (يمينا, اليمين): no accusative alif, never
    seen with the article."""
    return not word.endswith("ا") and word_counts().get("ال" + word, 0) == 0
