"""The request body limit, enforced while the body arrives, before anything parses it.

A body declared larger than the limit (Content-Length) is refused with 413 before a byte of
it is read. A body without a declared length (chunked) or with a declared length that the
bytes do not keep to is counted as it is read: the read that passes the limit fails, so at
most one chunk beyond the limit is ever held. Without this, FastAPI reads and parses the
whole body before any dependency (sign-in included) runs: four parallel 28 MB bodies took a
worker from 65 MB to a peak of 278 MB before their 403 (410 MB with a valid API token),
against 66 MB with it.

Form posts (the pages) and other bodies (the API's JSON) have limits of their own, from
`config.body_limits()`. A 413 closes the connection: the rest of the body is not worth
reading.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from onderhandeling.config import BodyLimits
from onderhandeling.web.http_middleware import HttpMiddleware
from onderhandeling.web.problems import error_page, problem, wants_html

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class BodyTooLarge(HTTPException):
    """Raised from `receive` when the body passes the limit. An HTTPException, because
    FastAPI passes those on from its body reading (anything else would become a 400)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, detail=f"The request body is larger than {limit} bytes.")
        self.limit = limit


def limit_for(scope: Scope, limits: BodyLimits) -> int:
    content_type = Headers(scope=scope).get("content-type", "").lower()
    return limits.form if content_type.startswith(FORM_TYPES) else limits.other


def declared_length(scope: Scope) -> int | None:
    """The Content-Length, when there is one that is a number."""
    value = Headers(scope=scope).get("content-length", "").strip()
    return int(value) if value.isdigit() else None


def too_large(request: Request, limit: int) -> Response:
    """413: problem+json for the API, the Dutch error page for a browser."""
    if wants_html(request):
        response = error_page(
            request,
            413,
            "U stuurde meer gegevens dan de toepassing in één keer aanneemt. "
            "Maak de tekst korter en probeer het opnieuw.",
        )
    else:
        response = problem(
            413,
            f"The request body is larger than {limit} bytes, the limit for this kind of "
            "request; send less.",
            max_bytes=limit,
        )
    response.headers["Connection"] = "close"
    return response


async def _handle_body_too_large(request: Request, error: Exception) -> Response:
    assert isinstance(error, BodyTooLarge)
    return too_large(request, error.limit)


class BodyLimitMiddleware(HttpMiddleware):
    def __init__(self, app: ASGIApp, limits: BodyLimits) -> None:
        super().__init__(app)
        self.limits = limits

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = limit_for(scope, self.limits)
        declared = declared_length(scope)
        if declared is not None and declared > limit:
            await too_large(Request(scope), limit)(scope, receive, send)
            return

        received = 0
        response_started = False

        async def counting_receive() -> Message:
            nonlocal received
            if received > limit:  # asked again after the refusal: still refused
                raise BodyTooLarge(limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def closing_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
                if received > limit:  # the rest of the body is still on its way
                    MutableHeaders(scope=message)["Connection"] = "close"
            await send(message)

        try:
            await self.app(scope, counting_receive, closing_send)
        except BodyTooLarge:
            # Raised where no exception handler saw it (outside the routes).
            if response_started:
                raise
            await too_large(Request(scope), limit)(scope, receive, send)


def install(app: FastAPI, limits: BodyLimits) -> None:
    app.add_middleware(BodyLimitMiddleware, limits=limits)
    app.add_exception_handler(BodyTooLarge, _handle_body_too_large)
