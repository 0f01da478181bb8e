"""The HTML pages: one router over the same Negotiations service as the JSON API.

Every GET needs a signed-in user; every POST needs a writer and the session's CSRF token.
The routes live in one module per part of the site.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from onderhandeling.web.pages import (
    agreement,
    agreement_edit,
    auth,
    dashboard,
    decision,
    goal,
    meeting,
    meeting_edit,
    meetings,
    party,
)
from onderhandeling.web.pages.paths import PageNotFound, handle_page_not_found
from onderhandeling.web.pages.templating import error_page

router = APIRouter(include_in_schema=False)
router.include_router(auth.router)
router.include_router(dashboard.router)
router.include_router(party.router)
router.include_router(goal.router)
# /overleggen/nieuw before /overleggen/{meeting_id}.
router.include_router(meeting.router)
router.include_router(meetings.router)
router.include_router(meeting_edit.router)
router.include_router(decision.router)
router.include_router(agreement.router)
router.include_router(agreement_edit.router)


def install(app: FastAPI) -> None:
    """The pages' routes, their 404 page for a path id that cannot be one, and the error
    page problems.error_page renders with (so problems.py needs no templates)."""
    app.include_router(router)
    app.state.error_page = error_page
    app.add_exception_handler(PageNotFound, handle_page_not_found)


__all__ = ["install", "router"]
