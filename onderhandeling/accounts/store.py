"""Local accounts and API tokens, kept in the same database as the events but never as events.

A password hash or token is a credential, not a fact of the negotiation: it may be replaced
or revoked, and it must not end up in an export of the event log. Each account points at a
Person in the event store; that person is the recorder of everything the account writes.
The account itself and its rules are in account.py, the tables in tables.py, the sign-in
attempt counts in sign_in_attempts.py.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import date
from uuid import UUID

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from onderhandeling.accounts.account import (
    ROLES,
    WRITER_ROLES,
    Account,
    check_name,
    check_password,
    check_role,
)
from onderhandeling.accounts.sign_in_attempts import AttemptLimit, SignInAttempts
from onderhandeling.accounts.tables import now_text
from onderhandeling.config import Database
from onderhandeling.domain.errors import AlreadyExists, NotFound
from onderhandeling.service import Negotiations

# What the web application and the command line import from here.
__all__ = [
    "DEMO_PASSWORD",
    "ROLES",
    "TOKEN_PREFIX",
    "WRITER_ROLES",
    "Account",
    "AccountStore",
    "AttemptLimit",
    "create_account",
    "create_demo_accounts",
]

TOKEN_PREFIX = "ohd_"

_hasher = PasswordHasher()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class AccountStore(SignInAttempts):
    """The accounts, API tokens, sign-in attempt counts and web settings of one store."""

    def __init__(self, database: Database, pooled: bool = False) -> None:
        super().__init__(database, pooled)
        self._dummy_hash: str | None = None

    # --- accounts ------------------------------------------------------------------------

    def get(self, name: str) -> Account | None:
        row = self._fetch_one("SELECT name, person_id, role FROM web_accounts WHERE name = ?", name)
        return None if row is None else Account(row[0], UUID(row[1]), row[2])

    def all(self) -> list[Account]:
        rows = self._fetch_all("SELECT name, person_id, role FROM web_accounts ORDER BY name")
        return [Account(r[0], UUID(r[1]), r[2]) for r in rows]

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
            now_text(),
        )
        if inserted != 1:
            raise AlreadyExists(f"account {name!r} bestaat al", name=name)
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
            raise NotFound(f"account {name!r} bestaat niet", name=name)

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
            raise NotFound(f"account {name!r} bestaat niet", name=name)
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        self._execute(
            "INSERT INTO web_api_tokens (token_hash, name, created) VALUES (?, ?, ?)",
            token_hash(token),
            name,
            now_text(),
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
        raise AlreadyExists(f"account {name!r} bestaat al", name=name)
    person_id = negotiations.register_person(name, date.today(), recorded_by)
    return store.insert(name, role, password, person_id)


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
