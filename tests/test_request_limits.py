"""The order of checks: who is asking, and how large the body is, are decided before any
body is parsed; a bearer token that does not work is 401 whatever the method."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from starlette.types import ASGIApp, Message

from onderhandeling.accounts.store import AccountStore
from onderhandeling.config import (
    DEFAULT_MAX_BODY_BYTES,
    DEFAULT_MAX_FORM_BYTES,
    ConfigurationError,
    Database,
    body_limits,
)
from onderhandeling.web.app import create_app
from onderhandeling.web.sign_in_limits import ACCOUNT_LIMIT, ADDRESS_LIMIT
from tests.support.api_world import World, bearer, build_world
from tests.support.sessions import signed_in

CHUNK = 64 * 1024
PARTY = {"code": "SBB", "name": "SBB", "kind": "werkend leren"}


@pytest.fixture
def world(database: Database) -> Iterator[World]:
    built = build_world(database)
    yield built
    built.app.close()


@dataclass
class Exchange:
    """What an ASGI app answered, and how much of the request body it asked for."""

    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    chunks_read: int = 0


def call(
    app: ASGIApp, method: str, path: str, headers: dict[str, str], chunks: int, chunk: bytes
) -> Exchange:
    """Send a request whose body is `chunks` pieces of `chunk`, without a length (as a
    chunked upload arrives), straight to the ASGI app; count the pieces it reads."""
    exchange = Exchange()
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "server": ("testserver", 80),
        "client": ("192.0.2.1", 50000),
        "root_path": "",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "state": {},
    }

    async def receive() -> Message:
        if exchange.chunks_read >= chunks:
            return {"type": "http.request", "body": b"", "more_body": False}
        exchange.chunks_read += 1
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            exchange.status = message["status"]
            exchange.headers = {k.decode(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            exchange.body += message.get("body", b"")

    # In a thread of its own: an earlier test (Playwright's sync API) may have left an event
    # loop running in this one, and asyncio.run refuses to start inside it.
    failures: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(app(scope, receive, send))  # type: ignore[arg-type]
        except BaseException as error:
            failures.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    assert not failures, failures
    return exchange


def padded_json(size: int) -> bytes:
    """A valid party as JSON, padded with spaces to exactly `size` bytes."""
    body = json.dumps(PARTY).encode()
    return body + b" " * (size - len(body))


# --- the body limit ------------------------------------------------------------------------


def test_a_json_body_over_one_mebibyte_is_refused_with_413(world: World) -> None:
    """The default limit: 1 MiB of JSON goes through, one byte more is 413 problem+json
    (before parsing: the same valid party is not added) and closes the connection."""
    client = TestClient(create_app(world.app), headers=bearer(world.writer_token))
    json_type = {"Content-Type": "application/json"}
    over = client.post(
        "/api/v1/parties", content=padded_json(DEFAULT_MAX_BODY_BYTES + 1), headers=json_type
    )
    assert over.status_code == 413
    assert over.headers["content-type"] == "application/problem+json"
    assert over.headers["connection"] == "close"
    assert over.json()["max_bytes"] == DEFAULT_MAX_BODY_BYTES
    assert str(DEFAULT_MAX_BODY_BYTES) in over.json()["detail"]
    assert "SBB" not in [party["code"] for party in world.app.parties()]
    at_limit = client.post(
        "/api/v1/parties", content=padded_json(DEFAULT_MAX_BODY_BYTES), headers=json_type
    )
    assert at_limit.status_code == 201


def test_the_limit_is_a_setting(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """ONDERHANDELING_MAX_BODY_BYTES sets it; a value that is no whole number above 0
    stops the app at start-up, naming the setting."""
    monkeypatch.setenv("ONDERHANDELING_MAX_BODY_BYTES", "500")
    client = TestClient(create_app(world.app), headers=bearer(world.writer_token))
    json_type = {"Content-Type": "application/json"}
    assert (
        client.post("/api/v1/parties", content=padded_json(501), headers=json_type).status_code
        == 413
    )
    assert (
        client.post("/api/v1/parties", content=padded_json(500), headers=json_type).status_code
        == 201
    )
    for wrong in ("0", "1MB", "-5"):
        monkeypatch.setenv("ONDERHANDELING_MAX_BODY_BYTES", wrong)
        with pytest.raises(ConfigurationError, match="ONDERHANDELING_MAX_BODY_BYTES"):
            create_app(world.app)


def test_form_posts_have_a_limit_of_their_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """256 KiB for the pages' forms unless ONDERHANDELING_MAX_FORM_BYTES says otherwise."""
    monkeypatch.delenv("ONDERHANDELING_MAX_BODY_BYTES", raising=False)
    monkeypatch.delenv("ONDERHANDELING_MAX_FORM_BYTES", raising=False)
    assert (body_limits().other, body_limits().form) == (1024 * 1024, 256 * 1024)
    monkeypatch.setenv("ONDERHANDELING_MAX_FORM_BYTES", "1000")
    assert body_limits().form == 1000


