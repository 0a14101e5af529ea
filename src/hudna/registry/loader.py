"""Read and validate registry files (YAML lists of actors).

Each file is a list of mappings; see docs/registry.md. Errors name the file, the entry
and the field, and say what is expected.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from hudna.errors import RegistryError
from hudna.registry.model import KINDS, ActorEntry, Designation

_FIELDS = {
    "id", "name", "kind", "code", "sector", "wikidata", "aliases", "titles", "designations",
    "generic", "parent", "note",
}  # fmt: skip
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_CODE = re.compile(r"^[A-Z]{3}$")
_WIKIDATA = re.compile(r"^Q[0-9]+$")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Where:
    def __init__(self, path: Path, index: int, entry: Any) -> None:
        name = entry.get("id") if isinstance(entry, dict) else None
        self.label = f"{path.name}: entry {index + 1}" + (f" ({name})" if name else "")

    def fail(self, field: str, expected: str) -> RegistryError:
        return RegistryError(f"{self.label}: field '{field}': {expected}")


def read_file(path: Path) -> list[dict[str, Any]]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as e:
        raise RegistryError(f"{path}: cannot read registry file ({e}); fix the YAML") from e
    if not isinstance(data, list):
        raise RegistryError(f"{path}: a registry file is a YAML list of actors")
    return data


def parse_file(path: Path) -> Iterator[tuple[ActorEntry, tuple[str, ...]]]:
    """Each validated entry with its title prefixes (e.g. "وزير الخارجية الروسي")."""
    for index, raw in enumerate(read_file(path)):
        where = _Where(path, index, raw)
        if not isinstance(raw, dict):
            raise where.fail("-", "each actor is a mapping of fields")
        unknown = set(raw) - _FIELDS
        if unknown:
            raise where.fail(sorted(unknown)[0], f"unknown field; allowed: {sorted(_FIELDS)}")
        yield _entry(raw, where), _strings(raw, "titles", where)


def _entry(raw: dict[str, Any], where: _Where) -> ActorEntry:
    entry_id = _text(raw, "id", where, required=True)
    if not _ID.match(entry_id or ""):
        raise where.fail("id", "lower-case letters, digits, '.', '_' or '-'")
    kind = _text(raw, "kind", where, required=True)
    if kind not in KINDS:
        raise where.fail("kind", f"one of {', '.join(KINDS)}")
    return ActorEntry(
        id=entry_id or "",
        name=_text(raw, "name", where, required=True) or "",
        kind=kind,
        code=_pattern(raw, "code", _CODE, "an ISO-3166 alpha-3 code like SYR", where),
        sector=_text(raw, "sector", where),
        wikidata=_pattern(raw, "wikidata", _WIKIDATA, "a Wikidata id like Q858", where),
        aliases=_strings(raw, "aliases", where),
        designations=tuple(_designation(d, where) for d in raw.get("designations") or ()),
        generic=_flag(raw, "generic", where),
        parent=_text(raw, "parent", where),
    )


def _text(raw: dict[str, Any], field: str, where: _Where, *, required: bool = False) -> str | None:
    value = raw.get(field)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise where.fail(field, "a non-empty string")
    return value.strip()


def _pattern(
    raw: dict[str, Any], field: str, pattern: re.Pattern[str], expected: str, where: _Where
) -> str | None:
    value = _text(raw, field, where)
    if value is not None and not pattern.match(value):
        raise where.fail(field, expected)
    return value


def _strings(raw: dict[str, Any], field: str, where: _Where) -> tuple[str, ...]:
    values = raw.get(field) or []
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise where.fail(field, "a list of non-empty strings")
    return tuple(v.strip() for v in values)


def _flag(raw: dict[str, Any], field: str, where: _Where) -> bool:
    value = raw.get(field, False)
    if not isinstance(value, bool):
        raise where.fail(field, "true or false")
    return value


def _designation(raw: Any, where: _Where) -> Designation:
    if not isinstance(raw, dict) or not isinstance(raw.get("list"), str):
        raise where.fail("designations", "a list of {list, since, until, ref, note}")
    return Designation(
        list_id=raw["list"],
        since=_date(raw.get("since"), where, required=True) or dt.date.min,
        until=_date(raw.get("until"), where),
        ref=str(raw["ref"]) if raw.get("ref") is not None else None,
        note=str(raw["note"]) if raw.get("note") is not None else None,
    )


def _date(value: Any, where: _Where, *, required: bool = False) -> dt.date | None:
    if value is None and not required:
        return None
    if isinstance(value, dt.date):
        return value
    raise where.fail("designations", f"dates as YYYY-MM-DD, got {value!r}")
