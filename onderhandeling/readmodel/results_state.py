"""Typed results of the agreement as it stands or stood (see read_state.py): one shape for a
party's stance, whether read per goal or per party, and the CLI's status overview."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from onderhandeling.domain.values import GoalStatus, Role, Stance
from onderhandeling.readmodel.results import (
    AmendmentProposal,
    Day,
    Id,
    Moment,
    PartyCode,
    Result,
)


class MeetingRef(Result):
    id: Id
    title: str


class StanceOut(Result):
    """A party's standing position on a goal; ``unknown`` with no facts when it took none."""

    stance: Stance
    effective_date: Day | None = None
    summary: str = ""
    conditions: str = ""
    position_id: Id | None = None
    meeting: MeetingRef | None = None
    wording_version: int | None = None
    needs_reconfirmation: bool = Field(
        default=False, description="It is about an older wording version than the goal's."
    )


class OpenPassage(Result):
    id: Id
    quote: str
    note: str
    version: int
    marked_on: Day
    status: str = Field(description="open or orphaned.")


class PendingAmendment(AmendmentProposal):
    """An amendment not decided yet."""


class GoalState(Result):
    id: Id
    code: str
    priority: str
    title: str
    status: GoalStatus
    version: int
    version_date: Day
    wording: str
    frozen_on: Day | None
    indicators: list[Any] | None = Field(description="Only now (null for another moment).")
    actions: list[Any] | None = Field(description="Only now (null for another moment).")
    stances: dict[PartyCode, StanceOut] = Field(description="By party code.")
    consensus: dict[str, int] = Field(description="Signatories per stance.")
    open_passages: list[OpenPassage]
    pending_amendments: list[PendingAmendment]


class PriorityState(Result):
    key: str
    title: str
    goals: list[GoalState]


class Preference(Result):
    option: str
    reason: str
    on: Day


class DecisionRef(Result):
    reference: str
    title: str


class Choice(Result):
    option: str
    on: Day | None
    decision: DecisionRef | None


class PointState(Result):
    id: Id
    goal_id: Id | None
    title: str
    options: list[Any]
    preferences: dict[PartyCode, Preference] = Field(description="By party code.")
    chosen: Choice | None


class PartyState(Result):
    code: PartyCode
    name: str
    role: Role
    stances: dict[str, StanceOut] = Field(description="By goal code.")


class AgreementHead(Result):
    id: Id
    title: str
    term_start: Day
    term_end: Day
    signed_on: Day | None


class ClockOut(Result):
    as_of: Day | None
    known_at: Moment | None


class AgreementStateOut(Result):
    agreement: AgreementHead
    clock: ClockOut
    priorities: list[PriorityState]
    discussion_points: list[PointState]
    parties: list[PartyState]


# --- the CLI's status overview -------------------------------------------------------------


class StatusParty(Result):
    code: PartyCode
    name: str
    kind: str
    role: Role


class StatusGoal(Result):
    code: str
    title: str
    version: int
    status: GoalStatus
    stances: dict[PartyCode, StanceOut]


class StatusPriority(Result):
    key: str
    title: str
    goals: list[StatusGoal]


class StatusOut(Result):
    agreement: AgreementSummaryRef
    signed_on: Day | None
    parties: list[StatusParty]
    priorities: list[StatusPriority]


class AgreementSummaryRef(Result):
    id: Id
    title: str


StatusOut.model_rebuild()
