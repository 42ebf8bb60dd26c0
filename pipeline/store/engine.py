"""Which database holds the index, and a SQLAlchemy engine for it.

The target is a path (an SQLite file, the embedded default) or a URL:
`postgresql://user:password@host/dbname` (psycopg 3 is the driver; `postgres://`
and `postgresql+psycopg://` are taken too) or `sqlite:///path`.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url

from extractors.vntext import fold

Target = Path | str


def is_url(target: Target) -> bool:
    return isinstance(target, str) and "://" in target


def database_url(target: Target) -> URL:
    """The SQLAlchemy URL of a target (a path or a URL)."""
    if not is_url(target):
        return URL.create("sqlite", database=str(Path(target)))
    url = make_url(str(target))
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise ValueError(f"{describe(target)}: congvan's index is on SQLite or PostgreSQL")
    return url


def sqlite_path(target: Target) -> Path | None:
    """The file of an SQLite target; None for a server."""
    url = database_url(target)
    return Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None


def describe(target: Target) -> str:
    """The target as it may be printed: a path, or the URL without its password."""
    if not is_url(target):
        return str(target)
    return make_url(str(target)).render_as_string(hide_password=True)


# How long a write waits for another process's transaction on the same SQLite file before giving up.
BUSY_TIMEOUT_SECONDS = 60.0


def _sqlite_connect(dbapi_connection, _record) -> None:
    # fold() in SQL too, as before the folded columns: existing SQL of other modules keeps working on SQLite.
    dbapi_connection.create_function("fold", 1, lambda s: fold(s) if s is not None else None, deterministic=True)
    dbapi_connection.execute("PRAGMA journal_mode = WAL")
    dbapi_connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")


def _sqlite_connect_read_only(dbapi_connection, _record) -> None:
    dbapi_connection.create_function("fold", 1, lambda s: fold(s) if s is not None else None, deterministic=True)
    dbapi_connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")


def _postgresql_read_only(dbapi_connection, _record) -> None:
    dbapi_connection.autocommit = True
    dbapi_connection.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    dbapi_connection.autocommit = False


def make_engine(target: Target, read_only: bool = False) -> Engine:
    """An engine for the target; an SQLite file's folder is created if need be.

    `read_only`: on SQLite the file is opened `mode=ro` (it must exist); on PostgreSQL every transaction of
    the engine's sessions is READ ONLY."""
    url = database_url(target)
    if url.get_backend_name() == "sqlite":
        path = sqlite_path(target)
        if read_only and path is not None:
            engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False,
                timeout=BUSY_TIMEOUT_SECONDS))
            event.listen(engine, "connect", _sqlite_connect_read_only)
            return engine
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_SECONDS})
        event.listen(engine, "connect", _sqlite_connect)
        return engine
    engine = create_engine(url, pool_pre_ping=True)
    if read_only:
        event.listen(engine, "connect", _postgresql_read_only)
    return engine


def index_exists(target: Target) -> bool:
    """True when the target holds an index (for SQLite, without creating the file)."""
    path = sqlite_path(target)
    if path is not None:
        return path.exists()
    engine = make_engine(target)
    try:
        with engine.connect() as conn:
            return inspect(conn).has_table("documents")
    finally:
        engine.dispose()
