"""Claimed totals: running counts a claimant asserts (ACCUSE events of mode `violation`
with a `violations` quantity). They are kept per claimant over time, apart from incidents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from hudna.incidents.claims import Claim, entity_key
from hudna.records import ClaimedTotal

TOTAL_KINDS = frozenset({"violations"})


def claimant_of(claim: Claim) -> str:
    """The claimant, else the event's actor (the one who counts), else the outlet."""
    for entities in (claim.event.claimant, claim.event.actor):
        keys = sorted({entity_key(e) for e in entities})
        if keys:
            return ", ".join(keys)
    return f"outlet:{claim.site or claim.document_id}"


def claimed_totals_from(claims: Iterable[Claim]) -> Iterator[ClaimedTotal]:
    """`since` is the event's start day when it also has an end day (a counted period);
    `as_of` is the end day, else the event's day, else the report's day."""
    for claim in claims:
        event = claim.event
        if event.event != "ACCUSE" or "violation" not in event.mode:
            continue
        for q in event.quantity:
            if q.kind not in TOTAL_KINDS:
                continue
            yield ClaimedTotal(
                event_id=event.id,
                claimant=claimant_of(claim),
                kind=q.kind,
                value=q.value,
                qualifier=q.qualifier,
                since=event.date if event.enddate else None,
                as_of=event.enddate or event.date or claim.reported,
            )
