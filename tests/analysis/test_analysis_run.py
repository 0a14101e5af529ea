"""The store side on the founding article: incidents, findings, claimed totals and sieges
written by `run_analysis` and read back by the queries, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from analysis_seed import load_seed
from sqlalchemy import Engine

from hudna.agreements import get_agreement
from hudna.agreements.judge import no_designations
from hudna.analysis import run_analysis
from hudna.analysis.queries import (
    claimed_totals,
    count_incidents,
    findings_for_incident,
    get_incident,
    list_findings,
    list_incidents,
    list_sieges,
)
from hudna.store.database import create_store_engine

COH = "syria-coh-2016"


@pytest.fixture
def seeded(store_url: str, shared: Path) -> Engine:
    engine = create_store_engine(store_url)
    load_seed(engine, shared)
    return engine


def test_founding_article(seeded: Engine) -> None:
    report = run_analysis(seeded, agreements=[get_agreement(COH)], designated=no_designations)
    assert report.claims == 18 and report.incidents >= 10
    excluded = list_findings(seeded, COH, kind="excluded_actor")
    siege = next(f for f in excluded if f.place_name == "Deir ez-Zor" and f.category == "COERCE")
    assert siege.finding.alleged_party == ["isil"]
    assert siege.date == dt.date(2016, 4, 30)
    [total] = claimed_totals(seeded, agreement_id=COH)
    assert (total.claimant, total.kind, total.value, total.qualifier) == (
        "rus-reconciliation-centre", "violations", 430, "more_than",
    )  # fmt: skip
    assert total.as_of == dt.date(2016, 4, 30)
    assert claimed_totals(seeded, claimant="nobody") == []


def test_claimed_totals_are_not_incident_findings(seeded: Engine) -> None:
    run_analysis(seeded, agreements=[get_agreement(COH)], designated=no_designations)
    accuse = [f for f in list_findings(seeded, COH) if f.category == "ACCUSE"]
    assert all(f.finding.kind == "not_prohibited" for f in accuse)


def test_sieges_table(seeded: Engine) -> None:
    run_analysis(seeded, agreements=[get_agreement(COH)], designated=no_designations)
    sieges = {s.place: s for s in list_sieges(seeded)}
    deir = sieges["Deir ez-Zor"]
    assert deir.besiegers == ["isil"]
    assert [(p.value, p.qualifier) for p in deir.population] == [(10000, "tens_of_thousands")]
    assert {a.how for a in deir.aid} == {"airdrop", "unspecified"}
    airdrop = next(a for a in deir.aid if a.how == "airdrop")
    assert airdrop.actors == ["rus-aerospace-forces", "syr-air-force"]
    assert "Al-Fu'ah" in sieges


def test_analysis_is_idempotent_and_queryable(seeded: Engine) -> None:
    first = run_analysis(seeded, agreements=[get_agreement(COH)], designated=no_designations)
    second = run_analysis(seeded, agreements=[get_agreement(COH)], designated=no_designations)
    assert first.as_dict() == second.as_dict()
    coerce = list_incidents(seeded, category="COERCE")
    assert len(coerce) == 2
    assert list_incidents(seeded, since=dt.date(2016, 5, 1)) == []
    assert len(list_incidents(seeded, limit=3)) == 3
    detail = get_incident(seeded, coerce[0].id)
    assert detail is not None
    assert detail.documents[0].doc_id == "seed-000"
    assert {c.id for c in detail.claims} == {c.event_id for c in detail.incident.claims}
    assert get_incident(seeded, "inc-missing") is None
    assert count_incidents(seeded) == len(list_incidents(seeded, limit=1000))
    assert count_incidents(seeded, category="COERCE") == 2
    [deir] = [i for i in coerce if i.place and i.place.name == "Deir ez-Zor"]
    assert [f.kind for f in findings_for_incident(seeded, deir.id)] == ["excluded_actor"]


def test_findings_date_filters_are_half_open(seeded: Engine) -> None:
    run_analysis(seeded, agreements=[get_agreement(COH)], designated=no_designations)
    day = dt.date(2016, 4, 30)
    on_day = list_findings(seeded, COH, since=day, until=day + dt.timedelta(days=1))
    assert on_day and all(f.date == day for f in on_day)
    assert all(f.date and f.date < day for f in list_findings(seeded, COH, until=day))
    assert list_findings(seeded, COH, since=day + dt.timedelta(days=1)) == []


def test_unplaced_incidents_are_judged_only_when_they_name_a_party(seeded: Engine) -> None:
    run_analysis(seeded, agreements=[get_agreement(COH)], designated=no_designations)
    judged = {f.category for f in list_findings(seeded, COH) if f.place_name is None}
    assert "RETREAT" not in judged  # the ceasefire's own start names no actor: not judged
