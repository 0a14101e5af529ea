"""The sentence and clause splitters jump between candidates (an index of joints by first word,
a pattern for terminators and quotes) and find exactly what testing every position finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hudna.text.sentences import (
    _after_closers,
    _any_at,
    _by_first_word,
    _ends_here,
    _inside,
    _quoted_stretches,
    _split_line,
    _strip,
    rules,
    split_clauses,
)


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


def _quoted_by_characters(text: str, start: int, end: int) -> list[tuple[int, int]]:
    r, stretches, i = rules(), [], start
    while i < end:
        close = r.quotes.get(text[i])
        j = text.find(close, i + 1, end) if close else -1
        if close and j > 0:
            if j - i <= r.long_quote:
                stretches.append((i, j))
            i = j + 1
        else:
            i += 1
    return stretches


def _split_by_characters(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence ends found by testing every character, as first written."""
    r, quoted, spans, begin, i = rules(), _quoted_by_characters(text, start, end), [], start, start
    while i < end:
        if text[i] in r.terminators and not _inside(i, quoted) and _ends_here(text, i, end, r):
            stop = _after_closers(text, i + 1, end, r)
            spans.append((begin, stop))
            begin = i = stop
        else:
            i += 1
    spans.append((begin, end))
    return [s for s in (_strip(text, a, b) for a, b in spans) if s[0] < s[1]]


_SENTENCE_TEXT = st.lists(
    st.sampled_from([*"قال ab.U.S3؟!؛;…\"'«»“”()[]،, ", "Mr.", "د.", "3.5"]), max_size=40
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_SENTENCE_TEXT)
def test_sentence_ends_equal_the_character_scan(text: str) -> None:
    assert _quoted_stretches(text, 0, len(text), rules()) == _quoted_by_characters(
        text, 0, len(text)
    )
    assert _split_line(text, 0, len(text)) == _split_by_characters(text, 0, len(text))
