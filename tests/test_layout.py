"""pytest imports test modules of folders without __init__.py by their bare file name, so two
such files with one name break collection of the whole suite: keep them unique."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).parent


def test_test_module_names_are_unique_outside_packages() -> None:
    names = Counter(
        p.name for p in TESTS.rglob("test_*.py") if not (p.parent / "__init__.py").exists()
    )
    assert [n for n, k in names.items() if k > 1] == []
