"""The API's goal routes. Every one is served under two addresses: by the goal's id
(/goals/{goal_id}/…) and by its code within an agreement (/goals/{agreement_id}/{code}/…)."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Depends, Query
from pydantic import Field

from onderhandeling.domain.visibility import Reader
from onderhandeling.service import (
    GoalDiffOut,
    GoalHistoryOut,
    GoalOut,
    Negotiations,
    ProvenanceOut,
)
from onderhandeling.web.api import reads as read_api
from onderhandeling.web.api.schemas import (
    AmendmentDecided,
    AmendmentDecisionIn,
    AmendmentIn,
    Body,
    Code,
    Created,
    Done,
    OptionalText,
    PassageIn,
    PassageResolutionIn,
    Revised,
    RevisionIn,
    Text,
    Write,
)
from onderhandeling.web.api.support import ReaderDep, Service, Writer, day, party
from onderhandeling.web.security import User

router = APIRouter(tags=["goals"])


class IndicatorsIn(Write):
    indicators: list[Text] = Field(max_length=200, description="Replaces the goal's indicators.")


class ActionIn(Body):
    what: Text
    parties: list[Code] = Field(default_factory=list, max_length=100, description="Aan zet.")
    due: OptionalText = Field(
        default="", description="When: an ISO date (a planned date) or a period ('najaar 2023')."
    )


class ActionsIn(Write):
    actions: list[ActionIn] = Field(max_length=200, description="Replaces the goal's actions.")


def _goal_by_id(goal_id: UUID) -> UUID:
    return goal_id


def _goal_by_code(agreement_id: UUID, code: str, app: Negotiations = Service) -> UUID:
    return app.goal_id(agreement_id, code)


_goal_routes: list[tuple[str, Callable[..., Any], dict[str, Any]]] = []


def goal_route(method: str, suffix: str, **options: Any) -> Callable[[Callable[..., Any]], Any]:
    """Register an endpoint whose `goal` parameter is the goal's id, under both addresses."""

    def register(endpoint: Callable[..., Any]) -> Callable[..., Any]:
        _goal_routes.append((method, endpoint, {"suffix": suffix, **options}))
        return endpoint

    return register


def _with_goal_resolver(
    endpoint: Callable[..., Any], resolver: Callable[..., UUID]
) -> Callable[..., Any]:
    signature = inspect.signature(endpoint)
    # Keyword-only, so the goal's default (its resolver) may come before plain parameters.
    parameters = [
        p.replace(kind=inspect.Parameter.KEYWORD_ONLY, default=Depends(resolver))
        if p.name == "goal"
        else p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
        for p in signature.parameters.values()
    ]

    @functools.wraps(endpoint)
    def call(**kwargs: Any) -> Any:
        return endpoint(**kwargs)

    call.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    return call


def _register_goal_routes() -> None:
    # Every id route before every code route: /goals/{id}/history must not be read as the
    # goal with code "history".
    forms = (
        ("/goals/{goal_id:uuid}", _goal_by_id, ""),
        ("/goals/{agreement_id:uuid}/{code}", _goal_by_code, "_by_code"),
    )
    for prefix, resolver, id_suffix in forms:
        for method, endpoint, options in _goal_routes:
            options = dict(options)
            path = prefix + options.pop("suffix")
            router.add_api_route(
                path,
                _with_goal_resolver(endpoint, resolver),
                methods=[method],
                operation_id=endpoint.__name__ + id_suffix,
                **options,
            )


@goal_route("GET", "", summary="A goal as it stands", response_model=GoalOut)
def get_goal(goal: UUID, app: Negotiations = Service, user_reader: Reader = ReaderDep) -> GoalOut:
    return app.goal(goal, user_reader)


@goal_route(
    "GET",
    "/history",
    summary="A goal's timeline by effective date, wording changes with their word diff",
    response_model=GoalHistoryOut,
)
def goal_history(
    goal: UUID,
    substantive: bool = Query(default=False, description="Leave out editorial changes."),
    app: Negotiations = Service,
    user_reader: Reader = ReaderDep,
) -> GoalHistoryOut:
    return read_api.goal_history(app, goal, user_reader, substantive)


@goal_route(
    "GET", "/diff", summary="Word diff between two wording versions", response_model=GoalDiffOut
)
def goal_diff(
    goal: UUID,
    from_: int = Query(alias="from", ge=1, le=1_000_000),
    to: int | None = Query(default=None, ge=1, le=1_000_000, description="Default: current."),
    app: Negotiations = Service,
    user_reader: Reader = ReaderDep,
) -> GoalDiffOut:
    return read_api.goal_diff(app, goal, user_reader, from_, to)


