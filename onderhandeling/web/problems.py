"""Errors as RFC 9457 problem details (application/problem+json), mapped in one place.

Domain errors carry an English message meant for the caller; unexpected errors become a
generic 500 that says nothing about the internals. HTML page requests get an error page
instead of JSON.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from onderhandeling.domain.errors import (
    AgreementSigned,
    AlreadyDecided,
    AlreadyExists,
    ConcurrentChange,
    DomainError,
    InvalidInput,
    NotAParticipant,
    NotFound,
    QuoteNotFound,
    RuleViolation,
    StaleVersion,
    Withdrawn,
)

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "/problems/"

log = logging.getLogger("onderhandeling.web")

_STATUS: list[tuple[type[DomainError], int, str]] = [
    (NotFound, 404, "Not found"),
    (InvalidInput, 422, "Invalid input"),
    (StaleVersion, 409, "Stale wording version"),
    (ConcurrentChange, 409, "Concurrent change"),
    (AgreementSigned, 409, "Agreement signed"),
    (AlreadyExists, 409, "Already exists"),
    (AlreadyDecided, 409, "Already decided"),
    (Withdrawn, 409, "Withdrawn"),
    (NotAParticipant, 422, "Not a participant"),
    (QuoteNotFound, 422, "Quote not found"),
    (RuleViolation, 422, "Rule violation"),
]

_HTTP_TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Content too large",
    415: "Unsupported media type",
    422: "Invalid input",
    429: "Too many requests",
    500: "Internal server error",
    501: "Not implemented",
}

_DUTCH_TITLES = {
    401: "Aanmelden nodig",
    403: "Geen toegang",
    404: "Pagina niet gevonden",
    405: "Niet toegestaan",
    409: "Conflict",
    413: "Te veel gegevens",
    422: "Ongeldige invoer",
    500: "Er ging iets mis",
}


def problem(
    status: int,
    detail: str = "",
    *,
    title: str | None = None,
    kind: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    """A problem+json response; extra members (current_version, field) are added as given."""
    body: dict[str, Any] = {
        "type": TYPE_BASE + (kind or _slug(title or _HTTP_TITLES.get(status, "error"))),
        "title": title or _HTTP_TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
    }
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def wants_html(request: Request) -> bool:
    """Page requests (not the API) from a browser get HTML errors."""
    if request.url.path.startswith("/api/"):
        return False
    return "text/html" in request.headers.get("accept", "")


ErrorPage = Callable[[Request, int, str, str], Response]
"""Renders the Dutch error page (request, status, title, detail); the pages package puts one
on `app.state.error_page` (see app.py), so this module needs no templates."""


def error_page(request: Request, status: int, detail: str = "") -> Response:
    """The Dutch error page; a bare one when the pages have put no renderer on the app."""
    title = _DUTCH_TITLES.get(status, "Er ging iets mis")
    app = request.scope.get("app")
    render: ErrorPage | None = getattr(getattr(app, "state", None), "error_page", None)
    if render is not None:
        try:
            return render(request, status, title, detail)
        except Exception:  # the error page must never fail itself
            log.debug("error page template unavailable", exc_info=True)
    return HTMLResponse(
        f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><h1>{title}</h1><p>Foutcode {status}</p>"
        '<p><a href="/">Terug naar de startpagina</a></p></body></html>',
        status_code=status,
    )


def domain_status(error: DomainError) -> tuple[int, str]:
    for kind, status, title in _STATUS:
        if isinstance(error, kind):
            return status, title
    return 422, "Rule violation"


async def handle_domain_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, DomainError)
    status, title = domain_status(error)
    if wants_html(request):
        return error_page(request, status)
    extra: dict[str, Any] = {}
    if isinstance(error, StaleVersion):
        extra["current_version"] = error.current_version
    field = error.details.get("field")
    if isinstance(field, str):
        extra["field"] = field
    return problem(status, error.message, title=title, kind=error.code, **extra)


async def handle_validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    if wants_html(request):
        return error_page(request, 422)
    errors = [
        {
            "field": ".".join(str(part) for part in item.get("loc", ())),
            "message": str(item.get("msg", "")),
        }
        for item in error.errors()
    ]
    first = errors[0]["field"] if errors else ""
    detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors[:5])
    return problem(
        422, detail, title="Invalid input", kind="invalid-input", field=first, errors=errors
    )


async def handle_http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    headers = dict(error.headers or {})
    if wants_html(request):
        response = error_page(request, error.status_code)
        response.headers.update(headers)
        return response
    detail = error.detail if isinstance(error.detail, str) else ""
    if detail == _HTTP_TITLES.get(error.status_code, "") or detail in ("Not Found",):
        detail = ""
    return problem(error.status_code, detail, headers=headers or None)


async def handle_unexpected(request: Request, error: Exception) -> Response:
    """The 500 for an exception nothing else handled, its traceback logged here
    (server_errors.py answers with it and does not raise the exception again)."""
    log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=error)
    if wants_html(request):
        return error_page(request, 500)
    return problem(500, "The server could not handle this request.")


def install(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, handle_domain_error)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
    app.add_exception_handler(StarletteHTTPException, handle_http_error)
    app.add_exception_handler(Exception, handle_unexpected)


def _slug(title: str) -> str:
    return title.lower().replace(" ", "-")
