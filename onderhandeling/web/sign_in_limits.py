"""How often anyone may try to sign in: per client address and per account name.

Every attempt at the sign-in form is counted in the store (web_sign_in_attempts, so every
worker shares the counts) before its password is checked:

- per client address (ADDRESS_LIMIT): 20 attempts within 15 minutes, for all names
  together; further attempts from that address are refused until those 15 minutes are over.
  A successful sign-in is taken off the count again (as is an attempt refused for its
  name), so an office behind one address can sign in all morning, while guessing from one
  address stays at 20 guesses a quarter of an hour.
- per account name (ACCOUNT_LIMIT): 5 attempts within 5 minutes; further attempts for that
  name are refused until those 5 minutes are over. This bounds guessing spread over many
  addresses. A right password clears the name's count. Names without an account are
  counted alike, so a refusal does not tell whether a name exists.

A refusal is 429 with Retry-After (the sign-in page says it in Dutch). Refused attempts are
not counted, so they never make the wait longer: no name is refused for more than 5
minutes at a time. Someone who keeps guessing a known name can start a new 5 minutes each
time one ends, though; so a browser that has signed in to the account before is not held
by the name's limit at all, only by its address's. After every sign-in the browser gets a
signed cookie (KNOWN_BROWSER_COOKIE, 90 days, sent only to the sign-in form) naming the
account: nobody can keep the account holder out of their own browser, from however many
addresses they guess.

The client address is the one uvicorn reports. Behind a reverse proxy, uvicorn's proxy
headers handling (on by default) takes it from X-Forwarded-For when the connection comes
from an address in FORWARDED_ALLOW_IPS (default 127.0.0.1 and ::1); otherwise every
client would share the proxy's address and its limit. An IPv6 address counts per /64, the
block one subscriber is usually given.
"""

from __future__ import annotations

import ipaddress
import math

from fastapi import FastAPI, Request
from fastapi.responses import Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from onderhandeling.accounts.store import Account, AccountStore, AttemptLimit
from onderhandeling.web.cookie_flags import plain_http_to_local_host
from onderhandeling.web.http_middleware import HttpMiddleware
from onderhandeling.web.problems import problem

ADDRESS_LIMIT = AttemptLimit(attempts=20, window_seconds=15 * 60)
ACCOUNT_LIMIT = AttemptLimit(attempts=5, window_seconds=5 * 60)
KNOWN_BROWSER_COOKIE = "onderhandeling_bekend"
KNOWN_BROWSER_DAYS = 90
KNOWN_BROWSER_PATH = "/aanmelden"  # the sign-in form, the only place that reads it
_SALT = "onderhandeling.known-browser"
_REMEMBER = "remember_browser_for"  # request.state: the account to name in the cookie


class SignInThrottled(Exception):
    """Too many sign-in attempts from this address or for this name, for now."""

    def __init__(self, retry_after: float, reason: str) -> None:
        self.retry_after = max(1, math.ceil(retry_after))
        super().__init__(
            f"Too many sign-in attempts {reason}; try again in {self.retry_after} seconds."
        )


def client_address(scope: Scope) -> str | None:
    """The client's address as counted: IPv6 per /64, an IPv4-mapped one as IPv4."""
    client = scope.get("client")
    if not client:
        return None
    host = str(client[0])
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host[:100]  # not an IP address (a Unix socket, a test client)
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def check_password(
    request: Request, store: AccountStore, name: str, password: str
) -> Account | None:
    """The account for a right name and password, None for a wrong one; SignInThrottled
    when this attempt may not be tried now (then no password is checked)."""
    address = client_address(request.scope)
    if address is not None:
        wait = store.count_attempt("address", address, ADDRESS_LIMIT)
        if wait:
            raise SignInThrottled(wait, "from this address")
    counted_for_name = not is_known_browser(request, name)
    if counted_for_name:
        wait = store.count_attempt("account", name, ACCOUNT_LIMIT)
        if wait:
            if address is not None:
                store.uncount_attempt("address", address)  # not tried after all
            raise SignInThrottled(wait, "for this account")
    account = store.verify(name, password)
    if account is None:
        return None
    if address is not None:
        store.uncount_attempt("address", address)
    if counted_for_name:
        store.forget_attempts("account", name)
    store.forget_old_attempts(max(ADDRESS_LIMIT.window_seconds, ACCOUNT_LIMIT.window_seconds))
    return account


# --- browsers that signed in before --------------------------------------------------------


def _serializer(request: Request) -> URLSafeTimedSerializer:
    serializer: URLSafeTimedSerializer = request.app.state.known_browsers
    return serializer


def is_known_browser(request: Request, name: str) -> bool:
    """Whether the browser carries our cookie from an earlier sign-in to this account."""
    value = request.cookies.get(KNOWN_BROWSER_COOKIE)
    if not value:
        return False
    try:
        known = _serializer(request).loads(value, max_age=KNOWN_BROWSER_DAYS * 86400)
    except BadSignature:
        return False
    return bool(known == name)


def remember_browser(request: Request, name: str) -> None:
    """Give this response the cookie that marks the browser as known to the account."""
    setattr(request.state, _REMEMBER, name)


class KnownBrowserMiddleware(HttpMiddleware):
    """Adds the known-browser cookie to a response whose request signed in."""

    def __init__(self, app: ASGIApp, serializer: URLSafeTimedSerializer) -> None:
        super().__init__(app)
        self.serializer = serializer

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_cookie(message: Message) -> None:
            name = scope.get("state", {}).get(_REMEMBER)
            if message["type"] == "http.response.start" and isinstance(name, str):
                cookie = Response()
                cookie.set_cookie(
                    KNOWN_BROWSER_COOKIE,
                    self.serializer.dumps(name),
                    max_age=KNOWN_BROWSER_DAYS * 86400,
                    path=KNOWN_BROWSER_PATH,
                    secure=not plain_http_to_local_host(scope),
                    httponly=True,
                    samesite="lax",
                )
                MutableHeaders(scope=message).append("Set-Cookie", cookie.headers["set-cookie"])
            await send(message)

        await self.app(scope, receive, send_with_cookie)


# --- the refusal ---------------------------------------------------------------------------


async def _handle_throttled(request: Request, error: Exception) -> Response:
    """The API's refusal; the sign-in page says it in Dutch itself (pages/auth.py)."""
    assert isinstance(error, SignInThrottled)
    return problem(429, str(error), headers={"Retry-After": str(error.retry_after)})


def install(app: FastAPI, secret_key: str) -> None:
    serializer = URLSafeTimedSerializer(secret_key, salt=_SALT)
    app.state.known_browsers = serializer
    app.add_middleware(KnownBrowserMiddleware, serializer=serializer)
    app.add_exception_handler(SignInThrottled, _handle_throttled)
