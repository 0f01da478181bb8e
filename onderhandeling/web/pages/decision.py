"""One decision's page: its facts and the history of their corrections, and for negotiators
the form that corrects a mis-typed reference, title, text or date (a new fact; the original
stays in the history)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response

from onderhandeling.domain.errors import NotFound
from onderhandeling.web.deps import CSRF, CurrentUser, Service, Writer
from onderhandeling.web.pages.forms import Posted, answer, at_field
from onderhandeling.web.pages.meeting_data import decision_page
from onderhandeling.web.pages.paths import DecisionId
from onderhandeling.web.pages.support import (
    negotiations,
    not_found,
    remember_agreement,
    saved_answer,
)
from onderhandeling.web.pages.templating import render
from onderhandeling.web.problems import domain_status
from onderhandeling.web.security import User

router = APIRouter()


FRAGMENT = "besluit-inhoud"
KEY = "besluit"
FIELDS = ("kenmerk", "titel", "tekst", "datum", "toelichting")


def show_decision(
    request: Request,
    user: User,
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
def decision(request: Request, user: CurrentUser, decision_id: DecisionId) -> Response:
    return show_decision(request, user, decision_id)


@router.post("/besluiten/{decision_id}/correctie", name="page_correct_decision", dependencies=CSRF)
def correct_decision(
    request: Request, user: Writer, decision_id: DecisionId, form: Posted, service: Service
) -> Response:
    typed = form.typed({name: name for name in FIELDS})
    on = form.date("datum", f"{KEY}-datum")
    reason = form.required("toelichting", f"{KEY}-toelichting", "Vul de reden van de correctie in.")

    def refuse(errors: dict[str, str], status_code: int) -> Response:
        return show_decision(
            request, user, decision_id, errors=errors, typed=typed, status_code=status_code
        )

    def corrected(_: object) -> Response:
        return saved_answer(
            request,
            "Het besluit is gecorrigeerd.",
            request.url_for("page_decision", decision_id=str(decision_id)),
            lambda notice: show_decision(request, user, decision_id, notice=notice),
        )

    return answer(
        form,
        lambda: service.correct_decision(
            decision_id,
            reason=reason,
            recorded_by=user.person_id,
            reference=typed["kenmerk"],
            title=typed["titel"],
            text=typed["tekst"],
            decided_on=on,
        ),
        refuse=refuse,
        field_of=at_field("toelichting", f"{KEY}-"),
        status=lambda error: domain_status(error)[0],
        special={NotFound: lambda _: not_found(request, user)},
        done=corrected,
    )
