"""Sessions, CSRF, roles, security headers, and that the steering committee never sees
internal content on any GET route."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any
from uuid import UUID

import pytest
from fastapi import FastAPI, Request
from starlette.testclient import TestClient

from onderhandeling.accounts.store import AccountStore
from onderhandeling.config import ConfigurationError, Database
from onderhandeling.readmodel import goal_history
from onderhandeling.web import security
from onderhandeling.web.app import create_app
from tests.support.api_world import MARKER, PASSWORD, World, bearer, build_world
from tests.support.sessions import app_with_test_routes, signed_in


@pytest.fixture
def world(database: Database) -> Iterator[World]:
    built = build_world(database)
    yield built
    built.app.close()


PARTY = {"code": "SBB", "name": "SBB", "kind": "werkend leren"}


# --- CSRF ----------------------------------------------------------------------------------


def test_a_cookie_post_without_csrf_token_is_refused(world: World) -> None:
    """A session-authenticated POST without the token is 403 and changes nothing."""
    client, _ = signed_in(world, "onderhandelaar")
    response = client.post("/api/v1/parties", json=PARTY)
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert "SBB" not in [p["code"] for p in world.app.parties()]


def test_a_cookie_post_with_a_wrong_csrf_token_is_refused(world: World) -> None:
    """A token from another session does not count."""
    client, _ = signed_in(world, "onderhandelaar")
    response = client.post("/api/v1/parties", json=PARTY, headers={"X-CSRF-Token": "forged"})
    assert response.status_code == 403


def test_a_cookie_post_with_the_csrf_header_is_accepted(world: World) -> None:
    """The X-CSRF-Token header (as htmx sends it) lets the POST through."""
    client, token = signed_in(world, "onderhandelaar")
    response = client.post("/api/v1/parties", json=PARTY, headers={"X-CSRF-Token": token})
    assert response.status_code == 201


def test_a_form_post_with_the_csrf_field_is_accepted(world: World) -> None:
    """A plain form carrying csrf_token passes; without it the same form is 403."""
    client, token = signed_in(world, "onderhandelaar")
    assert client.post("/test/form", data={"note": "x"}).status_code == 403
    response = client.post("/test/form", data={"note": "x", "csrf_token": token})
    assert response.status_code == 200
    assert response.json() == {"note": "x"}


def test_bearer_requests_need_no_csrf_token(world: World) -> None:
    """An API-token request cannot be forged cross-site, so it needs no CSRF token."""
    client = TestClient(create_app(world.app), headers=bearer(world.writer_token))
    assert client.post("/api/v1/parties", json=PARTY).status_code == 201


def test_a_bearer_header_never_falls_back_to_the_cookie(world: World) -> None:
    """A request with a bad token is 401 even when it also carries a valid session cookie
    (and that session's CSRF token)."""
    client, token = signed_in(world, "onderhandelaar")
    headers = {**bearer("ohd_wrong"), "X-CSRF-Token": token}
    response = client.post("/api/v1/parties", json=PARTY, headers=headers)
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("authorization", "status"),
    [("Basic eDp4", 403), ("x", 403), ("Bearer ohd_wrong", 401), ("Bearer", 401)],
)
def test_only_a_working_bearer_token_skips_the_csrf_check(
    world: World, authorization: str, status: int
) -> None:
    """Any other Authorization header is CSRF-checked like a cookie request: the sign-in form
    refuses it without the session's token (no login CSRF by adding a header). A bearer
    token that does not work is refused as such (401), before the CSRF check."""
    client = TestClient(create_app(world.app))
    if not has_sign_in_page(client.app):  # type: ignore[arg-type]
        pytest.skip("the pages are not there yet")
    response = client.post(
        "/aanmelden",
        data={"naam": "stuurgroep", "wachtwoord": PASSWORD},
        headers={"Authorization": authorization, "Accept": "text/html"},
        follow_redirects=False,
    )
    assert response.status_code == status
    assert client.get("/api/v1/parties").status_code == 401


# --- roles ---------------------------------------------------------------------------------


def post_routes(world: World) -> list[str]:
    values = {
        "agreement_id": str(world.agreement),
        "goal_id": str(world.goal),
        "code": "K1",
        "amendment_id": "00000000-0000-0000-0000-000000000001",
        "passage_id": "00000000-0000-0000-0000-000000000001",
        "meeting_id": "00000000-0000-0000-0000-000000000001",
        "position_id": "00000000-0000-0000-0000-000000000001",
        "decision_id": "00000000-0000-0000-0000-000000000001",
    }
    schema = create_app(world.app).openapi()
    return [
        path.format(**values)
        for path, operations in schema["paths"].items()
        if "post" in operations
    ]


