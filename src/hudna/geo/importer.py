"""Import a full GeoNames country dump (e.g. SY.txt or SY.zip from download.geonames.org,
the 19-column format) into a user gazetteer file (`hudna geo import FILE`)."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from hudna.errors import InputRejected
from hudna.geo.admin import read_table
from hudna.geo.entries import GazEntry, write_tsv
from hudna.geo.sources import DATA_DIR, _script_ok
from hudna.records import Precision

_KEEP = frozenset("APLTSHV")
_ADMIN: dict[str, Precision] = {
    "ADM1": "governorate", "ADM2": "district", "ADM3": "district", "ADM4": "district",
    "PCLI": "country", "PCL": "country",
}  # fmt: skip
_CLASS: dict[str, Precision] = {"P": "locality", "A": "district", "L": "district"}


def precision_of(feature_class: str, feature_code: str) -> Precision:
    return _ADMIN.get(feature_code) or _CLASS.get(feature_class, "point")


def _open(path: Path) -> TextIO:
    if path.suffix.lower() != ".zip":
        return path.open(encoding="utf-8", newline="")
    archive = zipfile.ZipFile(path)
    members = [n for n in archive.namelist() if n.endswith(".txt") and not n.startswith("readme")]
    if not members:
        raise InputRejected(
            f"{path}: no GeoNames .txt file inside",
            hint="give SY.zip or SY.txt from download.geonames.org",
        )
    return io.TextIOWrapper(archive.open(members[0]), encoding="utf-8", newline="")


def read_geonames_dump(path: Path, *, min_population: int = 0) -> Iterator[GazEntry]:
    admin1 = dict(read_table(DATA_DIR / "admin1.tsv"))
    with _open(path) as f:
        for number, row in enumerate(
            csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), start=1
        ):
            if len(row) != 19:
                raise InputRejected(
                    f"{path}: line {number} has {len(row)} columns, not the 19 of a GeoNames dump",
                    hint="download the country file from https://download.geonames.org/export/dump/",
                )
            entry = _entry(row, admin1)
            if entry is not None and entry.population >= min_population:
                yield entry


def _entry(row: list[str], admin1: dict[str, str]) -> GazEntry | None:
    gid, name, ascii_name, alternates, lat, lon, fclass, fcode, country = row[:9]
    if fclass not in _KEEP:
        return None
    names = [name, ascii_name, *alternates.split(",")]
    return GazEntry(
        id=f"gn:{gid}",
        source="geonames-dump",
        precision=precision_of(fclass, fcode),
        name=name,
        names=tuple(dict.fromkeys(n.strip() for n in names if n.strip() and _script_ok(n))),
        country=country or None,
        admin1=admin1.get(f"{country}.{row[10]}"),
        pcode=None,
        geonameid=int(gid),
        lat=float(lat),
        lon=float(lon),
        population=int(row[14] or 0),
    )


def import_geonames(path: Path, output: Path, *, min_population: int = 0) -> int:
    """Write the places of `path` to the user gazetteer file `output`; returns their number."""
    header = (
        f"Imported from the GeoNames dump {path.name} (CC BY 4.0, geonames.org) by hudna geo import"
    )
    return write_tsv(output, read_geonames_dump(path, min_population=min_population), header=header)
