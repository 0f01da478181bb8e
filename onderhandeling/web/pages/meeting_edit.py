"""Negotiators' corrections on the meeting page: correct the meeting's facts, withdraw the
meeting, correct or retract one of its positions. Nothing is erased: each is a new fact, and
the page shows it beside what it corrects.

Every form works as a plain POST (redirect to the page on success, the page with the marked
fields on a refusal); sent by htmx it gets the page's content instead (pages_meetings.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from onderhandeling.domain.errors import DomainError, NotFound
from onderhandeling.web import security
from onderhandeling.web.pages.meetings import meeting_saved, show_meeting
from onderhandeling.web.pages.refusals import Overrides
from onderhandeling.web.pages.support import (
    dutch_message,
    error_field,
    negotiations,
    not_found,
    parse_form_date,
    parse_uuid,
)
from onderhandeling.web.problems import domain_status

router = APIRouter()

Writer = Annotated[Any, Depends(security.writer)]
CSRF = [Depends(security.verify_csrf)]

MEETING_FIELDS = ("titel", "soort", "datum", "samenvatting", "intern", "toelichting")
POSITION_FIELDS = ("standpunt", "samenvatting", "voorwaarden", "intern", "toelichting")
POSITION_TAKEN = (
    "Dit standpunt is al gecorrigeerd of ingetrokken. Bekijk hieronder hoe het nu staat."
)
# Refusals about the record's state rather than a field: its form may be gone from the page
# (a withdrawn meeting, a position already corrected), so they are said above the page.
STATE_CODES = {"already-decided", "withdrawn"}
STATE = "stand"


async def _typed(request: Request, names: tuple[str, ...]) -> dict[str, Any]:
    data = await request.form()
    typed: dict[str, Any] = {name: str(data.get(name, "")) for name in names}
    typed["partijen"] = [str(v) for v in data.getlist("partijen")]
    return typed


def _reason_given(typed: dict[str, Any], key: str, errors: dict[str, str], what: str) -> None:
    if not typed["toelichting"].strip():
        errors[f"{key}-toelichting"] = f"Vul de reden van {what} in."


def _refused(
    request: Request,
    user: Any,
    meeting_id: UUID,
    key: str,
    typed: dict[str, Any],
    errors: dict[str, str],
    status_code: int = 422,
) -> Response:
    return show_meeting(
        request,
        user,
        meeting_id,
        errors=errors,
        typed={key: typed},
        open_form=key,
        status_code=status_code,
    )


def _save(
    request: Request,
    user: Any,
    meeting_id: UUID,
    key: str,
    typed: dict[str, Any],
    command: Callable[[], object],
    saved: str,
    *,
    on: date | None = None,
    overrides: Overrides | None = None,
) -> Response:
    """Run the command; a refusal marks the field it is about with its Dutch message."""
    try:
        command()
    except NotFound:
        return not_found(request, user)
    except DomainError as error:
        field = STATE if error.code in STATE_CODES else error_field(error, "toelichting", f"{key}-")
        errors = {field: dutch_message(error, typed=on, overrides=overrides)}
        return _refused(request, user, meeting_id, key, typed, errors, domain_status(error)[0])
    return meeting_saved(request, user, meeting_id, saved)


def position_key(position_id: str, action: str) -> str:
    """The form key of one position's correction ("standpunt-…") or retraction ("intrekken-…")."""
    return f"{action}-{position_id[:8]}"


def _position_in(request: Request, user: Any, meeting_id: UUID, position_id: UUID) -> bool:
    """Whether the position was taken in this meeting (as this reader may see it)."""
    try:
        meeting = negotiations(request).meeting(meeting_id, user.reader)
    except NotFound:
        return False
    return any(p["id"] == str(position_id) for p in meeting["positions"])


