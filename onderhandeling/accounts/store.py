"""Local accounts and API tokens, kept in the same database as the events but never as events.

A password hash or token is a credential, not a fact of the negotiation: it may be replaced
or revoked, and it must not end up in an export of the event log. Each account points at a
Person in the event store; that person is the recorder of everything the account writes.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from psycopg_pool import ConnectionPool

from onderhandeling.config import Database
from onderhandeling.domain.errors import AlreadyExists, InvalidInput, NotFound
from onderhandeling.service import Negotiations
from onderhandeling.storage.database import connect, postgres_pool

ROLES = ("beheerder", "onderhandelaar", "stuurgroep")
WRITER_ROLES = frozenset({"beheerder", "onderhandelaar"})
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
TOKEN_PREFIX = "ohd_"

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS web_accounts (
        name TEXT PRIMARY KEY,
        person_id TEXT NOT NULL,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS web_api_tokens (
        token_hash TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created TEXT NOT NULL
    )""",
    # Sign-in attempts per account name and per client address (kind "account" or
    # "address"), counted in a window that starts at the first; see count_attempt.
    """CREATE TABLE IF NOT EXISTS web_sign_in_attempts (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        window_start DOUBLE PRECISION NOT NULL,
        refused INTEGER NOT NULL,
        PRIMARY KEY (kind, key)
    )""",
    # One row per account whose sessions were ended (sign-out, new password); a session
    # remembers the generation it started in and is void once that number has moved on.
    """CREATE TABLE IF NOT EXISTS web_session_generations (
        name TEXT PRIMARY KEY,
        generation INTEGER NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS web_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
)

_hasher = PasswordHasher()


@dataclass(frozen=True)
class AttemptLimit:
    """At most `attempts` sign-in attempts within `window_seconds` of the first; more are
    refused until that window ends. Refused attempts are not counted, so they never make
    the wait longer."""

    attempts: int
    window_seconds: float


@dataclass(frozen=True)
class Account:
    name: str
    person_id: UUID
    role: str

    @property
    def can_write(self) -> bool:
        return self.role in WRITER_ROLES


def check_name(name: str) -> str:
    """Account names: 1–64 letters, digits, '-', '_', '.' or '@'."""
    if not 1 <= len(name) <= 64 or not all(ch.isalnum() or ch in "-_.@" for ch in name):
        raise InvalidInput("name", "an account name is 1-64 letters, digits, '-', '_', '.' or '@'")
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidInput("role", f"role must be one of: {', '.join(ROLES)}")
    return role


def check_password(password: str) -> str:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InvalidInput(
            "password", f"a password has {MIN_PASSWORD} to {MAX_PASSWORD} characters"
        )
    return password


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class AccountStore:
    """The accounts, API tokens and web settings of one store."""

    def __init__(self, database: Database, pooled: bool = False) -> None:
        """pooled: keep PostgreSQL connections open between queries (the web server asks
        for an account on every request; a new server connection each time costs a
        process on the server and several milliseconds). Close a pooled store when done."""
        self.database = database
        self._ready = False
        self._dummy_hash: str | None = None
        self._pooled = pooled and database.kind == "postgres"
        self._pool: ConnectionPool | None = None
        self._pool_lock = threading.Lock()

    def close(self) -> None:
        with self._pool_lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        with self._opened() as conn:
            if not self._ready:
                for statement in _SCHEMA:
                    conn.execute(statement)
                conn.commit()
                self._ready = True
            yield conn

    @contextmanager
    def _opened(self) -> Iterator[Any]:
        if not self._pooled:
            with connect(self.database) as conn:
                yield conn
            return
        with self._pool_lock:
            if self._pool is None:
                self._pool = postgres_pool(self.database)
                # Closed with the store even when nobody calls close() (a test's app).
                weakref.finalize(self, self._pool.close)
            pool = self._pool
        with pool.connection() as conn:
            yield conn

    def _sql(self, query: str) -> str:
        """Queries are written with '?'; psycopg wants '%s'."""
        return query if self.database.kind == "sqlite" else query.replace("?", "%s")

    def _fetch_one(self, query: str, *params: object) -> tuple[Any, ...] | None:
        with self._connection() as conn:
            row: tuple[Any, ...] | None = conn.execute(self._sql(query), params).fetchone()
            conn.commit()
            return row

    def _execute(self, query: str, *params: object) -> int:
        with self._connection() as conn:
            cursor = conn.execute(self._sql(query), params)
            conn.commit()
            count: int = cursor.rowcount
            return count

    # --- accounts ------------------------------------------------------------------------

    def get(self, name: str) -> Account | None:
        row = self._fetch_one("SELECT name, person_id, role FROM web_accounts WHERE name = ?", name)
        return None if row is None else Account(row[0], UUID(row[1]), row[2])

    def all(self) -> list[Account]:
        with self._connection() as conn:
            rows = conn.execute("SELECT name, person_id, role FROM web_accounts ORDER BY name")
            return [Account(r[0], UUID(r[1]), r[2]) for r in rows.fetchall()]

    def insert(self, name: str, role: str, password: str, person_id: UUID) -> Account:
        """Store an account for an existing person; AlreadyExists when the name is taken."""
        check_name(name)
        check_role(role)
        password_hash = _hasher.hash(check_password(password))
        inserted = self._execute(
            "INSERT INTO web_accounts (name, person_id, role, password_hash, created) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING",
            name,
            str(person_id),
            role,
            password_hash,
            _now(),
        )
        if inserted != 1:
            raise AlreadyExists(f"account {name!r} already exists", name=name)
        return Account(name, person_id, role)

    def set_password(self, name: str, password: str) -> None:
        """A new password; every session of the account ends with it."""
        self._store_hash(name, _hasher.hash(check_password(password)))
        self.forget_attempts("account", name)
        self.end_sessions(name)

    def _store_hash(self, name: str, password_hash: str) -> None:
        changed = self._execute(
            "UPDATE web_accounts SET password_hash = ? WHERE name = ?", password_hash, name
        )
        if changed != 1:
            raise NotFound(f"account {name!r} does not exist", name=name)

    # --- sessions ------------------------------------------------------------------------

    def session_account(self, name: str) -> tuple[Account, int] | None:
        """The account with its current session generation (0 until sessions were ended)."""
        row = self._fetch_one(
            "SELECT a.name, a.person_id, a.role, COALESCE(g.generation, 0) FROM web_accounts a "
            "LEFT JOIN web_session_generations g ON g.name = a.name WHERE a.name = ?",
            name,
        )
        return None if row is None else (Account(row[0], UUID(row[1]), row[2]), int(row[3]))

    def end_sessions(self, name: str) -> int:
        """Void every session of the account (they carry the old generation); the new one."""
        row = self._fetch_one(
            "INSERT INTO web_session_generations (name, generation) VALUES (?, 1) "
            "ON CONFLICT (name) DO UPDATE "
            "SET generation = web_session_generations.generation + 1 "
            "RETURNING generation",
            name,
        )
        assert row is not None
        return int(row[0])

    # --- signing in ------------------------------------------------------------------------

    def verify(self, name: str, password: str) -> Account | None:
        """The account when name and password match, None otherwise.

        An unknown name costs one argon2 verification too (against a dummy hash), so the
        answer time does not tell which names exist. How often anyone may try is not
        decided here: web/sign_in_limits.py counts each attempt before calling this.
        """
        row = self._fetch_one(
            "SELECT name, person_id, role, password_hash FROM web_accounts WHERE name = ?", name
        )
        stored = self._dummy() if row is None else str(row[3])
        if not self._verify_hash(stored, password) or row is None:
            return None
        if _hasher.check_needs_rehash(stored):
            self._store_hash(name, _hasher.hash(password))
        return Account(row[0], UUID(row[1]), row[2])

    def count_attempt(self, kind: str, key: str, limit: AttemptLimit) -> float:
        """Count one sign-in attempt for (kind, key) and say whether it may go on: 0.0 when
        it may, else the seconds (at least 1) until the full window ends; a refused attempt
        is not counted.

        One statement counts and decides, before any password is checked, so parallel
        attempts cannot slip past the limit however they interleave.
        """
        now = clock()
        window_over = now - limit.window_seconds
        new_window = "web_sign_in_attempts.window_start <= ?"
        full = "web_sign_in_attempts.attempts >= ?"
        row = self._fetch_one(
            "INSERT INTO web_sign_in_attempts (kind, key, attempts, window_start, refused) "
            "VALUES (?, ?, 1, ?, 0) ON CONFLICT (kind, key) DO UPDATE SET "
            f"attempts = CASE WHEN {new_window} THEN 1 WHEN {full} "
            "THEN web_sign_in_attempts.attempts ELSE web_sign_in_attempts.attempts + 1 END, "
            f"window_start = CASE WHEN {new_window} THEN ? "
            "ELSE web_sign_in_attempts.window_start END, "
            f"refused = CASE WHEN {new_window} THEN 0 WHEN {full} "
            "THEN web_sign_in_attempts.refused + 1 ELSE 0 END "
            "RETURNING refused, window_start",
            kind,
            key,
            now,
            window_over,
            limit.attempts,
            window_over,
            now,
            window_over,
            limit.attempts,
        )
        assert row is not None
        refused, window_start = int(row[0]), float(row[1])
        return 0.0 if refused == 0 else max(window_start + limit.window_seconds - now, 1.0)

    def uncount_attempt(self, kind: str, key: str) -> None:
        """Take back one counted attempt (it succeeded, or was never tried)."""
        self._execute(
            "UPDATE web_sign_in_attempts SET attempts = attempts - 1 "
            "WHERE kind = ? AND key = ? AND attempts > 0",
            kind,
            key,
        )

    def forget_attempts(self, kind: str, key: str) -> None:
        self._execute("DELETE FROM web_sign_in_attempts WHERE kind = ? AND key = ?", kind, key)

    def forget_old_attempts(self, older_than_seconds: float) -> int:
        """Drop the counts whose window started that long ago (they no longer hold)."""
        return self._execute(
            "DELETE FROM web_sign_in_attempts WHERE window_start < ?",
            clock() - older_than_seconds,
        )

    def _verify_hash(self, password_hash: str, password: str) -> bool:
        try:
            return _hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def _dummy(self) -> str:
        if self._dummy_hash is None:
            self._dummy_hash = _hasher.hash(secrets.token_urlsafe(16))
        return self._dummy_hash

    # --- API tokens ------------------------------------------------------------------------

    def create_token(self, name: str) -> str:
        """A new API token acting as the account; only its hash is kept, so show it once."""
        if self.get(name) is None:
            raise NotFound(f"account {name!r} does not exist", name=name)
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        self._execute(
            "INSERT INTO web_api_tokens (token_hash, name, created) VALUES (?, ?, ?)",
            token_hash(token),
            name,
            _now(),
        )
        return token

    def account_for_token(self, token: str) -> Account | None:
        if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
            return None
        row = self._fetch_one(
            "SELECT a.name, a.person_id, a.role FROM web_api_tokens t "
            "JOIN web_accounts a ON a.name = t.name WHERE t.token_hash = ?",
            token_hash(token),
        )
        return None if row is None else Account(row[0], UUID(row[1]), row[2])

    def revoke_tokens(self, name: str) -> int:
        return self._execute("DELETE FROM web_api_tokens WHERE name = ?", name)

    # --- settings --------------------------------------------------------------------------

    def secret_key(self) -> str:
        """The session signing key: made once, then shared by every worker on this store."""
        self._execute(
            "INSERT INTO web_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
            "session_secret",
            secrets.token_urlsafe(48),
        )
        row = self._fetch_one("SELECT value FROM web_settings WHERE key = ?", "session_secret")
        assert row is not None
        return str(row[0])


def create_account(
    negotiations: Negotiations,
    name: str,
    role: str,
    password: str,
    recorded_by: UUID | None = None,
) -> Account:
    """Register the account's person in the event store, then store the account itself."""
    store = AccountStore(negotiations.database)
    check_name(name)
    check_role(role)
    check_password(password)
    if store.get(name) is not None:
        raise AlreadyExists(f"account {name!r} already exists", name=name)
    person_id = negotiations.register_person(name, date.today(), recorded_by)
    return store.insert(name, role, password, person_id)


def clock() -> float:
    """Seconds since the epoch; tests replace it to move time forward."""
    return time.time()


def _now() -> str:
    return datetime.now(UTC).isoformat()


DEMO_PASSWORD = "werkagenda2022"


def create_demo_accounts(negotiations: Negotiations) -> list[str]:
    """One account per role (demo-beheerder, …), for a store just filled by the demo."""
    store = AccountStore(negotiations.database)
    names = []
    for role in ROLES:
        name = f"demo-{role}"
        if store.get(name) is None:
            create_account(negotiations, name, role, DEMO_PASSWORD)
        names.append(name)
    return names
