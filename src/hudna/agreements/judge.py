"""Judging one incident against one agreement: a pure function with a reason trace.

The checks run in a fixed order and the first that decides gives the finding's kind:
period → prohibited act → area → attribution → excluded actors and exceptions → violation.
Designation lists (e.g. the UN Security Council's) are looked up through the injected
`designated(list_id, as_of)` function, so the judge never reads a registry or a database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from hudna.agreements.area import place_in_area
from hudna.agreements.model import Agreement, Obligation
from hudna.records import Entity, Event, Finding, FindingKind, Incident

Designated = Callable[[str, dt.date], frozenset[str]]
ACTED = frozenset({"asserted"})
GENERIC = "generic."  # registry ids of descriptions ("armed groups"), not identified actors


def identified(entity: Entity) -> str | None:
    """The registry id of an identified actor; descriptions such as generic.armed-groups
    do not attribute an act to anyone."""
    rid = entity.registry_id
    return rid if rid and not rid.startswith(GENERIC) else None


def no_designations(_list_id: str, _on: dt.date) -> frozenset[str]:
    return frozenset()


def designations_from(mapping: Mapping[str, frozenset[str] | set[str]]) -> Designated:
    """A `designated` function from {list_id: ids} (the same ids on every date)."""
    frozen = {k: frozenset(v) for k, v in mapping.items()}
    return lambda list_id, _on: frozen.get(list_id, frozenset())


def _key(entity: Entity) -> str:
    return entity.registry_id or entity.identifier_text or entity.entity_text


_FINDING_FIELDS = frozenset(Finding.model_fields)


def _finding(
    incident: Incident, agreement: Agreement, kind: FindingKind, reasons: list[str], **extra: Any
) -> Finding:
    """A Finding built without re-validation: every value here is already of its field's type
    (this is what `model_construct` does, minus its per-call overhead in the judge's loop)."""
    values = {
        "incident_id": incident.id,
        "agreement_id": agreement.id,
        "kind": kind,
        "obligation": extra.get("obligation"),
        "alleged_party": extra.get("alleged_party", []),
        "claimed_by": extra.get("claimed_by", []),
        "reasons": reasons,
    }
    finding = Finding.__new__(Finding)
    object.__setattr__(finding, "__dict__", values)
    object.__setattr__(finding, "__pydantic_fields_set__", _FINDING_FIELDS)
    object.__setattr__(finding, "__pydantic_extra__", None)
    object.__setattr__(finding, "__pydantic_private__", None)
    return finding


def _period(incident: Incident, agreement: Agreement, reasons: list[str]) -> bool:
    if incident.date is None:
        reasons.append("period: the incident has no date, so it cannot be placed in the period")
        return False
    c = agreement.compiled
    status = c.day_status(incident.date, incident.enddate or incident.date)
    span = f"{incident.date}" + (f"..{incident.enddate}" if incident.enddate else "")
    if status == "before":
        reasons.append(f"period: {span} ends before the agreement took effect ({c.effective_iso})")
        return False
    if status == "after":
        reasons.append(f"period: {span} starts after the agreement ended ({c.end_iso})")
        return False
    if status == "straddles":
        reasons.append(
            f"period: the local day(s) {span} straddle the start {c.effective_iso}; "
            "a day-precision date cannot tell before from after, so it is judged as in the period"
        )
    else:
        reasons.append(f"period: {span} is within the agreement's period (from {c.effective_iso})")
    return True


def _acting_claims(incident: Incident, claims: Sequence[Event]) -> list[Event]:
    return [c for c in claims if c.event == incident.event and c.modality in ACTED]


def _obligations(
    incident: Incident, claims: Sequence[Event], agreement: Agreement
) -> list[Obligation]:
    modes = frozenset(m for c in claims for m in c.mode)
    candidates = agreement.compiled.by_category.get(incident.event, ())
    seen: dict[str, Obligation] = {}
    for ob, act in candidates:
        if act.matches(incident.event, modes):
            seen.setdefault(ob.id, ob)
    return list(seen.values())


def _excluded(
    agreement: Agreement, designated: Designated
) -> tuple[frozenset[str], dict[str, str]]:
    why = {rid: "named as excluded in the agreement" for rid in agreement.compiled.excluded_ids}
    ids = set(agreement.compiled.excluded_ids)
    for ref in agreement.excluded.designations:
        for rid in designated(ref.list_id, ref.as_of):
            why.setdefault(rid, f"on designation list '{ref.list_id}' as of {ref.as_of}")
            ids.add(rid)
    return frozenset(ids), why


def _claimed_by(claims: Sequence[Event]) -> list[str]:
    names = sorted({_key(e) for c in claims for e in c.claimant})
    return names or ["the reporting outlets"]


def judge(
    incident: Incident,
    claims: Sequence[Event],
    agreement: Agreement,
    *,
    designated: Designated = no_designations,
) -> Finding:
    """The finding for one incident under one agreement, with its reason trace."""
    reasons: list[str] = []
    if not _period(incident, agreement, reasons):
        return _finding(incident, agreement, FindingKind.OUTSIDE_PERIOD, reasons)
    if claims and all(c.date is None for c in claims):
        reasons.append("date: the claims state no date; the report's day stands for it")
    acting = _acting_claims(incident, claims)
    if not acting:
        reasons.append(
            "act: no claim asserts that the act happened (all negated, future, demanded or hypothetical)"
        )
        return _finding(incident, agreement, FindingKind.NOT_PROHIBITED, reasons)
    obligations = _obligations(incident, acting, agreement)
    act = _act_label(incident.event, acting)
    if not obligations:
        reasons.append(f"act: {act} is not prohibited by any obligation of {agreement.id}")
        return _finding(incident, agreement, FindingKind.NOT_PROHIBITED, reasons)
    reasons.append(f"act: {act} falls under {', '.join(ob.id for ob in obligations)}")
    if not _in_area(incident, agreement, reasons):
        return _finding(incident, agreement, FindingKind.OUTSIDE_AREA, reasons)
    return _attribute(incident, acting, agreement, obligations, designated, reasons)


def _act_label(category: str, claims: Sequence[Event]) -> str:
    modes = sorted({m for c in claims for m in c.mode})
    return f"{category} ({', '.join(modes)})" if modes else category


def _in_area(incident: Incident, agreement: Agreement, reasons: list[str]) -> bool:
    if incident.place is None:
        reasons.append("area: no place is stated, so it cannot be placed in the area")
        return False
    inside, why = place_in_area(incident.place, agreement.area)
    reasons.append(f"area: {why}")
    return inside


def _attribute(
    incident: Incident,
    claims: Sequence[Event],
    agreement: Agreement,
    obligations: list[Obligation],
    designated: Designated,
    reasons: list[str],
) -> Finding:
    actors = [e for c in claims for e in c.actor]
    alleged = sorted({rid for e in actors if (rid := identified(e))})
    claimed_by = _claimed_by(claims)
    if not alleged:
        names = sorted({e.entity_text for e in actors})
        reasons.append(
            f"attribution: the perpetrator ({', '.join(names)}) is not resolved to an identified actor"
            if names
            else "attribution: no claim names a perpetrator"
        )
        return _finding(
            incident, agreement, FindingKind.UNATTRIBUTED, reasons, claimed_by=claimed_by
        )
    excluded, why = _excluded(agreement, designated)
    return _parties(
        incident, claims, agreement, obligations, alleged, claimed_by, excluded, why, reasons
    )


def _parties(
    incident: Incident,
    claims: Sequence[Event],
    agreement: Agreement,
    obligations: list[Obligation],
    alleged: list[str],
    claimed_by: list[str],
    excluded: frozenset[str],
    why: dict[str, str],
    reasons: list[str],
) -> Finding:
    day = incident.date or agreement.effective.date()
    bound = agreement.bound_parties(day) - excluded
    out = [a for a in alleged if a in excluded]
    acting = [a for a in alleged if a in bound]
    extra = {"alleged_party": alleged, "claimed_by": claimed_by}
    for a in out:
        reasons.append(f"actor: {a} is excluded ({why[a]})")
    if not acting:
        if out:
            return _finding(incident, agreement, FindingKind.EXCLUDED_ACTOR, reasons, **extra)
        reasons.append(
            f"actor: {', '.join(alleged)} is not a party bound by {agreement.id} on {day}"
        )
        return _finding(incident, agreement, FindingKind.NOT_PROHIBITED, reasons, **extra)
    targets = sorted({rid for c in claims for e in c.recipient if (rid := identified(e))})
    if targets and all(t in excluded for t in targets):
        reasons.extend(f"recipient: {t} is excluded ({why[t]})" for t in targets)
        reasons.append("exception: operations against excluded actors are outside the agreement")
        return _finding(incident, agreement, FindingKind.EXCLUDED_ACTOR, reasons, **extra)
    return _violation(incident, agreement, obligations, acting, targets, bound, extra, reasons)


def _violation(
    incident: Incident,
    agreement: Agreement,
    obligations: list[Obligation],
    acting: list[str],
    targets: list[str],
    bound: frozenset[str],
    extra: dict[str, list[str]],
    reasons: list[str],
) -> Finding:
    for ob in obligations:
        by = set(acting) if ob.by == "parties" else set(acting) & set(ob.by)
        if not by:
            continue
        if ob.against == "parties" and targets and not bound.intersection(targets):
            reasons.append(
                f"obligation {ob.id}: binds only against parties; {', '.join(targets)} is not one"
            )
            continue
        if isinstance(ob.against, list) and targets and not set(ob.against).intersection(targets):
            continue
        reasons.append(f"obligation {ob.id}: {ob.text}")
        reasons.append(
            f"party: {', '.join(sorted(by))} bound on {incident.date}; claimed by {', '.join(extra['claimed_by'])}"
        )
        if any(e.kind == "self_defence" for e in agreement.exceptions):
            reasons.append(
                "caveat: the claims cannot show whether proportionate self-defence applies"
            )
        extra = {**extra, "alleged_party": sorted(by)}
        return _finding(
            incident, agreement, FindingKind.POTENTIAL_VIOLATION, reasons, obligation=ob.id, **extra
        )
    reasons.append("obligation: no obligation binds these actors against these recipients")
    return _finding(incident, agreement, FindingKind.NOT_PROHIBITED, reasons, **extra)
