"""The web application: one Negotiations service on app.state, the JSON API at /api/v1 and
the HTML pages, behind sessions, CSRF checks and strict security headers.

What every request passes, outermost first (see create_app): the security headers and
Cache-Control; the answer to an unexpected error (server_errors.py); the body limit
(body_limit.py); the cookie session; who is asking (authentication.py), before any body is
read; then the routes, with CSRF, role and input checks.

Nothing is loaded from outside at run time: FastAPI's default /docs pulls Swagger UI from a
CDN, so /docs here is a plain server-rendered list of the endpoints in /openapi.json.
"""

from __future__ import annotations

import html
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.types import Message, Receive, Scope, Send

from onderhandeling.accounts.store import AccountStore
from onderhandeling.config import body_limits
from onderhandeling.service import Negotiations
from onderhandeling.web import authentication, body_limit, problems, security, server_errors
from onderhandeling.web.api import router as api_router
from onderhandeling.web.http_middleware import HttpMiddleware
from onderhandeling.web.problem_docs import declare_problems
from onderhandeling.web.view_cache import ViewCache

STATIC_DIR = Path(__file__).parent / "static"
STATIC_PREFIX = "/static/"

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


class SecurityHeadersMiddleware(HttpMiddleware):
    """Adds the security headers to every HTTP response (pages, API, static, errors), and
    `Cache-Control: no-store` to all but the static assets: pages, fragments and API answers
    show what one signed-in user may see, and no browser or proxy cache may keep them (nor
    the sign-in form with its CSRF token). Static assets keep their caching."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        static = scope["path"].startswith(STATIC_PREFIX)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
                if not static:
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(negotiations: Negotiations | None = None) -> FastAPI:
    """The app over the given service, or over the store ONDERHANDELING_DATABASE_URL names."""
    owns_service = negotiations is None
    limits = body_limits()  # a bad setting fails here, at start-up
    service = negotiations if negotiations is not None else Negotiations()
    store = AccountStore(service.database, pooled=True)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()
        if owns_service:
            service.close()

    app = FastAPI(
        title="Onderhandeling",
        summary="Event-sourced tracker for multi-party policy negotiations (Werkagenda mbo).",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
        # Every route, the pages' included, checks CSRF on state-changing requests.
        dependencies=[Depends(security.verify_csrf)],
    )
    app.state.negotiations = service
    app.state.accounts = store
    app.state.url_patterns = {}  # templating.url_for remembers route URLs here
    app.state.views = ViewCache()  # the heaviest read-only views, per read-model position

    # Each middleware added goes around the ones before it: innermost first.
    problems.install(app)
    authentication.install(app)
    security.install(app, store)
    body_limit.install(app, limits)
    server_errors.install(app)
    app.add_middleware(SecurityHeadersMiddleware)

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api_router, prefix="/api/v1")
    _include_pages(app)
    app.add_api_route("/docs", api_docs, include_in_schema=False, response_class=HTMLResponse)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _include_pages(app: FastAPI) -> None:
    try:
        from onderhandeling.web.pages import install as install_pages
    except ModuleNotFoundError as error:
        if error.name != "onderhandeling.web.pages":
            raise
        return
    install_pages(app)


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title,
            version=app.version,
            summary=app.summary,
            routes=app.routes,
        )
        components = schema.setdefault("components", {})
        components.setdefault("securitySchemes", {})["bearer"] = {
            "type": "http",
            "scheme": "bearer",
            "description": "An API token from `onderhandeling token create NAME`.",
        }
        schema["security"] = [{"bearer": []}]
        declare_problems(schema)
        app.openapi_schema = schema
    return app.openapi_schema


def api_docs(request: Request) -> HTMLResponse:
    """A list of the API's endpoints, rendered here from the OpenAPI schema (no scripts)."""
    schema = request.app.openapi()
    rows = []
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            rows.append(
                "<tr><td><code>{}</code></td><td><code>{}</code></td><td>{}</td></tr>".format(
                    html.escape(method.upper()),
                    html.escape(path),
                    html.escape(str(operation.get("summary", ""))),
                )
            )
    body = f"""<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API-documentatie – Onderhandeling</title></head>
<body>
<main>
<h1>API-documentatie</h1>
<p>De volledige beschrijving staat in <a href="/openapi.json">openapi.json</a>
(OpenAPI 3.1). Meld u aan met een API-token: <code>Authorization: Bearer &lt;token&gt;</code>
(maak er een met <code>onderhandeling token create NAAM</code>). Fouten komen terug als
<code>application/problem+json</code>.</p>
<table>
<thead><tr><th scope="col">Methode</th><th scope="col">Pad</th><th scope="col">Omschrijving</th>
</tr></thead>
<tbody>
{"".join(rows)}
</tbody>
</table>
</main>
</body>
</html>"""
    return HTMLResponse(body)
