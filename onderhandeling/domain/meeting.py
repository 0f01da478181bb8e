"""Meeting (overleg): where positions are taken. Its date is their effective date.

The positions taken in a meeting are events of the meeting, not of the goals they are about:
one new aggregate per meeting, so negotiators logging meetings at the same moment never
compete for a goal's version. The goal-level rules (the party takes part, the agreement was
not yet signed, which wording version was in force) are checked against the goal and the
agreement, which are read but not saved; the rules themselves are in meeting_rules.py. A
position's summary and conditions may be left empty (a stance logged in the corridor).

Mistakes are corrected by new facts that point at the old ones: a position is corrected by a
new position that replaces it, or retracted; the meeting's own facts are corrected as a whole,
or the meeting is withdrawn with all its positions. Nothing is erased.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from onderhandeling.domain import values
from onderhandeling.domain.agreement import Agreement
from onderhandeling.domain.errors import AlreadyDecided, NotFound, NothingChanged, Withdrawn
from onderhandeling.domain.goal import Goal
from onderhandeling.domain.meeting_rules import (
    check_one_position_each,
    check_parties_kept,
    check_position_taken,
    checked_facts,
    standing,
    version_discussed,
)
from onderhandeling.domain.plausibility import DateWindow
from onderhandeling.domain.roster import Roster
from onderhandeling.domain.values import Confidentiality, Stance

# goal id, date → the wording version of that goal in force on that date
VersionInForce = Callable[[UUID, date], int]


class Meeting(Aggregate):
    @classmethod
    def log(
        cls,
        agreement_id: UUID,
        title: str,
        kind: str,
        held_on: date,
        parties_present: list[UUID],
        attendees: list[UUID],
        summary: str,
        confidentiality: str,
        roster: Roster,
        window: DateWindow,
        recorded_by: UUID,
    ) -> Meeting:
        facts = checked_facts(
            title, kind, held_on, parties_present, summary, confidentiality, roster, window
        )
        return cls(
            agreement_id=agreement_id,
            attendees=values.ids(attendees),
            effective_date=facts.pop("held_on"),
            recorded_by=recorded_by,
            **facts,
        )

    @event("Logged")
    def __init__(
        self,
        agreement_id: UUID,
        title: str,
        kind: str,
        parties_present: list[UUID],
        attendees: list[UUID],
        summary: str,
        confidentiality: str,
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        self.agreement_id = agreement_id
        self.title = title
        self.kind = kind
        self.parties_present = list(parties_present)
        self.attendees = list(attendees)  # person ids: names stay in Person
        self.summary = summary
        self.confidentiality = confidentiality
        self.held_on = effective_date
        self.withdrawn = False
        # position id → the position as recorded; corrected and retracted ones stay
        self.positions: dict[str, dict[str, Any]] = {}

    def require_open(self) -> None:
        if self.withdrawn:
            raise Withdrawn(f"the meeting '{self.title}' was withdrawn; it takes no more changes")

    # --- positions ---------------------------------------------------------------------------

    def record_position(
        self,
        position_id: UUID,
        *,
        goal: Goal,
        agreement: Agreement,
        party_id: UUID,
        stance: str,
        summary: str,
        conditions: str,
        wording_version: int | None,
        confidentiality: str,
        roster: Roster,
        recorded_by: UUID,
        corrects: UUID | None = None,
        reason: str = "",
    ) -> None:
        """A party's stance on a goal, taken in this meeting; with `corrects`, a new version of
        a position of this meeting that replaces it (the old one stays in the history).

        The wording version is the one the position was about: by default the version in
        force on the meeting's date, so a stance on an older wording is flagged for
        reconfirmation."""
        self.require_open()
        check_position_taken(
            meeting_agreement=self.agreement_id,
            title=self.title,
            held_on=self.held_on,
            parties_present=self.parties_present,
            goal=goal,
            agreement=agreement,
            party_id=party_id,
            roster=roster,
        )
        replaced = None if corrects is None else self._correctable(corrects)
        check_one_position_each(
            self.positions.values(),
            goal=goal,
            party_id=party_id,
            replaced=replaced,
            roster=roster,
        )
        version, given = version_discussed(goal, self.held_on, wording_version)
        self._position_recorded(
            position_id=str(position_id),
            goal_id=goal.id,
            party_id=party_id,
            stance=values.choice("stance", stance, Stance).value,
            summary=values.optional_text("summary", summary),
            conditions=values.optional_text("conditions", conditions),
            wording_version=version,
            version_given=given,
            confidentiality=values.choice(
                "confidentiality", confidentiality, Confidentiality
            ).value,
            corrects=None if corrects is None else str(corrects),
            # A correction says why; a first recording needs no reason.
            reason=values.optional_text("reason", reason)
            if corrects is None
            else values.text("reason", reason),
            effective_date=self.held_on,
            recorded_by=recorded_by,
        )

    @event("PositionRecorded")
    def _position_recorded(
        self,
        position_id: str,
        goal_id: UUID,
        party_id: UUID,
        stance: str,
        summary: str,
        conditions: str,
        wording_version: int,
        version_given: bool,
        confidentiality: str,
        corrects: str | None,
        reason: str,
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        self.positions[position_id] = {
            "id": position_id,
            "goal_id": goal_id,
            "party_id": party_id,
            "stance": stance,
            "summary": summary,
            "conditions": conditions,
            "wording_version": wording_version,
            "version_given": version_given,
            "confidentiality": confidentiality,
            "corrects": corrects,
            "replaced_by": None,
            "retracted": False,
        }
        if corrects is not None:
            self.positions[corrects]["replaced_by"] = position_id

    def position(self, position_id: UUID | str) -> dict[str, Any]:
        try:
            return self.positions[str(position_id)]
        except KeyError:
            raise NotFound("position not found in this meeting", id=str(position_id)) from None

    def _correctable(self, position_id: UUID | str) -> dict[str, Any]:
        position = self.position(position_id)
        if not standing(position):
            raise AlreadyDecided("that position was already corrected or retracted")
        return position

    def retract_position(self, position_id: UUID, reason: str, recorded_by: UUID) -> None:
        """Withdraw a position logged in error; it stays in the history, marked retracted."""
        self.require_open()
        self._correctable(position_id)
        self._position_retracted(
            position_id=str(position_id),
            reason=values.text("reason", reason),
            effective_date=self.held_on,
            recorded_by=recorded_by,
        )

    @event("PositionRetracted")
    def _position_retracted(
        self, position_id: str, reason: str, effective_date: date, recorded_by: UUID
    ) -> None:
        self.positions[position_id]["retracted"] = True

    def standing_positions(self) -> list[dict[str, Any]]:
        return [p for p in self.positions.values() if standing(p)]

    # --- corrections of the meeting itself ----------------------------------------------------

    def correct(
        self,
        *,
        title: str,
        kind: str,
        held_on: date,
        parties_present: list[UUID],
        summary: str,
        confidentiality: str,
        reason: str,
        roster: Roster,
        window: DateWindow,
        version_in_force: VersionInForce,
        recorded_by: UUID,
    ) -> None:
        """Correct the meeting's facts as a whole. Its positions move with its date: a
        position whose wording version was not given explicitly gets the version in force on
        the corrected date. A party that still has positions here cannot be taken off the
        parties present (retract or correct those positions first)."""
        self.require_open()
        facts = checked_facts(
            title, kind, held_on, parties_present, summary, confidentiality, roster, window
        )
        check_parties_kept(self.standing_positions(), set(facts["parties_present"]), roster)
        current = {
            "title": self.title,
            "kind": self.kind,
            "held_on": self.held_on,
            "parties_present": self.parties_present,
            "summary": self.summary,
            "confidentiality": self.confidentiality,
        }
        if facts == current:
            raise NothingChanged()
        versions: dict[str, int] = {}
        if facts["held_on"] != self.held_on:
            for position in self.standing_positions():
                if position["version_given"]:
                    continue
                version = version_in_force(position["goal_id"], facts["held_on"])
                if version != position["wording_version"]:
                    versions[position["id"]] = version
        self._corrected(
            title=facts["title"],
            kind=facts["kind"],
            parties_present=facts["parties_present"],
            summary=facts["summary"],
            confidentiality=facts["confidentiality"],
            reason=values.text("reason", reason),
            wording_versions=versions,
            effective_date=facts["held_on"],
            recorded_by=recorded_by,
        )

    @event("Corrected")
    def _corrected(
        self,
        title: str,
        kind: str,
        parties_present: list[UUID],
        summary: str,
        confidentiality: str,
        reason: str,
        wording_versions: dict[str, int],
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        self.title = title
        self.kind = kind
        self.parties_present = list(parties_present)
        self.summary = summary
        self.confidentiality = confidentiality
        self.held_on = effective_date
        for position_id, version in wording_versions.items():
            self.positions[position_id]["wording_version"] = version

    def withdraw(self, reason: str, recorded_by: UUID) -> None:
        """The meeting was logged in error (it never took place, or is a duplicate): it and
        all its positions leave the state; the history keeps them, marked withdrawn."""
        if self.withdrawn:
            raise AlreadyDecided(f"the meeting '{self.title}' was already withdrawn")
        self._withdrawn(
            reason=values.text("reason", reason),
            effective_date=self.held_on,
            recorded_by=recorded_by,
        )

    @event("Withdrawn")
    def _withdrawn(self, reason: str, effective_date: date, recorded_by: UUID) -> None:
        self.withdrawn = True
