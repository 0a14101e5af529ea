from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from hudna.errors import StoreError, StoreNotMigrated
from hudna.store.database import (
    create_store_engine,
    current_revision,
    database_url,
    head_revision,
    open_store,
    upgrade,
)


@pytest.mark.parametrize(
    ("setting", "url"),
    [
        ("hudna.db", "sqlite:///hudna.db"),
        ("/data/x.db", "sqlite:////data/x.db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ],
)
def test_database_url_accepts_paths_and_urls(setting: str, url: str) -> None:
    assert database_url(setting) == url


def test_migrations_create_every_table_on_both_engines(store_url: str) -> None:
    engine = create_store_engine(store_url)
    tables = set(inspect(engine).get_table_names())
    assert {"documents", "events", "incidents", "findings", "rejections", "audit_log"} <= tables
    assert current_revision(engine) == head_revision()


def test_upgrade_twice_is_a_no_op(store_url: str) -> None:
    engine = create_store_engine(store_url)
    upgrade(engine)
    assert current_revision(engine) == head_revision()


def test_unmigrated_store_is_refused_with_the_command_to_run(tmp_path: Path) -> None:
    with pytest.raises(StoreNotMigrated, match="hudna db upgrade"):
        open_store(str(tmp_path / "new.db"))


def test_sqlite_store_runs_in_wal_mode(sqlite_url: str) -> None:
    with create_store_engine(sqlite_url).connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_a_file_that_is_not_a_database_is_refused_with_its_path(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("these are notes, not a database\n")
    with pytest.raises(StoreError, match="not a database"):
        open_store(str(bad), migrate=True)


def test_a_schema_from_an_unknown_version_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    with create_store_engine(str(db)).begin() as conn:
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32))"))
        conn.execute(text("INSERT INTO alembic_version VALUES ('9999future')"))
    with pytest.raises(StoreError, match="does not know"):
        open_store(str(db), migrate=True)
