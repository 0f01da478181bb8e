"""The thin SQL layer: the only module (with the read-model tables) that knows whether the
store is SQLite or PostgreSQL."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import sql
from psycopg_pool import ConnectionPool

from onderhandeling.config import Database

# Key of the session-level advisory lock held while the event store's tables are created.
# The library runs CREATE TABLE/INDEX IF NOT EXISTS and CREATE OR REPLACE FUNCTION, which race
# on PostgreSQL ("tuple concurrently updated") when two processes start at the same moment.
STORE_DDL_LOCK = 0x0D7E_0002


@contextmanager
def prepared_database(database: Database) -> Iterator[None]:
    """Make sure the place the tables go exists (a PostgreSQL schema is not made by the library)
    and, on PostgreSQL, let only one process at a time create the store's tables inside."""
    if database.kind == "sqlite":
        use_write_ahead_log(database.sqlite_path)
        yield
        return
    with psycopg.connect(**postgres_connect_args(database), autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", [STORE_DDL_LOCK])
        try:
            if database.schema:
                conn.execute(
                    sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(
                        sql.Identifier(database.schema)
                    )
                )
            yield
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", [STORE_DDL_LOCK])


def use_write_ahead_log(path: str, patience: float = 30.0) -> None:
    """Switch a SQLite file to WAL before the library opens it. Switching needs the file to
    itself and SQLite does not wait for that (no busy handler), so two processes opening a
    new file at once would see "database is locked"; we wait and try again instead. The mode
    is stored in the file, so this is a quick read once done."""
    deadline = time.monotonic() + patience
    while True:
        conn = sqlite3.connect(path, timeout=patience, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
        finally:
            conn.close()
        time.sleep(0.05)


def postgres_connect_args(database: Database) -> dict[str, Any]:
    return {
        "host": database.host,
        "port": database.port,
        "user": database.user,
        "password": database.password or None,
        "dbname": database.dbname,
        "connect_timeout": 10,
    }


# Read-model connections per process: a page reads while a save catches up, and a server
# worker serves a few requests at once; a new server connection per read costs several ms.
READ_MODEL_POOL_SIZE = 8


def postgres_pool(database: Database) -> ConnectionPool:
    """A pool of connections for the read models, with the store's schema on the path."""

    def configure(conn: psycopg.Connection[Any]) -> None:
        if database.schema:
            conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(database.schema)))
        # The read models answer many small queries at once: index lookups on solid-state
        # storage cost about as much as reading in order (PostgreSQL's default assumes
        # spinning disks and chose to scan 200,000 positions for 3,000 lookups, 5× slower),
        # and a query spread over parallel workers only takes cores from the other requests.
        conn.execute("SET random_page_cost = 1.1")
        conn.execute("SET max_parallel_workers_per_gather = 0")
        conn.commit()

    return ConnectionPool(
        kwargs=postgres_connect_args(database),
        min_size=1,
        max_size=READ_MODEL_POOL_SIZE,
        configure=configure,
        name="read-models",
        open=True,
    )


def drop_postgres_schema(database: Database) -> None:
    """For tests: remove a schema with everything in it."""
    with psycopg.connect(**postgres_connect_args(database), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(database.schema))
        )


@contextmanager
def connect(database: Database) -> Iterator[Any]:
    """A DB-API connection for read models, with the schema on the search path."""
    if database.kind == "sqlite":
        # Each connection is used by one thread at a time (the projector keeps one per
        # thread), but it may be closed by the garbage collector in another thread.
        conn = sqlite3.connect(
            database.sqlite_path, timeout=30, isolation_level=None, check_same_thread=False
        )
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA busy_timeout=30000")
        try:
            yield conn
        finally:
            conn.close()
        return
    pg = psycopg.connect(**postgres_connect_args(database))
    try:
        if database.schema:
            pg.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(database.schema)))
            pg.commit()
        yield pg
    finally:
        pg.close()
