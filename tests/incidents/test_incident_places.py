"""Place hierarchy, periods and actor overlap in pair scoring: a town inside its district,
a neighbourhood named with its city, a governorate's capital that may stand for the province,
an ongoing fight with an end date, and a battle summary against one of its parts."""

from __future__ import annotations

import datetime as dt

import pytest

from hudna.incidents import Claim, link_claims, load_config, score_pair
from hudna.incidents.places import inside, named_in, precision
from hudna.records import Entity, Event, Place, Span

DAY = dt.date(2015, 7, 22)
_n = iter(range(10_000))


def claim(
    sentence: str,
    place: Place | None,
    *,
    actors: tuple[str, ...] = ("hezbollah",),
    day: dt.date | None = DAY,
    end: dt.date | None = None,
    doc: str = "d",
) -> Claim:
    event = Event(
        id=f"e{next(_n)}",
        doc_id=doc,
        event="ASSAULT",
        actor=[Entity(entity_text=a, registry_id=a) for a in actors],
        date=day,
        enddate=end,
        event_loc=place,
        text_info=Span(start=0, end=len(sentence)),
    )
    return Claim(event=event, document_id=f"{doc}{next(_n)}", reported=day, sentence=sentence)


ARSAL = Place(entity_text="جرود عرسال", country="LB", precision="district")
RAHWA = Place(entity_text="سهل الرهوة", country="LB", precision="district")
ZABADANI = Place(
    entity_text="الزبداني", name="Az Zabadānī", lat=33.72, lon=36.10, country="SY",
    admin1="Rif-dimashq", precision="locality",
)  # fmt: skip
FOUA = Place(
    entity_text="الفوعة", name="Al-Fu'ah", lat=35.97, lon=36.68, country="SY",
    admin1="Idlib", precision="locality",
)  # fmt: skip
IDLIB = Place(
    entity_text="Idlib", name="Idlib", lat=35.93, lon=36.63, country="SY", admin1="Idlib",
    precision="locality",
)  # fmt: skip
SUB = Place(entity_text="مضايا", pcode="SY030402", country="SY", precision="locality")
DISTRICT = Place(entity_text="منطقة الزبداني", pcode="SY0304", country="SY", precision="district")


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("جرود عرسال", "أحرزت تقدما في منطقة سهل الرهوة في جرود عرسال بعد اشتباكات", True),
        ("حلب", "قصف قرى ريف حلب الشمالي", True),
        ("حلب", "في مدينة وحلب القديمة", True),  # a proclitic و
        ("حلب", "قصفت قوات النظام منطقة الحلبوني", False),  # not inside another word
        ("Old Damascus", "shelling on the central district of Old Damascus", True),
        ("Idlib", "the Idlibi fighters", False),
        ("دوما", "", False),
    ],
)
def test_a_place_named_in_a_text(name: str, text: str, found: bool) -> None:
    assert named_in(Place(entity_text=name), text) is found


def test_capitals_named_like_their_governorate_count_as_the_governorate() -> None:
    assert precision(IDLIB) == "governorate"
    assert precision(FOUA) == "locality"
    assert precision(ARSAL) == "district"


def test_pcode_prefix_and_names_put_one_place_inside_the_other() -> None:
    part = claim("تقدم حزب الله في سهل الرهوة في جرود عرسال", RAHWA)
    whole = claim("اشتباكات عنيفة في جرود عرسال", ARSAL)
    found = inside(whole, part, coordinates=False)
    assert found is not None and found.outer is ARSAL and found.how == "named"
    by_code = inside(claim("x", SUB), claim("y", DISTRICT), coordinates=False)
    assert by_code is not None and by_code.outer is DISTRICT and by_code.how == "pcode"


def test_a_town_only_mentioned_in_another_province_is_not_inside() -> None:
    fua = claim("قصف الفوعة ردا على قصف الزبداني", FOUA)
    zabadani = claim("براميل على الزبداني", ZABADANI)
    assert inside(fua, zabadani, coordinates=True) is None
    assert score_pair(fua, zabadani, load_config()) is None  # 250 km apart


def test_summary_and_part_at_differently_named_places_link() -> None:
    cfg = load_config()
    whole = claim(
        "استمرت الاشتباكات العنيفة بين الجيش الحر وحزب الله في جرود عرسال",
        ARSAL,
        actors=("hezbollah", "fsa", "hts"),
    )
    part = claim("أحرزت ميليشيا الحزب تقدما في سهل الرهوة في جرود عرسال", RAHWA)
    scored = score_pair(whole, part, cfg)
    assert scored is not None and scored[0] >= cfg.threshold
    assert any("lies in جرود عرسال" in r for r in scored[1])


def test_an_ongoing_fight_meets_a_later_report_within_its_period() -> None:
    cfg = load_config()
    since = claim("اشتباكات في الزبداني منذ السبت", ZABADANI, day=DAY, end=DAY + dt.timedelta(6))
    later = claim("اشتباكات في الزبداني", ZABADANI, day=DAY + dt.timedelta(5))
    outside = claim("اشتباكات في الزبداني", ZABADANI, day=DAY + dt.timedelta(9))
    scored = score_pair(since, later, cfg)
    assert scored is not None and f"{DAY + dt.timedelta(5)} falls in" in scored[1][0]
    assert score_pair(since, outside, cfg) is None
    assert len(link_claims([since, later])) == 1  # the sliding window reaches the end date


def test_a_part_naming_some_of_the_summary_actors_is_no_mismatch() -> None:
    cfg = load_config()
    whole = claim("x", ZABADANI, actors=("hezbollah", "syr-army", "fsa"))
    part = claim("x", ZABADANI, actors=("hezbollah",))
    scored = score_pair(whole, part, cfg)
    assert scored is not None
    assert any(r == "actors overlap: hezbollah" for r in scored[1])
    other = claim("x", ZABADANI, actors=("isil",))
    assert (
        "different actors named (kept as a conflict)"
        in (score_pair(whole, other, cfg) or (0, []))[1]
    )
