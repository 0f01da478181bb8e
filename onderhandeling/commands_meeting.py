"""Commands on meetings and positions, discussion points and decisions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from onderhandeling.app_base import NegotiationsBase, new_id
from onderhandeling.domain import Agreement, Decision, DiscussionPoint, Goal, Meeting
from onderhandeling.domain.errors import NotFound, RuleViolation


@dataclass(frozen=True)
class PositionInput:
    """One row of a meeting's positions, as a negotiator types it."""

    goal_id: UUID
    party_id: UUID
    stance: str
    summary: str
    conditions: str = ""
    confidentiality: str = "shared"
    wording_version: int | None = None


@dataclass(frozen=True)
class LoggedMeeting:
    meeting_id: UUID
    position_ids: list[UUID]


class MeetingCommands(NegotiationsBase):
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

        def command() -> LoggedMeeting:
            agreement = self.load(Agreement, agreement_id, "agreement")
            participants = set(agreement.participants)
            meeting = Meeting.log(
                agreement_id,
                title,
                kind,
                held_on,
                parties_present,
                attendees or [],
                summary,
                confidentiality,
                participants,
                recorded_by,
            )
            goals: dict[UUID, Goal] = {}
            for position_id, row in zip(position_ids, positions, strict=True):
                goal = goals.get(row.goal_id) or self._goal_in(agreement, row.goal_id)
                goals[goal.id] = goal
                goal.record_position(
                    position_id,
                    row.party_id,
                    row.stance,
                    row.summary,
                    row.conditions,
                    meeting.id,
                    row.wording_version,
                    row.confidentiality,
                    participants,
                    held_on,
                    recorded_by,
                )
            self.store(meeting, *goals.values())
            return LoggedMeeting(meeting.id, position_ids)

        return self.retrying(command)

    def _goal_in(self, agreement: Agreement, goal_id: UUID) -> Goal:
        goal = self.load(Goal, goal_id, "goal")
        if goal.agreement_id != agreement.id:
            raise NotFound("goal not found in this agreement", id=str(goal_id))
        return goal

    def record_position(
        self,
        goal_id: UUID,
        position: PositionInput,
        effective_date: date,
        recorded_by: UUID,
        meeting_id: UUID | None = None,
        corrects: UUID | None = None,
    ) -> UUID:
        """A single position (e.g. by letter, or correcting an earlier one)."""
        self.require_person(recorded_by)
        position_id = new_id()

        def command() -> UUID:
            goal = self.load(Goal, goal_id, "goal")
            agreement = self.load(Agreement, goal.agreement_id, "agreement")
            if meeting_id is not None:
                meeting = self.load(Meeting, meeting_id, "meeting")
                if meeting.agreement_id != agreement.id:
                    raise NotFound("meeting not found in this agreement")
            goal.record_position(
                position_id,
                position.party_id,
                position.stance,
                position.summary,
                position.conditions,
                meeting_id,
                position.wording_version,
                position.confidentiality,
                set(agreement.participants),
                effective_date,
                recorded_by,
                corrects=corrects,
            )
            self.store(goal)
            return position_id

        return self.retrying(command)

    def retract_position(
        self, goal_id: UUID, position_id: UUID, reason: str, effective_date: date, recorded_by: UUID
    ) -> None:
        self.require_person(recorded_by)

        def command() -> None:
            goal = self.load(Goal, goal_id, "goal")
            goal.retract_position(position_id, reason, effective_date, recorded_by)
            self.store(goal)

        self.retrying(command)

    def raise_discussion_point(
        self,
        agreement_id: UUID,
        title: str,
        options: list[dict[str, str]],
        effective_date: date,
        recorded_by: UUID,
        goal_id: UUID | None = None,
        confidentiality: str = "shared",
    ) -> UUID:
        self.require_person(recorded_by)
        agreement = self.load(Agreement, agreement_id, "agreement")
        if goal_id is not None:
            self._goal_in(agreement, goal_id)
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
        self.require_person(recorded_by)

        def command() -> None:
            point = self.load(DiscussionPoint, discussion_point_id, "discussion point")
            agreement = self.load(Agreement, point.agreement_id, "agreement")
            point.state_preference(
                party_id, option, reason, set(agreement.participants), effective_date, recorded_by
            )
            self.store(point)

        self.retrying(command)

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
        confidentiality: str = "shared",
    ) -> UUID:
        """A decision, and when it picks an option of a discussion point, that choice in the
        same save."""
        self.require_person(recorded_by)

        def command() -> UUID:
            agreement = self.load(Agreement, agreement_id, "agreement")
            for goal_id in goal_ids or []:
                self._goal_in(agreement, goal_id)
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
            )
            if point is not None and chooses is not None:
                point.choose(chooses[1], decision.id, effective_date, recorded_by)
            self.store(decision, point)
            return decision.id

        return self.retrying(command)
