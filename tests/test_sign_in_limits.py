"""How often anyone may try to sign in: per client address, per account name, and never so
that someone else's guesses keep an account holder out of their own browser."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx2 as httpx
import pytest
from fastapi import FastAPI
from starlette.testclient import TestClient

from onderhandeling.accounts import sign_in_attempts as accounts
from onderhandeling.config import Database
from onderhandeling.web import sign_in_limits
from onderhandeling.web.app import create_app
from onderhandeling.web.sign_in_limits import ACCOUNT_LIMIT, ADDRESS_LIMIT, client_address
from tests.support.api_world import PASSWORD, World, build_world

HTML = {"Accept": "text/html"}


@pytest.fixture
def world(database: Database) -> Iterator[World]:
    built = build_world(database)
    yield built
    built.app.close()


@pytest.fixture
def now(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The clock the attempt counts use; move it with now[0] += seconds."""
    moment = [1_800_000_000.0]
    monkeypatch.setattr(accounts, "clock", lambda: moment[0])
    return moment


class Browser:
    """One browser (its own cookies) at one client address, using the sign-in form."""

    def __init__(self, app: FastAPI, address: str) -> None:
        self.client = TestClient(app, client=(address, 50000))

    def sign_in(self, name: str, password: str, accept: str = "text/html") -> httpx.Response:
        # Each sign-in starts a new session with a new CSRF token: read the form again.
        form = self.client.get("/aanmelden").text
        match = re.search(r'name="csrf_token"\s+value="([^"]+)"', form)
        assert match is not None
        return self.client.post(
            "/aanmelden",
            data={"naam": name, "wachtwoord": password, "next": "/", "csrf_token": match[1]},
            headers={"Accept": accept},
            follow_redirects=False,
        )


def test_the_documented_limits() -> None:
    """README.md and sign_in_limits.py promise these numbers."""
    assert (ADDRESS_LIMIT.attempts, ADDRESS_LIMIT.window_seconds) == (20, 15 * 60)
    assert (ACCOUNT_LIMIT.attempts, ACCOUNT_LIMIT.window_seconds) == (5, 5 * 60)


def test_guesses_from_one_address_are_refused_after_twenty(world: World, now: list[float]) -> None:
    """Twenty wrong passwords from one address (at different names, so no name's limit
    applies) and that address is refused for 15 minutes, even with a right password, with
    429, Retry-After and a Dutch message; other addresses are not."""
    app = create_app(world.app)
    guesser = Browser(app, "203.0.113.7")
    for attempt in range(ADDRESS_LIMIT.attempts):
        response = guesser.sign_in(f"naam-{attempt % 5}-{attempt}", "wrong password")
        assert response.status_code == 422, attempt
        now[0] += 10
    refused = guesser.sign_in("stuurgroep", PASSWORD)
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == str(15 * 60 - 200)
    assert refused.headers["content-type"].startswith("text/html")
    assert "Te veel aanmeldpogingen. Wacht 12 minuten" in refused.text
    assert 'value="stuurgroep"' in refused.text  # the form keeps what was typed
    as_api = guesser.sign_in("stuurgroep", PASSWORD, accept="application/json")
    assert as_api.status_code == 429
    assert as_api.headers["content-type"] == "application/problem+json"
    assert "from this address" in as_api.json()["detail"]
    assert Browser(app, "198.51.100.1").sign_in("stuurgroep", PASSWORD).status_code == 303
    now[0] += 15 * 60 - 200
    assert guesser.sign_in("stuurgroep", PASSWORD).status_code == 303


