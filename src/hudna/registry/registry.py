"""The actor registry: entries loaded from data files, found in text in one pass."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from pathlib import Path

from hudna.errors import RegistryError
from hudna.registry.loader import parse_file
from hudna.registry.matcher import AliasMatcher
from hudna.registry.model import ActorEntry, ActorMention

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "registry"


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isascii() and c.isupper() for c in letters) and len(alias) <= 6


def expand_aliases(entry: ActorEntry, titles: Iterable[str]) -> list[str]:
    """The entry's name and aliases, and each alias after each title ("الرئيس الروسي …")."""
    forms = [entry.name, *entry.aliases]
    titled = [f"{title} {alias}" for title in titles for alias in forms]
    return forms + titled


class Registry:
    """Actors with their aliases; `find` returns non-overlapping mentions sorted by start."""

    def __init__(self, entries: Iterable[tuple[ActorEntry, tuple[str, ...]]]) -> None:
        self._entries: dict[str, ActorEntry] = {}
        self._forms: list[tuple[ActorEntry, str, bool]] = []
        for entry, titles in entries:
            if entry.id in self._entries:
                raise RegistryError(f"actor id '{entry.id}' is defined twice; ids must be unique")
            self._entries[entry.id] = entry
            for form in expand_aliases(entry, titles):
                self._forms.append((entry, form, _is_acronym(form)))
        self._check_parents()
        self._matcher = AliasMatcher((form, i) for i, (_, form, _) in enumerate(self._forms))

    def _check_parents(self) -> None:
        for entry in self._entries.values():
            if entry.parent is not None and entry.parent not in self._entries:
                raise RegistryError(
                    f"actor '{entry.id}': field 'parent': unknown id '{entry.parent}'"
                )

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def entries(self) -> tuple[ActorEntry, ...]:
        return tuple(self._entries.values())

    def get(self, entry_id: str) -> ActorEntry:
        try:
            return self._entries[entry_id]
        except KeyError as e:
            raise RegistryError(f"no actor '{entry_id}' in the registry") from e

    def aliases(self) -> list[tuple[str, ActorEntry]]:
        """Every matchable form with its entry (for gazetteer features, coverage, NER)."""
        return [(form, entry) for entry, form, _ in self._forms]

    def find(self, text: str) -> list[ActorMention]:
        def keep(start: int, end: int, payloads: tuple[int, ...]) -> tuple[int, ...]:
            surface = text[start:end]
            return tuple(
                p for p in payloads if not self._forms[p][2] or surface == self._forms[p][1]
            )

        mentions = []
        for hit in self._matcher.hits(text, keep=keep):
            entry = self._choose(hit.payloads)
            mentions.append(ActorMention(hit.start, hit.end, text[hit.start : hit.end], entry))
        return mentions

    def _choose(self, payloads: tuple[int, ...]) -> ActorEntry:
        entries = [self._forms[p][0] for p in payloads]
        return min(entries, key=lambda e: e.generic)

    def designated(self, list_id: str, on: dt.date) -> frozenset[str]:
        """Ids of the actors on `list_id` on day `on`."""
        return frozenset(e.id for e in self._entries.values() if e.designated(list_id, on))


def registry_files(extra: Path | None = None) -> list[Path]:
    files = sorted(DATA_DIR.glob("*.yaml"))
    if extra is not None:
        if not extra.exists():
            raise RegistryError(f"{extra}: no such registry file; give a YAML file or directory")
        files += sorted(extra.glob("*.yaml")) if extra.is_dir() else [extra]
    return files


@functools.lru_cache(maxsize=8)
def load_registry(extra: Path | None = None) -> Registry:
    """The shipped registry, plus the actors of `extra` (a YAML file or directory)."""
    entries: list[tuple[ActorEntry, tuple[str, ...]]] = []
    for path in registry_files(extra):
        entries.extend(parse_file(path))
    return Registry(entries)
