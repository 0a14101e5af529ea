"""Linking claims into incidents: scores with reasons, vetoes, corroboration, independent
sources (reprints and shared wire agencies count once) and conflicts kept side by side."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hudna.incidents import Claim, link_claims, load_config, score_pair
from hudna.incidents.sources import source_groups
from hudna.records import Entity, Event, Place, Quantity, Size, Span

IDLIB = Place(entity_text="إدلب", name="Idlib", lat=35.93, lon=36.63, country="SY", admin1="Idlib")
SARAQIB = Place(
    entity_text="سراقب", name="Saraqib", lat=35.86, lon=36.80, country="SY", admin1="Idlib"
)
ALEPPO = Place(entity_text="حلب", name="Aleppo", lat=36.2, lon=37.16, country="SY", admin1="Aleppo")
REUTERS = Entity(entity_text="رويترز", identifier_text="Reuters", kind="media")
DAY = dt.date(2016, 3, 10)
_n = iter(range(10_000))


def claim(
    doc: str,
    sentence: str,
    *,
    category: str = "ASSAULT",
    actors: tuple[str, ...] = ("syrian-army",),
    place: Place | None = IDLIB,
    day: dt.date | None = DAY,
    site: str | None = None,
    via: list[Entity] | None = None,
    dead: float | None = None,
    claimant: str | None = None,
    **kw: Any,
) -> Claim:
    event = Event(
        id=f"e{next(_n)}",
        doc_id=doc,
        event=category,
        actor=[Entity(entity_text=a, registry_id=a) for a in actors],
        date=day,
        event_loc=place,
        text_info=Span(start=0, end=len(sentence)),
        via=via or [],
        size=Size(dead=dead),
        claimant=[Entity(entity_text=claimant, registry_id=claimant)] if claimant else [],
        **kw,
    )
    return Claim(event=event, document_id=doc, reported=DAY, site=site or doc, sentence=sentence)


AR = "قصفت قوات النظام مدينة إدلب بالبراميل المتفجرة ما أدى إلى مقتل خمسة مدنيين"
AR2 = "قتل خمسة مدنيين في قصف لقوات النظام بالبراميل المتفجرة على مدينة إدلب"
EN = "Government forces dropped barrel bombs on Idlib city, killing five civilians"


def test_same_happening_across_documents_links_with_reasons() -> None:
    scored = score_pair(claim("d1", AR), claim("d2", AR2), load_config())
    assert scored is not None
    score, reasons = scored
    assert score >= load_config().threshold
    assert "same day" in reasons and "0 km apart" in reasons
    assert any(r.startswith("actors overlap: syrian-army") for r in reasons)


def test_vetoes_far_places_other_regions_other_categories_and_days() -> None:
    cfg = load_config()
    base = claim("d1", AR)
    assert score_pair(base, claim("d2", AR, place=ALEPPO), cfg) is None  # 70 km apart
    assert score_pair(base, claim("d2", AR, category="AID"), cfg) is None
    assert score_pair(base, claim("d2", AR, day=DAY + dt.timedelta(days=3)), cfg) is None
    no_coords = Place(entity_text="حلب", admin1="Aleppo", country="SY")
    idlib_name = Place(entity_text="إدلب", admin1="Idlib", country="SY")
    assert (
        score_pair(claim("d1", AR, place=idlib_name), claim("d2", AR, place=no_coords), cfg) is None
    )


def test_unrelated_attacks_same_day_same_actor_unknown_place_do_not_link() -> None:
    a = claim("d1", AR, place=None)
    b = claim("d2", "اشتباكات عنيفة بين الجيش ومسلحين في ريف حماة الشمالي", place=None)
    assert score_pair(a, b, load_config()) is None


def test_incidents_count_corroboration_and_independent_sources() -> None:
    claims = [
        claim("d1", AR, site="aawsat", via=[REUTERS]),
        claim("d2", AR2, site="alhayat", via=[REUTERS]),  # same wire story
        claim("d3", AR, site="okaz"),  # a reprint of d1
        claim("d4", EN, site="bbc"),
        claim("d5", "قصف بالبراميل على سراقب", place=SARAQIB, actors=("russia-mil",)),
    ]
    incidents = link_claims(claims, near_duplicates=[("d1", "d3")])
    big = max(incidents, key=lambda i: len(i.claims))
    assert len(big.claims) == 4
    assert big.corroboration == 4
    assert big.independent_sources == 2  # {d1, d2, d3} via Reuters and the reprint; {d4}
    assert len(incidents) == 2
    assert big.id.startswith("inc-") and big.place is not None and big.place.name == "Idlib"


def test_incident_ids_are_stable_and_every_claim_is_placed() -> None:
    claims = [claim("d1", AR), claim("d2", AR2), claim("d3", "x", day=None, place=None)]
    first, second = link_claims(claims), link_claims(list(reversed(claims)))
    assert {i.id for i in first} == {i.id for i in second}
    assert sum(len(i.claims) for i in first) == 3


def test_conflicting_perpetrators_and_numbers_are_kept_side_by_side() -> None:
    gov = claim("d1", AR, actors=("free-syrian-army",), dead=5, claimant="syria-gov")
    opp = claim("d2", AR2, actors=("syrian-army",), dead=12, claimant="free-syrian-army")
    [incident] = link_claims([gov, opp])
    assert len(incident.claims) == 2
    perpetrator = next(c for c in incident.conflicts if c.startswith("perpetrator"))
    assert "free-syrian-army (according to syria-gov)" in perpetrator
    assert "syrian-army (according to free-syrian-army)" in perpetrator
    assert (
        "dead: 5 (according to syria-gov) vs 12 (according to free-syrian-army)"
        in incident.conflicts
    )


def test_source_groups_by_site() -> None:
    claims = [
        claim("d1", AR, site="sana"),
        claim("d2", AR2, site="sana"),
        claim("d3", EN, site="bbc"),
    ]
    assert sorted(len(g) for g in source_groups(claims, [])) == [1, 2]


def test_quantities_conflict_too() -> None:
    a = claim(
        "d1",
        AR,
        category="COERCE",
        mode=["besiege"],
        quantity=[Quantity(kind="besieged_people", value=10000)],
    )
    b = claim(
        "d2",
        AR2,
        category="COERCE",
        mode=["besiege"],
        quantity=[Quantity(kind="besieged_people", value=40000)],
    )
    [incident] = link_claims([a, b])
    assert any(c.startswith("besieged_people: 10000") for c in incident.conflicts)


def test_linking_scales_roughly_linearly() -> None:
    import time

    claims = [
        claim(
            f"d{i}",
            AR if i % 2 else EN,
            day=DAY + dt.timedelta(days=i % 200),
            place=IDLIB if i % 3 else SARAQIB,
        )
        for i in range(3000)
    ]
    start = time.perf_counter()
    incidents = link_claims(claims)
    assert time.perf_counter() - start < 20
    assert sum(len(i.claims) for i in incidents) == 3000
