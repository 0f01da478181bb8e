"""The steering committee's dashboard (one party's stances: party.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from markupsafe import Markup

from onderhandeling.web.deps import CurrentUser
from onderhandeling.web.pages.data import dashboard as dashboard_data
from onderhandeling.web.pages.support import agreement_id_of, negotiations
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
