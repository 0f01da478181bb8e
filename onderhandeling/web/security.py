"""Who is asking, and may they: sessions, sign-in, API tokens, roles and CSRF.

Browsers hold a signed cookie session (HttpOnly, SameSite=Lax, Secure except on localhost)
that expires after ONDERHANDELING_SESSION_IDLE_MINUTES without a request and, however
active, ONDERHANDELING_SESSION_MAX_HOURS after sign-in (default 12), both checked here on
the server. The cookie alone is not enough: it carries the account's session generation
from sign-in, which the server raises on sign-out and on a new password, so a copied cookie
stops working then too (every session of that account ends).

API clients send `Authorization: Bearer <token>`. Every state-changing request must carry
the session's CSRF token, in the X-CSRF-Token header (htmx) or the csrf_token form field
(plain forms); only a request whose bearer token names an account is exempt (a browser
cannot add that header cross-site). Any other Authorization header is checked like a cookie
request. authentication.py refuses a bad bearer token, and an /api/ request without a user,
before the body is read; sign_in_limits.py decides how often anyone may try a password.

The Secure flag follows the scheme the app sees: a plain-HTTP request to a local host
(localhost, 127.0.0.1, [::1]) gets a cookie without Secure, anything else gets Secure.
Behind a reverse proxy that ends TLS, run uvicorn with `--proxy-headers` (and
`--forwarded-allow-ips` naming the proxy) and have the proxy send
`X-Forwarded-Proto: https`, so the scheme is https and the cookie is Secure; the proxy must
also pass the real Host header rather than 127.0.0.1.
"""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Any, TypeGuard
from urllib.parse import quote, urlsplit
from uuid import UUID

from fastapi import Depends, FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from onderhandeling.accounts.store import WRITER_ROLES, Account, AccountStore
from onderhandeling.config import secret_key_setting, whole_number_setting
from onderhandeling.domain.visibility import COMMITTEE, MINISTRY, Reader
from onderhandeling.web import sign_in_limits
from onderhandeling.web.cookie_flags import plain_http_to_local_host
from onderhandeling.web.problems import error_page, problem, wants_html

IDLE_MINUTES_VARIABLE = "ONDERHANDELING_SESSION_IDLE_MINUTES"
DEFAULT_IDLE_MINUTES = 60
MAX_HOURS_VARIABLE = "ONDERHANDELING_SESSION_MAX_HOURS"
DEFAULT_MAX_HOURS = 12
SESSION_COOKIE = "onderhandeling_sessie"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
SIGN_IN_PATH = "/aanmelden"
SIGN_IN_DETAIL = "Sign in, or send an API token as 'Authorization: Bearer <token>'."
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

# Session keys
_ACCOUNT = "account"
_SEEN = "seen"
_SIGNED_IN_AT = "signed_in_at"
_GENERATION = "generation"
_CSRF = "csrf"


def clock() -> float:
    """Seconds since the epoch; tests replace it to move time forward."""
    return time.time()


@dataclass(frozen=True)
class User:
    person_id: UUID
    name: str
    role: str  # "beheerder", "onderhandelaar" or "stuurgroep"

    @property
    def can_write(self) -> bool:
        return self.role in WRITER_ROLES

    @property
    def reader(self) -> Reader:
        return MINISTRY if self.can_write else COMMITTEE

    @classmethod
    def of(cls, account: Account) -> User:
        return cls(person_id=account.person_id, name=account.name, role=account.role)


class SignInRequired(Exception):
    """No valid session or token: pages redirect to the sign-in form, the API answers 401."""


class Forbidden(Exception):
    """Signed in, but this role may not do this."""


class CsrfRejected(Exception):
    """A state-changing cookie request without the session's CSRF token."""


# --- settings ------------------------------------------------------------------------------


def idle_minutes() -> int:
    return whole_number_setting(IDLE_MINUTES_VARIABLE, DEFAULT_IDLE_MINUTES)


def max_session_hours() -> int:
    """The longest a session lasts after sign-in, however active it is."""
    return whole_number_setting(MAX_HOURS_VARIABLE, DEFAULT_MAX_HOURS)


