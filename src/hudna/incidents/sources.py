"""Counting independent sources: one wire story reprinted by ten sites is one source.

Documents join the same source group when they are near-duplicates (the store's
`near_duplicates` pairs), when they relay the claim through the same wire agency or media
outlet (`via` entities of kind media or sector JRN), or when they come from the same site."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from hudna.incidents.claims import Claim, entity_key
from hudna.records import Entity


def _is_wire(entity: Entity) -> bool:
    return entity.kind == "media" or entity.sector == "JRN"


def source_groups(
    claims: Sequence[Claim], near_duplicates: Iterable[tuple[str, str]]
) -> list[set[str]]:
    """Document ids grouped into independent sources."""
    parent: dict[str, str] = {c.document_id: c.document_id for c in claims}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for a, b in near_duplicates:
        if a in parent and b in parent:
            union(a, b)
    for key in ("wire", "site"):
        first: dict[str, str] = {}
        for c in claims:
            values = (
                [entity_key(e) for e in c.event.via if _is_wire(e)]
                if key == "wire"
                else [c.site or ""]
            )
            for v in filter(None, values):
                union(first.setdefault(f"{key}:{v}", c.document_id), c.document_id)
    groups: dict[str, set[str]] = {}
    for doc in parent:
        groups.setdefault(find(doc), set()).add(doc)
    return list(groups.values())


def independent_sources(claims: Sequence[Claim], near_duplicates: Iterable[tuple[str, str]]) -> int:
    return len(source_groups(claims, near_duplicates)) if claims else 0
