"""Where stored events find their classes after a class or module has moved.

Every stored event names its class by topic ("module:Class.Event"), forever. When an event
class moves, register its old topic here, so events stored under it still replay. See
docs/events.md for how an event class changes over time.
"""

from __future__ import annotations

from eventsourcing.utils import register_topic

from onderhandeling.domain.goal import Goal

# Until December 2026 the wording's events were defined on a base class of Goal, WordedGoal,
# in goal_wording.py, so they were stored under that class's name.
_WORDED_GOAL = "onderhandeling.domain.goal_wording:WordedGoal"
_WORDING_EVENTS = (
    "WordingRevised",
    "WordingFrozen",
    "AmendmentProposed",
    "AmendmentDecided",
    "PassageMarked",
    "PassageResolved",
)
# (The event classes are made by the @event decorator, so they are looked up by name.)
MOVED: dict[str, type] = {f"{_WORDED_GOAL}.{name}": getattr(Goal, name) for name in _WORDING_EVENTS}


def register_moved_topics() -> None:
    for topic, cls in MOVED.items():
        register_topic(topic, cls)