@goal_route(
    "GET",
    "/provenance",
    summary="Which version and cause each part of a wording came from",
    response_model=ProvenanceOut,
)
def goal_provenance(
    goal: UUID,
    version: int | None = Query(default=None, ge=1, le=1_000_000, description="Default: current."),
    app: Negotiations = Service,
    user_reader: Reader = ReaderDep,
) -> ProvenanceOut:
    return read_api.goal_provenance(app, goal, user_reader, version)


@goal_route(
    "POST",
    "/revisions",
    status_code=201,
    summary="Revise the wording (409 with current_version when based on a stale version)",
    response_model=Revised,
)
def revise_wording(
    goal: UUID, body: RevisionIn, app: Negotiations = Service, user: User = Writer
) -> Revised:
    version = app.revise_wording(
        goal,
        body.text,
        body.based_on,
        body.reason,
        body.kind,
        day(body.effective_date),
        user.person_id,
        cause_type=body.cause_type,
        cause_id=body.cause_id,
    )
    return Revised(version=version)


@goal_route(
    "POST",
    "/amendments",
    status_code=201,
    summary="Propose an amendment (post-it)",
    response_model=Created,
)
def propose_amendment(
    goal: UUID, body: AmendmentIn, app: Negotiations = Service, user: User = Writer
) -> Created:
    amendment_id = app.propose_amendment(
        goal,
        party(app, body.party, "party"),
        body.reason,
        day(body.effective_date),
        user.person_id,
        text=body.text,
        quote=body.quote,
        replacement=body.replacement,
    )
    return Created(id=amendment_id)


@goal_route(
    "POST",
    "/amendments/{amendment_id}/decision",
    summary="Decide an amendment (adoption makes a new wording version)",
    response_model=AmendmentDecided,
)
def decide_amendment(
    goal: UUID,
    amendment_id: UUID,
    body: AmendmentDecisionIn,
    app: Negotiations = Service,
    user: User = Writer,
) -> AmendmentDecided:
    version = app.decide_amendment(
        goal,
        amendment_id,
        body.outcome,
        day(body.effective_date),
        user.person_id,
        reason=body.reason,
        adopted_text=body.adopted_text,
        kind=body.kind,
    )
    return AmendmentDecided(version=version)


@goal_route(
    "POST",
    "/passages",
    status_code=201,
    summary="Mark a passage of the wording as still open",
    response_model=Created,
)
def mark_passage(
    goal: UUID, body: PassageIn, app: Negotiations = Service, user: User = Writer
) -> Created:
    aan_zet = [party(app, code, f"aan_zet.{i}") for i, code in enumerate(body.aan_zet)]
    passage_id = app.mark_passage(
        goal,
        body.quote,
        body.note,
        aan_zet,
        day(body.effective_date),
        user.person_id,
        occurrence=body.occurrence,
    )
    return Created(id=passage_id)


@goal_route(
    "POST",
    "/passages/{passage_id}/resolution",
    summary="Resolve an open passage",
    response_model=Done,
)
def resolve_passage(
    goal: UUID,
    passage_id: UUID,
    body: PassageResolutionIn,
    app: Negotiations = Service,
    user: User = Writer,
) -> Done:
    app.resolve_passage(goal, passage_id, body.note, day(body.effective_date), user.person_id)
    return Done()


@goal_route("PUT", "/indicators", summary="Set the goal's indicators", response_model=Done)
def set_indicators(
    goal: UUID, body: IndicatorsIn, app: Negotiations = Service, user: User = Writer
) -> Done:
    app.set_indicators(goal, body.indicators, day(body.effective_date), user.person_id)
    return Done()


@goal_route(
    "PUT",
    "/actions",
    summary="Set the goal's actions: who is aan zet, by when",
    response_model=Done,
)
def set_actions(
    goal: UUID, body: ActionsIn, app: Negotiations = Service, user: User = Writer
) -> Done:
    actions = [
        {
            "what": action.what,
            "parties": [party(app, code, f"actions.{i}.parties") for code in action.parties],
            "due": action.due,
        }
        for i, action in enumerate(body.actions)
    ]
    app.set_actions(goal, actions, day(body.effective_date), user.person_id)
    return Done()


_register_goal_routes()
