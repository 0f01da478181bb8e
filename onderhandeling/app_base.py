"""The base of the application service: storage, loading, atomic saving and shared helpers.

Each command loads the aggregates it needs, calls their methods (which check the rules and
trigger events) and saves them together in one atomic save. Queries return plain data, never
live aggregates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, ClassVar, TypeVar
from uuid import UUID, uuid4

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import Aggregate, MutableOrImmutableAggregate
from eventsourcing.persistence import JSONTranscoder, RecordConflictError

from onderhandeling.config import Database, database_from_environment
from onderhandeling.domain import Agreement, Person
from onderhandeling.domain.errors import ConcurrentChange, NotFound
from onderhandeling.storage import prepared_database
from onderhandeling.transcodings import DateAsISO

A = TypeVar("A", bound=Aggregate)
T = TypeVar("T")


class NegotiationsBase(Application[UUID]):
    """All agreements, parties, goals, meetings and decisions of one store."""

    name = "onderhandeling"
    env: ClassVar[dict[str, str]] = {
        # Goals are long-lived; the cache plus fast-forward keeps loading them cheap while
        # still reading events saved by other processes.
        "AGGREGATE_CACHE_MAXSIZE": "2000",
    }

    def __init__(self, database: Database | None = None) -> None:
        self.database = database or database_from_environment()
        with prepared_database(self.database):
            super().__init__(env=self.database.eventsourcing_env())

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())

    # --- loading and saving ----------------------------------------------------------------

    def load(self, kind: type[A], aggregate_id: UUID, label: str | None = None) -> A:
        """Load an aggregate of the given kind, or raise NotFound naming what was missing."""
        what = label or kind.__name__.lower()
        try:
            aggregate: object = self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            raise NotFound(f"{what} not found", id=str(aggregate_id)) from None
        if not isinstance(aggregate, kind):
            raise NotFound(f"{what} not found", id=str(aggregate_id))
        return aggregate

    def store(self, *aggregates: MutableOrImmutableAggregate[UUID] | None) -> None:
        """One atomic save; a version clash with another writer becomes ConcurrentChange.

        After the save the read models catch up, so the user sees their own change at once."""
        try:
            self.save(*aggregates)
        except RecordConflictError as error:
            raise ConcurrentChange(
                "someone else changed this at the same moment; nothing was saved, try again"
            ) from error
        # Imported on use, so loading the write side does not load the read side.
        import logging

        from onderhandeling.projections.projector import projector_of

        try:
            projector_of(self).catch_up()
        except Exception:
            # The save stands; reporting it as failed would invite a duplicate retry. The next
            # read catches up again and surfaces the problem there.
            logging.getLogger(__name__).exception("read models could not catch up after a save")

    def retrying(self, command: Callable[[], T]) -> T:
        """Run a load-change-save command; after a clash, run it once more on fresh state so
        the domain's own rule (e.g. a stale wording version) explains the refusal."""
        try:
            return command()
        except ConcurrentChange:
            return command()

    def require_person(self, person_id: UUID) -> None:
        self.load(Person, person_id, "person")

    def participants_of(self, agreement: Agreement) -> set[UUID]:
        return set(agreement.participants)

    def iter_topic(self, *topics: str) -> Iterator[UUID]:
        """Ids of aggregates whose events have these topics, in recording order."""
        start = 1
        while True:
            page = self.recorder.select_notifications(start, 500, topics=topics)
            if not page:
                return
            for notification in page:
                yield UUID(str(notification.originator_id))
            start = page[-1].id + 1


def new_id() -> UUID:
    """Ids of positions, amendments and passages are made here, outside the event bodies."""
    return uuid4()


def today() -> date:
    return date.today()


def plain(value: Any) -> Any:
    """Turn aggregate state into JSON-ready plain data (UUIDs and dates as text)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (UUID, date)):
        return str(value)
    return value
