"""`hudna bench judge`: how many incident × agreement evaluations per second the judge does,
over a synthetic mix of claims that reaches every finding kind."""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from hudna.agreements.judge import Designated, designations_from, judge
from hudna.agreements.model import Agreement
from hudna.records import ClaimLink, Entity, Event, Incident, Place, Span

ACTORS = ("syr-army", "isil", "fsa", "rus-aerospace-forces", "tur", None, "dnr", "aze")
CATEGORIES = ("ASSAULT", "ASSAULT", "COERCE", "AID", "CONSULT")
PLACES = (
    Place(entity_text="حلب", name="Aleppo", lat=36.2, lon=37.16, country="SY", admin1="Aleppo"),
    Place(
        entity_text="الفوعة", name="Al-Fu'ah", lat=35.967, lon=36.683, country="SY", admin1="Idlib"
    ),
    Place(
        entity_text="Donetsk", name="Donetsk", lat=48.0, lon=37.8, country="UA", admin1="Donetsk"
    ),
    Place(entity_text="Talish", name="Talish", lat=40.17, lon=46.65, country="AZ"),
    None,
)


@dataclass(frozen=True)
class BenchResult:
    evaluations: int
    seconds: float
    by_kind: dict[str, int]
    in_period_evaluations: int = 0
    in_period_seconds: float = 0.0
    cpu_seconds: float = 0.0

    @property
    def per_cpu_second(self) -> float:
        """Evaluations per second of this process's CPU time (steadier on a shared machine)."""
        return self.evaluations / self.cpu_seconds if self.cpu_seconds else 0.0

    @property
    def per_second(self) -> float:
        return self.evaluations / self.seconds if self.seconds else 0.0

    @property
    def in_period_per_second(self) -> float:
        """The rate over pairs that pass the period check (the costlier path)."""
        return (
            self.in_period_evaluations / self.in_period_seconds if self.in_period_seconds else 0.0
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "evaluations": self.evaluations,
            "seconds": round(self.seconds, 3),
            "per_second": round(self.per_second),
            "per_cpu_second": round(self.per_cpu_second),
            "in_period_evaluations": self.in_period_evaluations,
            "in_period_per_second": round(self.in_period_per_second),
            "by_kind": self.by_kind,
        }


def sample_cases(n: int) -> list[tuple[Incident, list[Event]]]:
    """`n` varied single-claim incidents (dates 2015-2016, several places and actors)."""
    cases = []
    combos = itertools.product(ACTORS, CATEGORIES, PLACES, range(0, 700, 37))
    for i, (actor, category, place, offset) in enumerate(
        itertools.islice(itertools.cycle(combos), n)
    ):
        day = dt.date(2015, 2, 1) + dt.timedelta(days=offset)
        event = Event(
            id=f"b{i}",
            doc_id="bench",
            event=category,
            mode=["besiege"] if category == "COERCE" else [],
            actor=[Entity(entity_text=actor or "مسلحون", registry_id=actor)],
            date=day,
            event_loc=place,
            text_info=Span(start=0, end=1),
        )
        links = [ClaimLink(event_id=event.id, score=1.0)]
        cases.append(
            (Incident(id=f"inc-{i}", event=category, claims=links, date=day, place=place), [event])
        )
    return cases


def bench_judge(
    agreements: Sequence[Agreement],
    *,
    incidents: int = 20_000,
    designated: Designated | None = None,
) -> BenchResult:
    cases = sample_cases(incidents)
    lookup = designated or designations_from({"UNSC-ISIL-AQ": {"jund-al-aqsa"}})
    kinds: Counter[str] = Counter()
    start, cpu = time.perf_counter(), time.process_time()
    for incident, claims in cases:
        for agreement in agreements:
            kinds[judge(incident, claims, agreement, designated=lookup).kind] += 1
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    hard = [
        (incident, claims, agreement)
        for incident, claims in cases
        for agreement in agreements
        if incident.date
        and agreement.day_status(incident.date, incident.date) not in ("before", "after")
    ]
    start = time.perf_counter()
    for incident, claims, agreement in hard:
        judge(incident, claims, agreement, designated=lookup)
    hard_seconds = time.perf_counter() - start
    return BenchResult(
        len(cases) * len(agreements),
        seconds,
        {str(k): v for k, v in kinds.items()},
        len(hard),
        hard_seconds,
        cpu_seconds,
    )
