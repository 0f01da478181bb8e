"""The HTML pages: one router over the same Negotiations service as the JSON API.

Every GET needs a signed-in user; every POST needs a writer and the session's CSRF token.
The routes live in pages_*.py modules, one per part of the site.
"""

from __future__ import annotations

from fastapi import APIRouter

from onderhandeling.web import (
    pages_agreement,
    pages_agreement_edit,
    pages_auth,
    pages_dashboard,
    pages_decision,
    pages_goal,
    pages_meeting,
    pages_meeting_edit,
    pages_meetings,
)

router = APIRouter(include_in_schema=False)
router.include_router(pages_auth.router)
router.include_router(pages_dashboard.router)
router.include_router(pages_goal.router)
# /overleggen/nieuw before /overleggen/{meeting_id}.
router.include_router(pages_meeting.router)
router.include_router(pages_meetings.router)
router.include_router(pages_meeting_edit.router)
router.include_router(pages_decision.router)
router.include_router(pages_agreement.router)
router.include_router(pages_agreement_edit.router)

__all__ = ["router"]
