"""Registry ids as names a reader knows: 'syr-army' → 'الجيش العربي السوري' / 'Syrian Arab Army'.
The analysis keys actors by registry id; words that are not ids are shown as they are."""

from __future__ import annotations

import re
from functools import lru_cache

from hudna.errors import RegistryError
from hudna.publish.labels import labels
from hudna.registry import ActorEntry
from hudna.registry.loader import parse_file
from hudna.registry.registry import registry_files

_ARABIC = re.compile(r"[\u0600-\u06ff]")


@lru_cache(maxsize=1)
def _entries() -> dict[str, ActorEntry]:
    """The shipped registry's entries by id (its files only: no alias matcher is built)."""
    try:
        return {entry.id: entry for path in registry_files() for entry, _ in parse_file(path)}
    except RegistryError:
        return {}


def actor_name(key: str, lang: str) -> str:
    """The registry's name of `key` in `lang` (its first Arabic alias for Arabic), or `key`;
    'outlet:site' keys become the site, and comma-joined keys are named one by one."""
    if "," in key:
        return str(labels(lang)["comma"]).join(actor_name(k.strip(), lang) for k in key.split(","))
    if key.startswith("outlet:"):
        return key.removeprefix("outlet:")
    entry = _entries().get(key)
    if entry is None:
        return key
    arabic = next((a for a in entry.aliases if _ARABIC.search(a)), None)
    return arabic if lang == "ar" and arabic else entry.name
