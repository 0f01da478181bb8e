"""The base of the application service: storage, loading, atomic saving and shared helpers.

Each command loads the aggregates it needs, calls their methods (which check the rules and
trigger events) and saves them together in one atomic save. Queries return plain data, never
live aggregates.
"""

from __future__ import annotations

import inspect
import random
import sys
import time
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Concatenate, ParamSpec, TypeVar
from uuid import UUID, uuid4

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import Aggregate, MutableOrImmutableAggregate
from eventsourcing.persistence import JSONTranscoder, RecordConflictError

from onderhandeling.config import Database, database_from_environment
from onderhandeling.domain import Agreement, Goal, Party, Person
from onderhandeling.domain.errors import ConcurrentChange, NotFound
from onderhandeling.domain.roster import Roster
from onderhandeling.storage.database import prepared_database
from onderhandeling.storage.event_log import latest_versions
from onderhandeling.storage.transcodings import DateAsISO

if TYPE_CHECKING:
    from onderhandeling.readmodel.read_records import PositionHolder

A = TypeVar("A", bound=Aggregate)
T = TypeVar("T")
P = ParamSpec("P")

SNAPSHOT_EVERY = 100

# A command that clashed with another writer runs again up to RETRIES times, after a random
# pause of up to RETRY_PAUSE · 2^attempt seconds (at most ~0.3 s in all).
RETRIES = 4
RETRY_PAUSE = 0.01


