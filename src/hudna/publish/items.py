"""Claims as bulletin items: display names in the bulletin's language, merged duplicates,
and numbered evidence notes quoting the document sentence of each claim."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from hudna.publish import labels
from hudna.publish.model import Claim, Evidence, Section
from hudna.publish.queries import ClaimRow

SECTION_LIMIT = 12
NOTES_PER_ITEM = 3  # sources quoted per item; the export holds every claim
_MAX_QUOTE = 320


class Notes:
    """The bulletin's evidence list: one numbered note per distinct quoted sentence."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, int, int], int] = {}
        self.evidence: list[Evidence] = []

    def add(self, row: ClaimRow) -> int:
        key = (row.document_id, row.span_start, row.span_end)
        if key not in self._numbers:
            number = len(self.evidence) + 1
            self._numbers[key] = number
            self.evidence.append(_evidence(number, row))
        return self._numbers[key]


def _evidence(number: int, row: ClaimRow) -> Evidence:
    sentence = " ".join((row.sentence or "").split())
    if len(sentence) > _MAX_QUOTE:
        sentence = sentence[:_MAX_QUOTE] + "…"
    return Evidence(
        number=number, event_id=row.id, document_id=row.document_id,
        span_start=row.span_start, span_end=row.span_end, sentence=sentence,
        site=row.site, url=row.url, title=row.title, published=row.published,
    )  # fmt: skip


def entity_name(entity: dict[str, Any], lang: str) -> str:
    """English bulletins prefer the registry's canonical name; Arabic ones the words used."""
    surface = str(entity.get("entity_text") or "")
    canonical = entity.get("identifier_text")
    return str(canonical) if lang == "en" and canonical else surface


def place_name(place: dict[str, Any] | None, lang: str) -> str | None:
    if not place:
        return None
    name = place.get("name")
    return str(name) if lang == "en" and name else str(place.get("entity_text") or name or "")


def quantities(payload: dict[str, Any], lang: str) -> list[str]:
    out = [
        labels.quantity(lang, q["kind"], q["value"], q.get("qualifier", "exact"), q.get("high"))
        for q in payload.get("quantity", [])
    ]
    size = payload.get("size") or {}
    for kind in ("dead", "injured", "arrested"):
        if size.get(kind) is not None:
            out.append(labels.quantity(lang, kind, size[kind], "exact", None))
    return out


def _names(entities: Iterable[dict[str, Any]], lang: str) -> list[str]:
    return list(dict.fromkeys(entity_name(e, lang) for e in entities))


def to_claim(row: ClaimRow, lang: str) -> Claim:
    p = row.payload
    place = p.get("event_loc")
    return Claim(
        date=row.date, reported=None if row.date else row.published, category=row.category, modes=list(p.get("mode", [])),
        actors=_names(p.get("actor", []), lang), recipients=_names(p.get("recipient", []), lang),
        claimants=_names(p.get("claimant", []), lang), place=place_name(place, lang),
        admin1=row.admin1, modality=str(p.get("modality", "asserted")),
        quantities=quantities(p, lang), text=str(p.get("event_text", "")), notes=[],
    )  # fmt: skip


def _key(c: Claim) -> tuple[object, ...]:
    return (c.date, c.category, tuple(c.actors), tuple(c.recipients), c.place, c.modality)


def merge(rows: Sequence[ClaimRow], lang: str) -> list[tuple[Claim, list[ClaimRow]]]:
    """Claims of the same happening told the same way become one item with every source."""
    groups: dict[tuple[object, ...], tuple[Claim, list[ClaimRow]]] = {}
    for row in rows:
        claim = to_claim(row, lang)
        key = _key(claim)
        if key in groups:
            first, members = groups[key]
            claimants = list(dict.fromkeys([*first.claimants, *claim.claimants]))
            qty = list(dict.fromkeys([*first.quantities, *claim.quantities]))
            groups[key] = (
                first.model_copy(update={"claimants": claimants, "quantities": qty}),
                members,
            )
            members.append(row)
        else:
            groups[key] = (claim, [row])
    return list(groups.values())


def section(
    rows: Sequence[ClaimRow], lang: str, notes: Notes, limit: int = SECTION_LIMIT
) -> Section:
    """The first `limit` merged items, in the rows' order, each with its evidence notes."""
    merged = merge(rows, lang)
    items = [
        claim.model_copy(update={"notes": sorted({notes.add(r) for r in members[:NOTES_PER_ITEM]})})
        for claim, members in merged[:limit]
    ]
    return Section(items=items, omitted=max(0, len(merged) - limit))
