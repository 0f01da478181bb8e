"""The steering committee's dashboard and one party's stances across all goals."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response
from markupsafe import Markup

from onderhandeling.domain.errors import NotFound
from onderhandeling.web.deps import CurrentUser
from onderhandeling.web.pages.data import dashboard as dashboard_data
from onderhandeling.web.pages.support import agreement_id_of, negotiations, not_found
from onderhandeling.web.pages.templating import render, templates

router = APIRouter()


@router.get("/", name="page_dashboard")
def dashboard(request: Request, user: CurrentUser) -> Response:
    service = negotiations(request)
    agreement_id = agreement_id_of(service, request)
    if agreement_id is None:
        return render(request, "dashboard.html", {"agreement": None}, user=user)
    today = date.today()
    reader = user.reader

    def make() -> tuple[dict[str, Any], Markup]:
        data = dashboard_data(service, agreement_id, reader, today)
        overview = templates.env.get_template("_dashboard_overzicht.html").render(
            request=request, **data
        )
        page = {"agreement": data["agreement"], "agreements": service.agreements()}
        return page, Markup(overview)

    # The links in the overview are absolute, hence the base URL in the key.
    key = ("dashboard", agreement_id, reader, today, str(request.base_url))
    page, overview = request.app.state.views.view(service, key, make)
    context = {**page, "overzicht": overview}
    return render(request, "dashboard.html", context, user=user, block="overzicht")


@router.get("/partijen/{code}", name="page_party")
def party_page(request: Request, code: str, user: CurrentUser) -> Response:
    service = negotiations(request)
    agreement_id = agreement_id_of(service, request)
    party = next((p for p in service.parties() if p["code"] == code), None)
    if agreement_id is None or party is None:
        return not_found(request, user)
    agreement = service.agreement(agreement_id)
    rows = []
    for goal_ref in agreement["goals"]:
        try:
            goal = service.goal(UUID(goal_ref["id"]), user.reader)
        except NotFound:
            continue
        mine = sorted(
            (p for p in goal["positions"] if p["party_id"] == party["id"]),
            key=lambda p: p["effective_date"],
        )
        rows.append(
            {
                "goal": goal,
                "positions": mine,
                "current": next(
                    (p for p in reversed(mine) if not p["retracted"] and p["replaced_by"] is None),
                    None,
                ),
            }
        )
    return render(request, "partij.html", {"party": party, "rows": rows}, user=user)
