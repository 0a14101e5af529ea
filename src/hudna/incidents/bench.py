"""Timing the linker over many synthetic claims (a year of a busy conflict in 400 places),
for `hudna bench linking --synthetic N`."""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass

from hudna.incidents.claims import Claim
from hudna.incidents.link import link_claims
from hudna.records import Entity, Event, Place, Span

ACTORS = ("syr-army", "fsa", "isil", "al-nusra-front", "rus-aerospace-forces", "hezbollah")
CATEGORIES = ("ASSAULT", "ASSAULT", "COERCE", "AID", "ACCUSE")
WORDS = [
    "قصف",
    "غارة",
    "اشتباك",
    "قتل",
    "مدنيين",
    "الجيش",
    "المعارضة",
    "حلب",
    "إدلب",
    "درعا",
    "حمص",
    "برميل",
    "صاروخ",
    "هاون",
]


@dataclass(frozen=True)
class LinkTiming:
    claims: int
    incidents: int
    seconds: float


def synthetic_claims(n: int, *, seed: int = 1) -> list[Claim]:
    rng = random.Random(seed)
    places = [
        Place(
            entity_text=f"p{i}",
            lat=33 + rng.random() * 4,
            lon=36 + rng.random() * 4,
            country="SY",
            admin1=f"a{i % 14}",
        )
        for i in range(400)
    ]
    claims = []
    for i in range(n):
        day = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randint(0, 365))
        event = Event(
            id=f"e{i}",
            doc_id=f"d{i // 3}",
            event=rng.choice(CATEGORIES),
            actor=[
                Entity(entity_text=a, registry_id=a) for a in rng.sample(ACTORS, rng.randint(0, 2))
            ],
            date=day,
            event_loc=rng.choice([*places, None]),
            text_info=Span(start=0, end=1),
        )
        sentence = " ".join(rng.choices(WORDS, k=12))
        claims.append(
            Claim(
                event=event,
                document_id=f"d{i // 3}",
                reported=day,
                site=f"s{i % 40}",
                sentence=sentence,
            )
        )
    return claims


def time_linking(n: int) -> LinkTiming:
    claims = synthetic_claims(n)
    start = time.perf_counter()
    incidents = link_claims(claims)
    return LinkTiming(n, len(incidents), time.perf_counter() - start)
