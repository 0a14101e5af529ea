"""Search never chokes on user input; progress is reported; pages without articles refused."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from hudna.ingest import ingest_paths
from hudna.ingest.readers import html_items
from hudna.records import Rejection
from hudna.settings import Settings
from hudna.store.database import open_store
from hudna.store.documents import fts_query, search_documents

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def small_store() -> Iterator[Engine]:
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(str(Path(tmp) / "s.db"), migrate=True)
        ingest_paths(engine, [str(FIXTURES / "article.html")], Settings())
        yield engine
        engine.dispose()


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_user_query_is_safe_fts(small_store: Engine, query: str) -> None:
    hits = search_documents(small_store, query, limit=3)
    assert all(h.doc_id == "article" for h in hits)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("وقف الأعمال", '"وقف" "الاعمال"'),
        ('a "b" OR c*', '"a" "b" "or" "c"'),
        ("NEAR(x y)", '"near" "x" "y"'),
        ("  ", ""),
    ],
)
def test_fts_query_quotes_every_token(query: str, expected: str) -> None:
    assert fts_query(query) == expected


class Recorder:
    def __init__(self) -> None:
        self.total = -1
        self.done = 0
        self.added: list[int] = []

    def start(self, total: int) -> None:
        self.total = total

    def advance(self, items: int, *, added: int) -> None:
        self.done += items
        self.added.append(added)


def test_progress_gets_the_expected_total_and_every_item(tmp_path: Path) -> None:
    engine = open_store(str(tmp_path / "p.db"), migrate=True)
    recorder = Recorder()
    inputs = [str(FIXTURES / "corpus_one_bad_line.jsonl"), str(FIXTURES / "article.html")]
    report = ingest_paths(engine, inputs, Settings(batch_size=2), progress=recorder)
    assert recorder.total == 5 and recorder.done == 5  # 4 JSONL lines + 1 page
    assert recorder.added[-1] <= report.added == 4


def test_a_page_without_an_article_is_refused() -> None:
    page = (
        b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    (item,) = list(html_items(page, "home.html", doc_id="home"))
    assert isinstance(item, Rejection) and item.code == "no-text"
