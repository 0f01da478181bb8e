"""The projector: pulls the notification log and applies each event to the read models, in
transactions that also move the tracking position, so rows and position never disagree.

eventsourcing 9.5's ProjectionRunner cannot follow a SQLite application, so we pull. The same
code serves the catch-up after a save, the catch-up before a read, and a full rebuild.

Concurrency: every catch-up transaction first locks the tracking row (SQLite: BEGIN
IMMEDIATE; PostgreSQL: SELECT … FOR UPDATE) and re-reads the position under that lock, so two
processes never apply the same notification twice.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from eventsourcing.application import Application
from psycopg_pool import ConnectionPool

from onderhandeling.config import Database
from onderhandeling.readmodel.dispatch import handler_of
from onderhandeling.readmodel.events import Batch, Ctx
from onderhandeling.readmodel.schema import TABLES, TRACKING, create_tables, drop_tables
from onderhandeling.readmodel.sql import Sql
from onderhandeling.storage.database import connect, postgres_pool

# Notifications per transaction: large enough to amortise the commit (each one writes the
# touched index pages to the WAL), small enough that a writer waiting for SQLite's lock during
# a rebuild waits well under its busy timeout (2,000 events are about 0.15 s of work).
BATCH = 2000
# While far behind (a rebuild, a process that was down), bigger transactions: each commit
# writes every index page the batch touched, and random keys touch a page per row, so fewer
# commits save a quarter of a rebuild's time. A writer waits at most ~0.6 s for one.
FAR_BEHIND_BATCH = 10_000
# SQLite page cache (KiB) while catching up more than one batch: a rebuild inserts into indexes
# keyed by random ids, which SQLite's default 2 MB cache keeps re-reading from the OS. Only for
# the catch-up, so the per-thread connections that serve reads stay small.
BIG_CATCH_UP_CACHE_KIB = 65536

Progress = Callable[[int, int], None]


def apply(batch: Batch, seq: int, event: Any) -> None:
    """Apply one decoded event with the handler of its class."""
    handler = handler_of(event)
    if handler is not None:
        handler(batch, Ctx.of(seq, event), event)


class Projector:
    """The read models of one application. One per application object (see projector_of)."""

    def __init__(self, app: Application[Any], database: Database) -> None:
        # A weak reference: the registry below maps each application to its projector
        # weakly, which only works if the projector does not keep the application alive.
        self._app = weakref.ref(app)
        self.database = database
        self._local = threading.local()
        self._schema_ready = False
        self._pool: ConnectionPool | None = None
        # The library's table of events (both its recorders name it; the interface does not).
        self._events_table = str(getattr(app.recorder, "events_table_name", "stored_events"))
        # Facts that never change once recorded, kept across batches: a party's code and a
        # goal's agreement and code. (Nothing that a correction can change is kept here: another
        # process may apply that correction.)
        self._party_codes: dict[str, str] = {}
        self._goals: dict[str, tuple[str, str]] = {}
        self._pool_lock = threading.Lock()

    @property
    def app(self) -> Application[Any]:
        app = self._app()
        if app is None:
            raise RuntimeError("the application of this projector was closed and collected")
        return app

    @contextmanager
    def connection(self) -> Iterator[Sql]:
        """A connection to the store's database. SQLite connections are kept per thread (they
        are cheap to keep and sqlite3 objects stay in their thread); PostgreSQL ones come from
        a small pool, closed with the application."""
        if self.database.kind == "sqlite":
            sql: Sql | None = getattr(self._local, "sql", None)
            if sql is None:
                stack = ExitStack()
                conn = stack.enter_context(connect(self.database))
                # Read models are derived data with their position in the same transaction:
                # losing the last commits in a power cut only means catching up again, so
                # they need not wait for an fsync on every commit (WAL keeps them consistent).
                conn.execute("PRAGMA synchronous=NORMAL")
                sql = Sql(conn, self.database)
                self._local.sql = sql
                self._local.stack = stack
            yield sql
            return
        if self._pool is None:
            with self._pool_lock:
                if self._pool is None:
                    self._pool = postgres_pool(self.database)
        with self._pool.connection() as conn:
            yield Sql(conn, self.database)

    def close(self) -> None:
        """Close the PostgreSQL connections (SQLite ones go with their threads)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def _ensure_schema(self, sql: Sql) -> None:
        if not self._schema_ready:
            with sql.transaction(write=True):
                create_tables(sql)
            self._schema_ready = True

    def position(self, sql: Sql) -> int:
        with sql.transaction():
            return _tracked(sql)

    def catch_up(self, progress: Progress | None = None, up_to: int | None = None) -> int:
        """Apply every notification after the tracking position (up to `up_to`, when the
        caller knows the last one it needs, e.g. its own save's); returns how many."""
        with self.connection() as sql:
            self._ensure_schema(sql)
            return self._catch_up(sql, progress, up_to)

    def _catch_up(self, sql: Sql, progress: Progress | None, up_to: int | None = None) -> int:
        # An unlocked look first: most reads find nothing to do and take no write lock. The
        # log's end and our position come in one query (one round trip to PostgreSQL).
        with sql.transaction():
            last, start = sql.log_end_and_position(self._events_table, TRACKING)
        if up_to is not None:
            last = up_to
        if start >= last:
            return 0
        with self._big_cache(sql, last - start > BATCH):
            applied = self._apply_pages(sql, last, progress)
        if applied > FAR_BEHIND_BATCH:
            sql.analyze(list(TABLES))  # many new rows: give the planner figures to plan with
        return applied

    @contextmanager
    def _big_cache(self, sql: Sql, big: bool) -> Iterator[None]:
        if sql.postgres or not big or not BIG_CATCH_UP_CACHE_KIB:
            yield
            return
        previous = sql.conn.execute("PRAGMA cache_size").fetchone()[0]
        sql.conn.execute(f"PRAGMA cache_size={-BIG_CATCH_UP_CACHE_KIB}")
        try:
            yield
        finally:
            sql.conn.execute(f"PRAGMA cache_size={int(previous)}")  # frees the extra pages

    def _apply_pages(self, sql: Sql, last: int, progress: Progress | None) -> int:
        """Read and decode a page of notifications, then apply it in one writing transaction.

        The page is read *before* the write lock is taken, never while holding it: reading
        goes through the library's connection pool, whose queue may hold a save that waits
        for the very lock we would hold (on SQLite events and read models share one file),
        and neither would move until a time-out. Under the lock only the notifications after
        the position then locked are applied, so work another process did meanwhile is
        skipped, not repeated."""
        done = 0
        while True:
            position = self.position(sql)
            if position >= last:
                break
            size = FAR_BEHIND_BATCH if last - position > FAR_BEHIND_BATCH else BATCH
            page = [
                (notification.id, self.app.mapper.to_domain_event(notification))
                for notification in self.app.recorder.select_notifications(
                    position + 1, size, stop=last
                )
            ]
            if not page:
                break
            with sql.transaction(write=True):
                locked = sql.lock_tracking(TRACKING)
                todo = [(seq, event) for seq, event in page if seq > locked]
                if todo:
                    batch = Batch(sql, party_codes=self._party_codes, goals=self._goals)
                    batch.current_positions.preload(_new_positions(todo))
                    for seq, event in todo:
                        apply(batch, seq, event)
                    batch.finish()
                    sql.execute(
                        "UPDATE proj_tracking SET position = ? WHERE name = ?",
                        [todo[-1][0], TRACKING],
                    )
            done += len(todo)
            if progress is not None:
                progress(page[-1][0], last)
        return done

    def rebuild(self, progress: Progress | None = None) -> int:
        """Drop the read models and apply the whole log again."""
        with self.connection() as sql:
            self._ensure_schema(sql)
            with sql.transaction(write=True):
                sql.lock_tracking(TRACKING)
                drop_tables(sql)
                create_tables(sql)
            return self._catch_up(sql, progress)

    def caught_up_position(self) -> int:
        """Catch up, then the tracking position: every change up to it is in the read models.
        Views derived from them can be remembered under it (see web/view_cache.py)."""
        with self.reading() as sql:
            return _tracked(sql)

    @contextmanager
    def reading(self) -> Iterator[Sql]:
        """Catch up, then one read transaction: a reader sees every change saved before it.

        Re-entrant: a read inside another read on the same thread joins it, so a page or an
        API answer built from several queries reads one consistent snapshot, and a change
        saved meanwhile cannot show in one part and not in another."""
        joined: Sql | None = getattr(self._local, "reading", None)
        if joined is not None:
            yield joined
            return
        with self.connection() as sql:
            self._ensure_schema(sql)
            self._catch_up(sql, None)
            with sql.transaction(snapshot=True):
                self._local.reading = sql
                try:
                    yield sql
                finally:
                    self._local.reading = None