class NegotiationsBase(Application[UUID]):
    """All agreements, parties, goals, meetings and decisions of one store."""

    name = "onderhandeling"
    env: ClassVar[dict[str, str]] = {
        # Goals are long-lived; the cache plus fast-forward keeps loading them cheap while
        # still reading events saved by other processes.
        "AGGREGATE_CACHE_MAXSIZE": "2000",
    }
    # A goal revised a thousand times would otherwise be replayed event by event the first
    # time a process loads it: from a snapshot taken every 100 events, it is at most 99.
    # (When Goal's attributes change, raise Goal.class_version and add an upcast method.)
    snapshotting_intervals: ClassVar[dict[type[MutableOrImmutableAggregate[UUID]], int]] = {
        Goal: SNAPSHOT_EVERY
    }

    def __init__(self, database: Database | None = None) -> None:
        self.database = database or database_from_environment()
        self._known_persons: set[UUID] = set()
        with prepared_database(self.database):
            super().__init__(env=self.database.eventsourcing_env())

    def close(self) -> None:
        # Only a store that was read or written has a projector (and its connections); this
        # also runs from __del__ at interpreter exit, when nothing can be imported any more.
        projector = sys.modules.get("onderhandeling.readmodel.projector")
        if projector is not None:
            projector.close_projector(self)
        super().close()

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())

    # --- loading and saving ----------------------------------------------------------------

    def load(self, kind: type[A], aggregate_id: UUID, label: str | None = None) -> A:
        """Load an aggregate of the given kind to change it, or raise NotFound naming what was
        missing. The library hands out a copy of its cached aggregate, so a refused change
        never touches the cache."""
        return self._get(kind, aggregate_id, label, copy=True)

    def peek(self, kind: type[A], aggregate_id: UUID, label: str | None = None) -> A:
        """Load an aggregate only to check a rule against it: the cached aggregate itself,
        without the copy load() pays for. The caller must not change or save it."""
        return self._get(kind, aggregate_id, label, copy=False)

    def peek_many(self, kind: type[A], ids: Iterable[UUID], label: str) -> dict[UUID, A]:
        """As peek(), for several aggregates: one query asks the store how far each has got,
        and the cached ones that are that far are used as they are; only the others are
        brought up to date (the library would ask the store once per aggregate: ten round
        trips for a meeting with positions on ten goals)."""
        wanted = list(dict.fromkeys(ids))
        latest = latest_versions(self.recorder, wanted)
        found: dict[UUID, A] = {}
        for aggregate_id in wanted:
            if aggregate_id not in latest:
                raise NotFound(f"{label} not found", id=str(aggregate_id))
            cached = self._cached(aggregate_id)
            if isinstance(cached, kind) and cached.version == latest[aggregate_id]:
                found[aggregate_id] = cached
            else:
                found[aggregate_id] = self.peek(kind, aggregate_id, label)
        return found

    def _cached(self, aggregate_id: UUID) -> object | None:
        cache = self.repository.cache
        if cache is None:
            return None
        try:
            return cache.get(aggregate_id)
        except KeyError:
            return None

    def _get(self, kind: type[A], aggregate_id: UUID, label: str | None, copy: bool) -> A:
        what = label or kind.__name__.lower()
        try:
            aggregate: object = self.repository.get(aggregate_id, deepcopy_from_cache=copy)
        except AggregateNotFoundError:
            raise NotFound(f"{what} not found", id=str(aggregate_id)) from None
        if not isinstance(aggregate, kind):
            raise NotFound(f"{what} not found", id=str(aggregate_id))
        return aggregate

    def store(self, *aggregates: MutableOrImmutableAggregate[UUID] | None) -> None:
        """One atomic save; a version clash with another writer becomes ConcurrentChange.

        After the save the read models catch up, so the user sees their own change at once."""
        try:
            recordings = self.save(*aggregates)
        except RecordConflictError as error:
            raise ConcurrentChange(
                "someone else changed this at the same moment; nothing was saved, try again"
            ) from error
        # Imported on use, so loading the write side does not load the read side.
        import logging

        from onderhandeling.readmodel.projector import projector_of

        # The save's own notification ids say how far to catch up: no need to ask the store.
        last = max((r.notification.id for r in recordings), default=None)
        try:
            projector_of(self).catch_up(up_to=last)
        except Exception:
            # The save stands; reporting it as failed would invite a duplicate retry. The next
            # read catches up again and surfaces the problem there.
            logging.getLogger(__name__).exception("read models could not catch up after a save")

    def retrying(self, command: Callable[[], T]) -> T:
        """Run a load-change-save command; after a clash with another writer, run it again on
        fresh state, a few times, after a short random pause that grows each time. A clash
        the user should know about is then refused by the domain's own rule (a stale wording
        version, a position already corrected); one that is not their concern (two changes to
        the same agreement or meeting that do not conflict) simply succeeds."""
        for attempt in range(RETRIES):
            try:
                return command()
            except ConcurrentChange:
                # Full jitter: writers that clashed once do not clash again in lockstep.
                time.sleep(random.uniform(0, RETRY_PAUSE * 2**attempt))
        return command()

    def change(
        self,
        kind: type[A],
        aggregate_id: UUID,
        label: str,
        recorded_by: UUID,
        change: Callable[[A], T],
    ) -> T:
        """Load an aggregate, apply change(aggregate), save it; run again on fresh state after
        a concurrent save (see retrying()). Returns what change returned."""
        self.require_person(recorded_by)

        def command() -> T:
            aggregate = self.load(kind, aggregate_id, label)
            result = change(aggregate)
            self.store(aggregate)
            return result

        return self.retrying(command)

    def require_person(self, person_id: UUID) -> None:
        """Refuse an unknown person. A person record is never removed (an erased name is
        blanked, the record stays), so one found once need not be looked up again."""
        if person_id in self._known_persons:
            return
        self.peek(Person, person_id, "person")
        self._known_persons.add(person_id)

    def roster(self, agreement: Agreement) -> Roster:
        """The agreement's parties, able to name any party in a refusal."""
        return Roster.of(agreement.participants, self.describe_party)

    def position_holder(self, position_id: UUID) -> PositionHolder:
        """Which meeting (or, in older stores, which goal) records a position: looked up in
        the read models, where a position's holder never changes."""
        from onderhandeling.readmodel.read_records import position_holder

        return position_holder(self, position_id)

    def describe_party(self, party_id: UUID) -> str:
        try:
            party = self.peek(Party, party_id, "party")
        except NotFound:
            return f"party {party_id}"
        return f"{party.code} ({party.name})"


def applying(
    kind: type[A], label: str, method: Callable[Concatenate[A, P], object]
) -> Callable[Concatenate[NegotiationsBase, UUID, P], None]:
    """A command that applies one method of an aggregate: given the aggregate's id and the
    method's arguments, it loads the aggregate, calls the method and saves it (see change();
    ``recorded_by``, which every such method takes, must be a known person)."""
    signature = inspect.signature(method)

    def command(
        self: NegotiationsBase, aggregate_id: UUID, /, *args: P.args, **kwargs: P.kwargs
    ) -> None:
        recorded_by: Any = signature.bind(None, *args, **kwargs).arguments["recorded_by"]
        self.change(kind, aggregate_id, label, recorded_by, lambda a: method(a, *args, **kwargs))

    command.__name__ = method.__name__
    command.__doc__ = method.__doc__
    return command


def new_id() -> UUID:
    """Ids of positions, amendments and passages are made here, outside the event bodies."""
    return uuid4()


def today() -> date:
    return date.today()
