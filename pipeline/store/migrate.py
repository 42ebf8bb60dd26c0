"""Bring an index's schema up to date with Alembic, in place, whenever a Store opens it.

- A new database gets every revision from the baseline (`migrations/versions/0001_baseline.py`).
- An SQLite index written before migrations existed (tables, no `alembic_version`)
  is the baseline: it is stamped `0001`, then upgraded, its rows kept.
- An index already at the head costs one query.

Two processes opening a new index at once must not both create it: the upgrade
runs under a lock (a PostgreSQL advisory lock; flock on the SQLite file itself,
which does not touch SQLite's own fcntl locks).
"""
from __future__ import annotations

import fcntl
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

MIGRATIONS = Path(__file__).parent / "migrations"
BASELINE = "0001"
_LOCK_KEY = 0x636F6E67  # "cong": the advisory lock of congvan's migrations


def config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


@lru_cache(maxsize=1)
def head() -> str:
    return ScriptDirectory.from_config(config()).get_current_head()


def current(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


@contextmanager
def _locked(engine: Engine) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _LOCK_KEY})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _LOCK_KEY})
                conn.commit()
        return
    database = engine.url.database
    if not database or database == ":memory:":
        yield
        return
    with open(database, "ab") as lock:  # an empty file is an empty SQLite database
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def upgrade(engine: Engine) -> None:
    """Upgrade the index behind `engine` to the newest schema (creating it if empty)."""
    with engine.connect() as conn:
        if current(conn) == head():
            return
    with _locked(engine), engine.begin() as conn:
        cfg = config(conn)
        tables = set(inspect(conn).get_table_names())
        if "documents" in tables and "alembic_version" not in tables:
            command.stamp(cfg, BASELINE)
        command.upgrade(cfg, "head")
