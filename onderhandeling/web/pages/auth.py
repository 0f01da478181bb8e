"""Signing in and out, and the accessibility statement."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from onderhandeling.web import security
from onderhandeling.web.pages.support import see_other
from onderhandeling.web.pages.templating import render

router = APIRouter()

OptionalUser = Annotated[Any, Depends(security.optional_user)]


def _safe_next(target: str | None) -> str | None:
    """Only a path on this site: never an absolute or protocol-relative address."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


@router.get("/aanmelden", name="sign_in_page")
def sign_in_form(request: Request, user: OptionalUser, next: str | None = None) -> Response:
    return render(
        request,
        "aanmelden.html",
        {
            "next": _safe_next(next) or "",
            "name": "",
            "errors": {},
            "form_token": security.csrf_token(request),
        },
        user=user,
    )


@router.post("/aanmelden", dependencies=[Depends(security.verify_csrf)])
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
    user = None if errors else security.authenticate(request, naam.strip(), wachtwoord)
    if user is None and not errors:
        errors["wachtwoord"] = "De gebruikersnaam of het wachtwoord klopt niet."
    if user is None:
        return render(
            request,
            "aanmelden.html",
            {
                "next": _safe_next(next) or "",
                "name": naam,
                "errors": errors,
                "form_token": security.csrf_token(request),
            },
            status_code=422,
        )
    security.sign_in(request, user)
    return see_other(_safe_next(next) or request.url_for("page_dashboard"))


@router.post("/afmelden", name="sign_out_page", dependencies=[Depends(security.verify_csrf)])
def sign_out(request: Request) -> Response:
    security.sign_out(request)
    return see_other(request.url_for("sign_in_page"))


@router.get("/toegankelijkheid", name="page_accessibility")
def accessibility(request: Request, user: OptionalUser) -> Response:
    return render(request, "toegankelijkheid.html", {}, user=user)