def session_secret(store: AccountStore) -> str:
    """The environment's key, else one kept in the store so several workers agree."""
    return secret_key_setting() or store.secret_key()


class HostAwareSessionMiddleware:
    """Starlette's cookie session, with the Secure flag unless served over plain HTTP to a
    local host (so `make run` works on http://127.0.0.1 while any real host needs HTTPS)."""

    def __init__(self, app: ASGIApp, secret_key: str, max_age: int) -> None:
        options: dict[str, Any] = {
            "secret_key": secret_key,
            "session_cookie": SESSION_COOKIE,
            "max_age": max_age,
            "same_site": "lax",
        }
        self.secure = SessionMiddleware(app, https_only=True, **options)
        self.local = SessionMiddleware(app, https_only=False, **options)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        local = plain_http_to_local_host(scope)
        await (self.local if local else self.secure)(scope, receive, send)


def install(app: FastAPI, store: AccountStore) -> None:
    """Sessions, sign-in limits and the handlers for sign-in, role and CSRF refusals."""
    minutes = idle_minutes()
    max_session_hours()  # a bad setting fails at start-up, not on the first request
    secret = session_secret(store)
    sign_in_limits.install(app, secret)  # inside the session middleware
    app.add_middleware(HostAwareSessionMiddleware, secret_key=secret, max_age=minutes * 60 + 300)
    app.add_exception_handler(SignInRequired, _handle_sign_in_required)
    app.add_exception_handler(Forbidden, _handle_forbidden)
    app.add_exception_handler(CsrfRejected, _handle_csrf_rejected)


# --- who is asking -------------------------------------------------------------------------


def accounts(request: Request) -> AccountStore:
    store: AccountStore = request.app.state.accounts
    return store


def optional_user(request: Request) -> User | None:
    """The signed-in user (bearer token or cookie session), or None."""
    if "user" in request.scope.get("state", {}):
        cached: User | None = request.state.user
        return cached
    user = _resolve_user(request)
    request.state.user = user
    return user


def bearer_token(request: Request) -> str | None:
    """The token of an `Authorization: Bearer` header ("" when it is empty); None without
    one, also for another scheme."""
    authorization = request.headers.get("authorization")
    if authorization is None:
        return None
    scheme, _, token = authorization.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def _resolve_user(request: Request) -> User | None:
    if "authorization" in request.headers:
        # A request that names a token is judged by that token alone, never by a cookie.
        token = bearer_token(request)
        if not token:
            return None
        account = accounts(request).account_for_token(token)
        return None if account is None else User.of(account)
    return _session_user(request)


def _session_user(request: Request) -> User | None:
    """The user of the cookie session, when it is still valid; an invalid one is ended."""
    if "session" not in request.scope:
        return None
    session = request.session
    name = session.get(_ACCOUNT)
    if not isinstance(name, str):
        return None
    now = clock()
    seen = session.get(_SEEN)
    signed_in_at = session.get(_SIGNED_IN_AT)
    generation = session.get(_GENERATION)
    if (
        not _is_moment(seen, now)
        or not _is_moment(signed_in_at, now)
        or now - seen > idle_minutes() * 60
        or now - signed_in_at > max_session_hours() * 3600
        or not isinstance(generation, int)
        or isinstance(generation, bool)
    ):
        _end_session(session)
        return None
    found = accounts(request).session_account(name)
    if found is None or found[1] != generation:
        # The account was removed, or its sessions were ended (sign-out, new password).
        _end_session(session)
        return None
    session[_SEEN] = int(now)
    return User.of(found[0])


