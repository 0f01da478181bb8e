"""The application service: one object with every command and query of the negotiation."""

from __future__ import annotations

from onderhandeling.service.agreements import AgreementCommands
from onderhandeling.service.goals import GoalCommands
from onderhandeling.service.meetings import LoggedMeeting, MeetingCommands, PositionInput
from onderhandeling.service.queries import Queries


class Negotiations(AgreementCommands, GoalCommands, MeetingCommands, Queries):
    """Commands return ids (or nothing); queries return plain data, never live aggregates."""


__all__ = ["LoggedMeeting", "Negotiations", "PositionInput"]
