"""One decision's page: its facts and the history of their corrections, and for negotiators
the form that corrects a mis-typed reference, title, text or date (a new fact; the original
stays in the history)."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from onderhandeling.domain.errors import DomainError, NotFound
from onderhandeling.web import security
from onderhandeling.web.pages.meeting_data import decision_page
from onderhandeling.web.pages.support import (
    dutch_message,
    error_field,
    negotiations,
    not_found,
    parse_form_date,
    parse_uuid,
    remember_agreement,
    see_other,
)
from onderhandeling.web.pages.templating import flash, is_htmx, render
from onderhandeling.web.problems import domain_status

router = APIRouter()

CurrentUser = Annotated[Any, Depends(security.current_user)]
Writer = Annotated[Any, Depends(security.writer)]
CSRF = [Depends(security.verify_csrf)]

FRAGMENT = "besluit-inhoud"
KEY = "besluit"
FIELDS = ("kenmerk", "titel", "tekst", "datum", "toelichting")


def show_decision(
    request: Request,
    user: Any,
    decision_id: UUID,
    *,
    errors: dict[str, str] | None = None,
    typed: dict[str, str] | None = None,
    notice: str = "",
    status_code: int = 200,
) -> Response:
    try:
        data = decision_page(negotiations(request), decision_id, user.reader)
    except NotFound:
        return not_found(request, user)
    remember_agreement(request, UUID(data["decision"]["agreement_id"]))
    data.update(errors=errors or {}, typed=typed, notice=notice)
    block = "inhoud" if request.headers.get("HX-Target") == FRAGMENT else None
    return render(request, "besluit.html", data, user=user, block=block, status_code=status_code)


@router.get("/besluiten/{decision_id}", name="page_decision")
def decision(request: Request, decision_id: str, user: CurrentUser) -> Response:
    parsed = parse_uuid(decision_id)
    if parsed is None:
        return not_found(request, user)
    return show_decision(request, user, parsed)


@router.post("/besluiten/{decision_id}/correctie", name="page_correct_decision", dependencies=CSRF)
async def correct_decision(request: Request, decision_id: str, user: Writer) -> Response:
    parsed = parse_uuid(decision_id)
    if parsed is None:
        return not_found(request, user)
    data = await request.form()
    typed = {name: str(data.get(name, "")) for name in FIELDS}
    errors: dict[str, str] = {}
    on = parse_form_date(typed["datum"], f"{KEY}-datum", errors)
    if not typed["toelichting"].strip():
        errors[f"{KEY}-toelichting"] = "Vul de reden van de correctie in."
    if errors or on is None:
        return show_decision(request, user, parsed, errors=errors, typed=typed, status_code=422)
    try:
        negotiations(request).correct_decision(
            parsed,
            reason=typed["toelichting"],
            recorded_by=UUID(str(user.person_id)),
            reference=typed["kenmerk"],
            title=typed["titel"],
            text=typed["tekst"],
            decided_on=on,
        )
    except NotFound:
        return not_found(request, user)
    except DomainError as error:
        errors[error_field(error, "toelichting", f"{KEY}-")] = dutch_message(error, typed=on)
        status = domain_status(error)[0]
        return show_decision(request, user, parsed, errors=errors, typed=typed, status_code=status)
    message = "Het besluit is gecorrigeerd."
    if is_htmx(request):
        return show_decision(request, user, parsed, notice=message)
    flash(request, message)
    response = see_other(request.url_for("page_decision", decision_id=str(parsed)))
    response.headers["Vary"] = "HX-Request"
    return response
