from __future__ import annotations

import pytest

from hudna.text.sentences import split_clauses, split_sentences

from .cases import rows


@pytest.mark.parametrize(("text", "expected"), rows("sentences.tsv", 2))
def test_sentence_table(text: str, expected: str) -> None:
    text = text.replace("\\n", "\n")
    assert [text[s:e] for s, e in split_sentences(text)] == expected.split(" || ")


def test_a_long_quotation_may_be_split_inside() -> None:
    inner = "جملة أولى طويلة عن الهدنة والمساعدات. " * 15
    text = f"قال «{inner}» ثم غادر."
    assert len(split_sentences(text)) > 2


def test_spans_are_half_open_and_stripped() -> None:
    text = "  أولى.   ثانية؟  "
    assert split_sentences(text) == [(2, 7), (10, 16)]


SEED_SENTENCE = (
    "يذكر أن التنظيمات الإرهابية تحاصر سكان عدد من المناطق في سورية مثل بلدة الفوعة في محافظة إدلب "
    "كما يحاصر تنظيم “داعش” الإرهابي منذ أكثر من سنتين عشرات آلاف المواطنين في العديد من أحياء مدينة "
    "دير الزور بينما يقوم الطيران السوري والروسي بإلقاء المساعدات الإغاثية من الجو على الأحياء المحاصرة "
    "ويقوم فرع الهلال الأحمر العربي السوري بتوزيعها على الأهالي."
)


def test_clauses_of_the_seed_siege_sentence() -> None:
    clauses = [SEED_SENTENCE[s:e] for s, e in split_clauses(SEED_SENTENCE, 0, len(SEED_SENTENCE))]
    assert [c.split()[0] for c in clauses] == ["يذكر", "كما", "بينما", "ويقوم"]
    assert "".join(clauses).replace(" ", "") == SEED_SENTENCE.replace(" ", "")


@pytest.mark.parametrize(
    "text",
    [
        "ناقش وزير الخارجية الروسي سيرغي لافروف مع نظيره الأمريكي جون كيري خلال اتصال هاتفي أمس.",
        "كما أعلن الجيش الهدنة.",
        "أعلن رئيس اللجنة فيكتور أوزيروف أن روسيا والولايات المتحدة لن تتركا منتهكي الاتفاق دون عقاب.",
    ],
)
def test_sentences_without_joints_stay_whole(text: str) -> None:
    assert split_clauses(text, 0, len(text)) == [(0, len(text))]


@pytest.mark.parametrize(
    "text",
    [
        "يعتقد أن هذه الأسلحة جرى نقلها فيما بعد في مراكب صغيرة إلى الشواطئ اليمنية التي يسيطر عليها الحوثيون.",
        "إذا كانت قصص التمر ورحلاته في الحضارات وبين الشعوب ممتعة وتستحق القراءة فهناك قصص أخرى.",
        "رغم وجود عناصر جيدة يسارا ويمينًا فإن وجودهم بحد ذاته لا يكفي لإنجاح الحكومة الجديدة.",
    ],
)
def test_false_joints_do_not_cut(text: str) -> None:
    assert split_clauses(text, 0, len(text)) == [(0, len(text))]


def test_a_joint_with_a_conjunction_cuts() -> None:
    text = "لقي ستة من مقاتلي المعارضة مصرعهم في اشتباكات عنيفة، فيما أطلقت الفصائل أكثر من 300 قذيفة على القرى."
    assert [text[s:e].split()[0] for s, e in split_clauses(text, 0, len(text))] == ["لقي", "فيما"]
