"""Wiring the actor registry into the judge: designation lists and known ids.

The registry (hudna.registry.load_registry) is built in parallel by another area; when it
is absent, designation lists are not applied and the report says so."""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from hudna.agreements.judge import Designated, no_designations


@dataclass
class RegistryLink:
    designated: Designated = no_designations
    known: frozenset[str] | None = None
    warnings: list[str] = field(default_factory=list)


def _registry() -> Any | None:
    try:
        module = importlib.import_module("hudna.registry")
    except ImportError:
        return None
    load = getattr(module, "load_registry", None)
    return load() if callable(load) else None


def _known(registry: Any, ids: set[str]) -> frozenset[str]:
    known = set()
    for rid in ids:
        try:
            if registry.get(rid) is not None:
                known.add(rid)
        except KeyError:
            continue
    return frozenset(known)


def registry_link(referenced: set[str]) -> RegistryLink:
    """The registry's designation lookup (cached) and which of `referenced` it knows."""
    registry = _registry()
    if registry is None:
        return RegistryLink(
            warnings=[
                "actor registry unavailable: designation lists are not applied; "
                "excluded actors named by id still are"
            ]
        )

    @lru_cache(maxsize=256)
    def designated(list_id: str, on: dt.date) -> frozenset[str]:
        return frozenset(registry.designated(list_id, on))

    return RegistryLink(designated=designated, known=_known(registry, referenced))
