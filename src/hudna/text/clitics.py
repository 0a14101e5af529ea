"""Arabic clitics: cutting them off common words, and adding them to names.

`analyse(norm)` splits a folded word into (prefixes, base, suffix). It only cuts where the corpus
word list (`hudna.text.lexicon`) attests the base well enough against the whole word (وزير stays:
زير is rare, الوزير common), never leaves fewer than `min_base` letters and never cuts a protected name
(لافروف, بكين). So stripping is for vocabulary;
names are matched the other way round, by generating their clitic forms with `clitic_variants`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from hudna.text.lexicon import LexiconError, word_counts
from hudna.text.normalize import for_search


@dataclass(frozen=True, slots=True)
class CliticRules:
    proclitics: tuple[str, ...]
    enclitics: tuple[str, ...]
    future: str
    future_before: str
    article: str
    min_base: int
    cut_weight: dict[str, float]
    protected: frozenset[str]
    by_first: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_last: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for p in self.proclitics:
            self.by_first[p[0]] = (*self.by_first.get(p[0], ()), p)
        for s in self.enclitics:
            self.by_last[s[-1]] = (*self.by_last.get(s[-1], ()), s)


@lru_cache(maxsize=1)
def rules() -> CliticRules:
    path = resources.files("hudna").joinpath("data", "text", "clitics.json")
    try:
        raw = json.loads(path.read_text("utf-8"))
        return CliticRules(
            proclitics=tuple(sorted(raw["proclitics"], key=len, reverse=True)),
            enclitics=tuple(sorted(raw["enclitics"], key=len, reverse=True)),
            future=raw["future"],
            future_before=raw["future_before"],
            article=raw["article"],
            min_base=int(raw["min_base"]),
            cut_weight={k: float(v) for k, v in raw["cut_weight"].items()},
            protected=frozenset(for_search(w) for w in raw["protected"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise LexiconError(
            f"hudna/data/text/clitics.json is unreadable ({e}); reinstall hudna"
        ) from e


def _score(base: str, r: CliticRules) -> float:
    """How well the corpus attests `base` as a word (bare or with the article)."""
    if base in r.protected:
        return float("inf")
    counts = word_counts()
    return counts.get(base, 0) + counts.get(r.article + base, 0)


def _splits(word: str, r: CliticRules, *, teh_marbuta: bool) -> list[tuple[str, str, str]]:
    """Every (prefixes, base, suffix) cut that the rules allow, the uncut word first."""
    found = [("", word, "")]
    prefixes = [p for p in r.by_first.get(word[0], ()) if word.startswith(p)]
    suffixes = [s for s in r.by_last.get(word[-1], ()) if word.endswith(s)]
    if teh_marbuta and "ه" in suffixes:
        suffixes.remove("ه")
    for prefix in ("", *prefixes):
        if prefix.endswith(r.future) and word[len(prefix) : len(prefix) + 1] not in r.future_before:
            continue
        for suffix in ("", *suffixes):
            if not prefix and not suffix:
                continue
            base = word[len(prefix) : len(word) - len(suffix)]
            if suffix and base.endswith("ت"):
                base = base[:-1] + "ه"
            if len(base) >= r.min_base:
                found.append((prefix, base, suffix))
    return found


def _cuts(split: tuple[str, str, str]) -> int:
    return len(split[0]) + len(split[2])


def _weighted(split: tuple[str, str, str], r: CliticRules) -> float:
    """A base cut from prefixes needs only 1/`cut_weight[first letter]` of the whole word's
    attestation (وأشار outnumbers أشار, but زير is not a quarter as common as وزير; ك and س
    rarely prefix a word, so كامل stays whole); a suffix cut needs as much as the whole word, and
    no suffix is cut from a word with or taking the article (الملكي، هاتفي → الهاتفي، أماكن →
    الأماكن: a definite noun has no possessive)."""
    prefixes, base, suffix = split
    if suffix:
        bare = prefixes_removed(split)
        definite = bare.startswith(r.article) and word_counts().get(bare[len(r.article) :], 0) > 0
        if prefixes.endswith((r.article, "لل")) or definite:
            return 0.0
        if word_counts().get(r.article + bare, 0):
            return 0.0
        return _score(base, r)
    return _score(base, r) * (r.cut_weight.get(prefixes[:1], 1.0) if prefixes else 1.0)


def prefixes_removed(split: tuple[str, str, str]) -> str:
    """The word without its prefixes but with its suffix (the form the article would take)."""
    return (
        split[1][:-1] + "ت" + split[2]
        if split[2] and split[1].endswith("ه")
        else split[1] + split[2]
    )


@lru_cache(maxsize=200_000)
def analyse(norm: str, *, teh_marbuta: bool = False) -> tuple[str, str, str]:
    """(prefixes, base, suffix) of a folded Arabic word; `teh_marbuta`: it ended in ة.

    The cut whose base the corpus attests best wins (fewest cut letters on a tie), so a word is
    only cut when its base is more common than the word itself. A word nobody has seen keeps its
    letters, except an initial article with its conjunctions and prepositions (والطائفيين).
    """
    r = rules()
    if norm in r.protected or len(norm) <= r.min_base:
        return "", norm, ""
    splits = _splits(norm, r, teh_marbuta=teh_marbuta)
    best = max(splits, key=lambda split: (_weighted(split, r), -_cuts(split)))
    if _score(best[1], r) == 0:
        return _unattested(norm, r)
    return best


def _unattested(word: str, r: CliticRules) -> tuple[str, str, str]:
    for prefix in r.proclitics:
        bare = word[len(prefix) :]
        joins = prefix.endswith(r.article) or prefix.endswith("لل")
        if joins and word.startswith(prefix) and len(bare) >= r.min_base:
            return prefix, bare, ""
    return "", word, ""


def clitic_variants(base: str) -> list[str]:
    """The folded forms a name or word takes with proclitics: الفوعة → والفوعه, بالفوعه, للفوعه…

    The base itself comes first. A name with the article (الفوعة) gets the article-absorbing
    forms (للفوعه, بالفوعه); a name without it gets single-letter and conjunction forms.
    """
    r = rules()
    word = for_search(base)
    variants = [word]
    if word.startswith(r.article):
        bare = word[len(r.article) :]
        variants += [p + bare for p in r.proclitics if _joins_article(p, r) and p[-1] != r.future]
    else:
        variants += [p + word for p in r.proclitics if not _joins_article(p, r)]
    return list(dict.fromkeys(variants))


def _joins_article(prefix: str, r: CliticRules) -> bool:
    return prefix.endswith(r.article) or prefix.endswith("لل") or prefix.endswith(r.future)
