"""Partitions of a FORMAT §1 JSONL corpus: byte ranges holding a number of lines each.

The client makes one streaming pass over the file to find where each partition starts, so a
corpus of any size is never held in the client's memory; a worker reads only its own range.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Partition:
    """Lines `first_line` .. `first_line + lines - 1` of `path` (1-based), held in the bytes
    `start <= b < end`."""

    path: str
    index: int
    start: int
    end: int
    first_line: int
    lines: int


def iter_partitions(path: Path, size: int) -> Iterator[Partition]:
    """Cut `path` into partitions of `size` lines (the last may be shorter), lazily."""
    if size < 1:
        raise ValueError(f"partition size must be at least 1, not {size}")
    start = position = count = index = 0
    first = 1
    with path.open("rb") as f:
        for line in f:
            position += len(line)
            count += 1
            if count == size:
                yield Partition(str(path), index, start, position, first, count)
                start, first, count, index = position, first + count, 0, index + 1
    if count:
        yield Partition(str(path), index, start, position, first, count)


def read_partition(part: Partition) -> list[str]:
    """The partition's lines, decoded (a worker calls this; the range is read, nothing more)."""
    with open(part.path, "rb") as f:
        f.seek(part.start)
        data = f.read(part.end - part.start)
    # Read as `open(path, encoding="utf-8")` would: newlines only, never U+2028 and the like.
    return list(io.StringIO(data.decode("utf-8"), newline=None))
