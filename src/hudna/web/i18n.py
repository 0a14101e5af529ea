"""The dashboard's wording in English and Arabic, from `hudna/data/web/ui.json`.

English is the default; `?lang=ar` switches to Arabic (right-to-left)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

LANGS = ("en", "ar")
DEFAULT_LANG = "en"


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, Any]]:
    path = resources.files("hudna") / "data" / "web" / "ui.json"
    data: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def choose_lang(requested: str | None) -> str:
    return requested if requested in LANGS else DEFAULT_LANG


class Labels:
    """`t("incidents")`, `t.cat("ASSAULT")`, `t.kind("excluded_actor")` in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = choose_lang(lang)
        self.table = _table()[self.lang]

    def __call__(self, key: str, **values: object) -> str:
        text = str(self.table.get(key, key))
        return text.format(**values) if values else text

    def _group(self, group: str, code: str) -> str:
        return str(self.table[group].get(code, code))

    def cat(self, code: str) -> str:
        return self._group("categories", code)

    def kind(self, code: str) -> str:
        return self._group("kinds", code)

    def modality(self, code: str) -> str:
        return self._group("modalities", code)

    def status(self, code: str) -> str:
        return self._group("statuses", code)

    @property
    def dir(self) -> str:
        return str(self.table["dir"])
