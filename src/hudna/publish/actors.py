"""Registry ids as names a reader knows: 'syr-army' → 'الجيش العربي السوري' / 'Syrian Arab Army'.
The analysis keys actors by registry id; words that are not ids are shown as they are."""

from __future__ import annotations

import re
from functools import lru_cache

from hudna.errors import RegistryError
from hudna.publish.labels import labels
from hudna.registry import Registry, load_registry

_ARABIC = re.compile(r"[\u0600-\u06ff]")


@lru_cache(maxsize=1)
def _registry() -> Registry | None:
    try:
        return load_registry()
    except RegistryError:
        return None


def actor_name(key: str, lang: str) -> str:
    """The registry's name of `key` in `lang` (its first Arabic alias for Arabic), or `key`;
    'outlet:site' keys become the site, and comma-joined keys are named one by one."""
    if "," in key:
        return str(labels(lang)["comma"]).join(actor_name(k.strip(), lang) for k in key.split(","))
    if key.startswith("outlet:"):
        return key.removeprefix("outlet:")
    registry = _registry()
    try:
        entry = registry.get(key) if registry else None
    except RegistryError:
        return key
    if entry is None:
        return key
    arabic = next((a for a in entry.aliases if _ARABIC.search(a)), None)
    return arabic if lang == "ar" and arabic else entry.name
