"""Which handler applies which event, keyed by the event class itself.

Each handle_*.py module names its handlers per aggregate and event name; here the names
become the event classes, so an event stored under an old topic (domain/topics.py) finds
the same handler as one stored today, and a misspelt name fails at import, not silently
at replay. Every event class of the domain has a handler or is listed in NOT_PROJECTED
(tests/test_event_handlers.py checks it); an event of a class without either stops the
projector loudly instead of being skipped.
"""

from __future__ import annotations

from collections.abc import Mapping

from eventsourcing.domain import DomainEvent

from onderhandeling.domain import (
    Agreement,
    Decision,
    DiscussionPoint,
    Goal,
    Meeting,
    Party,
    Person,
)
from onderhandeling.readmodel.events import Handler
from onderhandeling.readmodel.handle_agreement import OTHER_HANDLERS
from onderhandeling.readmodel.handle_decision import DECISION_HANDLERS
from onderhandeling.readmodel.handle_goal import GOAL_HANDLERS
from onderhandeling.readmodel.handle_meeting import MEETING_HANDLERS

AGGREGATES: tuple[type, ...] = (Person, Party, Agreement, Goal, Meeting, Decision, DiscussionPoint)

# The library's base classes of an aggregate's events: every aggregate has them, none is
# ever stored (the created event is e.g. Goal.Drafted, a subclass of Goal.Created).
NOT_PROJECTED = frozenset({"Event", "Created"})


class UnknownEvent(Exception):
    """An event of a class the read models know nothing about."""


def by_class(*tables: Mapping[type, Mapping[str, Handler]]) -> dict[type, Handler]:
    found: dict[type, Handler] = {}
    for table in tables:
        for aggregate, handlers in table.items():
            for name, handler in handlers.items():
                found[getattr(aggregate, name)] = handler
    return found


HANDLERS = by_class(OTHER_HANDLERS, GOAL_HANDLERS, MEETING_HANDLERS, DECISION_HANDLERS)


def event_classes(aggregate: type) -> list[type]:
    """The event classes an aggregate defines (its @event methods' and the library's)."""
    return [
        cls
        for name in dir(aggregate)
        if isinstance(cls := getattr(aggregate, name), type)
        and issubclass(cls, DomainEvent)
        and cls.__qualname__ == f"{aggregate.__name__}.{name}"
    ]


def handler_of(event: object) -> Handler | None:
    """The event's handler; None for the library's base classes; UnknownEvent otherwise."""
    cls = type(event)
    handler = HANDLERS.get(cls)
    if handler is None and cls.__name__ not in NOT_PROJECTED:
        raise UnknownEvent(
            f"no read-model handler for {cls.__qualname__}: add one in readmodel/handle_*.py "
            "(or list it in dispatch.NOT_PROJECTED)"
        )
    return handler
