"""Linking claims into incidents: block by category family and day, score the pairs inside
a sliding window (sorted once: O(n log n + n·k)), then join linked pairs (union-find)."""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from hudna.incidents.claims import Claim
from hudna.incidents.conflicts import find_conflicts
from hudna.incidents.score import LinkConfig, load_config, score_pair
from hudna.incidents.sources import independent_sources
from hudna.records import ClaimLink, Incident, Place

PRECISION_RANK = {"point": 0, "locality": 1, "district": 2, "governorate": 3, "country": 4}


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


@dataclass(frozen=True, slots=True)
class Link:
    i: int
    j: int
    score: float
    reasons: list[str]


def region(claim: Claim) -> str | None:
    place = claim.event.event_loc
    if place is None:
        return None
    return (place.admin1 or place.country or "").casefold() or None


def _window(claims: Sequence[Claim], order: list[int], cfg: LinkConfig) -> Iterator[Link]:
    """Slide over `order` (sorted by day): compare each claim with the next ones while they
    are within `window_days` (at most `max_candidates`)."""
    days = [claims[i].day or dt.date.min for i in order]
    window = dt.timedelta(days=cfg.window_days)
    for pos, i in enumerate(order):
        a = claims[i]
        last = days[pos] + window + _period(a, cfg)
        for k in range(pos + 1, min(len(order), pos + 1 + cfg.max_candidates)):
            if days[k] > last:
                break
            j = order[k]
            b = claims[j]
            scored = score_pair(a, b, cfg)
            if scored and scored[0] >= cfg.threshold:
                yield Link(i, j, scored[0], scored[1])


def _period(claim: Claim, cfg: LinkConfig) -> dt.timedelta:
    """How far an ongoing happening (a day to an end date) reaches past its first day,
    capped at `max_period_days` so that a years-long siege does not meet every claim."""
    first, last = claim.day, claim.last_day
    if first is None or last is None:
        return dt.timedelta(0)
    return dt.timedelta(days=min((last - first).days, cfg.max_period_days))


def candidate_links(claims: Sequence[Claim], cfg: LinkConfig) -> list[Link]:
    """Scored pairs above the threshold. Blocks: category family × region (admin1, else
    country) for placed claims; unplaced claims are compared with their whole family.
    Inside a block, a sliding day window: O(n log n + n·k)."""
    blocks: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    families: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if c.day is None:
            continue
        fam = cfg.family(c.event.event)
        blocks[(fam, region(c))].append(i)
        families[fam].append(i)
    links: list[Link] = []

    def by_day(i: int) -> dt.date:
        return claims[i].day or dt.date.min

    for (_fam, reg), members in blocks.items():
        if reg is not None:
            links.extend(_window(claims, sorted(members, key=by_day), cfg))
    for (fam, reg), members in blocks.items():
        if reg is None:
            links.extend(_unplaced(claims, members, sorted(families[fam], key=by_day), cfg))
    return links + _undated_links(claims, cfg)


def _unplaced(
    claims: Sequence[Claim], anchors: list[int], family: list[int], cfg: LinkConfig
) -> Iterator[Link]:
    """Claims with no region against every claim of their family within the day window
    (found by bisection, so the cost follows the unplaced claims only)."""
    days = [claims[i].day or dt.date.min for i in family]
    window = dt.timedelta(days=cfg.window_days)
    anchor_set = set(anchors)
    for i in anchors:
        day = claims[i].day or dt.date.min
        reach = day + window + _period(claims[i], cfg)
        lo, hi = bisect_left(days, day - window), bisect_right(days, reach)
        for j in family[lo : min(hi, lo + 2 * cfg.max_candidates)]:
            if j == i or (j in anchor_set and j < i):
                continue
            scored = score_pair(claims[i], claims[j], cfg)
            if scored and scored[0] >= cfg.threshold:
                yield Link(min(i, j), max(i, j), scored[0], scored[1])


def _undated_links(claims: Sequence[Claim], cfg: LinkConfig) -> list[Link]:
    """Claims with no day at all (undated documents) are compared within their document."""
    by_doc: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if c.day is None:
            by_doc[(c.document_id, cfg.family(c.event.event))].append(i)
    links = []
    for members in by_doc.values():
        for pos, i in enumerate(members):
            for j in members[pos + 1 : pos + 1 + cfg.max_candidates]:
                scored = score_pair(claims[i], claims[j], cfg)
                if scored and scored[0] >= cfg.threshold:
                    links.append(Link(i, j, scored[0], scored[1]))
    return links


def link_claims(
    claims: Sequence[Claim],
    *,
    near_duplicates: Iterable[tuple[str, str]] = (),
    cfg: LinkConfig | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Incident]:
    """Incidents over `claims` (every claim lands in exactly one incident)."""
    cfg = cfg or load_config()
    links = candidate_links(claims, cfg)
    uf = UnionFind(len(claims))
    best: dict[int, Link] = {}
    for link in links:
        uf.union(link.i, link.j)
        for k in (link.i, link.j):
            if k not in best or link.score > best[k].score:
                best[k] = link
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(claims)):
        groups[uf.find(i)].append(i)
    dups = list(near_duplicates)
    incidents = []
    for members in groups.values():
        incidents.append(
            build_incident([claims[i] for i in members], [best.get(i) for i in members], dups)
        )
        if progress:
            progress(len(members))
    return incidents


def incident_id(event_ids: Iterable[str]) -> str:
    digest = hashlib.sha1("\n".join(sorted(event_ids)).encode()).hexdigest()
    return f"inc-{digest[:16]}"


def _claim_link(claim: Claim, link: Link | None) -> ClaimLink:
    if link is None:
        return ClaimLink(event_id=claim.event.id, score=1.0, reasons=["single claim"])
    return ClaimLink(event_id=claim.event.id, score=link.score, reasons=link.reasons)


def best_place(claims: Sequence[Claim]) -> Place | None:
    places = [c.event.event_loc for c in claims if c.event.event_loc is not None]
    if not places:
        return None
    return min(
        places,
        key=lambda p: (p.lat is None, PRECISION_RANK.get(p.precision or "", 5), p.name is None),
    )


def build_incident(
    claims: Sequence[Claim],
    links: Sequence[Link | None],
    near_duplicates: Sequence[tuple[str, str]],
) -> Incident:
    days = [c.day for c in claims if c.day is not None]
    ends = [c.event.enddate for c in claims if c.event.enddate is not None]
    start = min(days) if days else None
    end = max(ends) if ends else None
    actors = sorted({k for c in claims for k in c.actor_keys})
    categories = sorted(
        {c.event.event for c in claims}, key=lambda cat: -sum(c.event.event == cat for c in claims)
    )
    return Incident(
        id=incident_id(c.event.id for c in claims),
        event=categories[0],
        claims=[_claim_link(c, link) for c, link in zip(claims, links, strict=True)],
        date=start,
        enddate=end if end and start and end > start else None,
        place=best_place(claims),
        actors=actors,
        corroboration=len({c.document_id for c in claims}),
        independent_sources=independent_sources(claims, near_duplicates),
        conflicts=find_conflicts(claims),
    )
