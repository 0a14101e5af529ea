"""Shared fixtures: stores on SQLite and (when a server is given) PostgreSQL, paths to shared/."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from hudna.store.database import create_store_engine, upgrade

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"


def _reset_postgres(url: str) -> Engine:
    engine = create_store_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    return engine


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty, migrated store: a SQLite file, and PostgreSQL when HUDNA_TEST_PG_URL is set."""
    if request.param == "sqlite":
        url = str(tmp_path / "store.db")
        upgrade(create_store_engine(url))
        yield url
        return
    pg = os.environ.get("HUDNA_TEST_PG_URL")
    if not pg:
        pytest.skip("no PostgreSQL server: HUDNA_TEST_PG_URL is unset (make test starts one)")
    engine = _reset_postgres(pg)
    upgrade(engine)
    engine.dispose()
    yield pg


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    url = str(tmp_path / "store.db")
    upgrade(create_store_engine(url))
    return url


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared corpora and data are not on this machine")
    return SHARED
