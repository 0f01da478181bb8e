"""Positions recorded on a goal, from before meetings held them. Part of Goal (goal.py), which
defines the events; `_position_recorded` and `_position_retracted` are what they apply."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from onderhandeling.domain import values
from onderhandeling.domain.errors import AlreadyDecided, NotFound
from onderhandeling.domain.values import Confidentiality, Stance


class LegacyPositions:
    code: str
    legacy_positions: dict[str, dict[str, Any]]

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

    def _position_recorded(  # applied by Goal.PositionRecorded
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

    def _position_retracted(  # applied by Goal.PositionRetracted
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