def test_successful_sign_ins_do_not_count_against_the_address(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An office behind one address signs in all morning: only failures use up the limit."""
    monkeypatch.setattr(sign_in_limits, "ADDRESS_LIMIT", accounts.AttemptLimit(3, 900))
    app = create_app(world.app)
    for _ in range(6):
        assert Browser(app, "192.0.2.10").sign_in("stuurgroep", PASSWORD).status_code == 303
    for _ in range(3):
        assert Browser(app, "192.0.2.10").sign_in("stuurgroep", "wrong").status_code == 422
    assert Browser(app, "192.0.2.10").sign_in("stuurgroep", PASSWORD).status_code == 429


def test_guesses_at_one_name_refuse_it_for_five_minutes_at_most(
    world: World, now: list[float]
) -> None:
    """Five wrong passwords for a name, from five addresses, and the name is refused for
    the rest of those five minutes to every new browser, from any address; then the right
    password works again."""
    app = create_app(world.app)
    for attempt in range(ACCOUNT_LIMIT.attempts):
        assert (
            Browser(app, f"203.0.113.{attempt}").sign_in("stuurgroep", "wrong").status_code == 422
        )
        now[0] += 20
    newcomer = Browser(app, "198.51.100.9")
    refused = newcomer.sign_in("stuurgroep", PASSWORD)
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == str(5 * 60 - 100)
    assert "Wacht 4 minuten" in refused.text
    assert newcomer.sign_in("onderhandelaar", PASSWORD).status_code == 303  # other names
    for _ in range(30):  # refusals do not make the wait longer
        now[0] += 5
        assert Browser(app, "203.0.113.99").sign_in("stuurgroep", "wrong").status_code == 429
    now[0] = 1_800_000_000.0 + 5 * 60
    assert Browser(app, "198.51.100.9").sign_in("stuurgroep", PASSWORD).status_code == 303


def test_names_without_an_account_are_limited_alike(world: World) -> None:
    """A refusal does not tell whether a name exists."""
    app = create_app(world.app)
    for name in ("stuurgroep", "niemand"):
        for attempt in range(ACCOUNT_LIMIT.attempts):
            assert Browser(app, f"203.0.113.{attempt}").sign_in(name, "wrong").status_code == 422
        assert Browser(app, "203.0.113.50").sign_in(name, "wrong").status_code == 429


def test_nobody_keeps_the_account_holder_out_of_their_own_browser(
    world: World, now: list[float]
) -> None:
    """A browser that signed in to the account before is not held by the name's limit: an
    attacker guessing from many addresses can keep new browsers waiting, never that one."""
    app = create_app(world.app)
    holder = Browser(app, "198.51.100.20")
    assert holder.sign_in("stuurgroep", PASSWORD).status_code == 303
    for minute in range(0, 20, 5):  # guessing on, renewing the limit every 5 minutes
        now[0] = 1_800_000_000.0 + minute * 60
        for attempt in range(ACCOUNT_LIMIT.attempts + 1):
            Browser(app, f"203.0.{minute}.{attempt}").sign_in("stuurgroep", "wrong")
        assert Browser(app, "198.51.100.21").sign_in("stuurgroep", PASSWORD).status_code == 429
        assert holder.sign_in("stuurgroep", PASSWORD).status_code == 303, minute
    # The cookie names the account: it does not help with another one.
    for attempt in range(ACCOUNT_LIMIT.attempts):
        Browser(app, f"203.0.113.{attempt}").sign_in("onderhandelaar", "wrong")
    assert holder.sign_in("onderhandelaar", PASSWORD).status_code == 429


def test_the_known_browser_cookie_is_signed_and_kept_to_the_sign_in_form(world: World) -> None:
    """HttpOnly, SameSite=Lax, sent only to /aanmelden, for 90 days; a forged one counts
    for nothing."""
    app = create_app(world.app)
    holder = Browser(app, "198.51.100.30")
    response = holder.sign_in("stuurgroep", PASSWORD)
    cookie = next(
        header
        for header in response.headers.get_list("set-cookie")
        if header.startswith(sign_in_limits.KNOWN_BROWSER_COOKIE)
    ).lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert "path=/aanmelden" in cookie and f"max-age={90 * 86400}" in cookie
    forger = Browser(app, "203.0.113.40")
    forger.client.cookies.set(sign_in_limits.KNOWN_BROWSER_COOKIE, "stuurgroep.forged.value")
    for attempt in range(ACCOUNT_LIMIT.attempts):
        Browser(app, f"203.0.113.{attempt}").sign_in("stuurgroep", "wrong")
    assert forger.sign_in("stuurgroep", PASSWORD).status_code == 429


def test_workers_share_the_counts_through_the_store(world: World) -> None:
    """Two app instances (two workers) on one store count together."""
    first, second = create_app(world.app), create_app(world.app)
    for attempt in range(ACCOUNT_LIMIT.attempts):
        app = first if attempt % 2 else second
        assert (
            Browser(app, f"203.0.113.{attempt}").sign_in("stuurgroep", "wrong").status_code == 422
        )
    assert Browser(first, "198.51.100.1").sign_in("stuurgroep", PASSWORD).status_code == 429
    assert Browser(second, "198.51.100.1").sign_in("stuurgroep", PASSWORD).status_code == 429


@pytest.mark.parametrize(
    ("client", "counted_as"),
    [
        (("203.0.113.7", 1), "203.0.113.7"),
        (("2001:db8:1:2:3:4:5:6", 1), "2001:db8:1:2::/64"),
        (("2001:db8:1:2:ffff::1", 1), "2001:db8:1:2::/64"),
        (("::ffff:192.0.2.1", 1), "192.0.2.1"),
        (("testclient", 1), "testclient"),
        (None, None),
    ],
)
def test_client_addresses_are_counted_per_host_or_ipv6_block(
    client: tuple[str, int] | None, counted_as: str | None
) -> None:
    """One IPv6 subscriber usually has a whole /64, so it counts as one address."""
    assert client_address({"type": "http", "client": client}) == counted_as
