"""A small monitoring store for the publishing tests: real-style Arabic and English reports
of late April 2016 (Syria's cessation of hostilities), their claims, one incident, findings
and claimed totals, plus a hostile document whose text and title carry markup."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Engine, insert

from hudna.records import Entity, Event, Place, Quantity, Size, Span
from hudna.store.events import replace_document_events
from hudna.store.schema import (
    claimed_totals,
    documents,
    findings,
    incident_claims,
    incidents,
    siege_records,
)

AGREEMENT = "syria-coh-2016"
DAY = dt.date(2016, 4, 29)

SANA = (
    "ناقش وزير الخارجية الروسي سيرغي لافروف مع نظيره الأمريكي جون كيري خلال اتصال هاتفي أمس "
    "تعزيز وقف الأعمال القتالية في سورية. "
    "ويحاصر تنظيم داعش الإرهابي منذ أكثر من سنتين عشرات آلاف المواطنين في أحياء مدينة دير الزور. "
    "ويقوم الطيران السوري والروسي بإلقاء المساعدات الإغاثية من الجو على الأحياء المحاصرة."
)
AAWSAT = (
    "أعلن المركز الروسي للمصالحة في حميميم تسجيل أكثر من 430 خرقا لنظام وقف الأعمال القتالية. "
    "وقال المرصد السوري لحقوق الإنسان إن غارات جوية استهدفت حي بستان القصر في مدينة حلب "
    "ما أدى إلى مقتل 12 مدنيا."
)
REUTERS = (
    "The opposition High Negotiations Committee rejected the proposal on Thursday. "
    "Turkey threatened to respond to any shelling of its border towns from Syrian territory."
)
HOSTILE = "مصدر محلي: قصف على سراقب <img src=x onerror=alert(1)> في ريف إدلب."


def _doc(conn: Connection, doc: str, text: str, **meta: Any) -> None:
    conn.execute(
        insert(documents).values(
            id=doc, doc_id=doc, text=text, search_text=text, n_chars=len(text), origin="test",
            date_origin="metadata", ingested_at=dt.datetime.now(dt.UTC), **meta,
        )
    )  # fmt: skip


def _span(text: str, start_words: str, end_words: str) -> Span:
    start = text.index(start_words)
    return Span(start=start, end=text.index(end_words, start) + len(end_words))


def ent(text: str, canonical: str, rid: str, kind: str = "state", **kw: Any) -> Entity:
    return Entity(entity_text=text, identifier_text=canonical, registry_id=rid, kind=kind, **kw)  # type: ignore[arg-type]


def place(
    text: str, name: str, admin1: str, lat: float, lon: float, pcode: str | None = None
) -> Place:
    return Place(
        entity_text=text, name=name, admin1=admin1, lat=lat, lon=lon, country="SY",
        pcode=pcode, precision="locality",
    )  # fmt: skip


def sana_events() -> list[Event]:
    deir = place("دير الزور", "Deir ez-Zor", "Deir ez-Zor", 35.336, 40.145, "SY0900")
    return [
        Event(
            id="e-consult", doc_id="sana-1", event="CONSULT", mode=["phone"],
            actor=[ent("سيرغي لافروف", "Sergey Lavrov", "lavrov", "person", code="RUS", sector="GOV")],
            recipient=[ent("جون كيري", "John Kerry", "kerry", "person", code="USA", sector="GOV")],
            date=dt.date(2016, 4, 28), date_precision="day",
            text_info=_span(SANA, "ناقش", "في سورية."), event_text="ناقش",
        ),
        Event(
            id="e-siege", doc_id="sana-1", event="COERCE", mode=["besiege"],
            actor=[ent("داعش", "ISIL", "isil", "armed_group", sector="REB")],
            recipient=[ent("المواطنين", "civilians", "civilians", "population", sector="CVL")],
            date=dt.date(2014, 4, 1), enddate=DAY, date_precision="month", event_loc=deir,
            text_info=_span(SANA, "ويحاصر", "دير الزور."), event_text="يحاصر",
            quantity=[Quantity(kind="besieged_people", value=10000, qualifier="tens_of_thousands")],
        ),
        Event(
            id="e-airdrop", doc_id="sana-1", event="AID", mode=["humanitarian", "airdrop"],
            actor=[ent("الطيران السوري", "Syrian Air Force", "saaf", "military", code="SYR", sector="MIL"),
                   ent("الروسي", "Russian Aerospace Forces", "rus-vks", "military", code="RUS", sector="MIL")],
            date=DAY, date_precision="day", event_loc=deir,
            text_info=_span(SANA, "ويقوم", "المحاصرة."), event_text="بإلقاء المساعدات",
        ),
    ]  # fmt: skip


def aawsat_events() -> list[Event]:
    centre = ent(
        "المركز الروسي للمصالحة",
        "Russian Reconciliation Centre",
        "rcc",
        "military",
        code="RUS",
        sector="MIL",
    )
    sohr = ent(
        "المرصد السوري لحقوق الإنسان", "Syrian Observatory for Human Rights", "sohr", "organization"
    )
    return [
        Event(
            id="e-accuse", doc_id="aawsat-1", event="ACCUSE", mode=["violation"], claimant=[centre],
            actor=[centre], date=DAY, date_precision="day",
            text_info=_span(AAWSAT, "أعلن", "القتالية."), event_text="خرقا",
            quantity=[Quantity(kind="violations", value=430, qualifier="more_than")],
        ),
        Event(
            id="e-strike", doc_id="aawsat-1", event="ASSAULT", mode=["aerial"], claimant=[sohr],
            date=DAY, date_precision="day", size=Size(dead=12),
            event_loc=place("حلب", "Aleppo", "Aleppo", 36.2, 37.15, "SY0200"),
            text_info=_span(AAWSAT, "وقال", "مدنيا."), event_text="غارات جوية",
        ),
    ]  # fmt: skip


def reuters_events() -> list[Event]:
    return [
        Event(
            id="e-reject", doc_id="reuters-1", event="REJECT", date=DAY, date_precision="day",
            actor=[ent("High Negotiations Committee", "High Negotiations Committee", "hnc", "organization", sector="OPP")],
            claimant=[ent("High Negotiations Committee", "High Negotiations Committee", "hnc", "organization")],
            text_info=_span(REUTERS, "The opposition", "Thursday."), event_text="rejected",
        ),
        Event(
            id="e-threat", doc_id="reuters-1", event="THREATEN", date=dt.date(2016, 4, 27), date_precision="day",
            actor=[ent("Turkey", "Turkey", "tur", code="TUR", sector="GOV")],
            text_info=_span(REUTERS, "Turkey", "territory."), event_text="threatened",
            modality="future",
        ),
    ]  # fmt: skip


def hostile_events() -> list[Event]:
    return [
        Event(
            id="e-hostile", doc_id="hostile-1", event="ASSAULT", date=dt.date(2016, 4, 22),
            date_precision="day", actor=[ent("<b>مجهول</b>", "<script>x</script>", "x", "armed_group")],
            event_loc=place("سراقب", "Saraqib", "Idleb", 35.86, 36.8),
            text_info=Span(start=0, end=len(HOSTILE)), event_text="قصف",
        ),
    ]  # fmt: skip


def _analysis(conn: Connection) -> None:
    conn.execute(insert(incidents), [
        {"id": "i-aleppo", "category": "ASSAULT", "date": DAY, "place_name": "Aleppo", "admin1": "Aleppo",
         "lat": 36.2, "lon": 37.15, "corroboration": 1, "independent_sources": 1, "payload": {}},
        {"id": "i-saraqib", "category": "ASSAULT", "date": dt.date(2016, 4, 22), "place_name": "Saraqib",
         "admin1": "Idlib", "lat": 35.86, "lon": 36.8, "corroboration": 1, "independent_sources": 1, "payload": {}},
    ])  # fmt: skip
    conn.execute(insert(incident_claims), [
        {"incident_id": "i-aleppo", "event_id": "e-strike", "score": 1.0, "reasons": []},
        {"incident_id": "i-saraqib", "event_id": "e-hostile", "score": 1.0, "reasons": []},
    ])  # fmt: skip
    conn.execute(insert(findings), [
        {"incident_id": "i-aleppo", "agreement_id": AGREEMENT, "kind": "potential_violation", "payload": {}},
        {"incident_id": "i-saraqib", "agreement_id": AGREEMENT, "kind": "potential_violation", "payload": {}},
    ])  # fmt: skip
    deir = {
        "place": "دير الزور",
        "place_key": "SY0900",
        "pcode": "SY0900",
        "admin1": "Deir ez-Zor",
        "lat": 35.336,
        "lon": 40.145,
        "claimant": [],
        "how": None,
        "value": None,
        "qualifier": None,
    }  # every row names every column: an executemany takes its columns from the first row
    conn.execute(insert(siege_records), [
        {**deir, "event_id": "e-siege", "kind": "siege", "date": DAY, "actors": ["داعش"]},
        {**deir, "event_id": "e-siege", "kind": "population", "date": DAY, "actors": [],
         "value": 10000, "qualifier": "tens_of_thousands"},
        {**deir, "event_id": "e-airdrop", "kind": "aid", "date": DAY, "actors": ["Syrian Air Force"], "how": "airdrop"},
    ])  # fmt: skip
    conn.execute(insert(claimed_totals), [
        {"event_id": "e-accuse", "claimant": "Russian Reconciliation Centre", "kind": "violations",
         "value": 400, "qualifier": "more_than", "since": dt.date(2016, 2, 27), "as_of": dt.date(2016, 4, 21)},
        {"event_id": "e-accuse", "claimant": "Russian Reconciliation Centre", "kind": "violations",
         "value": 430, "qualifier": "more_than", "since": dt.date(2016, 2, 27), "as_of": DAY},
    ])  # fmt: skip


def populate(engine: Engine) -> None:
    with engine.begin() as conn:
        _doc(
            conn,
            "sana-1",
            SANA,
            language="ar",
            site="sana.sy",
            url="https://sana.sy/?p=1",
            title="لافروف يناقش هاتفيا مع كيري تعزيز وقف الأعمال القتالية",
            published=DAY,
        )
        _doc(
            conn,
            "aawsat-1",
            AAWSAT,
            language="ar",
            site="aawsat.com",
            url="https://aawsat.com/1",
            title="430 خرقا للهدنة",
            published=DAY,
        )
        _doc(
            conn,
            "reuters-1",
            REUTERS,
            language="en",
            site="reuters.com",
            url="https://reuters.com/a",
            title="Syrian opposition rejects proposal",
            published=DAY,
        )
        _doc(
            conn,
            "hostile-1",
            HOSTILE,
            language="ar",
            site="<i>evil</i>",
            url="javascript:alert(1)",
            title="<script>alert('title')</script>",
            published=dt.date(2016, 4, 22),
        )
        for doc, evs in (
            ("sana-1", sana_events()),
            ("aawsat-1", aawsat_events()),
            ("reuters-1", reuters_events()),
            ("hostile-1", hostile_events()),
        ):
            replace_document_events(conn, doc, evs)
        _analysis(conn)  # fmt: skip
