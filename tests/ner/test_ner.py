"""The CRF NER: corpus reading, conlleval-style scoring, features, offsets, the model."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hudna.errors import RegistryError
from hudna.ner import load_tagger
from hudna.ner.corpus import read_conll, score, spans
from hudna.ner.features import sentence_features, strip_clitics
from hudna.ner.lexicon import Lexicon, build_lexicon
from hudna.ner.tagger import MODEL, tokenize


@pytest.mark.parametrize(
    ("word", "stripped"),
    [
        ("والرئيس", "رئيس"), ("بدمشق", "بدمشق"), ("وليد", "وليد"), ("فرنسا", "فرنسا"), ("للجيش", "جيش"), ("وبالمساعدات", "مساعدات"),
        ("لافروف", "لافروف"), ("بكين", "بكين"), ("كيري", "كيري"), ("وكيري", "كيري"), ("ال", "ال"),
    ],
)  # fmt: skip
def test_strip_clitics(word: str, stripped: str) -> None:
    assert strip_clitics(word) == stripped


def test_spans_follow_conlleval() -> None:
    labels = ["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG", "I-LOC"]
    assert spans(labels) == {
        (0, 2, "PERS"),
        (3, 4, "LOC"),
        (4, 5, "ORG"),
        (5, 7, "ORG"),
        (7, 8, "LOC"),
    }


def test_score_is_exact_span_and_type() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    predicted = [["B-PERS", "O", "O", "B-LOC"]]
    result = score(gold, predicted)
    assert (result.precision, result.recall) == (0.5, 0.5)
    assert result.per_type["LOC"][2] == 1.0 and result.per_type["PERS"][2] == 0.0


def test_read_conll(tmp_path: Path) -> None:
    corpus = tmp_path / "c.txt"
    corpus.write_text("قال O\nلافروف B-PERS\n. O\n O\nفي O\nموسكو B-LOC\n\nو O\n", encoding="utf-8")
    sentences = read_conll(corpus)
    assert sentences == [
        [("قال", "O"), ("لافروف", "B-PERS"), (".", "O")],
        [("في", "O"), ("موسكو", "B-LOC")],
        [("و", "O")],
    ]
    corpus.write_text("قال\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="expected 'TOKEN LABEL'"):
        read_conll(corpus)


def test_lexicon_tags_longest_first(tmp_path: Path) -> None:
    lexicon = build_lexicon(None, [("سيرغي لافروف", "person"), ("روسيا", "state")], ["دير الزور"])
    tokens = ["قال", "سيرغي", "لافروف", "في", "دير", "الزور", "روسيا"]
    assert lexicon.tags(tokens) == ["", "B-PERS", "I-PERS", "", "B-LOC", "I-LOC", "B-LOC"]
    assert lexicon.tags(["قال", "دير"]) == ["", ""]  # a name cut by the sentence end
    short = build_lexicon(None, [("سيرغي لافروف", "person"), ("سيرغي لافروف الوزير", "person")], [])
    assert short.tags(["سيرغي", "لافروف"]) == ["B-PERS", "I-PERS"]
    path = tmp_path / "lex.json.gz"
    lexicon.save(path)
    assert Lexicon.load(path).names == lexicon.names


def test_features_have_a_window() -> None:
    feats = sentence_features(["قال", "لافروف", "."], Lexicon({("لافروف",): "PERS"}))
    assert "gz=B-PERS" in feats[1] and "-1:w=قال" in feats[1] and "1:edge" not in feats[1]
    assert "-2:edge" in feats[0]


@given(st.text(alphabet="ابتثجحدرسعفقكلمنهوي .،؟!\n0123", max_size=80))
@settings(max_examples=100, deadline=None)
def test_tokens_point_into_the_text(text: str) -> None:
    for sentence in tokenize(text):
        for start, end in sentence:
            assert text[start:end].strip() == text[start:end] != ""


needs_model = pytest.mark.skipif(
    not MODEL.exists(), reason="no committed NER model; run: hudna train ner"
)


@needs_model
def test_tagger_finds_names_with_offsets() -> None:
    text = "قال وزير الخارجية الروسي سيرغي لافروف في موسكو إن الولايات المتحدة وافقت."
    found = {(s.text, s.label) for s in load_tagger().tag(text)}
    assert ("سيرغي لافروف", "PERS") in found
    assert ("موسكو", "LOC") in found
    for s in load_tagger().tag(text):
        assert text[s.start : s.end] == s.text


@needs_model
def test_tagger_leaves_the_conjunction_out() -> None:
    text = "وقال كيري إن الهدنة صامدة. وأكد وكيري أمس أن الاتفاق قائم. وزار موسكو وواشنطن."
    names = [s.text for s in load_tagger().tag(text)]
    assert names.count("كيري") == 2 and "وكيري" not in names
    assert "واشنطن" in names and "وواشنطن" not in names


@needs_model
@given(st.text(max_size=60))
@settings(max_examples=50, deadline=None)
def test_tagger_offsets_for_any_text(text: str) -> None:
    for s in load_tagger().tag(text):
        assert text[s.start : s.end] == s.text


def test_missing_model_says_what_to_do(tmp_path: Path) -> None:
    from hudna.ner.tagger import NerTagger

    with pytest.raises(RegistryError, match="hudna train ner"):
        NerTagger(tmp_path / "none.crfsuite")


def test_propagation_tags_repeats_of_a_tagged_name() -> None:
    from hudna.ner.propagate import propagate

    sentences = [["وصف", "رامسفيلد", "الحرب"], ["لأن", "رامسفيلد", "قال"], ["في", "أن"]]
    labels = [["O", "B-PERS", "O"], ["O", "O", "O"], ["O", "O"]]
    assert propagate(sentences, labels) == [
        ["O", "B-PERS", "O"], ["O", "B-PERS", "O"], ["O", "O"],
    ]  # fmt: skip


def test_propagation_resolves_a_name_tagged_with_two_types_by_majority_then_first() -> None:
    from hudna.ner.propagate import propagate

    sentences = [["حاصر", "الزبداني"], ["في", "الزبداني"], ["قصف", "الزبداني"], ["ثم", "الزبداني"]]
    tied = [["O", "B-LOC"], ["O", "B-PERS"], ["O", "O"], ["O", "O"]]
    assert propagate(sentences, tied)[2:] == [["O", "B-LOC"], ["O", "B-LOC"]]
    majority = [["O", "B-PERS"], ["O", "B-LOC"], ["O", "B-LOC"], ["O", "O"]]
    assert propagate(sentences, majority)[3] == ["O", "B-LOC"]


@pytest.mark.parametrize("seed", ["8", "10"])
def test_tagging_does_not_depend_on_the_hash_seed(seed: str, shared: Path) -> None:
    """Sets iterate in a per-process order: the tags of a text must not. snn-0793 names
    الزبداني as a place and (wrongly) as a person; seeds 8 and 10 flipped it before."""
    if not MODEL.exists():
        pytest.skip("no committed NER model; run: hudna train ner")
    corpus = shared / "corpus" / "snn-syria.jsonl"
    code = (
        "import json, sys; from hudna.ner import load_tagger\n"
        "for line in open(sys.argv[1], encoding='utf-8'):\n"
        "    d = json.loads(line)\n"
        "    if d['doc_id'] == 'snn-0793':\n"
        "        print([(s.start, s.end, s.label) for s in load_tagger().tag(d['text'])])"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(corpus)],
            capture_output=True, text=True, check=True, timeout=120,
            env={**os.environ, "PYTHONHASHSEED": s},
        ).stdout
        for s in ("1", seed)
    ]  # fmt: skip
    assert runs[0] and runs[0] == runs[1]


def test_evaluate_committed_model_on_shared_test(shared: Path) -> None:
    from hudna.ner.train import evaluate

    if not MODEL.exists():
        pytest.skip("no committed NER model; run: hudna train ner")
    test = read_conll(shared / "data" / "arabic-ner" / "anercorp" / "ANERCorp_CamelLab_test.txt")
    lexicon = Lexicon.load(MODEL.with_suffix(".lexicon.json.gz"))
    assert evaluate(MODEL, lexicon, test[:200]).f1 > 0.55
