"""Whole-log work that eventsourcing's recorder API does not offer, for export and import:
counting the events up to a notification id, and writing a whole log in one transaction.

Beside storage.py this is the only module that knows SQLite from PostgreSQL. It goes through
the recorder's own connection pool, table name and insert statement, so the rows it writes
are the rows recorder.insert_events would write. Why not one insert_events call with every
event: on PostgreSQL that sends the whole log as one parameter through psycopg's pipeline,
which with 200,000 events (80 MB) had not finished after 14 minutes, and it needs the whole
file in memory; here the events go in as many statements as it takes, in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from uuid import UUID

from eventsourcing.persistence import ApplicationRecorder, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder
from psycopg.sql import SQL, Identifier

Write = Callable[[Sequence[StoredEvent]], None]


class StoreNotEmpty(Exception):
    """The store held events of its own besides those written in the transaction."""

    def __init__(self, others: int) -> None:
        super().__init__(f"it already held {others} other events")
        self.others = others


def count_events(recorder: ApplicationRecorder, up_to: int) -> int:
    """How many events have a notification id up to `up_to` (PostgreSQL's ids have gaps)."""
    if isinstance(recorder, SQLiteApplicationRecorder):
        with recorder.datastore.transaction(commit=False) as cursor:
            cursor.execute(
                f"SELECT COUNT(*) FROM {recorder.events_table_name} WHERE rowid <= ?", [up_to]
            )
            return int(cursor.fetchone()[0])
    if isinstance(recorder, PostgresApplicationRecorder):
        statement = SQL("SELECT COUNT(*) AS n FROM {}.{} WHERE notification_id <= %s").format(
            Identifier(recorder.datastore.schema), Identifier(recorder.events_table_name)
        )
        with recorder.datastore.transaction(commit=False) as cursor:
            cursor.execute(statement, [up_to])
            row = cursor.fetchone()
            return int(row["n"]) if row else 0
    raise TypeError(f"no whole-log support for {type(recorder).__name__}")


@contextmanager
def one_transaction(recorder: ApplicationRecorder) -> Iterator[Write]:
    """Yield write(events): every call adds events to one transaction, which commits when the
    block ends without an error and rolls back otherwise (a killed process never commits).

    Before committing it counts the stored events: if there are more than were written, the
    store was not empty (another writer got in before our first insert) and StoreNotEmpty
    rolls everything back. Between the first insert and the commit no one else can write:
    SQLite has one writer at a time, and on PostgreSQL we hold the library's table lock."""
    if isinstance(recorder, SQLiteApplicationRecorder):
        with _sqlite_transaction(recorder) as write:
            yield write
        return
    if isinstance(recorder, PostgresApplicationRecorder):
        with _postgres_transaction(recorder) as write:
            yield write
        return
    raise TypeError(f"no whole-log support for {type(recorder).__name__}")


@contextmanager
def _sqlite_transaction(recorder: SQLiteApplicationRecorder) -> Iterator[Write]:
    written = 0
    with recorder.datastore.transaction(commit=True) as cursor:

        def write(events: Sequence[StoredEvent]) -> None:
            nonlocal written
            rows = [
                (_sqlite_id(e.originator_id), e.originator_version, e.topic, e.state)
                for e in events
            ]
            cursor.executemany(recorder.insert_events_statement, rows)
            written += len(rows)

        yield write
        cursor.execute(f"SELECT COUNT(*) FROM {recorder.events_table_name}")
        _check_only_ours(int(cursor.fetchone()[0]), written)


def _sqlite_id(originator_id: UUID | str) -> str:
    # As the library stores it: a UUID as 32 hex digits.
    return originator_id.hex if isinstance(originator_id, UUID) else originator_id


@contextmanager
def _postgres_transaction(recorder: PostgresApplicationRecorder) -> Iterator[Write]:
    written = 0
    table = SQL("{}.{}").format(
        Identifier(recorder.datastore.schema), Identifier(recorder.events_table_name)
    )
    with (
        recorder.datastore.get_connection() as conn,
        conn.transaction(),
        conn.cursor() as cursor,
    ):
        # The library's own lock (EXCLUSIVE on the events table, for the whole transaction):
        # inserts are serialised, so notification ids are committed in order and readers
        # paging the log never skip a row that appears later.
        for statement in recorder.lock_table_statements:
            cursor.execute(statement)
        cursor.execute(SQL("NOTIFY {}").format(Identifier(recorder.channel_name)))

        def write(events: Sequence[StoredEvent]) -> None:
            nonlocal written
            rows: list[Any] = [
                recorder.construct_pg_stored_event(
                    e.originator_id, e.originator_version, e.topic, e.state
                )
                for e in events
            ]
            cursor.execute(recorder.insert_events_statement, (rows,))
            written += len(rows)

        yield write
        cursor.execute(SQL("SELECT COUNT(*) AS n FROM {}").format(table))
        row = cursor.fetchone()
        _check_only_ours(int(row["n"]) if row else 0, written)


def _check_only_ours(stored: int, written: int) -> None:
    if stored != written:
        raise StoreNotEmpty(stored - written)


def latest_versions(recorder: ApplicationRecorder, ids: Sequence[UUID]) -> dict[UUID, int]:
    """The version each of these aggregates has reached in the store, in one query (the
    library asks one aggregate at a time)."""
    if not ids:
        return {}
    if isinstance(recorder, SQLiteApplicationRecorder):
        marks = ", ".join("?" for _ in ids)
        with recorder.datastore.transaction(commit=False) as cursor:
            cursor.execute(
                f"SELECT originator_id, MAX(originator_version) FROM "
                f"{recorder.events_table_name} WHERE originator_id IN ({marks}) "
                "GROUP BY originator_id",
                [i.hex for i in ids],  # the library stores SQLite ids as hex text
            )
            return {UUID(row[0]): int(row[1]) for row in cursor.fetchall()}
    if isinstance(recorder, PostgresApplicationRecorder):
        statement = SQL(
            "SELECT originator_id, MAX(originator_version) AS version FROM {}.{} "
            "WHERE originator_id = ANY(%s) GROUP BY originator_id"
        ).format(Identifier(recorder.datastore.schema), Identifier(recorder.events_table_name))
        with recorder.datastore.transaction(commit=False) as cursor:
            cursor.execute(statement, [list(ids)])
            return {
                UUID(str(row["originator_id"])): int(row["version"]) for row in cursor.fetchall()
            }
    raise TypeError(f"no whole-log support for {type(recorder).__name__}")