def test_the_steering_committee_cannot_write(world: World) -> None:
    """Every POST route of the API is 403 for a stuurgroep token, before reading the body."""
    client = TestClient(create_app(world.app), headers=bearer(world.committee_token))
    paths = post_routes(world)
    assert len(paths) >= 15
    for path in paths:
        response = client.post(path, json={})
        assert response.status_code == 403, path
        assert response.headers["content-type"] == "application/problem+json"


def test_a_beheerder_may_write(world: World) -> None:
    """The beheerder role writes like a negotiator."""
    client = TestClient(create_app(world.app), headers=bearer(world.admin_token))
    assert client.post("/api/v1/parties", json=PARTY).status_code == 201


def test_writes_are_recorded_as_the_account_person(world: World) -> None:
    """What an account writes is recorded by that account's person."""
    client = TestClient(create_app(world.app), headers=bearer(world.admin_token))
    client.post(
        f"/api/v1/goals/{world.goal}/revisions",
        json={"text": "Nieuwe tekst.", "based_on": 1, "reason": "r"},
    )
    entries = goal_history(world.app, world.goal)["entries"]
    assert entries[-1]["recorded_by"] == "beheerder"


# --- the internal-content walk -----------------------------------------------------------


def get_paths(app: FastAPI) -> list[str]:
    """Every GET path of the app, the included routers' too."""
    found: list[str] = []
    for route in app.routes:
        contexts = getattr(route, "effective_route_contexts", None)
        for item in contexts() if contexts is not None else [route]:
            methods = getattr(item, "methods", None) or set()
            path = getattr(item, "path_format", None) or getattr(item, "path", None)
            if "GET" in methods and path:
                found.append(path)
    return found


def fill(path: str, world: World, decisions: tuple[UUID, ...] = ()) -> list[str]:
    """The path with its parameters taken from the world (every meeting for a meeting id)."""
    names = re.findall(r"{(\w+)(?::\w+)?}", path)
    options: dict[str, list[str]] = {
        "agreement_id": [str(world.agreement)],
        "goal_id": [str(world.goal)],
        "meeting_id": [str(world.shared_meeting), str(world.internal_meeting)],
        "decision_id": [str(d) for d in (world.decision, *decisions)],
        "code": ["JOB"] if path.startswith("/partijen") else ["K1"],
        "party": ["JOB"],
        "version": ["1"],
    }
    filled = [re.sub(r"{(\w+):\w+}", r"{\1}", path)]
    for name in names:
        values = options.get(name, [str(world.goal)])
        filled = [p.replace("{" + name + "}", v) for p in filled for v in values]
    queries = {
        "/changes": "?since=2022-01-01",
        "/compare": "?from=CWIZO-versie&to=current",
        "/diff": "?from=1",
        "/state": "?as_of=2022-12-31",
    }
    for suffix, query in queries.items():
        if path.endswith(suffix):
            filled += [p + query for p in filled]
    return filled


WRITERS_ONLY = {"/overleggen/nieuw"}


def test_the_steering_committee_never_sees_internal_content(world: World) -> None:
    """Every GET route, as JSON, as a page and as an htmx fragment, is walked with a
    successful answer and the internal marker never shows (a route added without a way to
    walk it fails here)."""
    writer = AccountStore(world.app.database).get("onderhandelaar")
    assert writer is not None
    shared_decision = world.app.record_decision(
        world.agreement,
        "MOCW",
        "34313239",
        "Gedeeld besluit",
        "Openbare afweging",
        date(2022, 9, 7),
        writer.person_id,
    )
    api_client = TestClient(create_app(world.app), headers=bearer(world.committee_token))
    page_client, _ = signed_in(world, "stuurgroep")
    paths = [p for p in get_paths(api_client.app) if not p.startswith("/static")]  # type: ignore[arg-type]
    assert "/docs" in paths and "/openapi.json" in paths
    assert len(paths) >= 15
    not_walked: list[str] = []
    for template in paths:
        answered = False
        for path in fill(template, world, (shared_decision,)):
            for client, headers in (
                (api_client, {"Accept": "application/json"}),
                (page_client, {"Accept": "text/html"}),
                # The htmx fragment a page URL answers with instead of the whole page.
                (page_client, {"Accept": "text/html", "HX-Request": "true"}),
            ):
                response = client.get(path, headers=headers, follow_redirects=True)
                assert response.status_code < 500, path
                assert MARKER not in response.text, path
                answered = answered or response.status_code == 200
                # Forms only a negotiator may fill are refused, which is walked too.
                answered = answered or (template in WRITERS_ONLY and response.status_code == 403)
        if not answered:
            not_walked.append(template)
    assert not_walked == [], "GET routes the committee walk never reached with a 200"


