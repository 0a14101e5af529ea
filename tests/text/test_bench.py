from __future__ import annotations

import json
from pathlib import Path

import pytest

from hudna.errors import InputRejected
from hudna.text.bench import read_and_normalize, read_normalize_tokenize, readers_cpu


def test_read_and_normalize_counts_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    lines = [
        {"doc_id": str(i), "text": "انتهكت المجموعات المسلحة الاتفاق أكثر من ٤٣٠ مرة"}
        for i in range(3)
    ]
    corpus.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    (tmp_path / "one.txt").write_text("وقف الأعمال القتالية", encoding="utf-8")
    docs, seconds = read_and_normalize([corpus, tmp_path / "one.txt"])
    assert docs == 4 and seconds >= 0
    assert read_normalize_tokenize([corpus])[2] == 24


def test_a_broken_line_is_named(tmp_path: Path) -> None:
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text('{"text": "ok"}\n{"no": 1}\n', encoding="utf-8")
    with pytest.raises(InputRejected, match=r"bad\.jsonl:2"):
        read_and_normalize([corpus])


def test_readers_cpu_times_every_reader(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"text": "قتل 5 أشخاص أمس. وأصيب 12."}, ensure_ascii=False), encoding="utf-8"
    )
    timings = readers_cpu([corpus])
    assert set(timings) == {"split_sentences", "find_quantities", "find_dates"}
    assert all(words == 6 and seconds >= 0 for words, seconds in timings.values())
