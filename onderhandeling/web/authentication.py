"""Who is asking, decided before anything reads the request body.

FastAPI reads and parses a route's body before it runs the route's dependencies, so the
checks in security.py alone would parse an unauthenticated client's body first (up to the
body limit) and, for a POST with a wrong token, answer the CSRF check's 403. This
middleware runs before the routes and never reads the body:

- `Authorization: Bearer <token>` with a token that names no account (wrong, revoked or
  empty) is 401 on every path but /static, whatever the method;
- a request under /api/ with neither a working token nor a valid cookie session is 401;
- otherwise the user it found stays on the request, where security.optional_user finds it
  without a second look-up.

Pages without a session are left to their routes: they send a browser to the sign-in form,
and the sign-in form and /toegankelijkheid are public, as are /openapi.json and /docs.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.types import Receive, Scope, Send

from onderhandeling.web import security
from onderhandeling.web.http_middleware import HttpMiddleware
from onderhandeling.web.problems import error_page, problem, wants_html

API_PREFIX = "/api/"
STATIC_PREFIX = "/static/"


def invalid_token(request: Request) -> Response:
    """401 for a bearer token that names no account (RFC 6750: invalid_token)."""
    headers = {"WWW-Authenticate": 'Bearer error="invalid_token"'}
    if wants_html(request):
        response = error_page(request, 401, "Het API-token klopt niet of is ingetrokken.")
        response.headers.update(headers)
        return response
    return problem(
        401,
        "The API token is wrong or has been revoked; make a new one with "
        "'onderhandeling token create NAME'.",
        title="Invalid API token",
        kind="invalid-token",
        headers=headers,
    )


def sign_in_required() -> Response:
    return problem(401, security.SIGN_IN_DETAIL, headers={"WWW-Authenticate": "Bearer"})


class AuthenticationMiddleware(HttpMiddleware):
    """Must sit inside the session middleware: a cookie session is read here."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope)  # without receive: this layer never reads the body
        path = request.url.path
        if path.startswith(STATIC_PREFIX):
            await self.app(scope, receive, send)
            return
        token = security.bearer_token(request)
        if token is not None or path.startswith(API_PREFIX):
            # The look-up reads the store: off the event loop, like the routes' own.
            user = await run_in_threadpool(security.optional_user, request)
            if user is None:
                refusal = invalid_token(request) if token is not None else sign_in_required()
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)


def install(app: FastAPI) -> None:
    """Add it before the session middleware, so that it runs inside it."""
    app.add_middleware(AuthenticationMiddleware)
