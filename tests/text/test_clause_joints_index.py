"""The first-word index of clause joints finds exactly what scanning every joint finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hudna.text.sentences import _any_at, _by_first_word, rules, split_clauses


def _naive_at(words: list[tuple[int, int, str]], k: int, sequence: tuple[str, ...]) -> bool:
    found = tuple(w for _, _, w in words[k : k + len(sequence)])
    return found == sequence or (found[:1] == ("و" + sequence[0],) and found[1:] == sequence[1:])


def _vocabulary() -> list[str]:
    r = rules()
    seqs = r.clause_joints + r.not_joints
    firsts = [s[0] for s in seqs] + ["و" + s[0] for s in seqs]
    return sorted({w for s in seqs for w in s} | set(firsts) | {"قال", "،"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_vocabulary()), min_size=1, max_size=8), st.data())
def test_index_matches_naive_scan(tokens: list[str], data: st.DataObject) -> None:
    words = [(i, i + 1, w) for i, w in enumerate(tokens)]
    k = data.draw(st.integers(0, len(words) - 1))
    for seqs in (rules().clause_joints, rules().not_joints):
        expected = any(_naive_at(words, k, s) for s in seqs)
        assert _any_at(words, k, _by_first_word(seqs)) == expected


def test_joint_with_waw_stuck_still_cuts() -> None:
    text = "قصفت قوات النظام بلدة كفرنبل بالمدفعية الثقيلة صباح اليوم وفي حين ردت الفصائل على مصادر النيران بالصواريخ"
    spans = split_clauses(text, 0, len(text))
    assert [text[a:b] for a, b in spans] == [
        "قصفت قوات النظام بلدة كفرنبل بالمدفعية الثقيلة صباح اليوم",
        "وفي حين ردت الفصائل على مصادر النيران بالصواريخ",
    ]
