"""Negotiators' corrections on the meeting page: correct the meeting's facts, withdraw the
meeting, correct or retract one of its positions. Nothing is erased: each is a new fact, and
the page shows it beside what it corrects.

Every form works as a plain POST (redirect to the page on success, the page with the marked
fields on a refusal); sent by htmx it gets the page's content instead (pages_meetings.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from onderhandeling.domain.errors import NotFound
from onderhandeling.web.deps import CSRF, Service, Writer
from onderhandeling.web.pages.forms import Form, Posted, answer, at_field
from onderhandeling.web.pages.meetings import meeting_saved, show_meeting
from onderhandeling.web.pages.paths import MeetingId, PageNotFound, PositionId
from onderhandeling.web.pages.refusals import Overrides
from onderhandeling.web.pages.support import not_found
from onderhandeling.web.problems import domain_status
from onderhandeling.web.security import User

router = APIRouter()

MEETING_FIELDS = ("titel", "soort", "datum", "samenvatting", "intern", "toelichting")
POSITION_FIELDS = ("standpunt", "samenvatting", "voorwaarden", "intern", "toelichting")
POSITION_TAKEN = (
    "Dit standpunt is al gecorrigeerd of ingetrokken. Bekijk hieronder hoe het nu staat."
)
# Refusals about the record's state rather than a field: its form may be gone from the page
# (a withdrawn meeting, a position already corrected), so they are said above the page.
STATE_CODES = {"already-decided", "withdrawn"}
STATE = "stand"


def _typed(form: Form, names: tuple[str, ...]) -> dict[str, Any]:
    """What was typed, shown again in the opened form on a refusal."""
    return {**form.typed({name: name for name in names}), "partijen": form.texts("partijen")}


def _reason(form: Form, key: str, what: str) -> str:
    return form.required("toelichting", f"{key}-toelichting", f"Vul de reden van {what} in.")


def _save(
    request: Request,
    user: User,
    meeting_id: UUID,
    key: str,
    form: Form,
    typed: dict[str, Any],
    command: Callable[[], object],
    saved: str,
    overrides: Overrides | None = None,
) -> Response:
    """Run the command; a refusal marks the field it is about with its Dutch message, in the
    form of this key, opened."""

    def refuse(errors: dict[str, str], status_code: int) -> Response:
        return show_meeting(
            request,
            user,
            meeting_id,
            errors=errors,
            typed={key: typed},
            open_form=key,
            status_code=status_code,
        )

    at = at_field("toelichting", f"{key}-")
    return answer(
        form,
        command,
        refuse=refuse,
        field_of=lambda error: STATE if error.code in STATE_CODES else at(error),
        status=lambda error: domain_status(error)[0],
        overrides=overrides,
        special={NotFound: lambda _: not_found(request, user)},
        done=lambda _: meeting_saved(request, user, meeting_id, saved),
    )


def position_key(position_id: str, action: str) -> str:
    """The form key of one position's correction ("standpunt-…") or retraction ("intrekken-…")."""
    return f"{action}-{position_id[:8]}"


def _position_of_meeting(
    meeting_id: MeetingId, position_id: PositionId, user: Writer, service: Service
) -> UUID:
    """The position in the path, when it was taken in the meeting in the path (as this
    reader may see it); otherwise the page is not found."""
    try:
        meeting = service.meeting(meeting_id, user.reader)
    except NotFound:
        raise PageNotFound() from None
    if not any(p.id == str(position_id) for p in meeting.positions):
        raise PageNotFound()
    return position_id


MeetingPosition = Annotated[UUID, Depends(_position_of_meeting)]
POSITION_PATH = "/overleggen/{meeting_id}/standpunten/{position_id}"


@router.post("/overleggen/{meeting_id}/correctie", name="page_correct_meeting", dependencies=CSRF)
def correct_meeting(
    request: Request, user: Writer, meeting_id: MeetingId, form: Posted, service: Service
) -> Response:
    key = "overleg"
    typed = _typed(form, MEETING_FIELDS)
    on = form.date("datum", f"{key}-datum")
    reason = _reason(form, key, "de correctie")

    def command() -> None:
        service.correct_meeting(
            meeting_id,
            reason=reason,
            recorded_by=user.person_id,
            title=typed["titel"],
            kind=typed["soort"],
            held_on=on,
            parties_present=form.ids("partijen"),
            summary=typed["samenvatting"],
            confidentiality=form.confidentiality(),
        )

    saved = "De gegevens van het overleg zijn gecorrigeerd."
    return _save(request, user, meeting_id, key, form, typed, command, saved)


@router.post("/overleggen/{meeting_id}/intrekking", name="page_withdraw_meeting", dependencies=CSRF)
def withdraw_meeting(
    request: Request, user: Writer, meeting_id: MeetingId, form: Posted, service: Service
) -> Response:
    key = "overleg-intrekken"
    typed = _typed(form, ("toelichting",))
    reason = _reason(form, key, "het intrekken")
    return _save(
        request,
        user,
        meeting_id,
        key,
        form,
        typed,
        lambda: service.withdraw_meeting(meeting_id, reason, user.person_id),
        "Het overleg is ingetrokken. Het blijft zichtbaar in de geschiedenis.",
        overrides={"already-decided": "Dit overleg is al ingetrokken."},
    )


@router.post(f"{POSITION_PATH}/correctie", name="page_correct_position", dependencies=CSRF)
def correct_position(
    request: Request,
    user: Writer,
    meeting_id: MeetingId,
    position_id: MeetingPosition,
    form: Posted,
    service: Service,
) -> Response:
    key = position_key(str(position_id), "standpunt")
    typed = _typed(form, (*POSITION_FIELDS, "intern_getoond"))
    reason = _reason(form, key, "de correctie")
    # Without the checkbox (the meeting is internal) confidentiality stays as it was.
    confidentiality = form.confidentiality() if form.flag("intern_getoond") else None

    def command() -> None:
        service.correct_position(
            position_id,
            reason=reason,
            recorded_by=user.person_id,
            stance=typed["standpunt"],
            summary=typed["samenvatting"],
            conditions=typed["voorwaarden"],
            confidentiality=confidentiality,
        )

    saved = "Het standpunt is gecorrigeerd."
    overrides = {"already-decided": POSITION_TAKEN}
    return _save(request, user, meeting_id, key, form, typed, command, saved, overrides)


@router.post(f"{POSITION_PATH}/intrekking", name="page_retract_position", dependencies=CSRF)
def retract_position(
    request: Request,
    user: Writer,
    meeting_id: MeetingId,
    position_id: MeetingPosition,
    form: Posted,
    service: Service,
) -> Response:
    key = position_key(str(position_id), "intrekken")
    reason = _reason(form, key, "het intrekken")
    return _save(
        request,
        user,
        meeting_id,
        key,
        form,
        _typed(form, ("toelichting",)),
        lambda: service.retract_position(position_id, reason, user.person_id),
        "Het standpunt is ingetrokken.",
        overrides={"already-decided": POSITION_TAKEN},
    )
