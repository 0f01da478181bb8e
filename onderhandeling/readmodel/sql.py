"""The dialect shim: the read models are written once, in SQLite's spelling, and this module
translates the few places where PostgreSQL differs (placeholders, upserts, locking)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from onderhandeling.config import Database

Row = dict[str, Any]

_PLACEHOLDER = re.compile(r"\?")


_INSERTS: dict[tuple[str, tuple[str, ...]], str] = {}


def insert_statement(table: str, columns: tuple[str, ...]) -> str:
    """``INSERT INTO table (columns) VALUES (?, …)``, made once per table and columns."""
    key = (table, columns)
    statement = _INSERTS.get(key)
    if statement is None:
        marks = ", ".join("?" for _ in columns)
        statement = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        _INSERTS[key] = statement
    return statement


class Sql:
    """A DB-API connection plus the knowledge of which dialect it speaks."""

    def __init__(self, conn: Any, database: Database) -> None:
        self.conn = conn
        self.postgres = database.kind == "postgres"
        # Deferred inserts (see insert(defer=True)), by statement, in arrival order.
        self._pending: dict[str, list[tuple[Any, ...]]] = {}

    def _text(self, statement: str) -> str:
        # Our statements never hold a literal "?" or "%", so a plain substitution is safe.
        return _PLACEHOLDER.sub("%s", statement) if self.postgres else statement

    def execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
        if self._pending:
            self.flush()
        cursor = self.conn.cursor()
        cursor.execute(self._text(statement), tuple(params))
        return cursor

    def executemany(self, statement: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.conn.cursor().executemany(self._text(statement), [tuple(r) for r in rows])

    def rows(self, statement: str, params: Sequence[Any] = ()) -> list[Row]:
        cursor = self.execute(statement, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]

    def one(self, statement: str, params: Sequence[Any] = ()) -> Row | None:
        found = self.rows(statement, params)
        return found[0] if found else None

    def column(self, statement: str, params: Sequence[Any] = ()) -> list[Any]:
        """The first column of every row."""
        return [row[0] for row in self.execute(statement, params).fetchall()]

    def scalar(self, statement: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(statement, params).fetchone()
        return None if row is None else row[0]

    def insert(self, table: str, row: Row, defer: bool = False) -> None:
        """Insert a row. A deferred insert waits, with others like it, until the next other
        statement or the commit, and then goes in one executemany: most events only append
        rows, and one round trip per row would dominate a catch-up."""
        statement = insert_statement(table, tuple(row))
        if defer:
            self.defer(statement, tuple(row.values()))
        else:
            self.execute(statement, list(row.values()))

    def defer(self, statement: str, values: tuple[Any, ...]) -> None:
        """Queue a statement that nothing reads back before the next other statement (which
        flushes the queue first). Queued statements go out grouped by statement, so only
        statements whose relative order does not matter may be deferred together: inserts, and
        updates of rows no other deferred statement touches."""
        rows = self._pending.get(statement)
        if rows is None:
            self._pending[statement] = [values]
        else:
            rows.append(values)

    def flush(self) -> None:
        pending, self._pending = self._pending, {}
        cursor = self.conn.cursor()
        for statement, rows in pending.items():
            cursor.executemany(self._text(statement), rows)

    def update(self, table: str, where: Row, values: Row, defer: bool = False) -> None:
        """Update rows; a deferred update waits like a deferred insert (see defer())."""
        sets = ", ".join(f"{c} = ?" for c in values)
        conditions = " AND ".join(f"{c} = ?" for c in where)
        statement = f"UPDATE {table} SET {sets} WHERE {conditions}"
        if defer:
            self.defer(statement, (*values.values(), *where.values()))
        else:
            self.execute(statement, [*values.values(), *where.values()])

    @contextmanager
    def transaction(self, write: bool = False, snapshot: bool = False) -> Iterator[Sql]:
        """One transaction. A writing one on SQLite takes the write lock at once (BEGIN
        IMMEDIATE), so two catch-ups never both read the same old position. A snapshot reads
        one consistent state however many statements it runs: SQLite's WAL gives every read
        transaction that; PostgreSQL needs REPEATABLE READ (its default gives each statement
        a state of its own)."""
        if self.postgres:
            # psycopg opens a transaction implicitly on the first statement, with the
            # connection's isolation level (BEGIN ISOLATION LEVEL …: no extra round trip).
            if snapshot:
                self.conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
                self.conn.read_only = True
            try:
                if write:
                    # Derived data, written with its tracking position: a crash that loses
                    # the last commits only means catching up again, so no need to wait for
                    # the disk on every commit.
                    self.conn.execute("SET LOCAL synchronous_commit TO OFF")
                yield self
                self.flush()
            except BaseException:
                self._pending = {}
                self.conn.rollback()
                raise
            finally:
                if snapshot:
                    self._end_snapshot_mode()
            self.conn.commit()
            return
        self.conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield self
            self.flush()
        except BaseException:
            self._pending = {}
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def log_end_and_position(self, events_table: str, name: str) -> tuple[int, int]:
        """The event log's last notification id and the read models' tracking position."""
        # SQLite numbers notifications with the table's rowid; the library's PostgreSQL table
        # has a notification_id column. Both tables are on the connection's search path.
        last = "MAX(notification_id)" if self.postgres else "MAX(rowid)"
        row = self.execute(
            f"SELECT (SELECT {last} FROM {events_table}), "
            "(SELECT position FROM proj_tracking WHERE name = ?)",
            [name],
        ).fetchone()
        return int(row[0] or 0), int(row[1] or 0)

    def _end_snapshot_mode(self) -> None:
        # Settable only outside a transaction: end the (read-only) one first.
        self.conn.commit()
        self.conn.isolation_level = None
        self.conn.read_only = None

    def lock_tracking(self, name: str) -> int:
        """The tracking position, locked until the transaction ends."""
        suffix = " FOR UPDATE" if self.postgres else ""
        position = self.scalar(f"SELECT position FROM proj_tracking WHERE name = ?{suffix}", [name])
        return int(position or 0)

    def analyze(self, tables: Sequence[str]) -> None:
        """Refresh the planner's statistics. PostgreSQL plans from them (without, it guessed
        one row where there were three thousand, and scanned instead of looking up);
        autovacuum gets there too, but only a while after a rebuild or an import."""
        if self.postgres:
            with self.transaction():
                self.execute(f"ANALYZE {', '.join(tables)}")

    def table_exists(self, table: str) -> bool:
        if self.postgres:
            return bool(self.scalar("SELECT to_regclass(?) IS NOT NULL", [table]))
        found = self.scalar(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
        )
        return bool(found)

    def serialize_ddl(self) -> None:
        """Make concurrent CREATE TABLE IF NOT EXISTS safe on PostgreSQL (it races there)."""
        if self.postgres:
            self.execute("SELECT pg_advisory_xact_lock(?)", [0x0D7E_0001])
