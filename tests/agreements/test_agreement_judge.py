"""The judge on hand-built claims: every finding kind, the seed article's checks, the
reason trace, straddling days, designation lists and exceptions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from hudna.agreements import get_agreement
from hudna.agreements.judge import designations_from, judge
from hudna.records import ClaimLink, Entity, Event, FindingKind, Incident, Place, Span

SEED = Path(__file__).parent / "cases" / "seed_events.jsonl"
COH = "syria-coh-2016"
DARAYA = Place(
    entity_text="داريا", name="Daraya", lat=33.458, lon=36.236, country="SY", admin1="Rif Dimashq"
)
DONETSK = Place(
    entity_text="Донецьк", name="Donetsk", lat=48.0, lon=37.8, country="UA", admin1="Donetsk"
)


def ent(rid: str | None, text: str = "x", **kw: Any) -> Entity:
    return Entity(entity_text=text, registry_id=rid, **kw)


def claim(
    category: str = "ASSAULT",
    *,
    actor: list[Entity] | None = None,
    recipient: list[Entity] | None = None,
    day: dt.date | None = dt.date(2016, 3, 10),
    place: Place | None = DARAYA,
    mode: list[str] | None = None,
    modality: str = "asserted",
    claimant: list[Entity] | None = None,
) -> Event:
    return Event.model_validate(
        {
            "id": "e1",
            "doc_id": "d1",
            "event": category,
            "mode": mode or [],
            "actor": actor or [],
            "recipient": recipient or [],
            "date": day,
            "event_loc": place,
            "text_info": Span(start=0, end=1),
            "modality": modality,
            "claimant": claimant or [],
        }
    )


def incident_of(event: Event, *, day: dt.date | None = None) -> Incident:
    return Incident(
        id="inc-1",
        event=event.event,
        claims=[ClaimLink(event_id=event.id, score=1.0)],
        date=day or event.date,
        place=event.event_loc,
    )


def run(event: Event, agreement_id: str = COH, **kw: Any) -> Any:
    return judge(incident_of(event), [event], get_agreement(agreement_id), **kw)


CASES = [
    (
        "before start",
        claim(day=dt.date(2016, 2, 20), actor=[ent("syr-army")]),
        FindingKind.OUTSIDE_PERIOD,
        "before the agreement took effect",
    ),
    ("undated", claim(day=None, actor=[ent("syr-army")]), FindingKind.OUTSIDE_PERIOD, "no date"),
    (
        "talks",
        claim("CONSULT", actor=[ent("rus")]),
        FindingKind.NOT_PROHIBITED,
        "not prohibited",
    ),
    (
        "negated",
        claim(actor=[ent("syr-army")], modality="negated"),
        FindingKind.NOT_PROHIBITED,
        "no claim asserts",
    ),
    (
        "aid",
        claim("AID", actor=[ent("rus-aerospace-forces")], mode=["airdrop"]),
        FindingKind.NOT_PROHIBITED,
        "not prohibited",
    ),
    (
        "no place",
        claim(actor=[ent("syr-army")], place=None),
        FindingKind.OUTSIDE_AREA,
        "no place",
    ),
    (
        "ukraine",
        claim(actor=[ent("syr-army")], place=DONETSK),
        FindingKind.OUTSIDE_AREA,
        "not within the area",
    ),
    ("nobody", claim(), FindingKind.UNATTRIBUTED, "no claim names a perpetrator"),
    ("unresolved", claim(actor=[ent(None, "مسلحون")]), FindingKind.UNATTRIBUTED, "مسلحون"),
    (
        "isil",
        claim(actor=[ent("isil")]),
        FindingKind.EXCLUDED_ACTOR,
        "isil is excluded (named as excluded",
    ),
    (
        "against nusra",
        claim(actor=[ent("rus-aerospace-forces")], recipient=[ent("al-nusra-front")]),
        FindingKind.EXCLUDED_ACTOR,
        "exception",
    ),
    ("not a party", claim(actor=[ent("tur")]), FindingKind.NOT_PROHIBITED, "not a party"),
    (
        "army shells",
        claim(actor=[ent("syr-army")], recipient=[ent("fsa")]),
        FindingKind.POTENTIAL_VIOLATION,
        "obligation cease-attacks",
    ),
]


@pytest.mark.parametrize(("name", "event", "kind", "reason"), CASES, ids=[c[0] for c in CASES])
def test_every_finding_kind(name: str, event: Event, kind: FindingKind, reason: str) -> None:
    finding = run(event)
    assert finding.kind == kind, finding.reasons
    assert any(reason in r for r in finding.reasons), finding.reasons
    assert finding.agreement_id == COH and finding.incident_id == "inc-1"


def test_after_the_end_is_outside_the_period() -> None:
    late = run(
        claim(actor=[ent("syr-army")], day=dt.date(2016, 9, 19)), "syria-arrangement-2016-09"
    )
    assert late.kind == FindingKind.OUTSIDE_PERIOD
    assert any("after the agreement ended" in r for r in late.reasons)
    last = run(
        claim(actor=[ent("syr-army")], day=dt.date(2016, 9, 18)), "syria-arrangement-2016-09"
    )
    assert last.kind == FindingKind.POTENTIAL_VIOLATION


def test_violation_names_obligation_party_and_claimant() -> None:
    event = claim(
        actor=[ent("syr-army"), ent(None, "مجهول")],
        recipient=[ent("jaish-al-islam")],
        claimant=[ent("jaish-al-islam", "جيش الإسلام")],
        mode=["aerial"],
    )
    finding = run(event)
    assert finding.kind == FindingKind.POTENTIAL_VIOLATION
    assert finding.obligation == "cease-attacks"
    assert finding.alleged_party == ["syr-army"]
    assert finding.claimed_by == ["jaish-al-islam"]
    assert any("self-defence" in r for r in finding.reasons)


def test_besieging_is_a_humanitarian_access_violation() -> None:
    finding = run(claim("COERCE", actor=[ent("hezbollah")], mode=["besiege"]))
    assert (finding.kind, finding.obligation) == (
        FindingKind.POTENTIAL_VIOLATION,
        "humanitarian-access",
    )


def test_designation_list_excludes_listed_groups_as_of_its_date() -> None:
    event = claim(actor=[ent("jund-al-aqsa")])
    assert run(event).kind == FindingKind.NOT_PROHIBITED
    listed = designations_from({"UNSC-ISIL-AQ": {"jund-al-aqsa"}})
    finding = run(event, designated=listed)
    assert finding.kind == FindingKind.EXCLUDED_ACTOR
    assert any("UNSC-ISIL-AQ" in r and "2016-02-22" in r for r in finding.reasons)


def test_party_that_joined_later_is_not_bound_before() -> None:
    event = claim(actor=[ent("fsa")], day=dt.date(2016, 2, 27))
    assert run(event).kind == FindingKind.POTENTIAL_VIOLATION
    # Minsk II: Ukraine joined on 12 February; a ceasefire breach on the 14th is before the start.
    assert (
        run(claim(actor=[ent("ukr")], place=DONETSK, day=dt.date(2015, 2, 14)), "minsk-2-2015").kind
        == FindingKind.OUTSIDE_PERIOD
    )
    assert (
        run(claim(actor=[ent("dnr")], place=DONETSK, day=dt.date(2015, 2, 16)), "minsk-2-2015").kind
        == FindingKind.POTENTIAL_VIOLATION
    )


def test_day_straddling_a_noon_start_is_judged_in_period_and_says_so() -> None:
    nk = Place(entity_text="Talish", name="Talish", lat=40.17, lon=46.65, country="AZ")
    finding = run(
        claim(actor=[ent("aze")], place=nk, day=dt.date(2016, 4, 5)),
        "nagorno-karabakh-2016-04",
    )
    assert finding.kind == FindingKind.POTENTIAL_VIOLATION
    assert any("straddle" in r for r in finding.reasons)
    before = run(
        claim(actor=[ent("aze")], place=nk, day=dt.date(2016, 4, 4)),
        "nagorno-karabakh-2016-04",
    )
    assert before.kind == FindingKind.OUTSIDE_PERIOD


def test_local_truce_area_by_polygon_and_pcode() -> None:
    truce = "zabadani-foua-kefraya-2015-08-12"
    foua = Place(
        entity_text="الفوعة", name="Al-Fu'ah", lat=35.967, lon=36.683, country="SY", admin1="Idlib"
    )
    aleppo = Place(
        entity_text="حلب", name="Aleppo", lat=36.2, lon=37.15, country="SY", admin1="Aleppo"
    )
    madaya = Place(entity_text="مضايا", name="Madaya", pcode="SY030703", country="SY")
    day = dt.date(2015, 8, 13)
    assert (
        run(claim(actor=[ent("ahrar-al-sham")], place=foua, day=day), truce).kind
        == FindingKind.POTENTIAL_VIOLATION
    )
    assert (
        run(claim(actor=[ent("hezbollah")], place=madaya, day=day), truce).kind
        == FindingKind.POTENTIAL_VIOLATION
    )
    assert (
        run(claim(actor=[ent("ahrar-al-sham")], place=aleppo, day=day), truce).kind
        == FindingKind.OUTSIDE_AREA
    )


def _seed() -> dict[str, Event]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return {
        e.event_text or e.id: e for e in (Event.model_validate(json.loads(line)) for line in lines)
    }


def test_seed_isis_siege_of_deir_ez_zor_is_an_excluded_actor_finding() -> None:
    siege = _seed()["يحاصر"]
    assert siege.date is None  # "منذ أكثر من سنتين": judged as of the report day
    incident = incident_of(siege, day=dt.date(2016, 4, 30))
    finding = judge(incident, [siege], get_agreement(COH))
    assert finding.kind == FindingKind.EXCLUDED_ACTOR
    assert finding.alleged_party == ["isil"]
    assert any("isil is excluded" in r for r in finding.reasons)
    assert any("humanitarian" in r or "Deir ez-Zor" in r or "SY" in r for r in finding.reasons)


def test_seed_airdrop_is_not_prohibited_and_unnamed_besiegers_unattributed() -> None:
    seed = _seed()
    airdrop = seed["بإلقاء المساعدات الإغاثية من الجو"]
    assert (
        judge(incident_of(airdrop, day=dt.date(2016, 4, 30)), [airdrop], get_agreement(COH)).kind
        == FindingKind.NOT_PROHIBITED
    )
    foua = seed["تحاصر"]
    assert (
        judge(incident_of(foua, day=dt.date(2016, 4, 30)), [foua], get_agreement(COH)).kind
        == FindingKind.UNATTRIBUTED
    )


def test_generic_descriptions_do_not_attribute() -> None:
    finding = run(claim(actor=[ent("generic.armed-groups", "المجموعات المسلحة")]))
    assert finding.kind == FindingKind.UNATTRIBUTED
    assert any("المجموعات المسلحة" in r for r in finding.reasons)


def test_real_un_list_from_the_registry_excludes_nusra_renamed() -> None:
    from hudna.analysis.designations import registry_link

    link = registry_link()
    assert link.designated("UNSC-ISIL-AQ", dt.date(2016, 2, 22)) >= {"isil", "al-nusra-front"}
    finding = run(claim(actor=[ent("al-nusra-front")]), designated=link.designated)
    assert finding.kind == FindingKind.EXCLUDED_ACTOR
