"""Conflicting claims inside an incident, kept side by side: who did it, and how many."""

from __future__ import annotations

from collections.abc import Sequence

from hudna.incidents.claims import Claim, entity_key


def _who(claim: Claim) -> str:
    names = sorted({entity_key(e) for e in claim.event.claimant})
    return ", ".join(names) or (claim.site or claim.document_id)


def _fmt(value: float) -> str:
    return f"{value:g}"


def perpetrator_conflicts(claims: Sequence[Claim]) -> list[str]:
    versions: dict[frozenset[str], set[str]] = {}
    for c in claims:
        if c.actor_keys:
            versions.setdefault(c.actor_keys, set()).add(_who(c))
    sets = list(versions)
    disjoint = any(not (a & b) for i, a in enumerate(sets) for b in sets[i + 1 :])
    if not disjoint:
        return []
    parts = [
        f"{' + '.join(sorted(k))} (according to {'; '.join(sorted(v))})"
        for k, v in versions.items()
    ]
    return ["perpetrator: " + " vs ".join(sorted(parts))]


def _numbers(claim: Claim) -> dict[str, float]:
    found: dict[str, float] = {}
    size = claim.event.size
    for kind in ("dead", "injured", "arrested"):
        value = getattr(size, kind)
        if value is not None:
            found[kind] = value
    for q in claim.event.quantity:
        found.setdefault(q.kind, q.value)
    return found


def number_conflicts(claims: Sequence[Claim]) -> list[str]:
    by_kind: dict[str, dict[float, set[str]]] = {}
    for c in claims:
        for kind, value in _numbers(c).items():
            by_kind.setdefault(kind, {}).setdefault(value, set()).add(_who(c))
    out = []
    for kind, values in sorted(by_kind.items()):
        if len(values) > 1:
            parts = [
                f"{_fmt(v)} (according to {'; '.join(sorted(w))})"
                for v, w in sorted(values.items())
            ]
            out.append(f"{kind}: " + " vs ".join(parts))
    return out


def find_conflicts(claims: Sequence[Claim]) -> list[str]:
    return perpetrator_conflicts(claims) + number_conflicts(claims)
