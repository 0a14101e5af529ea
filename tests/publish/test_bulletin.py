from __future__ import annotations

import datetime as dt

import pytest
from publish_store import AAWSAT, AGREEMENT, DAY, SANA, populate
from sqlalchemy import Engine, select

from hudna.errors import PublishError
from hudna.publish import build_bulletin, period_window
from hudna.publish.model import Bulletin
from hudna.records import Event
from hudna.store.database import create_store_engine


@pytest.fixture
def engine(store_url: str) -> Engine:
    engine = create_store_engine(store_url)
    populate(engine)
    return engine


def _week(engine: Engine, lang: str = "ar") -> Bulletin:
    return build_bulletin(engine, agreement_id=AGREEMENT, day=DAY, period="week", lang=lang)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("day", dt.date(2016, 4, 29), dt.date(2016, 4, 30)),
        ("week", dt.date(2016, 4, 23), dt.date(2016, 4, 30)),
    ],
)
def test_period_is_half_open_and_ends_with_the_day(
    period: str, start: dt.date, end: dt.date
) -> None:
    assert period_window(DAY, period) == (start, end)  # type: ignore[arg-type]


def test_unknown_period_and_language_are_refused(engine: Engine) -> None:
    with pytest.raises(PublishError, match="period"):
        period_window(DAY, "month")  # type: ignore[arg-type]
    with pytest.raises(PublishError, match="language"):
        build_bulletin(engine, agreement_id=AGREEMENT, day=DAY, lang="fr")  # type: ignore[arg-type]


def test_headline_figures_compare_with_the_previous_week(engine: Engine) -> None:
    figures = {f.key: (f.current, f.previous) for f in _week(engine).figures}
    # this week: 6 dated claims in 3 documents; the week before: the hostile report of 22 April
    assert figures == {
        "incidents": (1, 1), "claims": (6, 1), "potential_violations": (1, 1),
        "documents": (3, 1), "sources": (3, 1),
    }  # fmt: skip


def test_daily_bulletin_counts_only_that_day(engine: Engine) -> None:
    b = build_bulletin(engine, agreement_id=AGREEMENT, day=DAY, period="day", lang="en")
    figures = {f.key: f.current for f in b.figures}
    assert figures["claims"] == 4  # the threat of the 27th and the consultation of the 28th are out
    assert [i.category for i in b.diplomacy.items] == []


def test_evidence_quotes_the_document_sentence_by_its_span(engine: Engine) -> None:
    b = _week(engine)
    quotes = {e.event_id: e.sentence for e in b.evidence}
    assert (
        quotes["e-siege"]
        == SANA[SANA.index("ويحاصر") : SANA.index("دير الزور.") + len("دير الزور.")]
    )
    assert (
        quotes["e-accuse"].startswith("أعلن المركز الروسي للمصالحة") and "430" in quotes["e-accuse"]
    )
    sources = {e.event_id: (e.site, e.url) for e in b.evidence}
    assert sources["e-accuse"] == ("aawsat.com", "https://aawsat.com/1")
    assert [e.number for e in b.evidence] == list(range(1, len(b.evidence) + 1))


def test_every_item_points_to_existing_evidence(engine: Engine) -> None:
    b = _week(engine)
    numbers = {e.number for e in b.evidence}
    items = [*b.sieges.items, *b.aid.items, *b.diplomacy.items, *b.statements.items]
    assert items and all(i.notes and set(i.notes) <= numbers for i in items)
    assert all(t.notes and set(t.notes) <= numbers for t in b.claimed_totals)


def test_sections_hold_their_categories_in_date_order(engine: Engine) -> None:
    b = _week(engine, "en")
    assert [(i.category, i.actors, i.recipients) for i in b.diplomacy.items] == [
        ("CONSULT", ["Sergey Lavrov"], ["John Kerry"])
    ]
    statements = [(i.date, i.category, i.claimants) for i in b.statements.items]
    assert statements == [
        (dt.date(2016, 4, 27), "THREATEN", []),
        (DAY, "ACCUSE", ["Russian Reconciliation Centre"]),
        (DAY, "REJECT", ["High Negotiations Committee"]),
    ]
    assert b.statements.items[0].modality == "future"


def test_a_siege_begun_years_before_is_in_the_period_it_lasts_into(engine: Engine) -> None:
    b = _week(engine, "ar")
    (siege,) = b.sieges.items
    assert siege.actors == ["داعش"] and siege.place == "دير الزور"
    assert siege.quantities == ["عشرات الآلاف محاصرًا"]
    assert [a.modes for a in b.aid.items] == [["humanitarian", "airdrop"]]


