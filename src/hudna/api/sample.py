"""A small, hand-made store content for the API and dashboard tests: Arabic and English
reports of the same shelling with different numbers, claims linked into incidents,
findings under the 2016 Syrian cessation of hostilities, and claimed totals.

Offsets are computed from the texts, so every evidence span points at its words."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert

from hudna.records import Entity, Event, Place, Quantity, Size, Span
from hudna.store.events import replace_document_events
from hudna.store.schema import claimed_totals, documents, findings, incident_claims, incidents
from hudna.text.normalize import for_search

AGREEMENT = "syria-coh-2016"


@dataclass(frozen=True, slots=True)
class SampleDoc:
    doc_id: str
    text: str
    language: str
    published: dt.date
    title: str
    site: str
    url: str


DOCS = (
    SampleDoc(
        "sana-2016-04-12",
        "دمشق - قال المركز الروسي للمصالحة في حميميم إن مسلحين قصفوا حي الشيخ مقصود في حلب "
        "أمس الاثنين، ما أدى إلى مقتل 5 مدنيين وإصابة 12 آخرين. وأضاف المركز أنه سجل أكثر من "
        "430 خرقا لنظام وقف الأعمال القتالية منذ 27 شباط الماضي.",
        "ar",
        dt.date(2016, 4, 12),
        "المركز الروسي: قصف على الشيخ مقصود في حلب",
        "sana.sy",
        "https://sana.sy/?p=1",
    ),
    SampleDoc(
        "smart-2016-04-12",
        "حلب - أفاد ناشطون بأن قوات النظام قصفت حي الشيخ مقصود بالمدفعية يوم الاثنين، "
        "ونقل مراسل الوكالة عن مصدر طبي مقتل 3 مدنيين. وقالت المعارضة إنها أحصت 12 خرقا فقط.",
        "ar",
        dt.date(2016, 4, 12),
        "ناشطون: قصف مدفعي على الشيخ مقصود",
        "smartnews-agency.com",
        "https://smartnews-agency.com/ar/1",
    ),
    SampleDoc(
        "reuters-2016-04-11",
        "BEIRUT - Shelling hit the Sheikh Maqsoud district of Aleppo on Monday, killing at "
        "least four civilians, the Syrian Observatory for Human Rights said. Separately, "
        "government aircraft struck Douma in Eastern Ghouta, the monitor said.",
        "en",
        dt.date(2016, 4, 11),
        "Shelling kills civilians in Aleppo despite truce",
        "reuters.com",
        "https://www.reuters.com/article/1",
    ),
)

PLACES = {
    "aleppo": Place(entity_text="الشيخ مقصود", name="Sheikh Maqsoud", admin1="Aleppo",
                    country="SY", lat=36.2265, lon=37.1576, precision="locality", pcode="SY0200"),
    "douma": Place(entity_text="Douma", name="Douma", admin1="Rural Damascus", country="SY",
                   lat=33.5711, lon=36.4050, precision="locality", pcode="SY0302"),
}  # fmt: skip


def document_id(text: str) -> str:
    return hashlib.sha256(for_search(text).encode("utf-8")).hexdigest()


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start=start, end=start + len(needle))


def _entity(text: str, *, registry_id: str | None = None, kind: Any = None) -> Entity:
    return Entity(entity_text=text, registry_id=registry_id, kind=kind)


def _event(doc: SampleDoc, n: int, needle: str, **fields: Any) -> Event:
    return Event(
        id=f"{doc.doc_id}-e{n}",
        doc_id=doc.doc_id,
        text_info=_span(doc.text, needle),
        event_text=needle,
        **fields,
    )


def sample_events() -> dict[str, list[Event]]:
    sana, smart, reuters = DOCS
    monday = dt.date(2016, 4, 11)
    russia = _entity("المركز الروسي للمصالحة", registry_id="RUS-RECON", kind="military")
    return {
        sana.doc_id: [
            _event(sana, 1, "قصفوا حي الشيخ مقصود في حلب", event="ASSAULT", mode=["bombard"],
                   actor=[_entity("مسلحين", kind="armed_group")], claimant=[russia],
                   date=monday, date_precision="day", event_loc=PLACES["aleppo"],
                   size=Size(dead=5, injured=12), confidence=0.8),
            _event(sana, 2, "سجل أكثر من 430 خرقا", event="ACCUSE", claimant=[russia],
                   date=dt.date(2016, 4, 12), date_precision="day",
                   quantity=[Quantity(kind="violations", value=430, qualifier="more_than")]),
        ],
        smart.doc_id: [
            _event(smart, 1, "قصفت حي الشيخ مقصود بالمدفعية", event="ASSAULT", mode=["bombard"],
                   actor=[_entity("قوات النظام", registry_id="SYR-GOV-FORCES", kind="military")],
                   claimant=[_entity("ناشطون", kind="population")],
                   via=[_entity("مصدر طبي")], date=monday, date_precision="day",
                   event_loc=PLACES["aleppo"], size=Size(dead=3), confidence=0.7),
        ],
        reuters.doc_id: [
            _event(reuters, 1, "Shelling hit the Sheikh Maqsoud district of Aleppo",
                   event="ASSAULT", mode=["bombard"],
                   claimant=[_entity("Syrian Observatory for Human Rights", registry_id="SOHR")],
                   date=monday, date_precision="day", event_loc=PLACES["aleppo"],
                   size=Size(dead=4), confidence=0.75),
            _event(reuters, 2, "government aircraft struck Douma", event="ASSAULT",
                   mode=["aerial"], actor=[_entity("government aircraft", registry_id="SYR-GOV-FORCES")],
                   claimant=[_entity("Syrian Observatory for Human Rights", registry_id="SOHR")],
                   date=monday, date_precision="day", event_loc=PLACES["douma"], confidence=0.7),
        ],
    }  # fmt: skip


def insert_document(conn: Connection, doc: SampleDoc, *, origin: str = "sample") -> str:
    """Store one document row (for tests, demos and benchmarks) and return its id."""
    doc_key = document_id(doc.text)
    conn.execute(
        insert(documents),
        {
            "id": doc_key, "doc_id": doc.doc_id, "text": doc.text,
            "search_text": for_search(doc.text), "language": doc.language,
            "published": doc.published, "date_origin": "metadata", "title": doc.title,
            "site": doc.site, "url": doc.url, "author": None, "origin": origin,
            "n_chars": len(doc.text), "ingested_at": dt.datetime.now(dt.UTC),
        },
    )  # fmt: skip
    return doc_key


def _incident(conn: Connection, incident_id: str, event_ids: list[str], place: Place,
              conflicts: list[str], sources: int) -> None:  # fmt: skip
    conn.execute(
        insert(incidents),
        {
            "id": incident_id, "category": "ASSAULT", "date": dt.date(2016, 4, 11),
            "enddate": dt.date(2016, 4, 11), "place_name": place.name, "admin1": place.admin1,
            "lat": place.lat, "lon": place.lon, "corroboration": len(event_ids),
            "independent_sources": sources,
            "payload": {"id": incident_id, "event": "ASSAULT", "conflicts": conflicts,
                        "claims": [{"event_id": e, "score": 1.0} for e in event_ids]},
        },
    )  # fmt: skip
    conn.execute(
        insert(incident_claims),
        [{"incident_id": incident_id, "event_id": e, "score": 0.9, "reasons": ["same place and day"]}
         for e in event_ids],
    )  # fmt: skip


def _finding(conn: Connection, incident_id: str, kind: str, reasons: list[str]) -> None:
    payload = {"incident_id": incident_id, "agreement_id": AGREEMENT, "kind": kind,
               "obligation": "no-attacks", "alleged_party": ["SYR-GOV-FORCES"],
               "claimed_by": ["SOHR"], "reasons": reasons}  # fmt: skip
    conn.execute(
        insert(findings),
        {"incident_id": incident_id, "agreement_id": AGREEMENT, "kind": kind,
         "obligation": "no-attacks", "payload": payload},
    )  # fmt: skip


def load_sample(engine: Engine) -> dict[str, str]:
    """Fill an empty, migrated store with the sample; returns the document ids by doc_id."""
    ids: dict[str, str] = {}
    by_doc = sample_events()
    with engine.begin() as conn:
        for doc in DOCS:
            ids[doc.doc_id] = insert_document(conn, doc)
            replace_document_events(conn, ids[doc.doc_id], by_doc[doc.doc_id])
        aleppo = ["sana-2016-04-12-e1", "smart-2016-04-12-e1", "reuters-2016-04-11-e1"]
        conflict = "dead: 5 (المركز الروسي للمصالحة) vs 3 (ناشطون) vs 4 (SOHR)"
        _incident(conn, "inc-aleppo-2016-04-11", aleppo, PLACES["aleppo"], [conflict], 3)
        _incident(conn, "inc-douma-2016-04-11", ["reuters-2016-04-11-e2"], PLACES["douma"], [], 1)
        _finding(conn, "inc-aleppo-2016-04-11", "potential_violation",
                 ["in force on 2016-04-11", "Aleppo is inside the area", "ASSAULT is prohibited"])  # fmt: skip
        _finding(conn, "inc-douma-2016-04-11", "potential_violation",
                 ["in force on 2016-04-11", "aerial ASSAULT is prohibited"])  # fmt: skip
        conn.execute(
            insert(claimed_totals),
            [
                {"event_id": "sana-2016-04-12-e2", "claimant": "RUS-RECON", "kind": "violations",
                 "value": 430, "qualifier": "more_than", "since": dt.date(2016, 2, 27),
                 "as_of": dt.date(2016, 4, 12)},
                {"event_id": "smart-2016-04-12-e1", "claimant": "opposition", "kind": "violations",
                 "value": 12, "qualifier": "exact", "since": dt.date(2016, 2, 27),
                 "as_of": dt.date(2016, 4, 12)},
            ],
        )  # fmt: skip
    return ids
