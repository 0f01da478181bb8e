"""Goal (doelstelling): one negotiated commitment with a versioned wording, indicators,
actions, a status, and the amendments and open passages about it.

The wording, amendments and open passages live in goal_wording.py (WordedGoal); this module
adds what the goal is about beyond its text. The parties' positions on a goal are events of
the meetings where they were taken (meeting.py), so the goal stays small however long the
negotiation runs.
"""

from __future__ import annotations

from collections.abc import Container
from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from onderhandeling.domain import values
from onderhandeling.domain.errors import AlreadyDecided, NotFound, RuleViolation
from onderhandeling.domain.goal_wording import WordedGoal
from onderhandeling.domain.values import Confidentiality, GoalStatus, Stance

GOAL_NAMESPACE = uuid5(NAMESPACE_URL, "https://onderhandeling.example/goal")


class Goal(WordedGoal):
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
    ) -> None:
        """actions: each {"what": str, "parties": [party id, …] (aan zet), "due": str}."""
        self.require_not_frozen()
        if len(actions) > values.MAX_LIST_ITEMS:
            raise values.InvalidInput("actions", "too many actions")
        checked = []
        for action in actions:
            parties = values.ids([UUID(str(p)) for p in action.get("parties", [])])
            for party_id in parties:
                if party_id not in participants:
                    raise NotFound("an action names a party outside the agreement")
            checked.append(
                {
                    "what": values.text("what", action.get("what", "")),
                    "parties": parties,
                    "due": values.optional_text("due", action.get("due"), values.MAX_SHORT),
                }
            )
        self._actions_set(
            actions=checked,
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("ActionsSet")
    def _actions_set(
        self, actions: list[dict[str, Any]], effective_date: date, recorded_by: UUID
    ) -> None:
        self.actions = [dict(a) for a in actions]

    # --- positions recorded on the goal (before positions moved to meetings) ------------------

    # Until meetings held their own positions, a position was an event of its goal. Those
    # events stay in every store and must replay, so the goal keeps applying them, in a compact
    # form: what a correction or retraction of such a position needs to check. New positions
    # are events of their meeting (meeting.py).

    def correct_legacy_position(
        self,
        position_id: UUID,
        replaces: UUID,
        stance: str,
        summary: str,
        conditions: str,
        confidentiality: str,
        recorded_by: UUID,
    ) -> None:
        """Replace a position recorded on this goal by a corrected one (same party, date,
        meeting and wording version)."""
        old = self._legacy_standing(replaces)
        self._position_recorded(
            position_id=str(position_id),
            party_id=UUID(old["party_id"]),
            stance=values.choice("stance", stance, Stance).value,
            summary=values.text("summary", summary),
            conditions=values.optional_text("conditions", conditions),
            meeting_id=None if old["meeting_id"] is None else UUID(old["meeting_id"]),
            wording_version=old["wording_version"],
            confidentiality=values.choice(
                "confidentiality", confidentiality, Confidentiality
            ).value,
            corrects=str(replaces),
            effective_date=date.fromisoformat(old["effective_date"]),
            recorded_by=recorded_by,
        )

    @event("PositionRecorded")
    def _position_recorded(
        self,
        position_id: str,
        party_id: UUID,
        stance: str,
        summary: str,
        conditions: str,
        meeting_id: UUID | None,
        wording_version: int,
        confidentiality: str,
        corrects: str | None,
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        self.legacy_positions[position_id] = {
            "party_id": str(party_id),
            "meeting_id": None if meeting_id is None else str(meeting_id),
            "wording_version": wording_version,
            "effective_date": effective_date.isoformat(),
            "standing": True,
        }
        if corrects is not None:
            self.legacy_positions[corrects]["standing"] = False

    def retract_legacy_position(self, position_id: UUID, reason: str, recorded_by: UUID) -> None:
        """Withdraw a position recorded on this goal; it stays in the history, retracted."""
        old = self._legacy_standing(position_id)
        self._position_retracted(
            position_id=str(position_id),
            reason=values.text("reason", reason),
            effective_date=date.fromisoformat(old["effective_date"]),
            recorded_by=recorded_by,
        )

    @event("PositionRetracted")
    def _position_retracted(
        self, position_id: str, reason: str, effective_date: date, recorded_by: UUID
    ) -> None:
        self.legacy_positions[position_id]["standing"] = False

    def _legacy_standing(self, position_id: UUID) -> dict[str, Any]:
        position = self.legacy_positions.get(str(position_id))
        if position is None:
            raise NotFound(f"goal {self.code}: position not found", id=str(position_id))
        if not position["standing"]:
            raise AlreadyDecided("that position was already corrected or retracted")
        return position
