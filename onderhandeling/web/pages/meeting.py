"""Logging a meeting with all the positions taken in it: the agreement it goes into, the
parties present and goals discussed, then a grid of their stances (meeting_form.py). The
meeting's own page is meetings.py.

Without JavaScript every step is a POST that shows the form again (stap=akkoord: the chosen
agreement's parties and goals; stap=raster: the grid for the parties and goals chosen); htmx
sends the same posts and swaps in only the part that changed, named by its target.
"""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response

from onderhandeling.domain.errors import DomainError
from onderhandeling.web.deps import CSRF, Service, Writer
from onderhandeling.web.pages.forms import Posted
from onderhandeling.web.pages.meeting_form import (
    MeetingForm,
    checked_positions,
    form_context,
    refused_field,
)
from onderhandeling.web.pages.support import negotiations, see_other
from onderhandeling.web.pages.templating import flash, is_htmx, render
from onderhandeling.web.security import User

router = APIRouter()

# htmx target → the block of overleg_nieuw.html it gets.
BLOCKS = {"overleg-formulier": "formulier", "overleg-keuzes": "keuzes", "raster": "raster"}


def _show(
    request: Request,
    user: User,
    form: MeetingForm,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    context = form_context(negotiations(request), form, errors or {})
    block = BLOCKS.get(request.headers.get("HX-Target", ""))
    return render(
        request, "overleg_nieuw.html", context, user=user, block=block, status_code=status_code
    )


@router.get("/overleggen/nieuw", name="page_meeting_form")
def meeting_form(request: Request, user: Writer, service: Service) -> Response:
    """The empty form, logging into the agreement asked for (?akkoord=), or the only one."""
    known = [a.id for a in service.agreements()]
    asked = request.query_params.get("akkoord", "")
    chosen = asked if asked in known else (known[0] if len(known) == 1 else "")
    return _show(request, user, MeetingForm.empty(chosen))


@router.post("/overleggen/nieuw", name="page_meeting_submit", dependencies=CSRF)
def meeting_submit(request: Request, user: Writer, form: Posted, service: Service) -> Response:
    typed = MeetingForm.posted(form)
    if form.text("stap") in ("akkoord", "raster"):
        return _show(request, user, typed)
    on = form.date("datum", "datum")
    context = form_context(service, typed, {})
    positions = checked_positions(form, typed, context)
    if form.errors:
        return _show(request, user, typed, form.errors, status_code=422)
    try:
        logged = service.log_meeting(
            UUID(typed.agreement),
            typed.titel,
            typed.soort,
            on,
            form.ids("partijen"),
            typed.samenvatting,
            form.confidentiality(),
            [p.position for p in positions],
            user.person_id,
        )
    except DomainError as error:
        field, message = refused_field(error, positions, context["signed_on"])
        return _show(request, user, typed, {field: message}, status_code=422)
    return _logged(request, logged.meeting_id, len(positions))


def _logged(request: Request, meeting_id: UUID, positions: int) -> Response:
    """To the new meeting's page, with a message saying how many positions it holds."""
    counted = "1 standpunt" if positions == 1 else f"{positions} standpunten"
    flash(request, f"Het overleg is vastgelegd met {counted}.")
    page = request.url_for("page_meeting", meeting_id=str(meeting_id))
    if is_htmx(request):
        # A whole new page: htmx navigates to it rather than swapping it into the form.
        return Response(status_code=204, headers={"HX-Redirect": str(page)})
    return see_other(page)
