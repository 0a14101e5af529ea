"""Governorates (admin1) for bulletins: names in Arabic and English, P-codes, outlines.

The outlines come from the OCHA admin1 GeoJSON that `hudna.data.boundaries` ships; a store's
`admin1` value (a name in either language or a spelling variant) or a place P-code (whose first
four characters are the governorate's, e.g. SY0703 → SY07) is resolved to one governorate.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from hudna.errors import PublishError

BOUNDARIES = Path(__file__).resolve().parents[1] / "data" / "boundaries" / "syr_admin1.geojson"
ALIASES = Path(__file__).resolve().parents[1] / "data" / "publish" / "admin1_aliases.json"
_NOT_LETTERS = re.compile(r"[^a-z0-9\u0621-\u064a]+")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})

Ring = list[tuple[float, float]]


@dataclass(frozen=True)
class Governorate:
    pcode: str
    name_en: str
    name_ar: str
    rings: tuple[Ring, ...] = field(default=(), repr=False)

    def name(self, lang: str) -> str:
        return self.name_ar if lang == "ar" else self.name_en


def name_key(name: str) -> str:
    """Case, punctuation, space and hamza-insensitive: 'Deir-ez-Zor' and 'deir ez zor' agree."""
    return _NOT_LETTERS.sub("", name.lower().translate(_FOLD))


@lru_cache(maxsize=1)
def load_aliases() -> dict[str, list[str]]:
    data = json.loads(ALIASES.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _rings(geometry: dict[str, Any]) -> tuple[Ring, ...]:
    coords: list[Any] = geometry.get("coordinates", [])
    polygons = coords if geometry.get("type") == "MultiPolygon" else [coords]
    out: list[Ring] = []
    for polygon in polygons:
        exterior = polygon[0]
        step = max(1, len(exterior) // 400)  # a bulletin map needs no more detail than this
        out.append([(float(x), float(y)) for x, y, *_ in exterior[::step]])
    return tuple(out)


@lru_cache(maxsize=4)
def load_governorates(path: Path = BOUNDARIES) -> tuple[Governorate, ...]:
    """The governorates of an admin1 GeoJSON."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise PublishError(f"cannot read the boundaries file {path}: {e}") from e
    try:
        return tuple(_governorate(f) for f in data.get("features", []))
    except KeyError as e:
        raise PublishError(f"{path}: a feature lacks the property {e}; expected {FIELDS}") from e


FIELDS = (("pcode", "name_en", "name_ar"), ("adm1_pcode", "adm1_name", "adm1_name1"))


def _governorate(feature: dict[str, Any]) -> Governorate:
    """A feature of hudna's compact boundaries (pcode, name_en, name_ar) or of OCHA's COD."""
    p = feature.get("properties", {})
    pcode, en, ar = FIELDS[0] if "pcode" in p else FIELDS[1]
    return Governorate(p[pcode], p[en], p[ar], _rings(feature.get("geometry") or {}))


class AreaIndex:
    """Resolves store admin1 values and P-codes to governorates."""

    def __init__(self, governorates: tuple[Governorate, ...]) -> None:
        self.governorates = governorates
        self._by_pcode = {g.pcode: g for g in governorates}
        aliases = load_aliases()
        self._by_key = {
            name_key(n): g
            for g in governorates
            for n in (g.name_en, g.name_ar, g.pcode, *aliases.get(g.pcode, []))
        }

    def resolve(self, admin1: str | None, pcode: str | None = None) -> Governorate | None:
        if pcode and pcode[:4] in self._by_pcode:
            return self._by_pcode[pcode[:4]]
        if admin1:
            return self._by_key.get(name_key(admin1))
        return None


def area_index(path: Path | None = None) -> AreaIndex | None:
    """The index over `path` (default: the shipped boundaries), None when the file is absent."""
    target = path or BOUNDARIES
    return AreaIndex(load_governorates(target)) if target.is_file() else None
