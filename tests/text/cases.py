"""Reading the language tables in tests/text/cases/*.tsv."""

from __future__ import annotations

from pathlib import Path

CASES = Path(__file__).parent / "cases"


def rows(name: str, width: int) -> list[tuple[str, ...]]:
    """The rows of a table, comments skipped, padded to `width` columns."""
    table: list[tuple[str, ...]] = []
    for line in (CASES / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        table.append(tuple((cells + [""] * width)[:width]))
    return table
