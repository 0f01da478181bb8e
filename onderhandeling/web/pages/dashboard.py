"""The steering committee's dashboard (one party's stances: party.py)."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import Response
from markupsafe import Markup

from onderhandeling.web.deps import CurrentUser
from onderhandeling.web.pages.data import DashboardMoment, negotiation_span
from onderhandeling.web.pages.data import dashboard as dashboard_data
from onderhandeling.web.pages.data import support_over_time as support_data
from onderhandeling.web.pages.support import (
    agreement_id_of,
    negotiations,
    not_found,
    parse_optional_date,
)
from onderhandeling.web.pages.templating import render, templates

router = APIRouter()


INVALID_DATE = "Vul een geldige datum in, bijvoorbeeld 14-10-2022."
FUTURE_DATE = "Kies een datum tot en met vandaag."


def dashboard_dates(
    datum: str | None, bekend_op: str | None, dag: str | None, start: date, today: date
) -> tuple[date | None, date | None, dict[str, str]]:
    """The date the dashboard shows (from ?datum=, else the slider's ?dag= counted from the
    start), the date it is known at (?bekend_op=), and a Dutch message per unusable field."""
    errors: dict[str, str] = {}
    as_of = parse_optional_date(datum)
    if datum and as_of is None:
        errors["datum"] = INVALID_DATE
    if not datum and dag:
        as_of = start + timedelta(days=int(dag)) if dag.isdigit() else None
        if as_of is None:
            errors["datum"] = INVALID_DATE
    known = parse_optional_date(bekend_op)
    if bekend_op and known is None:
        errors["bekend_op"] = INVALID_DATE
    for name, day in (("datum", as_of), ("bekend_op", known)):
        if day is not None and day > today:
            errors[name] = FUTURE_DATE
    if "datum" in errors:
        as_of = None
    if "bekend_op" in errors:
        known = None
    # Today's date is the dashboard of now (and remembered as such).
    return (None if as_of == today else as_of), (None if known == today else known), errors


@router.get("/", name="page_dashboard")
def dashboard(
    request: Request,
    user: CurrentUser,
    datum: str | None = None,
    bekend_op: str | None = None,
    dag: str | None = None,
) -> Response:
    service = negotiations(request)
    agreement_id = agreement_id_of(service, request)
    if agreement_id is None:
        return render(request, "dashboard.html", {"agreement": None}, user=user)
    today = date.today()
    agreement = service.agreement(agreement_id)
    span = negotiation_span(agreement, service.negotiation_start(agreement_id), today)
    as_of, known, errors = dashboard_dates(datum, bekend_op, dag, span[0], today)
    moment = DashboardMoment(agreement_id, user.reader, today, as_of, known)

    def make() -> Markup:
        data = dashboard_data(service, moment)
        return Markup(
            templates.env.get_template("_dashboard_overzicht.html").render(
                request=request, dashboard=data
            )
        )

    # The links in the overview are absolute, hence the base URL in the key.
    key = ("dashboard", moment, str(request.base_url))
    overview = request.app.state.views.view(service, key, make)
    context = {
        "agreement": agreement,
        "agreements": service.agreements(),
        "overzicht": overview,
        "as_of": as_of,
        "known": known,
        "span": span,
        "typed": {"datum": datum or "", "bekend_op": bekend_op or ""},
        "errors": errors,
    }
    status = 422 if errors else 200
    return render(
        request, "dashboard.html", context, user=user, block="overzicht", status_code=status
    )


@router.get("/overzicht/draagvlak", name="page_dashboard_support")
def dashboard_support(
    request: Request,
    user: CurrentUser,
    datum: str | None = None,
    bekend_op: str | None = None,
) -> Response:
    service = negotiations(request)
    agreement_id = agreement_id_of(service, request)
    if agreement_id is None:
        return not_found(request, user)
    today = date.today()
    as_of, known, errors = dashboard_dates(datum, bekend_op, None, today, today)
    moment = DashboardMoment(agreement_id, user.reader, today, as_of, known)
    support = request.app.state.views.view(
        service, ("support", moment), lambda: support_data(service, moment)
    )
    status = 422 if errors else 200
    return render(
        request,
        "dashboard_draagvlak.html",
        {"support": support},
        user=user,
        block="draagvlak",
        status_code=status,
    )
