"""The agreement as a whole: milestones, baselines, signatures, discussion points and
decisions; the agreement on a date (and as known at a moment); two baselines compared."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from onderhandeling.domain.errors import DomainError, NotFound
from onderhandeling.dutch.parties import party_label
from onderhandeling.service import NOW
from onderhandeling.web import security
from onderhandeling.web.pages.data import discussion_points
from onderhandeling.web.pages.paths import AgreementId
from onderhandeling.web.pages.support import (
    negotiations,
    not_found,
    parse_optional_date,
    remember_agreement,
)
from onderhandeling.web.pages.templating import render

router = APIRouter()

NOW_IN_URL = "nu"  # ?tot=nu compares with the current wordings

CurrentUser = Annotated[Any, Depends(security.current_user)]


def agreement_context(request: Request, user: Any, agreement_id: UUID) -> dict[str, Any]:
    """Everything the agreement page shows (NotFound when there is no such agreement)."""
    service = negotiations(request)
    agreement = service.agreement(agreement_id)
    codes = {p["id"]: p["code"] for p in agreement["parties"]}
    signed = {s["party"] for s in agreement["signatures"]}
    points = discussion_points(service, agreement_id, user.reader)
    for point in points:
        point["option_pairs"] = [(o["key"], o["label"]) for o in point["options"]]
    milestones = sorted(agreement["milestones"], key=lambda m: m["planned_on"])
    return {
        "agreement": agreement,
        "codes": codes,
        "milestones": milestones,
        "milestone_options": [(m["key"], m["name"]) for m in milestones],
        "points": points,
        # With their corrections, which the page marks and links to.
        "decisions": service.decisions(agreement_id, user.reader),
        "party_options": [
            (p["id"], party_label(p["code"], p["name"])) for p in agreement["parties"]
        ],
        "unsigned_options": [
            (p["id"], party_label(p["code"], p["name"]))
            for p in agreement["parties"]
            if p["role"] == "signatory" and p["code"] not in signed
        ],
        "goal_options": [(g["id"], g["code"]) for g in agreement["goals"]],
        "today": date.today().strftime("%d-%m-%Y"),
        "errors": {},
        "form": {},
    }


def show_agreement(
    request: Request,
    user: Any,
    agreement_id: UUID,
    errors: dict[str, str] | None = None,
    form: dict[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    try:
        context = agreement_context(request, user, agreement_id)
    except NotFound:
        return not_found(request, user)
    remember_agreement(request, agreement_id)
    context.update(errors=errors or {}, form=form or {})
    return render(request, "akkoord.html", context, user=user, status_code=status_code)


@router.get("/akkoord/{agreement_id}", name="page_agreement")
def agreement_page(request: Request, user: CurrentUser, agreement_id: AgreementId) -> Response:
    return show_agreement(request, user, agreement_id)


def _end_of_day(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=UTC)


@router.get("/akkoord/{agreement_id}/op-datum", name="page_agreement_on")
def agreement_on(
    request: Request,
    user: CurrentUser,
    agreement_id: AgreementId,
    datum: str | None = None,
    bekend_op: str | None = None,
) -> Response:
    as_of = parse_optional_date(datum)
    known = parse_optional_date(bekend_op)
    errors = {}
    if datum and as_of is None:
        errors["datum"] = "Vul een geldige datum in, bijvoorbeeld 14-10-2022."
    if bekend_op and known is None:
        errors["bekend_op"] = "Vul een geldige datum in, bijvoorbeeld 14-10-2022."
    try:
        state = negotiations(request).agreement_state(
            agreement_id,
            user.reader,
            as_of=as_of,
            known_at=None if known is None else _end_of_day(known),
        )
    except NotFound:
        return not_found(request, user)
    context = {
        "state": state,
        "agreement_id": str(agreement_id),
        "as_of": as_of,
        "known": known,
        "typed": {"datum": datum or "", "bekend_op": bekend_op or ""},
        "errors": errors,
    }
    return render(
        request,
        "akkoord_op_datum.html",
        context,
        user=user,
        block="stand",
        status_code=422 if errors else 200,
    )


@router.get("/akkoord/{agreement_id}/vergelijk", name="page_agreement_compare")
def agreement_compare(
    request: Request,
    user: CurrentUser,
    agreement_id: AgreementId,
    van: str | None = None,
    tot: str | None = None,
) -> Response:
    service = negotiations(request)
    try:
        agreement = service.agreement(agreement_id)
    except NotFound:
        return not_found(request, user)
    names = [b["name"] for b in agreement["baselines"]]
    comparison = None
    errors: dict[str, str] = {}
    if van:
        try:
            later = NOW if not tot or tot == NOW_IN_URL else tot
            comparison = service.compare(agreement_id, van, later, user.reader)
        except DomainError:
            errors["van"] = "Deze versie bestaat niet; kies een van de bevroren versies."
    context = {
        "agreement": agreement,
        "baselines": names,
        "van": van or "",
        "tot": tot or NOW_IN_URL,
        "now": NOW_IN_URL,
        "comparison": comparison,
        "errors": errors,
    }
    return render(
        request,
        "akkoord_vergelijk.html",
        context,
        user=user,
        status_code=422 if errors else 200,
    )
