"""Scoring a pair of claims: is it the same happening? A score in [0, 1] and the reasons,
or None when a veto applies (different category family, far apart, different regions)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from hudna.incidents.claims import Claim, distance_km, place_label
from hudna.incidents.places import coarser, inside, norm, precise, precision
from hudna.records import Place

CONFIG = Path(__file__).resolve().parent.parent / "data" / "incidents" / "linking.json"


@dataclass(frozen=True)
class LinkConfig:
    families: dict[str, str]
    window_days: int
    max_candidates: int
    threshold: float
    weights: dict[str, float]
    date_scores: dict[str, float]
    reported_date_score: float
    place_km: list[tuple[float, float]]
    place_same_admin1: float
    place_inside: dict[str, float]
    km_scale: dict[str, float]
    period_score: float
    max_period_days: int
    place_unknown: float
    actors_unknown: float
    text_min_without_place: float

    def family(self, category: str) -> str:
        return self.families.get(category, category)


@lru_cache(maxsize=1)
def load_config(path: Path = CONFIG) -> LinkConfig:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("about", None)
    data["place_km"] = [tuple(p) for p in data["place_km"]]
    return LinkConfig(**data)


def _gap(a: Claim, b: Claim) -> int:
    """Days between the two claims' periods (a day, or a day to an end date); 0 if they meet."""
    a0, a1, b0, b1 = a.day, a.last_day, b.day, b.last_day
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return 0
    return max((b0 - a1).days, (a0 - b1).days, 0)


def _date(a: Claim, b: Claim, cfg: LinkConfig) -> tuple[float, str] | None:
    if a.day is None or b.day is None:
        if a.day is None and b.day is None and a.document_id == b.document_id:
            return cfg.reported_date_score, "same document, neither claim dated"
        return None
    gap = _gap(a, b)
    if gap > cfg.window_days:
        return None
    if a.dated_by_report or b.dated_by_report:
        return cfg.reported_date_score, f"dates {a.day}/{b.day} (one taken from the report date)"
    if gap == 0 and a.day != b.day:
        first, other = (a, b) if a.last_day != a.day else (b, a)
        return cfg.period_score, f"{other.day} falls in {first.day}..{first.last_day}"
    return cfg.date_scores.get(str(gap), 0.0), "same day" if gap == 0 else f"{gap} day(s) apart"


def _unrelated(a: Place, b: Place, km: float | None, cfg: LinkConfig) -> tuple[float, str] | None:
    """Places with no containment: coarse ones by region, else distance bands scaled by
    the coarser precision, else names and regions."""
    if not (precise(a) and precise(b)):
        if a.admin1 and b.admin1 and norm(a.admin1) != norm(b.admin1):
            return None
        return cfg.place_unknown, "place too coarse (country or governorate) for one claim"
    if km is not None:
        scale = cfg.km_scale.get(coarser(a, b), 1.0)
        for limit, score in cfg.place_km:
            if km <= limit * scale:
                return score, f"{km:.0f} km apart"
        return None
    if norm(a.name or a.entity_text) == norm(b.name or b.entity_text):
        return 1.0, f"same place name '{place_label(a)}'"
    if a.admin1 and b.admin1:
        if norm(a.admin1) != norm(b.admin1):
            return None
        return cfg.place_same_admin1, f"same region {a.admin1}"
    return cfg.place_unknown, "places not comparable"


def _place(a: Claim, b: Claim, cfg: LinkConfig) -> tuple[float, str] | None:
    pa, pb = a.event.event_loc, b.event.event_loc
    if pa is None or pb is None:
        return cfg.place_unknown, "place unknown for one claim"
    if pa.country and pb.country and pa.country != pb.country:
        return None
    km = distance_km(pa, pb)
    apart = _unrelated(pa, pb, km, cfg)
    if apart is not None and apart[0] >= cfg.place_km[0][1]:
        return apart  # as close as places get: nothing to add
    within = inside(a, b, coordinates=km is not None)
    if within is None:
        return apart
    held = cfg.place_inside.get(precision(within.outer), cfg.place_unknown), within.reason()
    return apart if apart is not None and apart[0] >= held[0] else held


def _actors(a: Claim, b: Claim, cfg: LinkConfig) -> tuple[float, str]:
    """Shared actors over the shorter list (overlap coefficient): a battle summary names every
    side, a report of one of its parts names some of them, and that is no mismatch."""
    if not a.actor_keys or not b.actor_keys:
        return cfg.actors_unknown, "actor unknown for one claim"
    shared = a.actor_keys & b.actor_keys
    if not shared:
        return 0.0, "different actors named (kept as a conflict)"
    score = len(shared) / min(len(a.actor_keys), len(b.actor_keys))
    return score, "actors overlap: " + ", ".join(sorted(shared))


def text_similarity(a: Claim, b: Claim) -> float:
    left = a.sentence or a.event.event_text
    right = b.sentence or b.event.event_text
    if not left or not right:
        return 0.0
    return fuzz.token_sort_ratio(left, right) / 100.0


def score_pair(a: Claim, b: Claim, cfg: LinkConfig) -> tuple[float, list[str]] | None:
    if cfg.family(a.event.event) != cfg.family(b.event.event):
        return None
    date = _date(a, b, cfg)
    place = _place(a, b, cfg) if date else None
    if date is None or place is None:
        return None
    actors = _actors(a, b, cfg)
    text = text_similarity(a, b)
    if (
        not (precise(a.event.event_loc) and precise(b.event.event_loc))
        and text < cfg.text_min_without_place
    ):
        return None
    w = cfg.weights
    total = w["date"] * date[0] + w["place"] * place[0] + w["actors"] * actors[0] + w["text"] * text
    return round(total, 3), [date[1], place[1], actors[1], f"text similarity {text:.2f}"]
