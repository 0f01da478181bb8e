"""Goal (doelstelling): one negotiated commitment with a versioned wording, indicators,
actions, a status, and the positions, amendments and open passages about it.

The wording, amendments and open passages live in goal_wording.py (WordedGoal); this module
adds what the goal is about beyond its text, and the parties' positions on it.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from onderhandeling.domain import values
from onderhandeling.domain.errors import AlreadyDecided, NotAParticipant, NotFound, RuleViolation
from onderhandeling.domain.goal_wording import WordedGoal
from onderhandeling.domain.values import (
    CauseType,
    Confidentiality,
    GoalStatus,
    RevisionKind,
    Stance,
)

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
        # versions[n - 1] is wording version n
        self.versions: list[dict[str, Any]] = [
            {
                "version": 1,
                "text": wording,
                "based_on": None,
                "reason": "",
                "kind": RevisionKind.SUBSTANTIVE.value,
                "cause": {"type": CauseType.NONE.value, "id": None},
                "effective_date": effective_date,
            }
        ]
        self.positions: dict[str, dict[str, Any]] = {}
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
        participants: set[UUID],
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

    # --- positions ---------------------------------------------------------------------------

    def record_position(
        self,
        position_id: UUID,
        party_id: UUID,
        stance: str,
        summary: str,
        conditions: str,
        meeting_id: UUID | None,
        wording_version: int | None,
        confidentiality: str,
        participants: set[UUID],
        effective_date: date,
        recorded_by: UUID,
        corrects: UUID | None = None,
    ) -> None:
        """A party's stance on this goal at a date; a correction points at the position it replaces.

        wording_version is the version the position was about (default: the current one), so a
        stance on an older wording can be flagged for reconfirmation.
        """
        if party_id not in participants:
            raise NotAParticipant(
                f"goal {self.code}: this party does not take part in the agreement",
                party_id=str(party_id),
            )
        version = self.current_version if wording_version is None else wording_version
        if not 1 <= version <= self.current_version:
            raise values.InvalidInput(
                "wording_version", f"wording version {version} does not exist for {self.code}"
            )
        if corrects is not None:
            replaced = self.position(corrects)
            if replaced["party_id"] != party_id:
                raise RuleViolation("a correction must be for the same party")
            if replaced["replaced_by"] is not None or replaced["retracted"]:
                raise AlreadyDecided("that position was already corrected or retracted")
        self._position_recorded(
            position_id=str(position_id),
            party_id=party_id,
            stance=values.choice("stance", stance, Stance).value,
            summary=values.text("summary", summary),
            conditions=values.optional_text("conditions", conditions),
            meeting_id=meeting_id,
            wording_version=version,
            confidentiality=values.choice(
                "confidentiality", confidentiality, Confidentiality
            ).value,
            corrects=None if corrects is None else str(corrects),
            effective_date=values.a_date("effective_date", effective_date),
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
        self.positions[position_id] = {
            "id": position_id,
            "party_id": party_id,
            "stance": stance,
            "summary": summary,
            "conditions": conditions,
            "meeting_id": meeting_id,
            "wording_version": wording_version,
            "confidentiality": confidentiality,
            "corrects": corrects,
            "replaced_by": None,
            "retracted": False,
            "effective_date": effective_date,
        }
        if corrects is not None:
            self.positions[corrects]["replaced_by"] = position_id

    def position(self, position_id: UUID | str) -> dict[str, Any]:
        try:
            return self.positions[str(position_id)]
        except KeyError:
            raise NotFound(f"goal {self.code}: position not found") from None

    def retract_position(
        self, position_id: UUID, reason: str, effective_date: date, recorded_by: UUID
    ) -> None:
        """Withdraw a position logged in error; it stays in the history, marked retracted."""
        position = self.position(position_id)
        if position["retracted"] or position["replaced_by"] is not None:
            raise AlreadyDecided("that position was already corrected or retracted")
        self._position_retracted(
            position_id=str(position_id),
            reason=values.text("reason", reason),
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("PositionRetracted")
    def _position_retracted(
        self, position_id: str, reason: str, effective_date: date, recorded_by: UUID
    ) -> None:
        self.positions[position_id]["retracted"] = True

    def current_positions(self) -> dict[UUID, dict[str, Any]]:
        """Per party the latest standing position by effective date (ties: latest recorded)."""
        current: dict[UUID, dict[str, Any]] = {}
        for position in self.positions.values():  # insertion order is recording order
            if position["retracted"] or position["replaced_by"] is not None:
                continue
            held = current.get(position["party_id"])
            if held is None or position["effective_date"] >= held["effective_date"]:
                current[position["party_id"]] = position
        return current
