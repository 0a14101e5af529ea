"""Trigger lexicons and cue lists as data: loading, validation, expansion and matching.

The files live in `hudna/data/lexicons/` (TSV, one row per category/mode or cue role, forms
separated by " | "). Arabic forms are written without clitics; `V:past/imperfect` expands a
verb into its inflected forms. English forms are lemmas; inflections are recognised when
matching. Every loaded lexicon carries a `version` (a hash of its file) that events record.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from hudna.errors import RegistryError
from hudna.records import CATEGORIES

_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك"}
    | {d: str(i) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩")}
)
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+")
_AR = re.compile("[\u0600-\u06ff]")

AR_PREFIXES = (
    "", "و", "ف", "ب", "ل", "ك", "س", "وب", "ول", "وك", "وس", "فب", "فل", "فس",
    "ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل", "وبال",
)  # fmt: skip
AR_SUFFIXES = ("", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا")
_NOUN_PREFIXES = ("ب", "ل", "ال", "وب", "ول", "وال", "فب", "فال", "بال", "لل", "ولل")
_PAST = ("", "ت", "وا", "ا", "تا", "تم", "وه", "تها")
_IMPERFECT = ("", "ون", "ان", "ن", "وا")


def fold(word: str) -> str:
    """The matching form of one word: no diacritics or tatweel, folded letters, lower case."""
    return _MARKS.sub("", word).translate(_FOLD).lower()


def is_arabic(text: str) -> bool:
    return bool(_AR.search(text))


def _bare(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def arabic_candidates(word: str, *, marbuta: bool) -> Iterator[str]:
    """Readings of a folded Arabic word with its clitics removed, least stripped first; a
    stripped reading keeps three letters at least (بحث is not ب + حث)."""
    for prefix in AR_PREFIXES:
        if not word.startswith(prefix) or len(word) - len(prefix) < (2 if not prefix else 3):
            continue
        core = word[len(prefix) :]
        for suffix in AR_SUFFIXES:
            if suffix and (not core.endswith(suffix) or len(core) - len(suffix) < 2):
                continue
            if suffix == "ه" and marbuta:
                continue
            yield core[: len(core) - len(suffix)] if suffix else core


def english_candidates(word: str) -> Iterator[str]:
    """The word and the lemmas its inflection may hide (-s, -es, -ies, -ed, -ied, -ing)."""
    yield word
    if word.endswith("ies") or word.endswith("ied"):
        yield word[:-3] + "y"
    for ending in ("s", "es", "ed", "d", "ing"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            yield stem
            if ending in ("ed", "ing"):
                yield stem + "e"
                if len(stem) > 3 and stem[-1] == stem[-2]:
                    yield stem[:-1]


def expand_verb(spec: str) -> list[str]:
    """`past/imperfect` → the Arabic verb's past and imperfect forms (folded)."""
    past, _, imperfect = spec.partition("/")
    past, imperfect = fold(past), fold(imperfect or past)
    forms = [past + e for e in _PAST]
    if past.endswith("ي"):
        forms += [past[:-1] + e for e in ("ت", "وا", "تا")]
    forms += [p + imperfect + e for p in "يتن" for e in _IMPERFECT]
    return forms


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row's meaning: an event category (or a cue role) and its modes."""

    label: str
    modes: tuple[str, ...]
    strength: float
    verbal: bool


@dataclass(frozen=True, slots=True)
class LexHit:
    start: int
    end: int
    entry: Entry
    form: str


@dataclass
class Lexicon:
    """Single-word and multi-word forms to entries, for one language."""

    name: str
    language: str
    version: str
    single: dict[str, list[Entry]] = field(default_factory=dict)
    multi: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    _memo: tuple[str, list[LexHit]] | None = field(default=None, repr=False, compare=False)

    def add(self, form: str, entry: Entry, *, strict: bool = False) -> None:
        """Add a form; a `strict` form (a particle) matches only bare or after و/ف."""
        words = tuple(_bare(fold(w)) for w in form.split())
        if strict:
            words = ("=" + words[0], *words[1:])
        if len(words) == 1:
            entries = self.single.setdefault(words[0], [])
            if entry not in entries:
                entries.append(entry)
        elif words and (words, entry) not in self.multi.get(words[0], []):
            self.multi.setdefault(words[0], []).append((words, entry))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[LexHit]:
        """Lexicon hits inside text[start:end] (found once per text, longest form first)."""
        if self._memo is None or self._memo[0] is not text:
            self._memo = (text, self._scan(text))
        stop = len(text) if end is None else end
        return [h for h in self._memo[1] if start <= h.start and h.end <= stop]

    def _scan(self, text: str) -> list[LexHit]:
        """Every hit in the text; a word both verb and verbal noun (قصف) is the noun after
        ب / ل / ال (بقصف، القصف), the verb otherwise."""
        words = _document_words(text, self.language)
        hits: list[LexHit] = []
        i = 0
        while i < len(words):
            size, found = self._match_at(words, i)
            if len({e.verbal for e in found}) == 2:
                nominal = fold(text[words[i][0] : words[i][1]]).startswith(_NOUN_PREFIXES)
                found = [e for e in found if e.verbal != nominal]
            hits.extend(
                LexHit(
                    words[i][0],
                    words[i + size - 1][1],
                    e,
                    text[words[i][0] : words[i + size - 1][1]],
                )
                for e in found
            )
            i += size if found else 1
        return hits

    def _match_at(
        self, words: list[tuple[int, int, tuple[str, ...]]], i: int
    ) -> tuple[int, list[Entry]]:
        best: tuple[int, list[Entry]] = (1, [])
        for cand in words[i][2]:
            for phrase, entry in self.multi.get(cand, ()):
                n = len(phrase)
                if n >= best[0] and i + n <= len(words) and _phrase_at(words, i, phrase):
                    best = (n, [*best[1], entry]) if n == best[0] and best[1] else (n, [entry])
        if best[1]:
            return best
        for cand in words[i][2]:
            if cand in self.single:
                return 1, list(self.single[cand])
        return best


