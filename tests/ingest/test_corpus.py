"""The whole shared corpus (5,677 documents): everything ingested, a second run adds nothing,
near-duplicate links reported. Needs ../shared; slow (tens of seconds on a shared machine)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hudna.ingest import ingest_paths
from hudna.settings import Settings
from hudna.store import documents as store
from hudna.store.database import open_store


@pytest.mark.slow
def test_the_shared_corpus_ingests_and_reingests_to_nothing(shared: Path, sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    corpus = sorted(str(p) for p in (shared / "corpus").glob("*.jsonl"))
    first = ingest_paths(engine, corpus, Settings(db=sqlite_url))
    assert first.rejected == 0
    assert first.added + first.duplicates == 5677
    assert first.near_duplicate_links > 0
    second = ingest_paths(engine, corpus, Settings(db=sqlite_url))
    assert (second.added, second.duplicates, second.near_duplicate_links) == (0, 5677, 0)
    stats = store.store_stats(engine)
    assert stats["documents"] == first.added
    assert stats["near_duplicate_links"] == first.near_duplicate_links
    assert set(stats["by_language"]) >= {"ar", "en"}
