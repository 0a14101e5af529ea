"""A claim as an ACLED-style row. The mapping (PLOVER category and modes → ACLED event type,
entity sector/kind → inter codes, countries) is data: `hudna/data/publish/acled.json`,
explained in docs/publish.md."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from hudna.publish.areas import AreaIndex
from hudna.publish.outputs import ExportRow

MAPPING = Path(__file__).resolve().parents[1] / "data" / "publish" / "acled.json"
COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
TIME_PRECISION = {"day": 1, "month": 3, "year": 3, "unknown": 3}
GEO_PRECISION = {"point": 1, "locality": 1, "district": 2, "governorate": 3, "country": 3}


@dataclass(frozen=True, slots=True)
class EventType:
    disorder_type: str
    event_type: str
    sub_event_type: str


@lru_cache(maxsize=1)
def mapping() -> dict[str, Any]:
    return dict(json.loads(MAPPING.read_text(encoding="utf-8")))


def _civilian(entity: dict[str, Any]) -> bool:
    return entity.get("sector") == "CVL" or entity.get("kind") == "population"


def event_type(payload: dict[str, Any]) -> EventType | None:
    """The first rule that fits the claim's category and modes; None: no ACLED equivalent."""
    modes = set(payload.get("mode", []))
    civilian = any(_civilian(e) for e in payload.get("recipient", []))
    for rule in mapping()["rules"]:
        if rule["category"] != payload.get("event"):
            continue
        if "modes" in rule and not modes & set(rule["modes"]):
            continue
        if rule.get("civilian_recipient") and not civilian:
            continue
        return EventType(rule["disorder_type"], rule["event_type"], rule["sub_event_type"])
    return None


def inter(entity: dict[str, Any] | None, country: dict[str, Any] | None) -> int | str:
    """ACLED's inter code of an actor; state forces of another country count as external (8)."""
    if not entity:
        return ""
    codes = mapping()["inter"]
    code = codes["sector"].get(entity.get("sector")) or codes["kind"].get(entity.get("kind")) or 0
    if code == 1 and country and entity.get("code") and entity["code"] != country["alpha3"]:
        return 8
    return int(code) or ""


def _name(entity: dict[str, Any]) -> str:
    return str(entity.get("identifier_text") or entity.get("entity_text") or "")


def _sides(payload: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Side 1 and side 2. Two-sided fighting lists both sides as actors (PLOVER): split them."""
    actors, recipients = list(payload.get("actor", [])), list(payload.get("recipient", []))
    if not recipients and len(actors) > 1 and payload.get("event") == "ASSAULT":
        return actors[:1], actors[1:]
    return actors, recipients


def _fatalities(payload: dict[str, Any]) -> int:
    """The most conservative figure: the size's dead, else a 'dead' quantity's floor, else 0."""
    dead = (payload.get("size") or {}).get("dead")
    if dead is None:
        dead = next((q["value"] for q in payload.get("quantity", []) if q.get("kind") == "dead"), 0)
    return int(dead)


def _notes(row: ExportRow) -> str:
    p = row.payload
    claimants = "; ".join(_name(e) for e in p.get("claimant", [])) or row.site or "the outlet"
    return f"Claimed by {claimants}. Trigger: {p.get('event_text', '')!s}. hudna claim {p.get('id')} ({row.status})."


def _tags(payload: dict[str, Any], status: str) -> str:
    tags = [f"plover:{payload.get('event')}", *(f"mode:{m}" for m in payload.get("mode", []))]
    return "; ".join([*tags, f"status:{status}"])


def _place(
    row: ExportRow, country: dict[str, Any] | None, areas: AreaIndex | None
) -> dict[str, object]:
    place = row.payload.get("event_loc") or {}
    gov = areas.resolve(row.admin1, row.pcode) if areas else None
    return {
        "iso": country["iso"] if country else "", "region": country["region"] if country else "",
        "country": country["name"] if country else place.get("country") or "",
        "admin1": gov.name_en if gov else row.admin1 or "", "admin2": "", "admin3": "",
        "location": place.get("name") or place.get("entity_text") or "",
        "latitude": place.get("lat", ""), "longitude": place.get("lon", ""),
        "geo_precision": GEO_PRECISION.get(place.get("precision") or "", ""),
    }  # fmt: skip


def _interaction(i1: int | str, i2: int | str) -> str:
    """ACLED's two-digit interaction: the two inter codes, lower first; a lone actor's is X0."""
    codes = sorted(c for c in (i1, i2) if isinstance(c, int))
    return "".join(map(str, codes)) if len(codes) == 2 else f"{codes[0]}0" if codes else ""


def acled_row(row: ExportRow, kind: EventType, areas: AreaIndex | None) -> dict[str, object]:
    p = row.payload
    country = mapping()["countries"].get((p.get("event_loc") or {}).get("country") or "")
    side1, side2 = _sides(p)
    i1 = inter(side1[0] if side1 else None, country)
    i2 = inter(side2[0] if side2 else None, country)
    day = p.get("date") or ""
    return {
        "event_id_cnty": f"{country['alpha3'] if country else 'XXX'}-{p['id']}",
        "event_date": day, "year": day[:4], "time_precision": TIME_PRECISION[p.get("date_precision", "unknown")],
        "disorder_type": kind.disorder_type, "event_type": kind.event_type,
        "sub_event_type": kind.sub_event_type,
        "actor1": _name(side1[0]) if side1 else "", "assoc_actor_1": "; ".join(map(_name, side1[1:])),
        "inter1": i1,
        "actor2": _name(side2[0]) if side2 else "", "assoc_actor_2": "; ".join(map(_name, side2[1:])),
        "inter2": i2,
        "interaction": _interaction(i1, i2),
        "civilian_targeting": "Civilian targeting" if any(map(_civilian, side2)) else "",
        **_place(row, country, areas),
        "source": row.site or "", "source_scale": "", "notes": _notes(row),
        "fatalities": _fatalities(p), "tags": _tags(p, row.status),
        "timestamp": int(row.extracted_at.timestamp()),
    }  # fmt: skip
