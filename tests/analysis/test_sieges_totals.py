"""Siege records and claimed totals from hand-built claims (pure functions)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hudna.analysis.sieges import group_sieges, place_key, siege_records_from
from hudna.analysis.totals import claimed_totals_from
from hudna.incidents import Claim
from hudna.records import Entity, Event, Place, Quantity, Span

MADAYA = Place(
    entity_text="مضايا", name="Madaya", pcode="SY030703", admin1="Rif Dimashq", country="SY"
)
MADAYA_NAMED = Place(entity_text="بلدة مضايا", country="SY")
_n = iter(range(1000))


def claim(category: str, modes: list[str], *, place: Place | None = MADAYA, **kw: Any) -> Claim:
    day = kw.pop("day", dt.date(2016, 1, 11))
    event = Event(id=f"e{next(_n)}", doc_id="d", event=category, mode=modes, date=day, event_loc=place,
                  text_info=Span(start=0, end=1), **kw)  # fmt: skip
    return Claim(event=event, document_id="d", reported=dt.date(2016, 1, 12), site="sana")


def ent(rid: str, text: str = "x") -> Entity:
    return Entity(entity_text=text, registry_id=rid)


def test_siege_population_aid_and_denial_records() -> None:
    claims = [
        claim("COERCE", ["besiege"], actor=[ent("hezbollah")], claimant=[ent("sohr")],
              quantity=[Quantity(kind="besieged_people", value=40000, qualifier="tens_of_thousands")]),
        claim("AID", ["humanitarian"], actor=[ent("sarc")], context=["convoy"], day=dt.date(2016, 1, 14)),
        claim("AID", ["airdrop"], actor=[ent("rus-aerospace-forces")]),
        claim("REJECT", ["assist"], actor=[ent("syr-gov")], day=dt.date(2016, 1, 5)),
        claim("COERCE", ["besiege"], place=None, actor=[ent("isil")]),  # no place: no record
        claim("ASSAULT", [], actor=[ent("syr-army")]),  # not about sieges
    ]  # fmt: skip
    records = list(siege_records_from(claims))
    kinds = [r.kind for _, r in records]
    assert kinds == ["siege", "population", "aid", "aid", "denial"]
    assert {r.how for _, r in records if r.kind == "aid"} == {"convoy", "airdrop"}
    [siege] = group_sieges(records)
    assert siege.place == "Madaya" and siege.besiegers == ["hezbollah"]
    assert siege.population[0].value == 40000 and siege.population[0].claimant == ["sohr"]
    assert [d.actors for d in siege.denials] == [["syr-gov"]]
    assert (siege.first_reported, siege.last_reported) == (
        dt.date(2016, 1, 5),
        dt.date(2016, 1, 14),
    )


def test_aid_elsewhere_is_not_a_siege() -> None:
    assert (
        group_sieges(siege_records_from([claim("AID", ["humanitarian"], actor=[ent("sarc")])]))
        == []
    )


def test_place_keys() -> None:
    assert place_key(MADAYA) == "SY030703"
    assert place_key(MADAYA_NAMED) == "مضايا"
    assert place_key(Place(entity_text="x", name="Deir ez-Zor")) == "deir ez zor"


def test_claimed_totals_per_claimant_with_since_and_as_of() -> None:
    centre = ent("rus-reconciliation-centre", "مركز المصالحة")
    claims = [
        claim("ACCUSE", ["violation"], actor=[centre], day=None,
              quantity=[Quantity(kind="violations", value=430, qualifier="more_than")]),
        claim("ACCUSE", ["violation"], claimant=[ent("fsa")], day=dt.date(2016, 2, 27),
              enddate=dt.date(2016, 3, 5), quantity=[Quantity(kind="violations", value=12)]),
        claim("ACCUSE", ["violation"], quantity=[Quantity(kind="dead", value=3)]),  # not a total
        claim("ACCUSE", [], quantity=[Quantity(kind="violations", value=9)]),  # not mode violation
        claim("ACCUSE", ["violation"], quantity=[Quantity(kind="violations", value=5)], day=None),
    ]  # fmt: skip
    totals = list(claimed_totals_from(claims))
    assert [(t.claimant, t.value, t.since, t.as_of) for t in totals] == [
        ("rus-reconciliation-centre", 430, None, dt.date(2016, 1, 12)),
        ("fsa", 12, dt.date(2016, 2, 27), dt.date(2016, 3, 5)),
        ("outlet:sana", 5, None, dt.date(2016, 1, 12)),
    ]
    assert totals[0].qualifier == "more_than"
