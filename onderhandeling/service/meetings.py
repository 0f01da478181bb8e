"""Commands on meetings and their positions, discussion points and decisions, and the
corrections of each.

A meeting is one new aggregate holding every position taken in it, so meetings logged at
the same moment never compete for a goal: the goals and the agreement are only read, to
check the rules, never saved by these commands.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from onderhandeling.domain import Agreement, Decision, DiscussionPoint, Goal, Meeting
from onderhandeling.domain.errors import DomainError, NotFound, NothingChanged, RuleViolation
from onderhandeling.domain.values import Confidentiality
from onderhandeling.service.base import NegotiationsBase, new_id, today


@dataclass(frozen=True)
class PositionInput:
    """One row of a meeting's positions, as a negotiator types it."""

    goal_id: UUID
    party_id: UUID
    stance: str
    summary: str
    conditions: str = ""
    confidentiality: str = Confidentiality.SHARED.value
    wording_version: int | None = None


@dataclass(frozen=True)
class LoggedMeeting:
    meeting_id: UUID
    position_ids: list[UUID]


@contextmanager
def field_prefix(prefix: str) -> Iterator[None]:
    """Refusals about one row of a list name the row: 'party' becomes 'positions.2.party'."""
    try:
        yield
    except DomainError as error:
        field = error.details.get("field")
        if isinstance(field, str) and not field.startswith(prefix):
            error.details["field"] = prefix + field
            if hasattr(error, "field"):
                error.field = prefix + field
        raise


