"""Events from sentences: category, actors, claimant and via, place, date, counts, modality."""

from __future__ import annotations

import datetime as dt

import pytest

from hudna.errors import ExtractionError
from hudna.extract.pipeline import Analysis, Pipeline
from hudna.records import Document, Event


def _events(pipeline: Pipeline, text: str, language: str = "ar") -> list[Event]:
    doc = Document(id="x", doc_id="t", text=text, language=language, published=dt.date(2016, 4, 30))
    return pipeline(doc)


def _one(pipeline: Pipeline, text: str, category: str, language: str = "ar") -> Event:
    found = [e for e in _events(pipeline, text, language) if e.event == category]
    assert len(found) == 1, [e.event for e in _events(pipeline, text, language)]
    return found[0]


def _names(entities: list) -> list[str]:  # type: ignore[type-arg]
    return [e.entity_text for e in entities]


def test_consultation_with_counterpart(pipeline: Pipeline) -> None:
    text = "ناقش وزير الخارجية الروسي سيرغي لافروف مع نظيره الأمريكي جون كيري خلال اتصال هاتفي أمس الأزمة."
    e = _one(pipeline, text, "CONSULT")
    assert _names(e.actor) == ["سيرغي لافروف"] and _names(e.recipient) == ["جون كيري"]
    assert e.date == dt.date(2016, 4, 29) and "phone" in e.mode and e.claimant == []


def test_verb_subject_object_and_place(pipeline: Pipeline) -> None:
    e = _one(pipeline, "وتحاصر فصائل المعارضة بلدة الفوعة في محافظة إدلب.", "COERCE")
    assert _names(e.actor) == ["فصائل المعارضة"]
    assert e.event_loc is not None and e.event_loc.name == "Al-Fu'ah"
    assert e.mode == ["besiege"]


def test_nominal_sentence_subject_before_verb(pipeline: Pipeline) -> None:
    e = _one(pipeline, "يذكر أن جبهة النصرة تحاصر سكان عدد من المناطق.", "COERCE")
    assert _names(e.actor) == ["جبهة النصرة"]


def test_violation_count_according_to_monitor(pipeline: Pipeline) -> None:
    text = "وقد انتهكت المجموعات المسلحة الاتفاق أكثر من 430 مرة حتى الآن بحسب مركز التنسيق الروسي."
    e = _one(pipeline, text, "ACCUSE")
    assert _names(e.claimant) == ["مركز التنسيق الروسي"]
    assert _names(e.actor) == ["مركز التنسيق الروسي"] and _names(e.recipient) == [
        "المجموعات المسلحة"
    ]
    assert [(q.kind, q.value, q.qualifier) for q in e.quantity] == [
        ("violations", 430.0, "more_than")
    ]
    assert e.mode == ["violation"]


def test_relay_gives_via_and_claimant(pipeline: Pipeline) -> None:
    text = "ونقل موقع روسيا اليوم عن وزارة الخارجية الروسية قولها إن داعش قصف مواقع الجيش."
    e = _one(pipeline, text, "ASSAULT")
    assert _names(e.claimant) == ["وزارة الخارجية الروسية"] and _names(e.via) == [
        "موقع روسيا اليوم"
    ]
    assert _names(e.actor) == ["داعش"]


def test_speaker_threatens_in_reported_speech(pipeline: Pipeline) -> None:
    text = "وقال أردوغان للصحفيين في اسطنبول إن على الجماعات المتشددة أن تلقي أسلحتها أو أن تواجه العواقب."
    e = _one(pipeline, text, "THREATEN")
    assert _names(e.actor) == ["أردوغان"] and e.claimant == []
    assert e.event_loc is not None and e.event_loc.name == "Istanbul"


def test_claimant_of_a_reported_attack(pipeline: Pipeline) -> None:
    e = _one(pipeline, "وقال المرصد إن جبهة النصرة هاجمت مقرا للفرقة أمس.", "ASSAULT")
    assert _names(e.claimant) == ["المرصد"] and _names(e.actor) == ["جبهة النصرة"]
    assert e.date == dt.date(2016, 4, 29)


def test_unnamed_source_is_kept_as_its_phrase(pipeline: Pipeline) -> None:
    e = _one(pipeline, "وأوضح مصدر أمني أن داعش فجر عبوة ناسفة.", "ASSAULT")
    assert _names(e.claimant) == ["مصدر أمني"]


def test_casualties_go_to_size(pipeline: Pipeline) -> None:
    e = _one(pipeline, "وأدى قصف الجيش إلى مقتل 10 مدنيين وإصابة 17 آخرين.", "ASSAULT")
    assert (e.size.dead, e.size.injured) == (10.0, 17.0)


def test_negated_event(pipeline: Pipeline) -> None:
    e = _one(pipeline, "وأكد المرصد أن الجيش لم يقصف المدينة.", "ASSAULT")
    assert e.modality == "negated" and e.confidence < 0.9


def test_english_said_and_casualties(pipeline: Pipeline) -> None:
    text = "Rebel shelling on Damascus killed four civilians on Sunday a Britain-based monitor and a medical source said."
    e = _one(pipeline, text, "ASSAULT", "en")
    assert _names(e.claimant) == ["Britain-based monitor", "medical source"]
    assert e.date == dt.date(2017, 10, 15) and e.event_loc is not None