def _phrase_at(
    words: list[tuple[int, int, tuple[str, ...]]], i: int, phrase: tuple[str, ...]
) -> bool:
    return all(phrase[k] in words[i + k][2] for k in range(1, len(phrase)))


def _words(
    text: str, start: int, end: int, language: str
) -> list[tuple[int, int, tuple[str, ...]]]:
    return [
        (m.start(), m.end(), word_readings(m.group(), language))
        for m in WORD.finditer(text, start, end)
    ]


@lru_cache(maxsize=4)
def _document_words(text: str, language: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """The words of a whole text, read once for every lexicon that scans it (triggers, cues).
    Callers only read the list."""
    return _words(text, 0, len(text), language)


@lru_cache(maxsize=262144)
def word_readings(raw: str, language: str) -> tuple[str, ...]:
    """Every lookup key of one word: its clitic-free readings, then its strict (particle) keys."""
    w = fold(raw)
    if language == "ar":
        cands = tuple(dict.fromkeys(arabic_candidates(w, marbuta=raw.endswith("ة"))))
    else:
        cands = tuple(dict.fromkeys(english_candidates(w)))
    strict = ("=" + w, "=" + w[1:]) if w[:1] in ("و", "ف") and len(w) > 2 else ("=" + w,)
    return (*(cands or (w,)), *strict)


def _rows(filename: str) -> tuple[list[list[str]], str]:
    try:
        raw = resources.files("hudna.data.lexicons").joinpath(filename).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError) as e:
        raise RegistryError(
            f"lexicon {filename} is missing; reinstall hudna (pip install -e .)"
        ) from e
    lines = raw.decode("utf-8").splitlines()
    rows = [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]
    return rows[1:], hashlib.sha256(raw).hexdigest()[:12]


def _forms(cell: str, arabic: bool) -> Iterator[tuple[str, bool]]:
    for form in (f.strip() for f in cell.split("|")):
        if form.startswith("V:") and arabic:
            yield from ((v, True) for v in expand_verb(form[2:]))
        elif form:
            yield form, False


def _strength(filename: str, n: int, cell: str) -> float:
    try:
        value = float(cell)
    except ValueError as e:
        raise RegistryError(f"{filename} row {n}: strength {cell!r} is not a number") from e
    if not 0.0 <= value <= 1.0:
        raise RegistryError(f"{filename} row {n}: strength {value} must be within 0..1")
    return value


@cache
def load_triggers(language: str) -> Lexicon:
    """The event-trigger lexicon of a language ("ar" or "en"), validated."""
    filename = f"triggers_{language}.tsv"
    rows, version = _rows(filename)
    lex = Lexicon("triggers", language, version)
    for n, row in enumerate(rows, start=2):
        if len(row) != 4 or row[0] not in CATEGORIES:
            raise RegistryError(f"{filename} row {n}: expected category, mode, strength, forms")
        modes = tuple(m for m in row[1].split(",") if m)
        for form, verbal in _forms(row[3], language == "ar"):
            lex.add(form, Entry(row[0], modes, _strength(filename, n, row[2]), verbal))
    return lex


STRICT_ROLES = frozenset({"negation", "future", "conditional"})
CUE_ROLES = frozenset(
    {
        "say",
        "continue",
        "source",
        "relay",
        "statement",
        "negation",
        "future",
        "conditional",
        "demand",
        "furniture",
        "opening",
        "party",
        "place_locality",
        "place_district",
        "two_sided",
    }
)


@cache
def load_cues(language: str) -> Lexicon:
    """Attribution and modality cues of a language, validated."""
    filename = f"cues_{language}.tsv"
    rows, version = _rows(filename)
    lex = Lexicon("cues", language, version)
    for n, row in enumerate(rows, start=2):
        if len(row) != 3 or row[0] not in CUE_ROLES:
            raise RegistryError(
                f"{filename} row {n}: expected role ({sorted(CUE_ROLES)}), strength, forms"
            )
        for form, verbal in _forms(row[2], language == "ar"):
            entry = Entry(row[0], (), _strength(filename, n, row[1]), verbal)
            lex.add(form, entry, strict=row[0] in STRICT_ROLES)
    return lex


@dataclass(frozen=True, slots=True)
class QuantityKind:
    kind: str
    size: str | None
    categories: frozenset[str]


@cache
def load_quantity_kinds() -> tuple[dict[str, QuantityKind], str]:
    """Counted noun (folded, bare) → what the number counts; and the file's version."""
    filename = "quantity_kinds.tsv"
    rows, version = _rows(filename)
    table: dict[str, QuantityKind] = {}
    for n, row in enumerate(rows, start=2):
        cats = frozenset(c for c in row[2].split(",") if c) if len(row) == 4 else frozenset()
        if len(row) != 4 or not cats or not cats <= set(CATEGORIES):
            raise RegistryError(f"{filename} row {n}: expected kind, size, categories, nouns")
        if row[1] not in ("", "dead", "injured", "arrested"):
            raise RegistryError(
                f"{filename} row {n}: size must be dead, injured, arrested or empty"
            )
        qk = QuantityKind(row[0], row[1] or None, cats)
        for noun in (x.strip() for x in row[3].split("|")):
            if noun:
                table.setdefault(" ".join(_bare(fold(w)) for w in noun.split()), qk)
    return table, version
