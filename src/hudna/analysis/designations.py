"""Wiring the actor registry into the judge: designation lists (as of a date) and the set
of ids the registry knows, so that agreements naming unknown ids warn instead of failing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from hudna.agreements.judge import Designated, no_designations
from hudna.errors import RegistryError
from hudna.registry import Registry, load_registry


@dataclass
class RegistryLink:
    designated: Designated = no_designations
    known: frozenset[str] | None = None
    warnings: list[str] = field(default_factory=list)


def link_registry(registry: Registry) -> RegistryLink:
    @lru_cache(maxsize=256)
    def designated(list_id: str, on: dt.date) -> frozenset[str]:
        return registry.designated(list_id, on)

    return RegistryLink(designated=designated, known=frozenset(e.id for e in registry.entries))


def registry_link() -> RegistryLink:
    """The shipped registry's lookups; without a usable registry, designation lists are not
    applied (excluded actors named by id still are) and the report says why."""
    try:
        return link_registry(load_registry())
    except RegistryError as e:
        return RegistryLink(
            warnings=[f"actor registry unusable ({e}): designation lists are not applied"]
        )
