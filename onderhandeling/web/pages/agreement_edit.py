"""Writers' forms on the agreement page: move a milestone, freeze a baseline, record a
signature, record a decision, state a party's preference on a discussion point."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from onderhandeling.domain.errors import DomainError
from onderhandeling.web import security
from onderhandeling.web.pages.agreement import show_agreement
from onderhandeling.web.pages.support import (
    dutch_message,
    error_field,
    negotiations,
    not_found,
    parse_form_date,
    parse_uuid,
    see_other,
)
from onderhandeling.web.pages.templating import flash

router = APIRouter()

Writer = Annotated[Any, Depends(security.writer)]
CSRF = [Depends(security.verify_csrf)]


async def _form(request: Request, prefix: str) -> dict[str, Any]:
    data = await request.form()
    form: dict[str, Any] = {f"{prefix}_{k}": str(v) for k, v in data.items() if k != "csrf_token"}
    form[f"{prefix}_doelen"] = [str(v) for v in data.getlist("doelen")]
    return form


def _done(request: Request, agreement_id: UUID, message: str) -> Response:
    flash(request, message)
    return see_other(request.url_for("page_agreement", agreement_id=str(agreement_id)))


@router.post("/akkoord/{agreement_id}/mijlpalen", name="page_move_milestone", dependencies=CSRF)
async def move_milestone(request: Request, agreement_id: str, user: Writer) -> Response:
    parsed = parse_uuid(agreement_id)
    if parsed is None:
        return not_found(request, user)
    form = await _form(request, "mijlpaal")
    errors: dict[str, str] = {}
    to = parse_form_date(form.get("mijlpaal_naar", ""), "mijlpaal-naar", errors)
    on = parse_form_date(form.get("mijlpaal_datum", ""), "mijlpaal-datum", errors)
    if not form.get("mijlpaal_reden", "").strip():
        errors["mijlpaal-reden"] = "Vul de reden van het verschuiven in."
    if errors or to is None or on is None:
        return show_agreement(request, user, parsed, errors, form, 422)
    try:
        negotiations(request).move_milestone(
            parsed,
            form.get("mijlpaal_sleutel", ""),
            to,
            form.get("mijlpaal_reden", ""),
            on,
            UUID(str(user.person_id)),
        )
    except DomainError as error:
        decided = error.details.get("field") == "effective_date"
        field, typed = ("mijlpaal-datum", on) if decided else ("mijlpaal-naar", to)
        message = dutch_message(error, typed=typed)
        return show_agreement(request, user, parsed, {field: message}, form, 422)
    return _done(request, parsed, "De mijlpaal is verschoven.")


@router.post("/akkoord/{agreement_id}/versies", name="page_freeze_baseline", dependencies=CSRF)
async def freeze_baseline(request: Request, agreement_id: str, user: Writer) -> Response:
    parsed = parse_uuid(agreement_id)
    if parsed is None:
        return not_found(request, user)
    form = await _form(request, "versie")
    errors: dict[str, str] = {}
    on = parse_form_date(form.get("versie_datum", ""), "versie-datum", errors)
    if not form.get("versie_naam", "").strip():
        errors["versie-naam"] = "Vul een naam in, bijvoorbeeld ‘MR-versie’."
    if errors or on is None:
        return show_agreement(request, user, parsed, errors, form, 422)
    try:
        negotiations(request).freeze_baseline(
            parsed, form.get("versie_naam", "").strip(), on, UUID(str(user.person_id))
        )
    except DomainError as error:
        field = "versie-datum" if error_field(error, "naam") == "datum" else "versie-naam"
        return show_agreement(
            request, user, parsed, {field: dutch_message(error, typed=on)}, form, 422
        )
    name = form.get("versie_naam", "").strip()
    return _done(request, parsed, f"De versie ‘{name}’ is bevroren.")


@router.post("/akkoord/{agreement_id}/ondertekeningen", name="page_sign", dependencies=CSRF)
async def sign(request: Request, agreement_id: str, user: Writer) -> Response:
    parsed = parse_uuid(agreement_id)
    if parsed is None:
        return not_found(request, user)
    form = await _form(request, "teken")
    errors: dict[str, str] = {}
    on = parse_form_date(form.get("teken_datum", ""), "teken-datum", errors)
    party = parse_uuid(form.get("teken_partij"))
    if party is None:
        errors["teken-partij"] = "Kies de partij die tekende."
    if not form.get("teken_naam", "").strip():
        errors["teken-naam"] = "Vul de naam in van wie tekende."
    if errors or on is None or party is None:
        return show_agreement(request, user, parsed, errors, form, 422)
    service = negotiations(request)
    recorder = UUID(str(user.person_id))
    try:
        name = form.get("teken_naam", "").strip()
        completed = service.sign_as_new_signer(parsed, party, name, on, recorder)
    except DomainError as error:
        field = "teken-datum" if error.code == "implausible-date" else "teken-partij"
        return show_agreement(
            request, user, parsed, {field: dutch_message(error, typed=on)}, form, 422
        )
    message = "De ondertekening is vastgelegd."
    if completed:
        message += " Alle partijen hebben getekend: de teksten zijn nu bevroren."
    return _done(request, parsed, message)


@router.post("/akkoord/{agreement_id}/besluiten", name="page_record_decision", dependencies=CSRF)
async def record_decision(request: Request, agreement_id: str, user: Writer) -> Response:
    parsed = parse_uuid(agreement_id)
    if parsed is None:
        return not_found(request, user)
    form = await _form(request, "besluit")
    errors: dict[str, str] = {}
    on = parse_form_date(form.get("besluit_datum", ""), "besluit-datum", errors)
    for key, message in (
        ("door", "Vul in wie besloot, bijvoorbeeld ‘MOCW’."),
        ("titel", "Vul een titel in."),
        ("tekst", "Vul het besluit in."),
    ):
        if not form.get(f"besluit_{key}", "").strip():
            errors[f"besluit-{key}"] = message
    chooses = None
    choice = form.get("besluit_keuze", "")
    if choice:
        point, _, option = choice.partition(":")
        point_id = parse_uuid(point)
        if point_id is None or not option:
            errors["besluit-keuze"] = "Kies een optie uit de lijst."
        else:
            chooses = (point_id, option)
    if errors or on is None:
        return show_agreement(request, user, parsed, errors, form, 422)
    try:
        negotiations(request).record_decision(
            parsed,
            form.get("besluit_door", ""),
            form.get("besluit_kenmerk", ""),
            form.get("besluit_titel", ""),
            form.get("besluit_tekst", ""),
            on,
            UUID(str(user.person_id)),
            goal_ids=[g for g in (parse_uuid(v) for v in form.get("besluit_doelen", [])) if g],
            chooses=chooses,
            confidentiality="internal" if form.get("besluit_intern") else "shared",
        )
    except DomainError as error:
        field = error_field(error, "titel", "besluit-")
        if field not in {f"besluit-{k}" for k in ("door", "kenmerk", "titel", "tekst", "datum")}:
            field = "besluit-titel"
        return show_agreement(
            request, user, parsed, {field: dutch_message(error, typed=on)}, form, 422
        )
    return _done(request, parsed, "Het besluit is vastgelegd.")


@router.post(
    "/akkoord/{agreement_id}/discussiepunten/{point_id}/voorkeur",
    name="page_state_preference",
    dependencies=CSRF,
)
async def state_preference(
    request: Request, agreement_id: str, point_id: str, user: Writer
) -> Response:
    parsed = parse_uuid(agreement_id)
    point = parse_uuid(point_id)
    if parsed is None or point is None:
        return not_found(request, user)
    key = f"voorkeur-{point_id[:8]}"
    form = await _form(request, "voorkeur")
    errors: dict[str, str] = {}
    on = parse_form_date(form.get("voorkeur_datum", ""), f"{key}-datum", errors)
    party = parse_uuid(form.get("voorkeur_partij"))
    if party is None:
        errors[f"{key}-partij"] = "Kies een partij."
    if errors or on is None or party is None:
        return show_agreement(request, user, parsed, errors, None, 422)
    try:
        negotiations(request).state_preference(
            point,
            party,
            form.get("voorkeur_optie", ""),
            form.get("voorkeur_reden", ""),
            on,
            UUID(str(user.person_id)),
        )
    except DomainError as error:
        field = f"{key}-datum" if error.code == "implausible-date" else f"{key}-optie"
        return show_agreement(
            request, user, parsed, {field: dutch_message(error, typed=on)}, None, 422
        )
    return _done(request, parsed, "De voorkeur is vastgelegd.")
