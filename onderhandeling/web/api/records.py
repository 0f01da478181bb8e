"""The API's routes for meetings, positions and decisions as records that can be corrected:
list and read them, correct them, retract a position, withdraw a meeting. Nothing is erased:
each correction is a new fact beside the original, visible in the history."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from onderhandeling.domain.visibility import Reader
from onderhandeling.service import (
    DecisionOut,
    MeetingOut,
    MeetingSummaryOut,
    Negotiations,
    PositionInput,
)
from onderhandeling.web.api.schemas import Created, Done, PositionIn
from onderhandeling.web.api.schemas_records import (
    DecisionCorrectionIn,
    MeetingCorrectionIn,
    PositionCorrectionIn,
    WithdrawalIn,
)
from onderhandeling.web.api.support import ReaderDep, Service, Writer, goal_in, party
from onderhandeling.web.security import User

router = APIRouter(tags=["meetings and decisions"])


@router.get(
    "/agreements/{agreement_id}/meetings",
    summary="The agreement's meetings, newest first, corrected and withdrawn ones marked",
    response_model=list[MeetingSummaryOut],
)
def list_meetings(
    agreement_id: UUID, app: Negotiations = Service, user_reader: Reader = ReaderDep
) -> list[MeetingSummaryOut]:
    return app.meetings(agreement_id, user_reader)


@router.get(
    "/meetings/{meeting_id}",
    summary="A meeting with its positions and every version of its facts",
    response_model=MeetingOut,
)
def get_meeting(
    meeting_id: UUID, app: Negotiations = Service, user_reader: Reader = ReaderDep
) -> MeetingOut:
    return app.meeting(meeting_id, user_reader)


@router.post(
    "/meetings/{meeting_id}/corrections",
    summary="Correct a meeting's facts (what is left out stays); its positions follow its date",
    response_model=MeetingOut,
)
def correct_meeting(
    meeting_id: UUID,
    body: MeetingCorrectionIn,
    app: Negotiations = Service,
    user: User = Writer,
) -> MeetingOut:
    present = (
        None
        if body.parties_present is None
        else [
            party(app, code, f"parties_present.{i}") for i, code in enumerate(body.parties_present)
        ]
    )
    app.correct_meeting(
        meeting_id,
        title=body.title,
        kind=body.kind,
        held_on=body.held_on,
        parties_present=present,
        summary=body.summary,
        confidentiality=body.confidentiality,
        reason=body.reason,
        recorded_by=user.person_id,
    )
    return app.meeting(meeting_id, user.reader)


@router.post(
    "/meetings/{meeting_id}/withdrawal",
    summary="Withdraw a mis-logged meeting with all its positions (kept in the history)",
    response_model=MeetingOut,
)
def withdraw_meeting(
    meeting_id: UUID, body: WithdrawalIn, app: Negotiations = Service, user: User = Writer
) -> MeetingOut:
    app.withdraw_meeting(meeting_id, body.reason, user.person_id)
    return app.meeting(meeting_id, user.reader)


@router.post(
    "/meetings/{meeting_id}/positions",
    status_code=201,
    summary="Add a position taken in a meeting already logged",
    response_model=Created,
)
def add_position(
    meeting_id: UUID, body: PositionIn, app: Negotiations = Service, user: User = Writer
) -> Created:
    meeting = app.meeting(meeting_id, user.reader)
    row = PositionInput(
        goal_id=goal_in(app, UUID(meeting.agreement_id), body.goal, "goal"),
        party_id=party(app, body.party, "party"),
        stance=body.stance,
        summary=body.summary,
        conditions=body.conditions,
        confidentiality=body.confidentiality,
        wording_version=body.wording_version,
    )
    return Created(id=app.add_position(meeting_id, row, user.person_id))


@router.post(
    "/positions/{position_id}/corrections",
    status_code=201,
    summary="Correct a position: a new position replaces it (what is left out stays)",
    response_model=Created,
)
def correct_position(
    position_id: UUID,
    body: PositionCorrectionIn,
    app: Negotiations = Service,
    user: User = Writer,
) -> Created:
    new = app.correct_position(
        position_id,
        stance=body.stance,
        summary=body.summary,
        conditions=body.conditions,
        confidentiality=body.confidentiality,
        reason=body.reason,
        recorded_by=user.person_id,
    )
    return Created(id=new)


@router.post(
    "/positions/{position_id}/retraction",
    summary="Retract a position logged in error (kept in the history, marked retracted)",
    response_model=Done,
)
def retract_position(
    position_id: UUID, body: WithdrawalIn, app: Negotiations = Service, user: User = Writer
) -> Done:
    app.retract_position(position_id, body.reason, user.person_id)
    return Done()


@router.get(
    "/agreements/{agreement_id}/decisions",
    summary="The agreement's decisions, newest first, with every version of their facts",
    response_model=list[DecisionOut],
)
def list_decisions(
    agreement_id: UUID, app: Negotiations = Service, user_reader: Reader = ReaderDep
) -> list[DecisionOut]:
    return app.decisions(agreement_id, user_reader)


@router.post(
    "/decisions/{decision_id}/corrections",
    summary="Correct a decision's reference, title, text or date (what is left out stays)",
    response_model=DecisionOut,
)
def correct_decision(
    decision_id: UUID,
    body: DecisionCorrectionIn,
    app: Negotiations = Service,
    user: User = Writer,
) -> DecisionOut:
    app.correct_decision(
        decision_id,
        reference=body.reference,
        title=body.title,
        text=body.text,
        decided_on=body.decided_on,
        reason=body.reason,
        recorded_by=user.person_id,
    )
    return app.decision(decision_id, user.reader)
