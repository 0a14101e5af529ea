"""Build the compact Syrian admin gazetteer from the OCHA COD files (`hudna geo build-admin`).

Governorates (adm1), districts (adm2), sub-districts (adm3), the admin centres as
localities (placed at the town, named after their unit) and neighbourhoods (matched
only after a cue such as حي). Output: src/hudna/data/gazetteer/syria_admin.tsv.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from hudna.errors import RegistryError
from hudna.geo.entries import GazEntry, write_tsv

ATTRIBUTION = (
    "Derived from the OCHA Syrian Arab Republic administrative boundaries (COD-AB v02,\n"
    "valid_on 2020-12-17, HDX; adm1-3, admin centres, neighbourhoods), names and P-codes\n"
    "unchanged. Built by: hudna geo build-admin SHARED_DIR"
)
_FILES = ("syr_adminpoints.geojson", "syr_admincapitals.geojson", "syr_neighborhoods.geojson")


def find_admin_dir(shared: Path) -> Path:
    for candidate in (shared, shared / "syria-admin", shared / "data" / "syria-admin"):
        if all((candidate / name).exists() for name in _FILES):
            return candidate
    raise RegistryError(
        f"{shared}: no OCHA Syria admin files ({', '.join(_FILES)}); give the shared data folder"
    )


def _features(path: Path) -> list[dict[str, Any]]:
    return [
        f["properties"] | {"_geometry": f.get("geometry")}
        for f in json.loads(path.read_text(encoding="utf-8"))["features"]
    ]


def _strip_centre(name: str) -> str:
    return name.removeprefix("مركز ").strip()


def admin_units(points: list[dict[str, Any]]) -> Iterator[GazEntry]:
    precision = {1: "governorate", 2: "district", 3: "district"}
    for p in points:
        level = p["admin_leve"]
        if level not in precision:
            continue
        names = [p["name"], p["name1"], p.get("name2") or ""]
        yield GazEntry(
            id=f"ocha:{p[f'adm{level}_pcode']}",
            source="ocha",
            precision=precision[level],  # type: ignore[arg-type]
            name=p["name"],
            names=tuple(dict.fromkeys(n for n in names if n)),
            country="SY",
            admin1=p["adm1_name"],
            pcode=p[f"adm{level}_pcode"],
            geonameid=None,
            lat=p["y_coord"],
            lon=p["x_coord"],
        )


def admin_centres(capitals: list[dict[str, Any]], arabic: dict[str, str]) -> Iterator[GazEntry]:
    for c in capitals:
        level = c["adm_p_lvl"]
        pcode = (c.get(f"adm{level}_pcode") or "SY") if level else "SY"
        english = c["adm1_name"] if level == 1 else c["name"]
        names = [english, _strip_centre(arabic.get(pcode, ""))]
        if level == 0:
            names.append("دمشق")
        yield GazEntry(
            id=f"ocha:centre:{pcode}",
            source="ocha",
            precision="locality",
            name=english,
            names=tuple(dict.fromkeys(n for n in names if n)),
            country="SY",
            admin1=c.get("adm1_name") or "Damascus",
            pcode=pcode,
            geonameid=None,
            lat=c["y_coord"],
            lon=c["x_coord"],
            population=1,
        )


def _centroid(geometry: dict[str, Any] | None) -> tuple[float, float] | None:
    if not geometry:
        return None
    ring: list[list[float]] = []
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    for polygon in polygons:
        ring.extend(polygon[0])
    if not ring:
        return None
    return sum(p[1] for p in ring) / len(ring), sum(p[0] for p in ring) / len(ring)


def neighbourhoods(features: list[dict[str, Any]]) -> Iterator[GazEntry]:
    for n in features:
        point = _centroid(n["_geometry"])
        if point is None:
            continue
        yield GazEntry(
            id=f"ocha:{n['neighbor_2']}",
            source="ocha",
            precision="locality",
            name=f"{n['neighborho']} ({n['adm4_en']})",
            names=tuple(dict.fromkeys(x for x in (n["neighborho"], n["neighbor_1"]) if x)),
            country="SY",
            admin1=n["adm1_en"],
            pcode=n["neighbor_2"],
            geonameid=None,
            lat=point[0],
            lon=point[1],
            cue=True,
        )


def read_table(path: Path) -> list[list[str]]:
    """Rows of a small tab-separated data file, comments and the header skipped."""
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return [line.split("\t") for line in lines[1:] if line.strip()]


def build_admin1(shared: Path, output: Path) -> int:
    """Copy GeoNames admin1 names (code, name) for the countries the shared data covers."""
    source = shared / "data" / "geonames" / "admin1_regions_subset.tsv"
    if not source.exists():
        source = shared.parent / "geonames" / "admin1_regions_subset.tsv"
    rows = [(code, name) for code, name, *_ in read_table(source)]
    header = "# GeoNames admin1 names (CC BY 4.0, geonames.org)\ncode\tname\n"
    output.write_text(header + "".join(f"{c}\t{n}\n" for c, n in rows), encoding="utf-8")
    return len(rows)


def build_admin(shared: Path, output_dir: Path) -> int:
    """Write the derived admin TSVs into `output_dir`; returns the number of places."""
    folder = find_admin_dir(shared)
    points, capitals, hoods = (_features(folder / name) for name in _FILES)
    arabic = {p[f"adm{p['admin_leve']}_pcode"]: p["name1"] for p in points if p["admin_leve"]}
    build_admin1(
        folder.parent.parent if folder.name == "syria-admin" else shared, output_dir / "admin1.tsv"
    )
    by_pcode = admin1_names(output_dir)
    names = {p["adm1_name"]: by_pcode[p["adm1_pcode"]] for p in points if p["admin_leve"] == 1}
    names["Damascus"] = by_pcode["SY01"]
    entries = [*admin_units(points), *admin_centres(capitals, arabic), *neighbourhoods(hoods)]
    entries = [replace(e, admin1=names.get(e.admin1 or "", e.admin1)) for e in entries]
    return write_tsv(output_dir / "syria_admin.tsv", entries, header=ATTRIBUTION)


def admin1_names(data_dir: Path) -> dict[str, str]:
    """OCHA governorate P-code → GeoNames admin1 name, so both sources name regions alike."""
    geonames = dict(read_table(data_dir / "admin1.tsv"))
    crosswalk = read_table(data_dir / "sy_admin1_crosswalk.tsv")
    return {pcode: geonames[code] for pcode, code in crosswalk if code in geonames}
