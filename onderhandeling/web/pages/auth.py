"""Signing in and out, and the accessibility statement."""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from onderhandeling.web import security
from onderhandeling.web.deps import CSRF, OptionalUser
from onderhandeling.web.pages.support import see_other
from onderhandeling.web.pages.templating import render
from onderhandeling.web.problems import wants_html
from onderhandeling.web.security import User
from onderhandeling.web.sign_in_limits import SignInThrottled

router = APIRouter()


def _safe_next(target: str | None) -> str | None:
    """Only a path on this site: never an absolute or protocol-relative address."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


def _sign_in_page(
    request: Request,
    next: str | None,
    name: str,
    errors: dict[str, str],
    status_code: int = 200,
    user: User | None = None,
) -> Response:
    context = {
        "next": _safe_next(next) or "",
        "name": name,
        "errors": errors,
        "form_token": security.csrf_token(request),
    }
    return render(request, "aanmelden.html", context, user=user, status_code=status_code)


def _dutch_wait(seconds: int) -> str:
    minutes = math.ceil(seconds / 60)
    return "1 minuut" if minutes == 1 else f"{minutes} minuten"


@router.get("/aanmelden", name="sign_in_page")
def sign_in_form(request: Request, user: OptionalUser, next: str | None = None) -> Response:
    return _sign_in_page(request, next, "", {}, user=user)


@router.post("/aanmelden", dependencies=CSRF)
def sign_in(
    request: Request,
    naam: Annotated[str, Form()] = "",
    wachtwoord: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "",
) -> Response:
    errors: dict[str, str] = {}
    if not naam.strip():
        errors["naam"] = "Vul je gebruikersnaam in."
    if not wachtwoord:
        errors["wachtwoord"] = "Vul je wachtwoord in."
    try:
        user = None if errors else security.authenticate(request, naam.strip(), wachtwoord)
    except SignInThrottled as throttled:
        if not wants_html(request):
            raise  # the API's problem+json (sign_in_limits.py)
        wait = _dutch_wait(throttled.retry_after)
        message = f"Te veel aanmeldpogingen. Wacht {wait} en probeer het dan opnieuw."
        refused = _sign_in_page(request, next[:2000], naam[:64], {"wachtwoord": message}, 429)
        refused.headers["Retry-After"] = str(throttled.retry_after)
        return refused
    if user is None and not errors:
        errors["wachtwoord"] = "De gebruikersnaam of het wachtwoord klopt niet."
    if user is None:
        return _sign_in_page(request, next, naam, errors, 422)
    security.sign_in(request, user)
    return see_other(_safe_next(next) or request.url_for("page_dashboard"))


@router.post("/afmelden", name="sign_out_page", dependencies=CSRF)
def sign_out(request: Request) -> Response:
    security.sign_out(request)
    return see_other(request.url_for("sign_in_page"))


@router.get("/toegankelijkheid", name="page_accessibility")
def accessibility(request: Request, user: OptionalUser) -> Response:
    return render(request, "toegankelijkheid.html", {}, user=user)
