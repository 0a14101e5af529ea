"""Bulletin wording in Arabic and English, from `hudna/data/publish/labels.json`."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from hudna.errors import PublishError

LABELS = Path(__file__).resolve().parents[1] / "data" / "publish" / "labels.json"
LANGS = ("ar", "en")


@lru_cache(maxsize=1)
def _all_labels() -> dict[str, dict[str, Any]]:
    return dict(json.loads(LABELS.read_text(encoding="utf-8")))


def labels(lang: str) -> dict[str, Any]:
    """Every label of one language; a language hudna has no wording for is an error."""
    table = _all_labels()
    if lang not in table:
        raise PublishError(f"no bulletin wording for language {lang!r}; use one of {LANGS}")
    return table[lang]


def number(value: float) -> str:
    """430.0 → '430', 2.5 → '2.5'."""
    return f"{value:g}" if value != int(value) else str(int(value))


def amount(lang: str, value: float, qualifier: str, high: float | None = None) -> str:
    """'more than 430' / 'أكثر من 430'; 'tens of' for the vague qualifiers."""
    pattern = labels(lang)["qualifiers"].get(qualifier, "{v}")
    return str(pattern.format(v=number(value), h=number(high) if high is not None else ""))


def kind(lang: str, code: str) -> str:
    """What is counted, in words; kinds without wording stay as coded."""
    return str(labels(lang)["kinds"].get(code, code.replace("_", " ")))


def quantity(lang: str, code: str, value: float, qualifier: str, high: float | None) -> str:
    """'more than 430 violations' / 'أكثر من 430 خرقًا'."""
    return f"{amount(lang, value, qualifier, high)} {kind(lang, code)}"
