"""The JSON API at /api/v1: a few lines per route — parse, call the service, answer.

Every read passes the user's Reader, so the steering committee never receives internal
content; every write needs a writer role and records the user's person as recorded_by.
Parties and goals in request bodies are named by code. The goal routes are in api_goals.py.
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from onderhandeling.domain.visibility import Reader
from onderhandeling.service import (
    AgreementOut,
    AgreementStateOut,
    AgreementSummary,
    BaselineOut,
    ChangesOut,
    ComparisonOut,
    Negotiations,
    PartyOut,
    PositionInput,
)
from onderhandeling.web.api import goals as api_goals
from onderhandeling.web.api import reads as read_api
from onderhandeling.web.api import records as api_records
from onderhandeling.web.api.schemas import (
    NO_NUL,
    AgreementIn,
    BaselineIn,
    Created,
    DecisionIn,
    Done,
    GoalIn,
    MeetingCreated,
    MeetingIn,
    PartyIn,
    SignatureIn,
    Signed,
)
from onderhandeling.web.api.support import ReaderDep, Service, Writer, day, goal_in, party
from onderhandeling.web.security import User

router = APIRouter(tags=["agreements"])


# --- parties and agreements ------------------------------------------------------------------


@router.get("/parties", summary="All parties", response_model=list[PartyOut])
def list_parties(app: Negotiations = Service, _: Reader = ReaderDep) -> list[PartyOut]:
    return app.parties()


@router.post("/parties", status_code=201, summary="Add a party", response_model=Created)
def add_party(body: PartyIn, app: Negotiations = Service, user: User = Writer) -> Created:
    party_id = app.add_party(
        body.code, body.name, body.kind, day(body.effective_date), user.person_id
    )
    return Created(id=party_id)


@router.get("/agreements", summary="All agreements", response_model=list[AgreementSummary])
def list_agreements(app: Negotiations = Service, _: Reader = ReaderDep) -> list[AgreementSummary]:
    return app.agreements()


@router.post(
    "/agreements",
    status_code=201,
    summary="Start an agreement, with its priorities and parties",
    response_model=Created,
)
def start_agreement(body: AgreementIn, app: Negotiations = Service, user: User = Writer) -> Created:
    when = day(body.effective_date)
    parties = [
        (party(app, p.party, f"parties.{i}.party"), p.role) for i, p in enumerate(body.parties)
    ]
    agreement_id = app.start_agreement(
        body.title, body.term_start, body.term_end, when, user.person_id
    )
    for priority in body.priorities:
        app.add_priority(agreement_id, priority.key, priority.title, when, user.person_id)
    for party_id, role in parties:
        app.admit_party(agreement_id, party_id, role, when, user.person_id)
    return Created(id=agreement_id)


@router.get(
    "/agreements/{agreement_id}",
    summary="An agreement: priorities, parties, goals",
    response_model=AgreementOut,
)
def get_agreement(
    agreement_id: UUID, app: Negotiations = Service, _: Reader = ReaderDep
) -> AgreementOut:
    return app.agreement(agreement_id)


@router.get(
    "/agreements/{agreement_id}/state",
    summary="Per priority and goal: version, status, stances (optionally as of a date)",
    response_model=AgreementStateOut,
)
def agreement_state(
    request: Request,
    agreement_id: UUID,
    as_of: date | None = Query(default=None, description="Effective date to look back to."),
    known_at: datetime | None = Query(default=None, description="Only what was recorded by then."),
    app: Negotiations = Service,
    user_reader: Reader = ReaderDep,
) -> Response:
    def make() -> bytes:
        state = read_api.agreement_state(app, agreement_id, user_reader, as_of, known_at)
        return state.model_dump_json(by_alias=True).encode()

    # The whole agreement is ~1 MB of JSON at 200 goals: remembered per read-model position.
    key = ("state", agreement_id, user_reader, as_of, known_at)
    body = request.app.state.views.view(app, key, make)
    return Response(body, media_type="application/json")


@router.get(
    "/agreements/{agreement_id}/changes",
    summary="What changed since a date or a baseline",
    response_model=ChangesOut,
)
def agreement_changes(
    agreement_id: UUID,
    since: str = Query(
        max_length=300, pattern=NO_NUL, description="A date (YYYY-MM-DD) or a baseline name."
    ),
    app: Negotiations = Service,
    user_reader: Reader = ReaderDep,
) -> ChangesOut:
    return read_api.agreement_changes(app, agreement_id, user_reader, since)


@router.post(
    "/agreements/{agreement_id}/goals",
    status_code=201,
    summary="Draft a goal",
    response_model=Created,
)
def add_goal(
    agreement_id: UUID, body: GoalIn, app: Negotiations = Service, user: User = Writer
) -> Created:
    goal_id = app.add_goal(
        agreement_id,
        body.code,
        body.priority,
        body.title,
        body.wording,
        day(body.effective_date),
        user.person_id,
    )
    return Created(id=goal_id)


@router.post(
    "/agreements/{agreement_id}/meetings",
    status_code=201,
    summary="Log a meeting with all its positions (all or nothing)",
    response_model=MeetingCreated,
)
def log_meeting(
    agreement_id: UUID, body: MeetingIn, app: Negotiations = Service, user: User = Writer
) -> MeetingCreated:
    present = [
        party(app, code, f"parties_present.{i}") for i, code in enumerate(body.parties_present)
    ]
    positions = [
        PositionInput(
            goal_id=goal_in(app, agreement_id, row.goal, f"positions.{i}.goal"),
            party_id=party(app, row.party, f"positions.{i}.party"),
            stance=row.stance,
            summary=row.summary,
            conditions=row.conditions,
            confidentiality=row.confidentiality,
            wording_version=row.wording_version,
        )
        for i, row in enumerate(body.positions)
    ]
    logged = app.log_meeting(
        agreement_id,
        body.title,
        body.kind,
        body.held_on,
        present,
        body.summary,
        body.confidentiality,
        positions,
        user.person_id,
    )
    return MeetingCreated(id=logged.meeting_id, position_ids=logged.position_ids)


@router.post(
    "/agreements/{agreement_id}/decisions",
    status_code=201,
    summary="Record a decision of the minister or cabinet",
    response_model=Created,
)
def record_decision(
    agreement_id: UUID, body: DecisionIn, app: Negotiations = Service, user: User = Writer
) -> Created:
    goal_ids = [goal_in(app, agreement_id, code, f"goals.{i}") for i, code in enumerate(body.goals)]
    decision_id = app.record_decision(
        agreement_id,
        body.decided_by,
        body.reference,
        body.title,
        body.text,
        day(body.effective_date),
        user.person_id,
        goal_ids=goal_ids,
        confidentiality=body.confidentiality,
    )
    return Created(id=decision_id)


@router.get(
    "/agreements/{agreement_id}/baselines",
    summary="The named, frozen versions",
    response_model=list[BaselineOut],
)
def list_baselines(
    agreement_id: UUID, app: Negotiations = Service, _: Reader = ReaderDep
) -> list[BaselineOut]:
    return app.agreement(agreement_id).baselines


@router.post(
    "/agreements/{agreement_id}/baselines",
    status_code=201,
    summary="Freeze every goal's current wording under a name",
    response_model=Done,
)
def freeze_baseline(
    agreement_id: UUID, body: BaselineIn, app: Negotiations = Service, user: User = Writer
) -> Done:
    app.freeze_baseline(agreement_id, body.name, day(body.effective_date), user.person_id)
    return Done()


@router.get(
    "/agreements/{agreement_id}/compare",
    summary="Compare two baselines, or a baseline and now",
    response_model=ComparisonOut,
)
def compare_baselines(
    agreement_id: UUID,
    from_: str = Query(alias="from", max_length=300, pattern=NO_NUL),
    to: str = Query(
        default="now", max_length=300, pattern=NO_NUL, description="A baseline name or 'now'."
    ),
    app: Negotiations = Service,
    user_reader: Reader = ReaderDep,
) -> ComparisonOut:
    return read_api.compare(app, agreement_id, user_reader, from_, to)


@router.post(
    "/agreements/{agreement_id}/signatures",
    status_code=201,
    summary="Record a party's signature",
    response_model=Signed,
)
def sign(
    agreement_id: UUID, body: SignatureIn, app: Negotiations = Service, user: User = Writer
) -> Signed:
    completed = app.sign(
        agreement_id,
        party(app, body.party, "party"),
        body.signer or user.person_id,
        day(body.effective_date),
        user.person_id,
    )
    return Signed(completed=completed)


router.include_router(api_goals.router)
router.include_router(api_records.router)
