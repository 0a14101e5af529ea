"""Partitions: byte ranges that, read back, give exactly the file's lines, in order."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hudna.scale.partitions import iter_partitions, read_partition

LINES = [
    json.dumps({"doc_id": "ar", "text": "قصف الجيش مواقع داعش في دير الزور أمس."}, ensure_ascii=False),
    "",
    json.dumps({"doc_id": "sep", "text": "a\u2028b\u0085c"}, ensure_ascii=False),
    "{not json",
    json.dumps({"doc_id": "en", "text": "The rebels attacked the town on Sunday, SANA said."}),
]  # fmt: skip


def _write(tmp_path: Path, lines: list[str], *, end: str = "\n") -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + end, encoding="utf-8")
    return path


def _read_back(path: Path, size: int) -> list[str]:
    return [line for p in iter_partitions(path, size) for line in read_partition(p)]


@pytest.mark.parametrize("size", [1, 2, 3, 5, 100])
def test_partitions_give_back_the_lines_in_order(tmp_path: Path, size: int) -> None:
    path = _write(tmp_path, LINES)
    with path.open(encoding="utf-8") as f:
        assert _read_back(path, size) == list(f)


def test_partition_numbers_and_sizes(tmp_path: Path) -> None:
    parts = list(iter_partitions(_write(tmp_path, LINES, end=""), 2))
    assert [(p.index, p.first_line, p.lines) for p in parts] == [(0, 1, 2), (1, 3, 2), (2, 5, 1)]
    assert parts[0].start == 0 and parts[-1].end == (tmp_path / "in.jsonl").stat().st_size
    assert all(a.end == b.start for a, b in itertools.pairwise(parts))


def test_a_separator_inside_a_string_does_not_cut_the_line(tmp_path: Path) -> None:
    (part,) = iter_partitions(_write(tmp_path, LINES), 10)
    assert len(read_partition(part)) == len(LINES)


def test_partition_size_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        next(iter_partitions(_write(tmp_path, LINES), 0))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_characters="\r\n"), max_size=20), max_size=30
    ),
    st.integers(min_value=1, max_value=7),
)
def test_any_file_reads_back_whole(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str], size: int
) -> None:
    path = _write(tmp_path_factory.mktemp("p"), lines)
    with path.open(encoding="utf-8") as f:
        expected = list(f)
    parts = list(iter_partitions(path, size))
    assert _read_back(path, size) == expected
    assert sum(p.lines for p in parts) == len(expected)
    assert [p.first_line for p in parts] == list(range(1, len(expected) + 1, size))
