"""The goal page's indicators and actions ("wie is aan zet", by when): the negotiators' forms.

Both forms post plainly (POST → redirect → GET) and work without JavaScript; with htmx they
swap the page's "plan" block, a refusal (422) included, so errors show the same either way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from onderhandeling.domain.errors import DomainError
from onderhandeling.web.deps import CSRF, Service, Writer
from onderhandeling.web.pages.forms import Form, Posted, answer, at_field
from onderhandeling.web.pages.goal_view import done, refuse_with
from onderhandeling.web.pages.paths import GoalId

router = APIRouter()

# The action rows a form may send (the page shows the actions and two empty rows).
MAX_ROWS = 60
_DAY = re.compile(r"\s*(\d{1,2})-(\d{1,2})-(\d{4})\s*")


def due_text(typed: str, at: str, errors: dict[str, str]) -> str:
    """When an action is due, as stored: a day typed as 1-6-2023 becomes 2023-06-01 (shown as
    "1 juni 2023"); any other text ("najaar 2023") is kept as typed."""
    found = _DAY.fullmatch(typed)
    if found is None:
        return typed.strip()
    day, month, year = (int(part) for part in found.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        errors[at] = "Deze datum bestaat niet. Vul een datum in als 1-6-2023, of een periode."
        return typed


def action_rows(form: Form) -> tuple[list[dict[str, Any]], list[int], list[dict[str, Any]]]:
    """The filled action rows as the service takes them, the form row of each, and every row
    as typed (to show again on a refusal). A row left empty is dropped: that removes it."""
    try:
        count = min(int(form.text("rijen", "0")), MAX_ROWS)
    except ValueError:
        count = 0
    actions, rows, typed = [], [], []
    for index in range(count):
        key = f"actie-{index}-"
        what, due = form.text(f"{key}wat").strip(), form.text(f"{key}wanneer")
        parties = form.ids(f"{key}partijen")
        typed.append({"what": what, "due": due, "parties": [str(p) for p in parties]})
        if not what and not due.strip() and not parties:
            continue
        if not what:
            form.errors[f"{key}wat"] = "Beschrijf de actie, of maak de hele rij leeg."
        due = due_text(due, f"{key}wanneer", form.errors)
        actions.append({"what": what, "parties": parties, "due": due})
        rows.append(index)
    return actions, rows, typed


def _action_field(rows: list[int]) -> Callable[[DomainError], str]:
    """A refusal naming actions.<n>.<fact> is shown at that row's field."""
    facts = {"what": "wat", "due": "wanneer", "parties": "partijen"}

    def field_of(error: DomainError) -> str:
        named = str(error.details.get("field", ""))
        parts = named.split(".")
        if len(parts) == 3 and parts[0] == "actions" and parts[1].isdigit():
            number = int(parts[1])
            if number < len(rows) and parts[2] in facts:
                return f"actie-{rows[number]}-{facts[parts[2]]}"
        return "acties-datum"

    return field_of


@router.post("/doelstellingen/{goal_id}/indicatoren", name="page_set_indicators", dependencies=CSRF)
def set_indicators(
    request: Request, user: Writer, goal_id: GoalId, form: Posted, service: Service
) -> Response:
    typed = form.typed({"indicatoren": "indicatoren", "indicatoren_datum": "datum"})
    on = form.date("datum", "indicatoren-datum")
    indicators = [line.strip() for line in typed["indicatoren"].splitlines() if line.strip()]
    return answer(
        form,
        lambda: service.set_indicators(goal_id, indicators, on, user.person_id),
        refuse=refuse_with(request, user, goal_id, typed),
        field_of=at_field("indicatoren", "indicatoren-", {"effective_date": "datum"}),
        done=lambda _: done(request, goal_id, "De indicatoren zijn opgeslagen.", "plan"),
    )


@router.post("/doelstellingen/{goal_id}/acties", name="page_set_actions", dependencies=CSRF)
def set_actions(
    request: Request, user: Writer, goal_id: GoalId, form: Posted, service: Service
) -> Response:
    on = form.date("datum", "acties-datum")
    actions, rows, typed = action_rows(form)
    shown = {"acties": typed, "acties_datum": form.text("datum")}
    return answer(
        form,
        lambda: service.set_actions(goal_id, actions, on, user.person_id),
        refuse=refuse_with(request, user, goal_id, shown),
        field_of=_action_field(rows),
        done=lambda _: done(request, goal_id, "De acties zijn opgeslagen.", "plan"),
    )
