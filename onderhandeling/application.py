"""The application service: one object with every command and query of the negotiation."""

from __future__ import annotations

from onderhandeling.commands_agreement import AgreementCommands
from onderhandeling.commands_goal import GoalCommands
from onderhandeling.commands_meeting import LoggedMeeting, MeetingCommands, PositionInput
from onderhandeling.queries import Queries


class Negotiations(AgreementCommands, GoalCommands, MeetingCommands, Queries):
    """Commands return ids (or nothing); queries return plain data, never live aggregates."""


__all__ = ["LoggedMeeting", "Negotiations", "PositionInput"]
