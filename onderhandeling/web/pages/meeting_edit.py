"""Negotiators' corrections on the meeting page: correct the meeting's facts, withdraw the
meeting, correct or retract one of its positions. Nothing is erased: each is a new fact, and
the page shows it beside what it corrects.

Every form works as a plain POST (redirect to the page on success, the page with the marked
fields on a refusal); sent by htmx it gets the page's content instead (pages_meetings.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class PositionAt:
    """A position of a meeting, as a page's path names it."""

    meeting_id: UUID
    position_id: UUID


def _position_of_meeting(
    meeting_id: MeetingId, position_id: PositionId, user: Writer, service: Service
) -> PositionAt:
    """The position in the path, when it was taken in the meeting in the path (as this
    reader may see it); otherwise the page is not found."""
    try:
        meeting = service.meeting(meeting_id, user.reader)
    except NotFound:
        raise PageNotFound() from None
    if not any(p.id == str(position_id) for p in meeting.positions):
        raise PageNotFound()
    return PositionAt(meeting_id, position_id)


MeetingPosition = Annotated[PositionAt, Depends(_position_of_meeting)]
POSITION_PATH = "/overleggen/{meeting_id}/standpunten/{position_id}"


def _correction(
    request: Request,
    user: User,
    meeting_id: UUID,
    form: Form,
    *,
    key: str,
    fields: tuple[str, ...],
    what: str,
    saved: str,
    command: Callable[[dict[str, Any], str], object],
    overrides: Overrides | None = None,
) -> Response:
    """One form of the meeting page: what was typed (shown again on a refusal) and the reason
    every correction and withdrawal needs, then the command run with them (_save)."""
    typed = _typed(form, fields)
    reason = _reason(form, key, what)
    return _save(
        request,
        user,
        meeting_id,
        key,
        form,
        typed,
        lambda: command(typed, reason),
        saved,
        overrides,
    )


@dataclass(frozen=True)
class Withdraw:
    """What a withdrawal runs with its reason, says when saved, and says when it was done
    before."""

    command: Callable[[str], object]
    saved: str
    taken: str


def _withdrawal(
    request: Request, user: User, meeting_id: UUID, form: Form, key: str, withdraw: Withdraw
) -> Response:
    """A form that withdraws a meeting or retracts a position: only its reason is typed."""
    return _correction(
        request,
        user,
        meeting_id,
        form,
        key=key,
        fields=("toelichting",),
        what="het intrekken",
        saved=withdraw.saved,
        command=lambda _, reason: withdraw.command(reason),
        overrides={"already-decided": withdraw.taken},
    )


@router.post("/overleggen/{meeting_id}/correctie", name="page_correct_meeting", dependencies=CSRF)
def correct_meeting(
    request: Request, user: Writer, meeting_id: MeetingId, form: Posted, service: Service
) -> Response:
    on = form.date("datum", "overleg-datum")

    def command(typed: dict[str, Any], reason: str) -> None:
        service.correct_meeting(
            meeting_id,
            reason=reason,
            recorded_by=user.person_id,
            held_on=on,
            parties_present=form.ids("partijen"),
            title=typed["titel"],
            kind=typed["soort"],
            summary=typed["samenvatting"],
            confidentiality=form.confidentiality(),
        )

    return _correction(
        request,
        user,
        meeting_id,
        form,
        key="overleg",
        fields=MEETING_FIELDS,
        what="de correctie",
        saved="De gegevens van het overleg zijn gecorrigeerd.",
        command=command,
    )


@router.post("/overleggen/{meeting_id}/intrekking", name="page_withdraw_meeting", dependencies=CSRF)
def withdraw_meeting(
    request: Request, user: Writer, meeting_id: MeetingId, form: Posted, service: Service
) -> Response:
    withdraw = Withdraw(
        lambda reason: service.withdraw_meeting(meeting_id, reason, user.person_id),
        saved="Het overleg is ingetrokken. Het blijft zichtbaar in de geschiedenis.",
        taken="Dit overleg is al ingetrokken.",
    )
    return _withdrawal(request, user, meeting_id, form, "overleg-intrekken", withdraw)


@router.post(f"{POSITION_PATH}/correctie", name="page_correct_position", dependencies=CSRF)
def correct_position(
    request: Request, user: Writer, at: MeetingPosition, form: Posted, service: Service
) -> Response:
    # Without the checkbox (the meeting is internal) confidentiality stays as it was.
    confidentiality = form.confidentiality() if form.flag("intern_getoond") else None

    def command(typed: dict[str, Any], reason: str) -> None:
        service.correct_position(
            at.position_id,
            confidentiality=confidentiality,
            reason=reason,
            recorded_by=user.person_id,
            stance=typed["standpunt"],
            summary=typed["samenvatting"],
            conditions=typed["voorwaarden"],
        )

    return _correction(
        request,
        user,
        at.meeting_id,
        form,
        key=position_key(str(at.position_id), "standpunt"),
        fields=(*POSITION_FIELDS, "intern_getoond"),
        what="de correctie",
        saved="Het standpunt is gecorrigeerd.",
        command=command,
        overrides={"already-decided": POSITION_TAKEN},
    )


@router.post(f"{POSITION_PATH}/intrekking", name="page_retract_position", dependencies=CSRF)
def retract_position(
    request: Request, user: Writer, at: MeetingPosition, form: Posted, service: Service
) -> Response:
    withdraw = Withdraw(
        lambda reason: service.retract_position(at.position_id, reason, user.person_id),
        saved="Het standpunt is ingetrokken.",
        taken=POSITION_TAKEN,
    )
    key = position_key(str(at.position_id), "intrekken")
    return _withdrawal(request, user, at.meeting_id, form, key, withdraw)
