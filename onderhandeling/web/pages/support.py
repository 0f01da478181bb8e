"""Shared helpers of the HTML pages: the service, redirects, form parsing, and which form
field a refusal is about (pages_refusals.py says it in Dutch)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from onderhandeling.domain import errors
from onderhandeling.domain.plausibility import MAX_YEAR, MIN_YEAR
from onderhandeling.dutch.dates import parse_date
from onderhandeling.web.deps import negotiations as negotiations
from onderhandeling.web.pages.current_agreement import agreement_id_of as agreement_id_of
from onderhandeling.web.pages.current_agreement import remember_agreement as remember_agreement
from onderhandeling.web.pages.refusals import dutch_message as dutch_message
from onderhandeling.web.pages.templating import flash, is_htmx, render

# Domain field names → the form field that shows the message.
FIELD_NAMES = {
    "title": "titel",
    "kind": "soort",
    "held_on": "datum",
    "effective_date": "datum",
    "decided_on": "datum",
    "parties_present": "partijen",
    "summary": "samenvatting",
    "text": "tekst",
    "reason": "toelichting",
    "quote": "citaat",
    "replacement": "vervanging",
    "note": "notitie",
    "adopted_text": "overgenomen_tekst",
    "name": "naam",
    "to": "naar",
    "reference": "kenmerk",
    "option": "optie",
    "stance": "standpunt",
    "conditions": "voorwaarden",
    "confidentiality": "intern",
    "occurrence": "keer",
    "party": "partij",
    "goal": "doel",
}


def error_field(error: errors.DomainError, default: str, prefix: str = "") -> str:
    """The form field a refusal is about (the default when the error names none or one the
    form does not have); prefix: the form's key on a page with several forms."""
    field = error.details.get("field")
    if isinstance(field, str) and field in FIELD_NAMES:
        return prefix + FIELD_NAMES[field]
    return prefix + default


def see_other(url: Any) -> Response:
    """POST → redirect → GET."""
    return RedirectResponse(str(url), status_code=303)


def saved_answer(
    request: Request, message: str, page: Any, show: Callable[[str], Response]
) -> Response:
    """After a saved correction: htmx gets the page's content with the message (`show`); a
    plain form post is redirected to the page, the message kept for it (POST → redirect → GET).
    """
    if is_htmx(request):
        return show(message)
    flash(request, message)
    response = see_other(page)
    response.headers["Vary"] = "HX-Request"
    return response


def parse_uuid(value: str | None) -> UUID | None:
    try:
        return UUID(str(value)) if value else None
    except ValueError:
        return None


# Dates outside the years the record holds are typing errors (see domain/plausibility.py).
OUT_OF_RANGE_MESSAGE = f"Vul een datum in tussen {MIN_YEAR} en {MAX_YEAR}, bijvoorbeeld 14-10-2022."


def _bounded_date(value: str) -> date:
    """parse_date, refusing a year outside MIN_YEAR..MAX_YEAR (ValueError, Dutch message)."""
    parsed = parse_date(value)
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise ValueError(OUT_OF_RANGE_MESSAGE)
    return parsed


def parse_form_date(value: str, field: str, problems: dict[str, str]) -> date | None:
    """A date typed in a form; an empty, unreadable or far-off one is noted under field."""
    if not value.strip():
        problems[field] = "Vul een datum in, bijvoorbeeld 14-10-2022."
        return None
    try:
        return _bounded_date(value)
    except ValueError as error:
        problems[field] = str(error)
        return None


def parse_optional_date(value: str | None) -> date | None:
    """A date from a query; None when absent, unreadable or outside MIN_YEAR..MAX_YEAR."""
    if not value:
        return None
    try:
        return _bounded_date(value)
    except ValueError:
        return None


def error_page(request: Request, user: Any, status_code: int, title: str, detail: str) -> Response:
    return render(
        request,
        "error.html",
        {"status_code": status_code, "title": title, "detail": detail},
        user=user,
        status_code=status_code,
    )


def not_found(request: Request, user: Any) -> Response:
    return error_page(
        request, user, 404, "Niet gevonden", "Deze pagina of dit onderdeel bestaat niet."
    )
