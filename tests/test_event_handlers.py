"""Every event the domain can store has a read-model handler, found by its class, also when
it was stored under an older topic; an event of an unknown class stops the projector."""

from __future__ import annotations

import pytest
from eventsourcing.utils import resolve_topic

from onderhandeling.domain import Goal
from onderhandeling.domain.topics import MOVED
from onderhandeling.readmodel.dispatch import (
    AGGREGATES,
    HANDLERS,
    NOT_PROJECTED,
    UnknownEvent,
    event_classes,
    handler_of,
)


def test_every_domain_event_class_has_a_handler_or_is_listed_as_not_projected() -> None:
    """A new @event without a handler fails here, not silently at replay."""
    missing = [
        cls.__qualname__
        for aggregate in AGGREGATES
        for cls in event_classes(aggregate)
        if cls not in HANDLERS and cls.__name__ not in NOT_PROJECTED
    ]
    assert missing == []
    assert len(HANDLERS) >= 30


def test_an_event_stored_under_a_moved_topic_finds_the_same_class_and_handler() -> None:
    """The wording's events were stored under goal_wording:WordedGoal; they resolve to
    Goal's classes, which have handlers."""
    assert MOVED  # the registry is not empty
    for topic, cls in MOVED.items():
        assert resolve_topic(topic) is cls
        assert cls in HANDLERS
    revised = resolve_topic("onderhandeling.domain.goal_wording:WordedGoal.WordingRevised")
    assert revised is Goal.WordingRevised


def test_an_event_of_an_unknown_class_stops_the_projector() -> None:
    """Skipping it would leave the read models silently incomplete."""

    class Surprise:
        pass

    with pytest.raises(UnknownEvent, match="Surprise"):
        handler_of(Surprise())