def test_english_agent_of_a_passive(pipeline: Pipeline) -> None:
    e = _one(
        pipeline, "The town was attacked by Islamic State on Sunday SANA said.", "ASSAULT", "en"
    )
    assert _names(e.actor) == ["Islamic State"] and _names(e.claimant) == ["SANA"]


def test_headline_is_not_coded(pipeline: Pipeline) -> None:
    text = "داعش يقصف دير الزور\nقصف داعش أحياء مدينة دير الزور أمس."
    found = _events(pipeline, text)
    assert len(found) == 1 and found[0].text_info.start > 0


def test_events_carry_spans_and_versions(pipeline: Pipeline) -> None:
    text = "قصف الجيش مواقع داعش في دير الزور."
    (e,) = _events(pipeline, text)
    assert text[e.text_info.start : e.text_info.end].startswith("قصف")
    assert text.find(e.event_text) >= 0 and e.components == pipeline.versions
    assert {"sentences", "triggers", "attribution", "events"} <= set(e.components)


def test_pipeline_missing_a_step_fails_when_built() -> None:
    class NeedsTriggers:
        name, version = "x", "1"
        requires, assigns = frozenset({"triggers"}), frozenset({"events"})

        def __call__(self, analysis: Analysis) -> None:
            return None

    with pytest.raises(ExtractionError, match="triggers"):
        Pipeline([NeedsTriggers()])


@pytest.mark.parametrize(
    ("text", "category", "actor"),
    [
        ("وقصفت فصائل معارضة أخرى مواقع الجيش.", "ASSAULT", "فصائل معارضة أخرى"),
        ("وطالبت الفرقة بإطلاق المخطوفين.", "REQUEST", "الفرقة"),
        ("بينما يقوم الطيران السوري والروسي بإلقاء المساعدات من الجو.", "AID", "الطيران السوري"),
    ],
)
def test_generic_parties_and_verb_first_subjects(
    pipeline: Pipeline, text: str, category: str, actor: str
) -> None:
    assert _names(_one(pipeline, text, category).actor)[0] == actor


def test_elliptic_coordination_gives_two_parties(pipeline: Pipeline) -> None:
    e = _one(pipeline, "بينما يقوم الطيران السوري والروسي بإلقاء المساعدات من الجو.", "AID")
    assert _names(e.actor) == ["الطيران السوري", "الطيران الروسي"]
    assert set(e.mode) == {"humanitarian", "airdrop"}


@pytest.mark.parametrize(
    "text",
    [
        "وتابع أن الجيش لم يدخل المدينة لتدمير أهداف تابعة للتنظيم.",  # purpose, not a happening
        "ومن غير المرجح أن تسمحا للذين ينتهكون الاتفاق بالإفلات.",  # a description of a party
        "رابط الخبر: قصف داعش دير الزور",  # page furniture
    ],
)
def test_no_event(pipeline: Pipeline, text: str) -> None:
    assert [e.event for e in _events(pipeline, text) if e.event in ("ASSAULT", "ACCUSE")] == []


def test_suffered_shelling_is_an_event(pipeline: Pipeline) -> None:
    assert _one(pipeline, "تعرض حي الراشدين لقصف مدفعي من الجيش.", "ASSAULT").mode == [
        "heavy-weapons"
    ]


def test_response_marker_splits_two_happenings(pipeline: Pipeline) -> None:
    text = "تبنى داعش الاحد هجوما بسيارة مفخخة ردا على الغارات الجوية على قواعده."
    assert len([e for e in _events(pipeline, text) if e.event == "ASSAULT"]) == 2


def test_statement_place_comes_from_the_next_sentence(pipeline: Pipeline) -> None:
    text = "وقال أردوغان إن الجماعات المتشددة ستواجه العواقب. وبين أردوغان للصحفيين في اسطنبول اليوم أن الأمر جدي."
    e = _one(pipeline, text, "THREATEN")
    assert e.event_loc is not None and e.event_loc.name == "Istanbul"
    assert e.date == dt.date(2016, 4, 30)


def test_english_title_case_headline_is_skipped(pipeline: Pipeline) -> None:
    text = (
        "Fifty Fighters Killed In Damascus Clashes. Rebels attacked Damascus on Sunday SANA said."
    )
    found = _events(pipeline, text, "en")
    assert len(found) == 1 and found[0].text_info.start > 0


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("وأوقفت القوات عمليات القصف الجوي على المدينة.", ["RETREAT"]),
        ("هدد الجيش بقصف المدينة.", ["THREATEN"]),
        ("بدأت الشرطة حملة أمنية تستهدف جماعات متشددة.", ["COERCE"]),
        ("وقتل طفلان في غارة على المدينة.", ["ASSAULT"]),
    ],
)
def test_embedded_act_is_one_happening(
    pipeline: Pipeline, text: str, categories: list[str]
) -> None:
    assert [e.event for e in _events(pipeline, text)] == categories


def test_any_attack_is_not_an_event(pipeline: Pipeline) -> None:
    text = "وتترقب قوات الجيش الوضع متأهبة لحدوث أي تطور في المعارك."
    assert all(e.event != "ASSAULT" for e in _events(pipeline, text))
