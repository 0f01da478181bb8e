"""The tables of the web application's own records (accounts, API tokens, sign-in attempts,
session generations, settings) and the connection to them: kept in the same database as the
events, never as events."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from psycopg_pool import ConnectionPool

from onderhandeling.config import Database
from onderhandeling.storage.database import connect, postgres_pool

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS web_accounts (
        name TEXT PRIMARY KEY,
        person_id TEXT NOT NULL,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS web_api_tokens (
        token_hash TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created TEXT NOT NULL
    )""",
    # Sign-in attempts per account name and per client address (kind "account" or
    # "address"), counted in a window that starts at the first; see count_attempt.
    """CREATE TABLE IF NOT EXISTS web_sign_in_attempts (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        window_start DOUBLE PRECISION NOT NULL,
        refused INTEGER NOT NULL,
        PRIMARY KEY (kind, key)
    )""",
    # One row per account whose sessions were ended (sign-out, new password); a session
    # remembers the generation it started in and is void once that number has moved on.
    """CREATE TABLE IF NOT EXISTS web_session_generations (
        name TEXT PRIMARY KEY,
        generation INTEGER NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS web_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
)


class AccountTables:
    """One store's account tables, made on first use; each query is its own transaction."""

    def __init__(self, database: Database, pooled: bool = False) -> None:
        """pooled: keep PostgreSQL connections open between queries (the web server asks
        for an account on every request; a new server connection each time costs a
        process on the server and several milliseconds). Close a pooled store when done."""
        self.database = database
        self._ready = False
        self._pooled = pooled and database.kind == "postgres"
        self._pool: ConnectionPool | None = None
        self._pool_lock = threading.Lock()

    def close(self) -> None:
        with self._pool_lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        with self._opened() as conn:
            if not self._ready:
                for statement in SCHEMA:
                    conn.execute(statement)
                conn.commit()
                self._ready = True
            yield conn

    @contextmanager
    def _opened(self) -> Iterator[Any]:
        if not self._pooled:
            with connect(self.database) as conn:
                yield conn
            return
        with self._pool_lock:
            if self._pool is None:
                self._pool = postgres_pool(self.database)
                # Closed with the store even when nobody calls close() (a test's app).
                weakref.finalize(self, self._pool.close)
            pool = self._pool
        with pool.connection() as conn:
            yield conn

    def _sql(self, query: str) -> str:
        """Queries are written with '?'; psycopg wants '%s'."""
        return query if self.database.kind == "sqlite" else query.replace("?", "%s")

    def _fetch_one(self, query: str, *params: object) -> tuple[Any, ...] | None:
        with self._connection() as conn:
            row: tuple[Any, ...] | None = conn.execute(self._sql(query), params).fetchone()
            conn.commit()
            return row

    def _fetch_all(self, query: str, *params: object) -> list[tuple[Any, ...]]:
        with self._connection() as conn:
            rows: list[tuple[Any, ...]] = conn.execute(self._sql(query), params).fetchall()
            conn.commit()
            return rows

    def _execute(self, query: str, *params: object) -> int:
        with self._connection() as conn:
            cursor = conn.execute(self._sql(query), params)
            conn.commit()
            count: int = cursor.rowcount
            return count


def now_text() -> str:
    """The current moment (UTC) as stored in a row's ``created``."""
    return datetime.now(UTC).isoformat()
