"""Which agreement the pages show: the one asked for, else the one this session looked at
last, else the first in the store. The page's menu and the routes both ask."""

from __future__ import annotations

from uuid import UUID

from fastapi import Request

from onderhandeling.service import Negotiations

AGREEMENT_PARAMETER = "akkoord"
_CURRENT_AGREEMENT = "akkoord"


def agreement_id_of(service: Negotiations, request: Request | None = None) -> UUID | None:
    """The agreement the pages show: the one asked for with ?akkoord=ID (remembered in the
    session), else the one this session last looked at, else the first in the store."""
    known = _agreement_ids(service, request)
    if not known:
        return None
    if request is not None:
        asked = request.query_params.get(AGREEMENT_PARAMETER)
        if asked in known:
            remember_agreement(request, UUID(asked))
            return UUID(asked)
        if "session" in request.scope and request.session.get(_CURRENT_AGREEMENT) in known:
            return UUID(request.session[_CURRENT_AGREEMENT])
    return UUID(known[0])


def _agreement_ids(service: Negotiations, request: Request | None) -> list[str]:
    """Read once per request: the route and the page's menu (common_context) both ask."""
    if request is None:
        return [a["id"] for a in service.agreements()]
    known: list[str] | None = getattr(request.state, "agreement_ids", None)
    if known is None:
        known = [a["id"] for a in service.agreements()]
        request.state.agreement_ids = known
    return known


def remember_agreement(request: Request, agreement_id: UUID) -> None:
    """Pages of one agreement make it the one the dashboard and the meeting form show."""
    if "session" in request.scope:
        request.session[_CURRENT_AGREEMENT] = str(agreement_id)
