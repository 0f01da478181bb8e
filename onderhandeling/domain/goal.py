"""Goal (doelstelling): one negotiated commitment with a versioned wording, indicators,
actions, a status, and the amendments (post-its) and open passages about its wording.

Public methods check the rules and compute what needs computing (such as which open passages
a revision orphans); the private methods that apply an event only apply what they are given,
because they run again on every replay. The parties' positions on a goal are events of the
meetings where they were taken (meeting.py), so the goal stays small however long the
negotiation runs.

The commands on the wording, the amendments, the open passages and the positions of old
stores live in goal_versions.py, goal_amendments.py, goal_passages.py and goal_legacy.py.
Their events are all defined here, on Goal, so each is stored under the topic
`onderhandeling.domain.goal:Goal.<Name>` it has always had (one class, one event namespace:
the wording's events were once defined on a base class, goal_wording.WordedGoal, and are
stored under that name; topics.py maps those names here).
"""

from __future__ import annotations

from collections.abc import Container
from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from onderhandeling.domain import values
from onderhandeling.domain import wording_rules as rules
from onderhandeling.domain.errors import RuleViolation
from onderhandeling.domain.goal_amendments import Amendments
from onderhandeling.domain.goal_legacy import LegacyPositions
from onderhandeling.domain.goal_passages import Passages
from onderhandeling.domain.goal_versions import Wording
from onderhandeling.domain.plausibility import DateWindow
from onderhandeling.domain.values import GoalStatus

GOAL_NAMESPACE = uuid5(NAMESPACE_URL, "https://onderhandeling.example/goal")


class Goal(Amendments, Passages, LegacyPositions, Aggregate):
    @staticmethod
    def create_id(agreement_id: UUID, code: str) -> UUID:
        # The id follows from agreement and code, so a code is unique within an agreement.
        return uuid5(GOAL_NAMESPACE, f"{agreement_id}/{code}")

    @classmethod
    def draft(
        cls,
        agreement_id: UUID,
        code: str,
        priority: str,
        title: str,
        wording: str,
        effective_date: date,
        recorded_by: UUID,
    ) -> Goal:
        return cls(
            agreement_id=agreement_id,
            code=values.code("code", code),
            priority=priority,
            title=values.text("title", title, values.MAX_SHORT),
            wording=values.text("wording", wording, values.MAX_WORDING),
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("Drafted")
    def __init__(
        self,
        agreement_id: UUID,
        code: str,
        priority: str,
        title: str,
        wording: str,
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        self.agreement_id = agreement_id
        self.code = code
        self.priority = priority
        self.title = title
        self.status = GoalStatus.DRAFT.value
        self.frozen_on: date | None = None
        self.indicators: list[str] = []
        self.actions: list[dict[str, Any]] = []
        self.wording = wording
        self.version_dates = [effective_date.isoformat()]
        # position id → what a correction of a position recorded on the goal needs (below)
        self.legacy_positions: dict[str, dict[str, Any]] = {}
        self.amendments: dict[str, dict[str, Any]] = {}
        self.passages: dict[str, dict[str, Any]] = {}

    # --- the events of the other modules' commands, defined here (see the module docstring) ---

    _wording_revised = event("WordingRevised")(Wording._wording_revised)
    _amendment_proposed = event("AmendmentProposed")(Amendments._amendment_proposed)
    _amendment_decided = event("AmendmentDecided")(Amendments._amendment_decided)
    _passage_marked = event("PassageMarked")(Passages._passage_marked)
    _passage_resolved = event("PassageResolved")(Passages._passage_resolved)
    _position_recorded = event("PositionRecorded")(LegacyPositions._position_recorded)
    _position_retracted = event("PositionRetracted")(LegacyPositions._position_retracted)

    @event("WordingFrozen")
    def freeze(self, effective_date: date, recorded_by: UUID) -> None:
        """Called when the agreement is fully signed, in the same save as the last signature."""
        self.frozen_on = effective_date

    # --- title, status, indicators, actions --------------------------------------------------

    def change_status(
        self, status: str, reason: str, effective_date: date, recorded_by: UUID
    ) -> None:
        new = values.choice("status", status, GoalStatus)
        if new.value == self.status:
            raise RuleViolation(f"goal {self.code} already has status {new.value}")
        self._status_changed(
            status=new.value,
            reason=values.text("reason", reason),
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("StatusChanged")
    def _status_changed(
        self, status: str, reason: str, effective_date: date, recorded_by: UUID
    ) -> None:
        self.status = status

    def set_indicators(
        self, indicators: list[str], effective_date: date, recorded_by: UUID
    ) -> None:
        self.require_not_frozen()
        self._indicators_set(
            indicators=values.texts("indicators", indicators),
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("IndicatorsSet")
    def _indicators_set(
        self, indicators: list[str], effective_date: date, recorded_by: UUID
    ) -> None:
        self.indicators = list(indicators)

    def set_actions(
        self,
        actions: list[dict[str, Any]],
        participants: Container[UUID],
        effective_date: date,
        recorded_by: UUID,
        window: DateWindow | None = None,
    ) -> None:
        """actions: each {"what": str, "parties": [party id, …] (aan zet), "due": str}; a due
        that is an ISO date must lie in the window (a planned date) when one is given."""
        self.require_not_frozen()
        self._actions_set(
            actions=rules.checked_actions(actions, participants, window),
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("ActionsSet")
    def _actions_set(
        self, actions: list[dict[str, Any]], effective_date: date, recorded_by: UUID
    ) -> None:
        self.actions = [dict(a) for a in actions]