@router.post("/overleggen/{meeting_id}/correctie", name="page_correct_meeting", dependencies=CSRF)
async def correct_meeting(request: Request, meeting_id: str, user: Writer) -> Response:
    parsed = parse_uuid(meeting_id)
    if parsed is None:
        return not_found(request, user)
    key = "overleg"
    typed = await _typed(request, MEETING_FIELDS)
    errors: dict[str, str] = {}
    on = parse_form_date(typed["datum"], f"{key}-datum", errors)
    _reason_given(typed, key, errors, "de correctie")
    if errors or on is None:
        return _refused(request, user, parsed, key, typed, errors)
    service, held_on = negotiations(request), on

    def command() -> None:
        service.correct_meeting(
            parsed,
            reason=typed["toelichting"],
            recorded_by=UUID(str(user.person_id)),
            title=typed["titel"],
            kind=typed["soort"],
            held_on=held_on,
            parties_present=[p for p in map(parse_uuid, typed["partijen"]) if p],
            summary=typed["samenvatting"],
            confidentiality="internal" if typed["intern"] else "shared",
        )

    saved = "De gegevens van het overleg zijn gecorrigeerd."
    return _save(request, user, parsed, key, typed, command, saved, on=on)


@router.post("/overleggen/{meeting_id}/intrekking", name="page_withdraw_meeting", dependencies=CSRF)
async def withdraw_meeting(request: Request, meeting_id: str, user: Writer) -> Response:
    parsed = parse_uuid(meeting_id)
    if parsed is None:
        return not_found(request, user)
    key = "overleg-intrekken"
    typed = await _typed(request, ("toelichting",))
    errors: dict[str, str] = {}
    _reason_given(typed, key, errors, "het intrekken")
    if errors:
        return _refused(request, user, parsed, key, typed, errors)
    service = negotiations(request)
    return _save(
        request,
        user,
        parsed,
        key,
        typed,
        lambda: service.withdraw_meeting(parsed, typed["toelichting"], UUID(str(user.person_id))),
        "Het overleg is ingetrokken. Het blijft zichtbaar in de geschiedenis.",
        overrides={"already-decided": "Dit overleg is al ingetrokken."},
    )


@router.post(
    "/overleggen/{meeting_id}/standpunten/{position_id}/correctie",
    name="page_correct_position",
    dependencies=CSRF,
)
async def correct_position(
    request: Request, meeting_id: str, position_id: str, user: Writer
) -> Response:
    parsed, position = parse_uuid(meeting_id), parse_uuid(position_id)
    if parsed is None or position is None or not _position_in(request, user, parsed, position):
        return not_found(request, user)
    key = position_key(str(position), "standpunt")
    typed = await _typed(request, (*POSITION_FIELDS, "intern_getoond"))
    errors: dict[str, str] = {}
    _reason_given(typed, key, errors, "de correctie")
    if errors:
        return _refused(request, user, parsed, key, typed, errors)
    # Without the checkbox (the meeting is internal) confidentiality stays as it was.
    confidentiality = None
    if typed["intern_getoond"]:
        confidentiality = "internal" if typed["intern"] else "shared"
    service = negotiations(request)

    def command() -> None:
        service.correct_position(
            position,
            reason=typed["toelichting"],
            recorded_by=UUID(str(user.person_id)),
            stance=typed["standpunt"],
            summary=typed["samenvatting"],
            conditions=typed["voorwaarden"],
            confidentiality=confidentiality,
        )

    saved = "Het standpunt is gecorrigeerd."
    return _save(
        request,
        user,
        parsed,
        key,
        typed,
        command,
        saved,
        overrides={"already-decided": POSITION_TAKEN},
    )


@router.post(
    "/overleggen/{meeting_id}/standpunten/{position_id}/intrekking",
    name="page_retract_position",
    dependencies=CSRF,
)
async def retract_position(
    request: Request, meeting_id: str, position_id: str, user: Writer
) -> Response:
    parsed, position = parse_uuid(meeting_id), parse_uuid(position_id)
    if parsed is None or position is None or not _position_in(request, user, parsed, position):
        return not_found(request, user)
    key = position_key(str(position), "intrekken")
    typed = await _typed(request, ("toelichting",))
    errors: dict[str, str] = {}
    _reason_given(typed, key, errors, "het intrekken")
    if errors:
        return _refused(request, user, parsed, key, typed, errors)
    service = negotiations(request)
    return _save(
        request,
        user,
        parsed,
        key,
        typed,
        lambda: service.retract_position(position, typed["toelichting"], UUID(str(user.person_id))),
        "Het standpunt is ingetrokken.",
        overrides={"already-decided": POSITION_TAKEN},
    )
