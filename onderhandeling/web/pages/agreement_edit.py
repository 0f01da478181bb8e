"""Writers' forms on the agreement page: move a milestone, freeze a baseline, record a
signature, record a decision, state a party's preference on a discussion point."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response

from onderhandeling.domain.errors import DomainError
from onderhandeling.web.deps import CSRF, Service, Writer
from onderhandeling.web.pages.agreement import show_agreement
from onderhandeling.web.pages.forms import Form, Posted, answer, at_field
from onderhandeling.web.pages.paths import AgreementId, PointId
from onderhandeling.web.pages.support import parse_uuid, see_other
from onderhandeling.web.pages.templating import flash
from onderhandeling.web.security import User

router = APIRouter()


def _typed(form: Form, prefix: str) -> dict[str, Any]:
    """What was typed, under the form's prefix, shown again on a refusal."""
    typed: dict[str, Any] = {
        f"{prefix}_{name}": str(value) for name, value in form.data.items() if name != "csrf_token"
    }
    typed[f"{prefix}_doelen"] = form.texts("doelen")
    return typed


def _refuse(
    request: Request, user: User, agreement_id: UUID, typed: dict[str, Any] | None
) -> Callable[[dict[str, str], int], Response]:
    def refuse(errors: dict[str, str], status_code: int) -> Response:
        return show_agreement(request, user, agreement_id, errors, typed, status_code)

    return refuse


def _done(request: Request, agreement_id: UUID, message: str) -> Response:
    flash(request, message)
    return see_other(request.url_for("page_agreement", agreement_id=str(agreement_id)))


def _date_or(field: str, date_field: str) -> Callable[[DomainError], str]:
    """An implausible date at the date field, anything else at `field`."""
    return lambda error: date_field if error.code == "implausible-date" else field


@router.post("/akkoord/{agreement_id}/mijlpalen", name="page_move_milestone", dependencies=CSRF)
def move_milestone(
    request: Request, user: Writer, agreement_id: AgreementId, form: Posted, service: Service
) -> Response:
    to = form.date("naar", "mijlpaal-naar")
    on = form.date("datum", "mijlpaal-datum")
    reason = form.required("reden", "mijlpaal-reden", "Vul de reden van het verschuiven in.")
    return answer(
        form,
        lambda: service.move_milestone(
            agreement_id, form.text("sleutel"), to, reason, on, user.person_id
        ),
        refuse=_refuse(request, user, agreement_id, _typed(form, "mijlpaal")),
        field_of=at_field("naar", "mijlpaal-", {"effective_date": "datum"}),
        done=lambda _: _done(request, agreement_id, "De mijlpaal is verschoven."),
    )


@router.post("/akkoord/{agreement_id}/versies", name="page_freeze_baseline", dependencies=CSRF)
def freeze_baseline(
    request: Request, user: Writer, agreement_id: AgreementId, form: Posted, service: Service
) -> Response:
    on = form.date("datum", "versie-datum")
    name = form.required("naam", "versie-naam", "Vul een naam in, bijvoorbeeld ‘MR-versie’.")
    at_date = at_field("naam")
    return answer(
        form,
        lambda: service.freeze_baseline(agreement_id, name.strip(), on, user.person_id),
        refuse=_refuse(request, user, agreement_id, _typed(form, "versie")),
        field_of=lambda error: "versie-datum" if at_date(error) == "datum" else "versie-naam",
        done=lambda _: _done(request, agreement_id, f"De versie ‘{name.strip()}’ is bevroren."),
    )


@router.post("/akkoord/{agreement_id}/ondertekeningen", name="page_sign", dependencies=CSRF)
def sign(
    request: Request, user: Writer, agreement_id: AgreementId, form: Posted, service: Service
) -> Response:
    on = form.date("datum", "teken-datum")
    party = form.id("partij", "teken-partij", "Kies de partij die tekende.")
    name = form.required("naam", "teken-naam", "Vul de naam in van wie tekende.")

    def signed(completed: bool) -> Response:
        message = "De ondertekening is vastgelegd."
        if completed:
            message += " Alle partijen hebben getekend: de teksten zijn nu bevroren."
        return _done(request, agreement_id, message)

    return answer(
        form,
        lambda: service.sign_as_new_signer(agreement_id, party, name.strip(), on, user.person_id),
        refuse=_refuse(request, user, agreement_id, _typed(form, "teken")),
        field_of=_date_or("teken-partij", "teken-datum"),
        done=signed,
    )


DECISION_FIELDS = {f"besluit-{k}" for k in ("door", "kenmerk", "titel", "tekst", "datum")}


@router.post("/akkoord/{agreement_id}/besluiten", name="page_record_decision", dependencies=CSRF)
def record_decision(
    request: Request, user: Writer, agreement_id: AgreementId, form: Posted, service: Service
) -> Response:
    on = form.date("datum", "besluit-datum")
    by = form.required("door", "besluit-door", "Vul in wie besloot, bijvoorbeeld ‘MOCW’.")
    title = form.required("titel", "besluit-titel", "Vul een titel in.")
    text = form.required("tekst", "besluit-tekst", "Vul het besluit in.")
    chooses = None
    if choice := form.text("keuze"):
        point, _, option = choice.partition(":")
        point_id = parse_uuid(point)
        if point_id is None or not option:
            form.errors["besluit-keuze"] = "Kies een optie uit de lijst."
        else:
            chooses = (point_id, option)
    at = at_field("titel", "besluit-")
    return answer(
        form,
        lambda: service.record_decision(
            agreement_id,
            by,
            form.text("kenmerk"),
            title,
            text,
            on,
            user.person_id,
            goal_ids=form.ids("doelen"),
            chooses=chooses,
            confidentiality=form.confidentiality(),
        ),
        refuse=_refuse(request, user, agreement_id, _typed(form, "besluit")),
        field_of=lambda error: at(error) if at(error) in DECISION_FIELDS else "besluit-titel",
        done=lambda _: _done(request, agreement_id, "Het besluit is vastgelegd."),
    )


@router.post(
    "/akkoord/{agreement_id}/discussiepunten/{point_id}/voorkeur",
    name="page_state_preference",
    dependencies=CSRF,
)
def state_preference(
    request: Request,
    user: Writer,
    agreement_id: AgreementId,
    point_id: PointId,
    form: Posted,
    service: Service,
) -> Response:
    key, on = form.item("voorkeur", point_id)
    party = form.id("partij", f"{key}partij", "Kies een partij.")
    return answer(
        form,
        lambda: service.state_preference(
            point_id, party, form.text("optie"), form.text("reden"), on, user.person_id
        ),
        refuse=_refuse(request, user, agreement_id, None),
        field_of=_date_or(f"{key}optie", f"{key}datum"),
        done=lambda _: _done(request, agreement_id, "De voorkeur is vastgelegd."),
    )
