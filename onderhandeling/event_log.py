"""Whole-log work that eventsourcing's recorder API does not offer, for export and import:
counting the events up to a notification id.

Beside storage.py this is the only module that knows SQLite from PostgreSQL. It goes through
the recorder's own connection pool and table name.
"""

from __future__ import annotations

from eventsourcing.persistence import ApplicationRecorder
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder
from psycopg.sql import SQL, Identifier


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