def test_committee_counts_leave_out_internal_positions(world: World) -> None:
    """The committee sees only the shared positions and history entries, not their count."""
    committee = TestClient(create_app(world.app), headers=bearer(world.committee_token))
    negotiator = TestClient(create_app(world.app), headers=bearer(world.writer_token))
    goal = committee.get(f"/api/v1/goals/{world.goal}").json()
    assert len(goal["positions"]) == world.shared_positions
    assert len(negotiator.get(f"/api/v1/goals/{world.goal}").json()["positions"]) == 3
    history = committee.get(f"/api/v1/goals/{world.goal}/history").json()["entries"]
    assert len(history) == world.shared_history
    full = negotiator.get(f"/api/v1/goals/{world.goal}/history").json()["entries"]
    assert len(full) > len(history)
    state = committee.get(f"/api/v1/agreements/{world.agreement}/state").json()
    assert "OCW" not in str(_stances(state))


def _stances(state: dict[str, Any]) -> list[Any]:
    return [goal.get("stances") for p in state.get("priorities", []) for goal in p["goals"]]


def test_negotiators_do_see_internal_content(world: World) -> None:
    """The walk's marker is really there for a ministry reader (so the walk proves something)."""
    client = TestClient(create_app(world.app), headers=bearer(world.writer_token))
    assert MARKER in client.get(f"/api/v1/goals/{world.goal}").text


# --- sessions ------------------------------------------------------------------------------


def session_cookie_header(client: TestClient, name: str) -> str:
    response = client.get(f"/test/sign-in/{name}")
    headers = [h for h in response.headers.get_list("set-cookie") if "onderhandeling_sessie" in h]
    assert headers
    return headers[-1].lower()


def test_the_session_cookie_is_httponly_lax_and_secure(world: World) -> None:
    """On a real host the session cookie is HttpOnly, SameSite=Lax and Secure."""
    client = TestClient(app_with_test_routes(world), base_url="https://onderhandeling.example")
    cookie = session_cookie_header(client, "stuurgroep")
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" in cookie


def test_the_session_cookie_is_not_secure_on_localhost(world: World) -> None:
    """On http://127.0.0.1 (make run) the cookie leaves out Secure, so sign-in works."""
    client = TestClient(app_with_test_routes(world), base_url="http://127.0.0.1:8000")
    cookie = session_cookie_header(client, "stuurgroep")
    assert "httponly" in cookie and "secure" not in cookie


def test_a_plain_http_request_to_a_real_host_gets_a_secure_cookie(world: World) -> None:
    """Only local hosts are exempt from Secure; any other plain-HTTP host still gets it."""
    client = TestClient(app_with_test_routes(world), base_url="http://onderhandeling.example")
    assert "secure" in session_cookie_header(client, "stuurgroep")