class MeetingCommands(NegotiationsBase):
    # --- meetings and positions ----------------------------------------------------------------

    def log_meeting(
        self,
        agreement_id: UUID,
        title: str,
        kind: str,
        held_on: date,
        parties_present: list[UUID],
        summary: str,
        confidentiality: str,
        positions: list[PositionInput],
        recorded_by: UUID,
        attendees: list[UUID] | None = None,
    ) -> LoggedMeeting:
        """Record a meeting with all the positions taken in it: all of them or none."""
        self.require_person(recorded_by)
        for person_id in attendees or []:
            self.require_person(person_id)
        position_ids = [new_id() for _ in positions]
        # A new aggregate: nobody else can be saving it, so no retry is needed.
        agreement = self.peek(Agreement, agreement_id, "agreement")
        roster = self.roster(agreement)
        meeting = Meeting.log(
            agreement_id,
            title,
            kind,
            held_on,
            parties_present,
            attendees or [],
            summary,
            confidentiality,
            roster,
            agreement.window(today()),
            recorded_by,
        )
        goals = self.peek_many(Goal, [row.goal_id for row in positions], "goal")
        for index, (position_id, row) in enumerate(zip(position_ids, positions, strict=True)):
            with field_prefix(f"positions.{index}."):
                self._record_in(
                    meeting, agreement, position_id, row, recorded_by, goal=goals[row.goal_id]
                )
        self.store(meeting)
        return LoggedMeeting(meeting.id, position_ids)

    def _record_in(
        self,
        meeting: Meeting,
        agreement: Agreement,
        position_id: UUID,
        row: PositionInput,
        recorded_by: UUID,
        corrects: UUID | None = None,
        reason: str = "",
        goal: Goal | None = None,
    ) -> None:
        if goal is None:
            goal = self.peek(Goal, row.goal_id, "goal")
        if goal.agreement_id != agreement.id:
            raise NotFound("goal not found in this agreement", id=str(row.goal_id), field="goal")
        meeting.record_position(
            position_id,
            goal=goal,
            agreement=agreement,
            party_id=row.party_id,
            stance=row.stance,
            summary=row.summary,
            conditions=row.conditions,
            wording_version=row.wording_version,
            confidentiality=row.confidentiality,
            roster=self.roster(agreement),
            recorded_by=recorded_by,
            corrects=corrects,
            reason=reason,
        )

    def _goal_of(self, agreement: Agreement, goal_id: UUID) -> Goal:
        goal = self.peek(Goal, goal_id, "goal")
        if goal.agreement_id != agreement.id:
            raise NotFound("goal not found in this agreement", id=str(goal_id), field="goal")
        return goal

    def add_position(self, meeting_id: UUID, row: PositionInput, recorded_by: UUID) -> UUID:
        """A position taken in a meeting already logged (noted later from the minutes)."""
        self.require_person(recorded_by)
        position_id = new_id()

        def command() -> UUID:
            meeting = self.load(Meeting, meeting_id, "meeting")
            agreement = self.peek(Agreement, meeting.agreement_id, "agreement")
            self._record_in(meeting, agreement, position_id, row, recorded_by)
            self.store(meeting)
            return position_id

        return self.retrying(command)

    def record_position(
        self,
        goal_id: UUID,
        position: PositionInput,
        effective_date: date,
        recorded_by: UUID,
        meeting_id: UUID | None = None,
    ) -> UUID:
        """A single position: taken in a logged meeting (meeting_id; its date is the
        position's), or else put in writing, which is logged as a written ('schriftelijk')
        meeting of that one party on effective_date."""
        if meeting_id is not None:
            return self.add_position(meeting_id, position, recorded_by)
        goal = self.peek(Goal, goal_id, "goal")
        logged = self.log_meeting(
            goal.agreement_id,
            "Schriftelijk standpunt",
            "schriftelijk",
            effective_date,
            [position.party_id],
            "",
            position.confidentiality,
            [position],
            recorded_by,
        )
        return logged.position_ids[0]

    def correct_position(
        self,
        position_id: UUID,
        *,
        reason: str,
        recorded_by: UUID,
        stance: str | None = None,
        summary: str | None = None,
        conditions: str | None = None,
        confidentiality: str | None = None,
    ) -> UUID:
        """Replace a position by a corrected one (what is not given stays as it was); the
        original stays in the history, pointing at its replacement. Returns the new id."""
        self.require_person(recorded_by)
        holder = self.position_holder(position_id)
        new_position = new_id()

        def command() -> UUID:
            if holder.meeting_held:
                meeting = self.load(Meeting, holder.aggregate_id, "meeting")
                old = meeting.position(position_id)
                row = PositionInput(
                    goal_id=old["goal_id"],
                    party_id=old["party_id"],
                    stance=old["stance"] if stance is None else stance,
                    summary=old["summary"] if summary is None else summary,
                    conditions=old["conditions"] if conditions is None else conditions,
                    confidentiality=old["confidentiality"]
                    if confidentiality is None
                    else confidentiality,
                    wording_version=old["wording_version"] if old["version_given"] else None,
                )
                _require_change(old, row)
                agreement = self.peek(Agreement, meeting.agreement_id, "agreement")
                self._record_in(
                    meeting, agreement, new_position, row, recorded_by, position_id, reason
                )
                self.store(meeting)
            else:
                goal = self.load(Goal, holder.aggregate_id, "goal")
                old = holder.current
                goal.correct_legacy_position(
                    new_position,
                    position_id,
                    old["stance"] if stance is None else stance,
                    old["summary"] if summary is None else summary,
                    old["conditions"] if conditions is None else conditions,
                    old["confidentiality"] if confidentiality is None else confidentiality,
                    recorded_by,
                )
                self.store(goal)
            return new_position

        return self.retrying(command)

    def retract_position(self, position_id: UUID, reason: str, recorded_by: UUID) -> None:
        """Withdraw a position logged in error; it stays in the history, marked retracted."""
        self.require_person(recorded_by)
        holder = self.position_holder(position_id)

        def command() -> None:
            if holder.meeting_held:
                meeting = self.load(Meeting, holder.aggregate_id, "meeting")
                meeting.retract_position(position_id, reason, recorded_by)
                self.store(meeting)
            else:
                goal = self.load(Goal, holder.aggregate_id, "goal")
                goal.retract_legacy_position(position_id, reason, recorded_by)
                self.store(goal)

        self.retrying(command)

    def correct_meeting(
        self,
        meeting_id: UUID,
        *,
        reason: str,
        recorded_by: UUID,
        title: str | None = None,
        kind: str | None = None,
        held_on: date | None = None,
        parties_present: list[UUID] | None = None,
        summary: str | None = None,
        confidentiality: str | None = None,
    ) -> None:
        """Correct a meeting's facts; what is not given stays as it was."""
        self.require_person(recorded_by)

        def command() -> None:
            meeting = self.load(Meeting, meeting_id, "meeting")
            agreement = self.peek(Agreement, meeting.agreement_id, "agreement")

            def version_in_force(goal_id: UUID, on: date) -> int:
                return self.peek(Goal, goal_id, "goal").version_in_force(on)

            meeting.correct(
                title=meeting.title if title is None else title,
                kind=meeting.kind if kind is None else kind,
                held_on=meeting.held_on if held_on is None else held_on,
                parties_present=meeting.parties_present
                if parties_present is None
                else parties_present,
                summary=meeting.summary if summary is None else summary,
                confidentiality=meeting.confidentiality
                if confidentiality is None
                else confidentiality,
                reason=reason,
                roster=self.roster(agreement),
                window=agreement.window(today()),
                version_in_force=version_in_force,
                recorded_by=recorded_by,
            )
            self.store(meeting)

        self.retrying(command)

    def withdraw_meeting(self, meeting_id: UUID, reason: str, recorded_by: UUID) -> None:
        """A meeting logged in error leaves the state with all its positions; the history
        keeps it, marked withdrawn with the reason."""
        self.change(
            Meeting,
            meeting_id,
            "meeting",
            recorded_by,
            lambda meeting: meeting.withdraw(reason, recorded_by),
        )

    # --- discussion points and decisions --------------------------------------------------------

    def raise_discussion_point(
        self,
        agreement_id: UUID,
        title: str,
        options: list[dict[str, Any]],
        effective_date: date,
        recorded_by: UUID,
        goal_id: UUID | None = None,
        confidentiality: str = Confidentiality.SHARED.value,
    ) -> UUID:
        self.require_person(recorded_by)
        agreement = self.peek(Agreement, agreement_id, "agreement")
        if goal_id is not None:
            self._goal_of(agreement, goal_id)
        point = DiscussionPoint.raise_point(
            agreement_id, goal_id, title, options, confidentiality, effective_date, recorded_by
        )
        self.store(point)
        return point.id

    def state_preference(
        self,
        discussion_point_id: UUID,
        party_id: UUID,
        option: str,
        reason: str,
        effective_date: date,
        recorded_by: UUID,
    ) -> None:

        def state(point: DiscussionPoint) -> None:
            agreement = self.peek(Agreement, point.agreement_id, "agreement")
            point.state_preference(
                party_id, option, reason, self.roster(agreement), effective_date, recorded_by
            )

        self.change(DiscussionPoint, discussion_point_id, "discussion point", recorded_by, state)

    def record_decision(
        self,
        agreement_id: UUID,
        decided_by: str,
        reference: str,
        title: str,
        text: str,
        effective_date: date,
        recorded_by: UUID,
        goal_ids: list[UUID] | None = None,
        chooses: tuple[UUID, str] | None = None,
        confidentiality: str = Confidentiality.SHARED.value,
    ) -> UUID:
        """A decision, and when it picks an option of a discussion point, that choice in the
        same save."""
        self.require_person(recorded_by)

        def command() -> UUID:
            agreement = self.peek(Agreement, agreement_id, "agreement")
            for index, goal_id in enumerate(goal_ids or []):
                with field_prefix(f"goals.{index}."):
                    self._goal_of(agreement, goal_id)
            point = None
            option = None
            if chooses is not None:
                point = self.load(DiscussionPoint, chooses[0], "discussion point")
                if point.agreement_id != agreement_id:
                    raise RuleViolation("the discussion point belongs to another agreement")
                option = {"discussion_point_id": str(point.id), "option": chooses[1]}
            decision = Decision.record(
                agreement_id,
                decided_by,
                reference,
                title,
                text,
                goal_ids or [],
                option,
                confidentiality,
                effective_date,
                recorded_by,
                window=agreement.window(today()),
            )
            if point is not None and chooses is not None:
                point.choose(chooses[1], decision.id, effective_date, recorded_by)
            self.store(decision, point)
            return decision.id

        return self.retrying(command)

    def correct_decision(
        self,
        decision_id: UUID,
        *,
        reason: str,
        recorded_by: UUID,
        reference: str | None = None,
        title: str | None = None,
        text: str | None = None,
        decided_on: date | None = None,
    ) -> None:
        """Correct a decision's reference, title, text or date; what is not given stays."""

        def correct(decision: Decision) -> None:
            agreement = self.peek(Agreement, decision.agreement_id, "agreement")
            decision.correct(
                reference=decision.reference if reference is None else reference,
                title=decision.title if title is None else title,
                text=decision.text if text is None else text,
                decided_on=decision.decided_on if decided_on is None else decided_on,
                reason=reason,
                window=agreement.window(today()),
                recorded_by=recorded_by,
            )

        self.change(Decision, decision_id, "decision", recorded_by, correct)


def _require_change(old: dict[str, object], row: PositionInput) -> None:
    if (row.stance, row.summary, row.conditions, row.confidentiality) == (
        old["stance"],
        old["summary"],
        old["conditions"],
        old["confidentiality"],
    ):
        raise NothingChanged()
