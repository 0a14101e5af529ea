"""Opening the store: SQLite by default (WAL, foreign keys), PostgreSQL through a URL.

`open_store` never creates tables by itself: the schema belongs to the Alembic migrations,
run by `upgrade` (`hudna db upgrade`). `open_store(..., migrate=True)` runs them first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from hudna.errors import StoreError, StoreNotMigrated

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def database_url(db: str) -> str:
    """A SQLAlchemy URL for a setting that is either a URL or a SQLite file path."""
    if "://" in db:
        if db.startswith("postgresql://"):
            return "postgresql+psycopg://" + db.removeprefix("postgresql://")
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def create_store_engine(db: str) -> Engine:
    url = database_url(db)
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to `revision` (idempotent)."""
    try:
        command.upgrade(_alembic_config(engine), revision)
    except CommandError as e:
        raise StoreError(
            f"the store {engine.url!r} has a schema this version of hudna does not know ({e}); "
            "use the hudna version that wrote it, or a new store"
        ) from e
    except SQLAlchemyError as e:
        raise StoreError(f"migrating {engine.url!r} failed: {e}") from e


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def open_store(db: str, *, migrate: bool = False) -> Engine:
    """An engine on the store named by `db`, checked to be at the code's schema revision."""
    engine = create_store_engine(db)
    try:
        if migrate:
            upgrade(engine)
        current = current_revision(engine)
    except OperationalError as e:
        raise StoreError(f"cannot open the store {db!r}: {e.orig}; check the path or URL") from e
    if current != head_revision():
        raise StoreNotMigrated(
            f"the store {db!r} is at schema {current or 'none'}, the code needs {head_revision()}; "
            "run: hudna db upgrade"
        )
    return engine