def _new_positions(page: list[tuple[int, Any]]) -> set[tuple[str, str]]:
    """The (goal, party) pairs a page records positions for (a meeting's events name their
    goal; a goal's own, in older stores, are the goal's)."""
    return {
        (str(getattr(event, "goal_id", None) or event.originator_id), str(event.party_id))
        for _, event in page
        if type(event).__name__ == "PositionRecorded"
    }


def _tracked(sql: Sql) -> int:
    return int(sql.scalar("SELECT position FROM proj_tracking WHERE name = ?", [TRACKING]) or 0)


_projectors: weakref.WeakKeyDictionary[Application[Any], Projector] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def projector_of(app: Application[Any]) -> Projector:
    """The projector of this application object (made on first use)."""
    with _lock:
        projector = _projectors.get(app)
        if projector is None:
            projector = Projector(app, app.database)  # type: ignore[attr-defined]
            _projectors[app] = projector
        return projector


def close_projector(app: Application[Any]) -> None:
    """Close the projector of this application, if it has one."""
    with _lock:
        projector = _projectors.pop(app, None)
    if projector is not None:
        projector.close()


def catch_up(app: Application[Any]) -> int:
    """Bring this application's read models up to date; returns how many events were applied."""
    return projector_of(app).catch_up()


def rebuild(app: Application[Any], progress: Progress | None = None) -> int:
    """Drop the read models and rebuild them from the whole log."""
    return projector_of(app).rebuild(progress)
