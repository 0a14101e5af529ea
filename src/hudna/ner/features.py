"""Token features for the CRF: the word, its clitic-stripped form, prefixes and
suffixes, shape, name-list tags, in a window of two tokens on each side."""

from __future__ import annotations

from collections.abc import Sequence

from hudna.ner.lexicon import Lexicon
from hudna.registry.normalize import normalize

_PREP = ("ب", "ك", "ف")


def strip_clitics(word: str) -> str:
    """`والرئيس` → `رئيس`, `وبالمساعدات` → `مساعدات`, `وكيري` → `كيري`; `لافروف`, `بكين`
    and `وليد` stay whole. Conservative on purpose: a feature, never a stemmer."""
    if word.startswith("و") and (len(word) >= 5 or word[1:3] == "ال"):
        word = word[1:]
    if len(word) > 4 and word[0] in _PREP and word[1:3] == "ال":
        word = word[1:]
    if word.startswith("لل") and len(word) > 4:
        return word[2:]
    if word.startswith("ال") and len(word) > 3:
        return word[2:]
    return word


def shape(token: str) -> str:
    if token.isdigit():
        return "digit"
    if any("\u0600" <= c <= "\u06ff" for c in token):
        return "arabic"
    if token.isalpha():
        return "upper" if token[:1].isupper() else "latin"
    return "punct" if not any(c.isalnum() for c in token) else "mixed"


def _token_features(word: str, raw: str, tag: str) -> dict[str, str]:
    stem = strip_clitics(word)
    return {
        "w": word, "s": stem, "p1": word[:1], "p2": word[:2], "p3": word[:3], "p4": word[:4],
        "x1": word[-1:], "x2": word[-2:], "x3": word[-3:], "x4": word[-4:], "sx2": stem[-2:],
        "sx3": stem[-3:], "sp3": stem[:3],
        "sp2": stem[:2], "sh": shape(raw), "len": str(min(len(stem), 8)), "gz": tag or "-",
        "al": str(word.startswith("ال") or stem != word),
    }  # fmt: skip


def sentence_features(tokens: Sequence[str], lexicon: Lexicon) -> list[list[str]]:
    words = [normalize(t) or t for t in tokens]
    tags = lexicon.tags(words)
    stripped = [strip_clitics(w) for w in words]
    tags_stripped = lexicon.tags(stripped)
    base = [
        _token_features(w, t, g or s)
        for w, t, g, s in zip(words, tokens, tags, tags_stripped, strict=True)
    ]
    out = []
    for i, own in enumerate(base):
        feats = ["bias", *(f"{k}={v}" for k, v in own.items())]
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < len(base):
                other = base[j]
                feats += [f"{off}:{k}={other[k]}" for k in ("w", "s", "gz", "sh", "x2")]
            else:
                feats.append(f"{off}:edge")
        feats.append(f"-1|0={base[i - 1]['s'] if i else '^'}|{own['s']}")
        feats.append(f"0|1={own['s']}|{base[i + 1]['s'] if i + 1 < len(base) else '$'}")
        feats.append(f"-1gz|gz={base[i - 1]['gz'] if i else '^'}|{own['gz']}")
        out.append(feats)
    return out
