"""Showing the goal page: its data remembered per reader, its long lists rendered once, a
fragment for htmx, and the page again with a refused form's errors (goal.py, goal_plan.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from fastapi import Request
from fastapi.responses import Response
from markupsafe import Markup

from onderhandeling.domain.errors import NotFound
from onderhandeling.web.pages import presenting
from onderhandeling.web.pages.goal_data import goal_page
from onderhandeling.web.pages.support import negotiations, not_found, remember_agreement, see_other
from onderhandeling.web.pages.templating import flash, pop_messages, render, templates
from onderhandeling.web.security import User

# The key under which a fragment carries the message of the save it follows.
FRAGMENT_MESSAGES = "plan_messages"
# Blocks of the page that htmx swaps (chosen by HX-Target); the plan's also on a refusal.
FRAGMENTS = {"versie", "verschil", "plan"}


MAX_VERSION = 1_000_000


def form_int(value: str | None) -> int | None:
    """A version number from a form or query: 1..MAX_VERSION, else None."""
    if not value or len(value) > 10:
        return None
    try:
        number = int(value)
    except ValueError:
        return None
    return number if 1 <= number <= MAX_VERSION else None


def with_long_lists(data: dict[str, Any]) -> dict[str, Any]:
    """The timeline and the provenance rendered once, with the data that is remembered: they
    are half of a 1,000-version goal's page and the same for every reader of that audience."""
    names = presenting.PartyNames(data.get("parties", []))  # no request here: names given
    lists = templates.env.get_template("_goal_lists.html").make_module({"party_names": names})
    timeline = lists.timeline(data["timeline"], data["timeline_total"])  # type: ignore[attr-defined]
    data["timeline_html"] = Markup(timeline)
    data["provenance_html"] = Markup(lists.provenance(data["provenance"]))  # type: ignore[attr-defined]
    return data


def done(request: Request, goal_id: UUID, message: str, section: str = "") -> Response:
    """After a saved change: the message for the next page, and back to the goal (POST →
    redirect → GET), at the section changed."""
    flash(request, message)
    url = str(request.url_for("page_goal", goal_id=str(goal_id)))
    return see_other(f"{url}#{section}" if section else url)


def show_goal(
    request: Request,
    user: User,
    goal_id: UUID,
    *,
    errors: dict[str, str] | None = None,
    form: dict[str, Any] | None = None,
    conflict: dict[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    params = request.query_params
    service = negotiations(request)
    reader = user.reader
    version, diff_from, diff_to = (form_int(params.get(k)) for k in ("versie", "van", "tot"))
    full_history = params.get("geschiedenis") == "alles"

    def make() -> dict[str, Any]:
        return with_long_lists(
            goal_page(service, goal_id, reader, version, diff_from, diff_to, full_history)
        )

    # Only the page as opened from a link is remembered: stepping through a thousand versions
    # would otherwise fill the cache with a thousand large entries that are seldom asked again.
    opened = version is None and diff_from is None and diff_to is None and not full_history
    try:
        # A shallow copy: the remembered data is shared, this request adds its own keys.
        views = request.app.state.views
        data = dict(views.view(service, ("goal", goal_id, reader), make) if opened else make())
    except NotFound:
        return not_found(request, user)
    remember_agreement(request, UUID(data["goal"].agreement_id))
    target = request.headers.get("HX-Target", "")
    data.update(
        errors=errors or {},
        form=form or {},
        conflict=conflict,
        today=date.today().strftime("%d-%m-%Y"),
    )
    block = target if target in FRAGMENTS and (status_code == 200 or target == "plan") else None
    if block == "plan" and status_code == 200:
        # After a save through htmx the message shows in the block it swapped.
        data[FRAGMENT_MESSAGES] = pop_messages(request)
    return render(
        request, "doelstelling.html", data, user=user, block=block, status_code=status_code
    )


def refuse_with(
    request: Request, user: User, goal_id: UUID, form: dict[str, Any] | None = None
) -> Callable[[dict[str, str], int], Response]:
    """The goal page again, the refused form's fields marked and what was typed kept."""

    def refuse(errors: dict[str, str], status_code: int) -> Response:
        return show_goal(request, user, goal_id, errors=errors, form=form, status_code=status_code)

    return refuse
