"""The agreement's meetings and one meeting's page: its facts, positions and the history of
their corrections, with the negotiators' correction forms (pages_meeting_edit.py)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response

from onderhandeling.domain.errors import NotFound
from onderhandeling.web.deps import CurrentUser
from onderhandeling.web.pages.meeting_data import meeting_page, meetings_page
from onderhandeling.web.pages.paths import AgreementId, MeetingId
from onderhandeling.web.pages.support import (
    negotiations,
    not_found,
    remember_agreement,
    saved_answer,
)
from onderhandeling.web.pages.templating import render
from onderhandeling.web.security import User

router = APIRouter()


# The meeting page's forms swap this element's content when htmx sends them.
FRAGMENT = "overleg-inhoud"


@router.get("/akkoord/{agreement_id}/overleggen", name="page_meetings")
def meetings(request: Request, user: CurrentUser, agreement_id: AgreementId) -> Response:
    try:
        data = meetings_page(negotiations(request), agreement_id, user.reader)
    except NotFound:
        return not_found(request, user)
    remember_agreement(request, agreement_id)
    return render(request, "overleggen.html", data, user=user)


def show_meeting(
    request: Request,
    user: User,
    meeting_id: UUID,
    *,
    errors: dict[str, str] | None = None,
    typed: dict[str, Any] | None = None,
    open_form: str = "",
    notice: str = "",
    status_code: int = 200,
) -> Response:
    """The meeting page, or for htmx its content alone. On a refusal: the errors, the values
    typed into the form that was sent (under its key) and that form opened."""
    try:
        data = meeting_page(negotiations(request), meeting_id, user.reader)
    except NotFound:
        return not_found(request, user)
    remember_agreement(request, UUID(data["meeting"].agreement_id))
    data.update(errors=errors or {}, typed=typed or {}, open_form=open_form, notice=notice)
    block = "inhoud" if request.headers.get("HX-Target") == FRAGMENT else None
    return render(request, "overleg.html", data, user=user, block=block, status_code=status_code)


def meeting_saved(request: Request, user: User, meeting_id: UUID, message: str) -> Response:
    """After a saved correction: the meeting's page with the message (saved_answer)."""
    page = request.url_for("page_meeting", meeting_id=str(meeting_id))
    return saved_answer(
        request,
        message,
        page,
        lambda notice: show_meeting(request, user, meeting_id, notice=notice),
    )


@router.get("/overleggen/{meeting_id}", name="page_meeting")
def meeting(request: Request, user: CurrentUser, meeting_id: MeetingId) -> Response:
    return show_meeting(request, user, meeting_id)