def test_a_session_expires_after_the_idle_time(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After ONDERHANDELING_SESSION_IDLE_MINUTES without a request the session is over."""
    monkeypatch.setenv("ONDERHANDELING_SESSION_IDLE_MINUTES", "30")
    now = [1_800_000_000.0]
    monkeypatch.setattr(security, "clock", lambda: now[0])
    client, _ = signed_in(world, "stuurgroep")
    now[0] += 29 * 60
    assert client.get("/api/v1/parties").status_code == 200
    now[0] += 29 * 60  # still within 30 minutes of the last request
    assert client.get("/api/v1/parties").status_code == 200
    now[0] += 31 * 60
    assert client.get("/api/v1/parties").status_code == 401
    now[0] -= 30 * 60  # the session was ended, not merely hidden
    assert client.get("/api/v1/parties").status_code == 401


def test_signing_out_ends_the_session(world: World) -> None:
    """After sign_out the cookie no longer authenticates."""
    client, token = signed_in(world, "stuurgroep")
    app = client.app
    assert isinstance(app, FastAPI)

    @app.post("/test/sign-out")
    def test_sign_out(request: Request) -> dict[str, bool]:
        security.sign_out(request)
        return {"ok": True}

    assert client.post("/test/sign-out", headers={"X-CSRF-Token": token}).status_code == 200
    assert client.get("/api/v1/parties").status_code == 401


def _add_sign_out_route(client: TestClient) -> None:
    app = client.app
    assert isinstance(app, FastAPI)

    @app.post("/test/sign-out")
    def test_sign_out(request: Request) -> dict[str, bool]:
        security.sign_out(request)
        return {"ok": True}


def test_signing_out_ends_a_copied_cookie_too(world: World) -> None:
    """A cookie copied before sign-out (a stolen one) stops working at sign-out, on the
    server; signing in again gives a working session."""
    client, token = signed_in(world, "stuurgroep")
    _add_sign_out_route(client)
    thief = TestClient(client.app)
    thief.cookies.update(dict(client.cookies.items()))
    assert thief.get("/api/v1/parties").status_code == 200
    assert client.post("/test/sign-out", headers={"X-CSRF-Token": token}).status_code == 200
    assert thief.get("/api/v1/parties").status_code == 401
    assert client.get("/test/sign-in/stuurgroep").status_code == 200
    assert client.get("/api/v1/parties").status_code == 200
    assert thief.get("/api/v1/parties").status_code == 401


def test_a_new_password_ends_every_session(world: World) -> None:
    """set_password voids the account's sessions; other accounts keep theirs."""
    client, _ = signed_in(world, "stuurgroep")
    other, _ = signed_in(world, "onderhandelaar")
    AccountStore(world.app.database).set_password("stuurgroep", PASSWORD + " nieuw")
    assert client.get("/api/v1/parties").status_code == 401
    assert other.get("/api/v1/parties").status_code == 200


def test_a_session_ends_after_the_maximum_age_however_active(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ONDERHANDELING_SESSION_MAX_HOURS after sign-in the session is over, even when it was
    used every few minutes."""
    monkeypatch.setenv("ONDERHANDELING_SESSION_IDLE_MINUTES", "60")
    monkeypatch.setenv("ONDERHANDELING_SESSION_MAX_HOURS", "2")
    now = [1_800_000_000.0]
    monkeypatch.setattr(security, "clock", lambda: now[0])
    client, _ = signed_in(world, "stuurgroep")
    for _ in range(4):  # 4 x 30 minutes: exactly two hours, still in
        now[0] += 30 * 60
        assert client.get("/api/v1/parties").status_code == 200
    now[0] += 60
    assert client.get("/api/v1/parties").status_code == 401


def test_the_maximum_session_age_defaults_to_12_hours(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unset, the setting is 12; a bad value is a configuration error."""
    monkeypatch.delenv("ONDERHANDELING_SESSION_MAX_HOURS", raising=False)
    assert security.max_session_hours() == 12
    monkeypatch.setenv("ONDERHANDELING_SESSION_MAX_HOURS", "0")
    with pytest.raises(ConfigurationError):
        security.max_session_hours()


def test_a_page_request_without_session_is_sent_to_sign_in(world: World) -> None:
    """A browser asking for a protected page is redirected (303) to /aanmelden?next=…."""
    app = create_app(world.app)

    @app.get("/test/protected")
    def protected(request: Request) -> dict[str, str]:
        return {"name": security.current_user(request).name}

    response = TestClient(app).get(
        "/test/protected?x=1", headers={"Accept": "text/html"}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/aanmelden?next=/test/protected%3Fx%3D1"


def test_authenticate_refuses_a_wrong_password(world: World) -> None:
    """authenticate gives the user for the right password and None otherwise."""
    app = app_with_test_routes(world)
    results: dict[str, Any] = {}

    @app.get("/test/auth")
    def auth(request: Request) -> dict[str, bool]:
        results["right"] = security.authenticate(request, "stuurgroep", PASSWORD)
        results["wrong"] = security.authenticate(request, "stuurgroep", "not the password")
        results["nobody"] = security.authenticate(request, "nobody", PASSWORD)
        return {"ok": True}

    TestClient(app).get("/test/auth")
    assert results["right"].role == "stuurgroep"
    assert isinstance(results["right"].person_id, UUID)
    assert results["wrong"] is None and results["nobody"] is None


def test_security_headers_are_on_every_response(world: World) -> None:
    """CSP, nosniff and the referrer policy are sent on API answers, errors and static files."""
    client = TestClient(create_app(world.app))
    for path in ("/api/v1/parties", "/docs", "/static/app.css", "/api/v1/nothing"):
        headers = client.get(path).headers
        assert headers["content-security-policy"] == (
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'"
        ), path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"


def test_every_response_but_static_assets_says_no_store(world: World) -> None:
    """Pages, fragments, API answers, errors and the sign-in form are never cached (they
    show what one user may see, or a CSRF token); static assets keep caching."""
    page_client, token = signed_in(world, "onderhandelaar")
    api_client = TestClient(create_app(world.app), headers=bearer(world.writer_token))
    anonymous = TestClient(create_app(world.app))
    html = {"Accept": "text/html"}
    fragment = {**html, "HX-Request": "true"}
    responses = {
        "API read": api_client.get("/api/v1/parties"),
        "API write": api_client.post("/api/v1/parties", json=PARTY),
        "API error": api_client.get("/api/v1/goals/00000000-0000-0000-0000-000000000001"),
        "cookie API read": page_client.get("/api/v1/parties"),
        "refused": anonymous.get("/api/v1/parties"),
        "form post": page_client.post("/test/form", data={"csrf_token": token}),
    }
    if has_sign_in_page(anonymous.app):  # type: ignore[arg-type]
        responses["sign-in form"] = anonymous.get("/aanmelden", headers=html)
        responses["dashboard"] = page_client.get("/", headers=html)
        responses["fragment"] = page_client.get(f"/doelstellingen/{world.goal}", headers=fragment)
    for what, response in responses.items():
        assert response.status_code < 500, what
        assert response.headers.get("cache-control") == "no-store", what
    static = anonymous.get("/static/app.css")
    assert static.status_code == 200
    assert "no-store" not in static.headers.get("cache-control", "")
    assert static.headers.get("etag") or static.headers.get("last-modified")


def test_user_roles_decide_writing_and_reading() -> None:
    """Writers read as the ministry; the steering committee reads shared content only."""
    from onderhandeling.domain.visibility import COMMITTEE, MINISTRY

    person = UUID(int=1)
    assert security.User(person, "a", "beheerder").can_write
    assert security.User(person, "o", "onderhandelaar").reader == MINISTRY
    committee = security.User(person, "s", "stuurgroep")
    assert not committee.can_write and committee.reader == COMMITTEE


def has_sign_in_page(app: FastAPI) -> bool:
    return "/aanmelden" in get_paths(app)


def test_the_sign_in_form_is_csrf_protected(world: World) -> None:
    """POST /aanmelden without the session's token is refused, even with a right password."""
    client = TestClient(create_app(world.app))
    if not has_sign_in_page(client.app):  # type: ignore[arg-type]
        pytest.skip("the pages are not there yet")
    response = client.post(
        "/aanmelden",
        data={"naam": "stuurgroep", "wachtwoord": PASSWORD},
        headers={"Accept": "text/html"},
    )
    assert response.status_code == 403
    assert client.get("/api/v1/parties").status_code == 401


def test_signing_in_through_the_form_starts_a_session(world: World) -> None:
    """The token from GET /aanmelden lets the sign-in POST through; the cookie then works."""
    client = TestClient(create_app(world.app))
    if not has_sign_in_page(client.app):  # type: ignore[arg-type]
        pytest.skip("the pages are not there yet")
    form = client.get("/aanmelden").text
    match = re.search(r'name="csrf_token"\s+value="([^"]+)"', form)
    assert match is not None
    response = client.post(
        "/aanmelden",
        data={"naam": "stuurgroep", "wachtwoord": PASSWORD, "csrf_token": match.group(1)},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert client.get("/api/v1/parties").status_code == 200


def test_an_unknown_page_is_an_html_404_for_browsers(world: World) -> None:
    """A browser gets a Dutch HTML error page; an API client gets problem+json."""
    client = TestClient(create_app(world.app))
    page = client.get("/bestaat-niet", headers={"Accept": "text/html"})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert 'lang="nl"' in page.text
    api = client.get("/bestaat-niet", headers={"Accept": "application/json"})
    assert api.headers["content-type"] == "application/problem+json"


def test_an_htmx_request_without_session_is_told_to_redirect(world: World) -> None:
    """htmx gets 401 with HX-Redirect to sign-in, returning to the page it was on."""
    app = create_app(world.app)

    @app.get("/test/fragment")
    def fragment(request: Request) -> dict[str, str]:
        return {"name": security.current_user(request).name}

    response = TestClient(app).get(
        "/test/fragment",
        headers={"HX-Request": "true", "HX-Current-URL": "http://testserver/doelstellingen/x"},
    )
    assert response.status_code == 401
    assert response.headers["hx-redirect"] == "/aanmelden?next=/doelstellingen/x"
