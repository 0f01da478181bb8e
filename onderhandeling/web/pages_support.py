"""Shared helpers of the HTML pages: the service, redirects, form parsing and the one place
where domain errors become Dutch messages for a form."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from onderhandeling.application import Negotiations
from onderhandeling.domain import errors
from onderhandeling.web.dutch_dates import parse_date
from onderhandeling.web.templating import render

# Domain field names → the form field that shows the message.
FIELD_NAMES = {
    "title": "titel",
    "kind": "soort",
    "held_on": "datum",
    "effective_date": "datum",
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
}

# What each refusal means, said in Dutch for the person at the form.
ERROR_MESSAGES: dict[type[errors.DomainError], str] = {
    errors.NotFound: "Dit bestaat niet (meer). Vernieuw de pagina en probeer het opnieuw.",
    errors.StaleVersion: (
        "Iemand anders heeft de tekst intussen gewijzigd. Bekijk de wijziging hieronder en "
        "voeg je tekst samen met de nieuwe versie."
    ),
    errors.ConcurrentChange: (
        "Iemand anders sloeg op hetzelfde moment een wijziging op. Er is niets opgeslagen; "
        "probeer het opnieuw."
    ),
    errors.AgreementSigned: "Het akkoord is ondertekend; de tekst kan niet meer veranderen.",
    errors.NotAParticipant: "Deze partij doet niet mee aan dit akkoord.",
    errors.AlreadyExists: "Dit bestaat al; kies een andere naam.",
    errors.AlreadyDecided: "Hierover is al besloten; dat kan maar één keer.",
    errors.QuoteNotFound: "Het geciteerde stuk staat niet (letterlijk) in de huidige tekst.",
    errors.RuleViolation: "Dit kan niet volgens de regels van de onderhandeling.",
}

INPUT_MESSAGES = {
    "must not be empty": "Vul dit veld in.",
    "characters; the limit is": "Deze tekst is te lang.",
    "must be one of": "Kies een van de mogelijkheden.",
    "must be a date": "Vul een geldige datum in, bijvoorbeeld 14-10-2022.",
    "needs at least one party present": "Kies minstens één aanwezige partij.",
    "equals the current wording": "De nieuwe tekst is gelijk aan de huidige tekst.",
}


def dutch_message(error: errors.DomainError) -> str:
    """The Dutch explanation of a refused command."""
    if isinstance(error, errors.InvalidInput):
        for fragment, message in INPUT_MESSAGES.items():
            if fragment in error.message:
                return message
        return "Deze waarde is niet geldig."
    if isinstance(error, errors.RuleViolation) and "equals the current wording" in error.message:
        return INPUT_MESSAGES["equals the current wording"]
    for kind, message in ERROR_MESSAGES.items():
        if isinstance(error, kind):
            return message
    return "Dit kon niet worden opgeslagen."


def error_field(error: errors.DomainError, default: str) -> str:
    """The form field a refusal is about (the default when the error names none)."""
    field = error.details.get("field")
    if isinstance(field, str):
        return FIELD_NAMES.get(field, default)
    return default


def negotiations(request: Request) -> Negotiations:
    service: Negotiations = request.app.state.negotiations
    return service


def see_other(url: Any) -> Response:
    """POST → redirect → GET."""
    return RedirectResponse(str(url), status_code=303)


def parse_uuid(value: str | None) -> UUID | None:
    try:
        return UUID(str(value)) if value else None
    except ValueError:
        return None


# Dates outside these years are typing errors, and the read models cannot take every date
# (one near year 1 or 9999 overflows when turned into a moment in UTC).
MIN_YEAR = 1900
MAX_YEAR = 9000
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


AGREEMENT_PARAMETER = "akkoord"
_CURRENT_AGREEMENT = "akkoord"


def agreement_id_of(service: Negotiations, request: Request | None = None) -> UUID | None:
    """The agreement the pages show: the one asked for with ?akkoord=ID (remembered in the
    session), else the one this session last looked at, else the first in the store."""
    known = _agreement_ids(service, request)
    if not known:
        return None
    if request is not None:
        asked = request.query_params.get(AGREEMENT_PARAMETER)
        if asked in known:
            remember_agreement(request, UUID(asked))
            return UUID(asked)
        if "session" in request.scope and request.session.get(_CURRENT_AGREEMENT) in known:
            return UUID(request.session[_CURRENT_AGREEMENT])
    return UUID(known[0])


def _agreement_ids(service: Negotiations, request: Request | None) -> list[str]:
    """Read once per request: the route and the page's menu (common_context) both ask."""
    if request is None:
        return [a["id"] for a in service.agreements()]
    known: list[str] | None = getattr(request.state, "agreement_ids", None)
    if known is None:
        known = [a["id"] for a in service.agreements()]
        request.state.agreement_ids = known
    return known


def remember_agreement(request: Request, agreement_id: UUID) -> None:
    """Pages of one agreement make it the one the dashboard and the meeting form show."""
    if "session" in request.scope:
        request.session[_CURRENT_AGREEMENT] = str(agreement_id)