def test_an_oversized_form_gets_the_dutch_error_page(world: World) -> None:
    """A browser posting a form over its limit gets a Dutch page, not JSON."""
    client, token = signed_in(world, "onderhandelaar")
    response = client.post(
        "/test/form",
        data={"note": "x" * DEFAULT_MAX_FORM_BYTES, "csrf_token": token},
        headers={"Accept": "text/html"},
    )
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("text/html")
    assert 'lang="nl"' in response.text and "Te veel gegevens" in response.text
    small = client.post("/test/form", data={"note": "x" * 1000, "csrf_token": token})
    assert small.status_code == 200


@pytest.mark.parametrize("content_type", ["application/json", None])
def test_a_huge_body_without_a_length_is_refused_unread(
    world: World, content_type: str | None
) -> None:
    """A chunked body of 64 MiB (no Content-Length) is refused with 413 as soon as the
    limit is passed: the app reads just past the limit, not the rest."""
    headers = {**bearer(world.writer_token)}
    if content_type:
        headers["Content-Type"] = content_type
    exchange = call(create_app(world.app), "POST", "/api/v1/parties", headers, 1024, b" " * CHUNK)
    assert exchange.status == 413
    assert exchange.headers["content-type"] == "application/problem+json"
    assert exchange.chunks_read == DEFAULT_MAX_BODY_BYTES // CHUNK + 1


def test_a_chunked_form_is_held_to_the_form_limit(world: World) -> None:
    """Form posts count against the (smaller) form limit while they stream in."""
    client, token = signed_in(world, "onderhandelaar")
    app = client.app
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "text/html",
        "X-CSRF-Token": token,
        "Cookie": "; ".join(f"{k}={v}" for k, v in client.cookies.items()),
    }
    exchange = call(app, "POST", "/test/form", headers, 1024, b"note=" + b"x" * (CHUNK - 5))
    assert exchange.status == 413
    assert exchange.headers["content-type"].startswith("text/html")
    assert exchange.chunks_read == DEFAULT_MAX_FORM_BYTES // CHUNK + 1


def test_a_declared_length_over_the_limit_is_refused_before_reading(world: World) -> None:
    """With Content-Length over the limit the app reads nothing at all, and a body that
    is longer than its (lying) Content-Length is still counted and cut off."""
    app = create_app(world.app)
    headers = {**bearer(world.writer_token), "Content-Type": "application/json"}
    declared = call(
        app,
        "POST",
        "/api/v1/parties",
        {**headers, "Content-Length": str(DEFAULT_MAX_BODY_BYTES + 1)},
        1024,
        b" " * CHUNK,
    )
    assert (declared.status, declared.chunks_read) == (413, 0)
    lying = call(
        app, "POST", "/api/v1/parties", {**headers, "Content-Length": "10"}, 1024, b" " * CHUNK
    )
    assert lying.status == 413
    assert lying.chunks_read == DEFAULT_MAX_BODY_BYTES // CHUNK + 1