def test_claimed_totals_show_the_latest_and_the_change(engine: Engine) -> None:
    (total,) = _week(engine).claimed_totals
    assert (total.claimant, total.kind, total.value, total.previous, total.change) == (
        "Russian Reconciliation Centre", "violations", 430.0, 400.0, 30.0,
    )  # fmt: skip
    evidence = {e.number: e for e in _week(engine).evidence}
    assert AAWSAT.startswith(evidence[total.notes[0]].sentence)


def test_governorates_are_named_in_the_bulletin_language(engine: Engine) -> None:
    ar = _week(engine, "ar").governorates
    en = _week(engine, "en").governorates
    assert [(g.pcode, g.name, g.counts) for g in ar] == [("SY02", "حلب", {"ASSAULT": 1})]
    assert [g.name for g in en] == ["Aleppo"]


def test_agreement_name_comes_from_the_registry(engine: Engine) -> None:
    assert _week(engine, "ar").agreement_name == "نظام وقف الأعمال القتالية في سورية"
    unknown = build_bulletin(engine, agreement_id="no-such-truce", day=DAY)
    assert unknown.agreement_name == "no-such-truce" and "agreement_unknown" in unknown.notices


def test_trend_covers_thirty_days_for_a_week(engine: Engine) -> None:
    trend = _week(engine).trend
    assert len(trend.days) == 30 and trend.days[-1] == DAY
    assert sum(trend.counts["ASSAULT"]) == 2  # the two incidents, 22 and 29 April


def test_without_incidents_the_bulletin_counts_claims(sqlite_url: str) -> None:
    from publish_store import _doc, aawsat_events

    from hudna.store.events import replace_document_events

    engine = create_store_engine(sqlite_url)
    with engine.begin() as conn:
        _doc(conn, "aawsat-1", AAWSAT, language="ar", site="aawsat.com")
        replace_document_events(conn, "aawsat-1", aawsat_events())
    b = build_bulletin(engine, agreement_id=AGREEMENT, day=DAY, lang="en")
    assert b.unit == "claims"
    assert [(g.name, g.total) for g in b.governorates] == [("Aleppo", 1), ("Unlocated", 1)]


def test_potential_violations_list_the_claims_of_judged_incidents(engine: Engine) -> None:
    (item,) = _week(engine, "en").violations.items
    assert (item.category, item.place, item.claimants, item.quantities) == (
        "ASSAULT", "Aleppo", ["Syrian Observatory for Human Rights"], ["12 dead"],
    )  # fmt: skip


def test_an_undated_claim_counts_on_the_day_its_report_was_published(engine: Engine) -> None:
    from publish_store import REUTERS

    from hudna.records import Span
    from hudna.store.events import replace_document_events
    from hudna.store.schema import events

    undated = Event(
        id="e-undated", doc_id="reuters-1", event="CONSULT", text_info=Span(start=0, end=10),
        event_text="met",
    )  # fmt: skip
    with engine.begin() as conn:
        kept = [
            Event.model_validate(p)
            for (p,) in conn.execute(
                select(events.c.payload).where(events.c.document_id == "reuters-1")
            )
        ]
        replace_document_events(conn, "reuters-1", [*kept, undated])
    b = build_bulletin(engine, agreement_id=AGREEMENT, day=DAY, lang="en")
    assert {f.key: f.current for f in b.figures}["claims"] == 5
    (item,) = b.diplomacy.items
    assert (item.date, item.reported) == (None, DAY)
    assert b.evidence[item.notes[0] - 1].sentence == REUTERS[:10]


def test_besieged_places_come_from_the_siege_records(engine: Engine) -> None:
    b = _week(engine, "ar")
    (place,) = b.besieged
    assert (place.place, place.besiegers, place.population, place.aid, place.denials) == (
        "دير الزور", ["داعش"], "عشرات الآلاف محاصرًا", 1, 0,
    )  # fmt: skip
    quoted = {e.number: e.event_id for e in b.evidence}
    assert [quoted[n] for n in place.notes] == ["e-siege"]
    earlier = build_bulletin(
        engine, agreement_id=AGREEMENT, day=DAY - dt.timedelta(days=7), period="week"
    )
    assert earlier.besieged == []
