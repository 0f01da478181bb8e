"""The real app plus test-only routes to sign in without a form, and clients signed in with them."""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, Form, Request
from starlette.testclient import TestClient

from onderhandeling.web import security
from onderhandeling.web.app import create_app
from tests.support.api_world import PASSWORD, World


def app_with_test_routes(world: World) -> FastAPI:
    """The real app plus two routes for tests: sign in by GET, and a plain form POST."""
    app = create_app(world.app)

    @app.get("/test/sign-in/{name}")
    def test_sign_in(request: Request, name: str) -> dict[str, str]:
        user = security.authenticate(request, name, PASSWORD)
        assert user is not None
        security.sign_in(request, user)
        return {"csrf": security.csrf_token(request)}

    @app.post("/test/form")
    def test_form(request: Request, note: Annotated[str, Form()] = "") -> dict[str, str]:
        security.current_user(request)
        return {"note": note}

    return app


def signed_in(
    world: World, name: str, base_url: str = "http://testserver"
) -> tuple[TestClient, str]:
    """A client with a cookie session for the account, and the session's CSRF token."""
    client = TestClient(app_with_test_routes(world), base_url=base_url)
    response = client.get(f"/test/sign-in/{name}")
    assert response.status_code == 200
    return client, response.json()["csrf"]