# --- who is asking, before the body --------------------------------------------------------


def test_an_unauthenticated_api_post_is_refused_before_its_body_is_read(world: World) -> None:
    """401 problem+json, and the app never asks for the body (before, FastAPI parsed it
    first: invalid JSON got 422, a large one used memory)."""
    app = create_app(world.app)
    for headers in ({}, {"Authorization": "Basic eDp4"}):
        exchange = call(
            app,
            "POST",
            "/api/v1/parties",
            {"Content-Type": "application/json", **headers},
            1024,
            b"{" * CHUNK,
        )
        assert exchange.status == 401
        assert exchange.headers["content-type"] == "application/problem+json"
        assert exchange.headers["www-authenticate"] == "Bearer"
        assert exchange.chunks_read == 0
    client = TestClient(app)
    not_json = client.post(
        "/api/v1/parties", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert not_json.status_code == 401


def test_a_wrong_or_revoked_token_is_401_on_every_method(world: World) -> None:
    """For the API and the pages alike, whatever the method, and without reading the body
    (before, a POST with a wrong token got the CSRF check's 403)."""
    store = AccountStore(world.app.database)
    revoked = store.create_token("beheerder")
    store.revoke_tokens("beheerder")
    app = create_app(world.app)
    paths = {
        "/api/v1/parties": "application/json",
        f"/api/v1/goals/{world.goal}": "application/json",
        "/": "text/html",
        "/aanmelden": "text/html",
        "/openapi.json": "application/json",
    }
    for token in ("ohd_wrong", "", revoked):
        for method in ("GET", "POST", "PUT", "PATCH", "DELETE"):
            for path, accept in paths.items():
                headers = {
                    "Authorization": f"Bearer {token}",
                    "Accept": accept,
                    "Content-Type": "application/json",
                }
                exchange = call(app, method, path, headers, 16, b"{" * CHUNK)
                assert exchange.status == 401, (token, method, path)
                assert exchange.headers["www-authenticate"] == 'Bearer error="invalid_token"'
                assert exchange.chunks_read == 0
                if accept == "text/html":
                    assert 'lang="nl"' in exchange.body.decode()
                else:
                    assert json.loads(exchange.body)["type"] == "/problems/invalid-token"


def test_a_working_token_still_works_on_every_method(world: World) -> None:
    """The middleware passes a good token through, and the route finds the same user."""
    client = TestClient(create_app(world.app), headers=bearer(world.writer_token))
    assert client.post("/api/v1/parties", json=PARTY).status_code == 201
    assert client.get("/api/v1/parties").status_code == 200


def test_public_paths_stay_public(world: World) -> None:
    """Without any credentials the sign-in form, the accessibility statement, static assets,
    /openapi.json and /docs answer; the API and the dashboard do not."""
    client = TestClient(create_app(world.app))
    html = {"Accept": "text/html"}
    for path in ("/aanmelden", "/toegankelijkheid", "/static/app.css", "/openapi.json", "/docs"):
        assert client.get(path, headers=html).status_code == 200, path
    assert client.get("/api/v1/parties").status_code == 401
    dashboard = client.get("/", headers=html, follow_redirects=False)
    assert dashboard.status_code == 303
    assert dashboard.headers["location"].startswith("/aanmelden")


def test_the_settings_and_limits_are_in_the_readme() -> None:
    """README.md names the settings, their defaults and the sign-in limits."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for text in (
        f"`ONDERHANDELING_MAX_BODY_BYTES` bytes\n   (default {DEFAULT_MAX_BODY_BYTES}",
        f"`ONDERHANDELING_MAX_FORM_BYTES` (default {DEFAULT_MAX_FORM_BYTES}",
        "FORWARDED_ALLOW_IPS",
        "Cache-Control: no-store",
        f"{ADDRESS_LIMIT.attempts} attempts per address within 15 minutes",
        f"{ACCOUNT_LIMIT.attempts} attempts per account name within 5 minutes",
    ):
        assert text in readme, text
