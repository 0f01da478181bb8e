"""Typed path parameters of the pages: a route gets a UUID, and an id that cannot be one is
the Dutch 404 page, as for an id that does not exist (not FastAPI's 422)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends, Request
from fastapi.responses import Response

from onderhandeling.web import security
from onderhandeling.web.pages.support import not_found, parse_uuid


class PageNotFound(Exception):
    """A page's path names an id that cannot exist."""


async def handle_page_not_found(request: Request, error: Exception) -> Response:
    return not_found(request, security.optional_user(request))


def _id(value: str) -> UUID:
    found = parse_uuid(value)
    if found is None:
        raise PageNotFound()
    return found


def _agreement(agreement_id: str) -> UUID:
    return _id(agreement_id)


def _goal(goal_id: str) -> UUID:
    return _id(goal_id)


def _meeting(meeting_id: str) -> UUID:
    return _id(meeting_id)


def _position(position_id: str) -> UUID:
    return _id(position_id)


def _decision(decision_id: str) -> UUID:
    return _id(decision_id)


def _amendment(amendment_id: str) -> UUID:
    return _id(amendment_id)


def _passage(passage_id: str) -> UUID:
    return _id(passage_id)


def _point(point_id: str) -> UUID:
    return _id(point_id)


AgreementId = Annotated[UUID, Depends(_agreement)]
GoalId = Annotated[UUID, Depends(_goal)]
MeetingId = Annotated[UUID, Depends(_meeting)]
PositionId = Annotated[UUID, Depends(_position)]
DecisionId = Annotated[UUID, Depends(_decision)]
AmendmentId = Annotated[UUID, Depends(_amendment)]
PassageId = Annotated[UUID, Depends(_passage)]
PointId = Annotated[UUID, Depends(_point)]
