"""Actor registry: who is who (aliases in Arabic and English, kind, PLOVER code and sector,
Wikidata id, designations such as the UN ISIL/Al-Qaida list), found in text in one pass."""

from hudna.registry.model import ActorEntry, ActorMention, Designation
from hudna.registry.registry import Registry, load_registry

__all__ = ["ActorEntry", "ActorMention", "Designation", "Registry", "load_registry"]