def _is_moment(value: object, now: float) -> TypeGuard[int | float]:
    """A time stamp from the session: a number, not (much) in the future."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value <= now + 60


def _end_session(session: dict[str, Any]) -> None:
    for key in (_ACCOUNT, _SEEN, _SIGNED_IN_AT, _GENERATION):
        session.pop(key, None)


def current_user(request: Request) -> User:
    user = optional_user(request)
    if user is None:
        raise SignInRequired()
    return user


def writer(user: User = Depends(current_user)) -> User:
    """The user, when their role may change the negotiation (403 for the steering committee)."""
    if not user.can_write:
        raise Forbidden()
    return user


def reader(user: User = Depends(current_user)) -> Reader:
    return user.reader


# --- signing in and out --------------------------------------------------------------------


def authenticate(request: Request, name: str, password: str) -> User | None:
    """The user for a right name and password, else None; raises SignInThrottled (429)
    after too many attempts from this address or for this name."""
    if not name or not password or len(name) > 64 or len(password) > 1024:
        return None
    account = sign_in_limits.check_password(request, accounts(request), name, password)
    return None if account is None else User.of(account)


def sign_in(request: Request, user: User) -> None:
    """Start a fresh session for the user (a new CSRF token, nothing kept from before)."""
    found = accounts(request).session_account(user.name)
    generation = 0 if found is None else found[1]
    now = int(clock())
    session = request.session
    session.clear()
    session[_ACCOUNT] = user.name
    session[_SEEN] = now
    session[_SIGNED_IN_AT] = now
    session[_GENERATION] = generation
    session[_CSRF] = secrets.token_urlsafe(32)
    request.state.user = user
    sign_in_limits.remember_browser(request, user.name)


def sign_out(request: Request) -> None:
    """End the session on the server too: every session of the account (also a copied
    cookie) is void from now on, not merely the browser's copy cleared."""
    user = _session_user(request)
    if user is not None:
        accounts(request).end_sessions(user.name)
    request.session.clear()
    request.state.user = None


# --- CSRF ----------------------------------------------------------------------------------


def csrf_token(request: Request) -> str:
    """This session's CSRF token, made on first use (put it in every form)."""
    token = request.session.get(_CSRF)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session[_CSRF] = token
    return token


async def verify_csrf(request: Request) -> None:
    """Refuse a state-changing request without the session's token (header or form field).
    Only a request whose bearer token names an account is exempt. Applied to every route of
    the app."""
    if request.method in SAFE_METHODS:
        return
    if bearer_token(request) and optional_user(request) is not None:
        return  # a working API token: a browser cannot add it to a cross-site request
    expected = request.session.get(_CSRF) if "session" in request.scope else None
    given = request.headers.get(CSRF_HEADER)
    if given is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            given = value if isinstance(value, str) else None
    if not isinstance(expected, str) or given is None:
        raise CsrfRejected()
    if not hmac.compare_digest(expected.encode(), given.encode("utf-8", "replace")):
        raise CsrfRejected()


# --- refusals ------------------------------------------------------------------------------


def _sign_in_url(request: Request) -> str:
    """The sign-in page, with the page to come back to (for htmx: the page it was on)."""
    current = request.headers.get("HX-Current-URL")
    if current:
        parts = urlsplit(current)
        target = parts.path + ("?" + parts.query if parts.query else "")
    else:
        target = request.url.path + ("?" + request.url.query if request.url.query else "")
    return f"{SIGN_IN_PATH}?next={quote(target or '/', safe='/')}"


async def _handle_sign_in_required(request: Request, error: Exception) -> Response:
    if wants_html(request):
        return RedirectResponse(_sign_in_url(request), status_code=303)
    headers = {"WWW-Authenticate": "Bearer"}
    if request.headers.get("HX-Request") == "true" and not request.url.path.startswith("/api/"):
        headers["HX-Redirect"] = _sign_in_url(request)  # htmx: a session that ran out
    return problem(401, SIGN_IN_DETAIL, headers=headers)


async def _handle_forbidden(request: Request, error: Exception) -> Response:
    if wants_html(request):
        return error_page(request, 403, "Uw rol mag dit niet doen.")
    return problem(403, "Your role may not do this.")


async def _handle_csrf_rejected(request: Request, error: Exception) -> Response:
    if wants_html(request):
        return error_page(
            request,
            403,
            "Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.",
        )
    return problem(
        403,
        f"Missing or wrong CSRF token: send the session's token as {CSRF_HEADER} "
        f"or as the form field {CSRF_FIELD}, or use an API token.",
        title="CSRF token missing or wrong",
        kind="csrf",
    )
