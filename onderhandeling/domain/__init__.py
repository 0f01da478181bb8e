"""The negotiation domain: aggregates, events and rules. Imports only the standard library
and eventsourcing."""

from onderhandeling.domain.agreement import Agreement
from onderhandeling.domain.decision import Decision
from onderhandeling.domain.discussion_point import DiscussionPoint
from onderhandeling.domain.goal import Goal
from onderhandeling.domain.meeting import Meeting
from onderhandeling.domain.party import Party
from onderhandeling.domain.person import Person
from onderhandeling.domain.topics import register_moved_topics

register_moved_topics()

__all__ = ["Agreement", "Decision", "DiscussionPoint", "Goal", "Meeting", "Party", "Person"]
