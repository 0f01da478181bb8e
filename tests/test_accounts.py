"""Local accounts, API tokens and the session key: stored beside the events, never in them."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from onderhandeling.accounts import sign_in_attempts as accounts
from onderhandeling.accounts.store import (
    DEMO_PASSWORD,
    AccountStore,
    create_account,
    create_demo_accounts,
)
from onderhandeling.cli import main
from onderhandeling.config import Database
from onderhandeling.domain.errors import AlreadyExists, InvalidInput, NotFound
from onderhandeling.service import Negotiations
from onderhandeling.service.transfer import export_events

PASSWORD = "een lang wachtwoord"


@pytest.fixture
def app(database: Database) -> Iterator[Negotiations]:
    application = Negotiations(database)
    yield application
    application.close()


def test_an_account_signs_in_with_its_password_only(app: Negotiations) -> None:
    """verify gives the account for the right password and None for a wrong one or name."""
    account = create_account(app, "anne", "onderhandelaar", PASSWORD)
    store = AccountStore(app.database)
    assert store.verify("anne", PASSWORD) == account
    assert store.verify("anne", PASSWORD + "x") is None
    assert store.verify("bert", PASSWORD) is None


def test_each_account_is_a_person_in_the_event_store(app: Negotiations) -> None:
    """The account's person_id names a registered person with the account's name."""
    account = create_account(app, "anne", "stuurgroep", PASSWORD)
    assert app.person_name(account.person_id) == "anne"


def test_passwords_and_hashes_never_reach_the_event_log(app: Negotiations) -> None:
    """An export of every event holds neither the password nor its argon2 hash."""
    create_account(app, "anne", "beheerder", PASSWORD)
    out = io.StringIO()
    export_events(app, out, lambda done, total: None)
    assert PASSWORD not in out.getvalue()
    assert "argon2" not in out.getvalue()


def test_account_names_are_unique(app: Negotiations) -> None:
    """A second account with the same name is refused before a person is registered."""
    create_account(app, "anne", "beheerder", PASSWORD)
    with pytest.raises(AlreadyExists):
        create_account(app, "anne", "stuurgroep", PASSWORD)


def test_bad_roles_names_and_passwords_are_refused(app: Negotiations) -> None:
    """Unknown roles, odd names and short passwords are invalid input."""
    with pytest.raises(InvalidInput):
        create_account(app, "anne", "minister", PASSWORD)
    with pytest.raises(InvalidInput):
        create_account(app, "an ne", "beheerder", PASSWORD)
    with pytest.raises(InvalidInput):
        create_account(app, "anne", "beheerder", "kort")


def test_a_token_acts_as_its_account_and_is_stored_hashed(app: Negotiations) -> None:
    """A created token finds its account; the token itself is not in the table."""
    create_account(app, "anne", "onderhandelaar", PASSWORD)
    store = AccountStore(app.database)
    token = store.create_token("anne")
    account = store.account_for_token(token)
    assert account is not None and account.name == "anne"
    assert store.account_for_token(token + "x") is None
    assert store.revoke_tokens("anne") == 1
    assert store.account_for_token(token) is None


def test_a_token_needs_an_existing_account(app: Negotiations) -> None:
    """No token is made for a name without an account."""
    with pytest.raises(NotFound):
        AccountStore(app.database).create_token("nobody")


def test_the_session_key_is_made_once_per_store(app: Negotiations) -> None:
    """Two store objects (two workers) agree on the session key."""
    first = AccountStore(app.database).secret_key()
    assert len(first) >= 32
    assert AccountStore(app.database).secret_key() == first


def test_demo_accounts_have_one_per_role(app: Negotiations) -> None:
    """The demo accounts exist per role with the documented password, and can be re-made."""
    names = create_demo_accounts(app)
    assert names == ["demo-beheerder", "demo-onderhandelaar", "demo-stuurgroep"]
    assert create_demo_accounts(app) == names
    store = AccountStore(app.database)
    account = store.verify("demo-stuurgroep", DEMO_PASSWORD)
    assert account is not None and account.role == "stuurgroep"


def test_cli_adds_a_user_and_creates_a_token(
    env_store: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`user add --password-stdin` and `token create` make a working account and token."""
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["user", "add", "anne", "--role", "onderhandelaar", "--password-stdin"]) == 0
    assert main(["token", "create", "anne"]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert main(["user", "list"]) == 0
    assert "anne" in capsys.readouterr().out
    app = Negotiations()
    try:
        account = AccountStore(app.database).account_for_token(token)
    finally:
        app.close()
    assert account is not None and account.role == "onderhandelaar"


def test_cli_asks_for_the_password_twice(
    env_store: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two different passwords at the prompt add no account."""
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["user", "add", "anne", "--role", "stuurgroep"]) == 2
    assert "verschillen" in capsys.readouterr().err


def test_cli_refuses_an_unknown_role(env_store: str) -> None:
    """argparse refuses a role outside beheerder, onderhandelaar and stuurgroep."""
    with pytest.raises(SystemExit):
        main(["user", "add", "anne", "--role", "minister", "--password-stdin"])


def test_export_lines_are_json(app: Negotiations, tmp_path: Path) -> None:
    """The export used above is JSON Lines (so the absence check reads real content)."""
    create_account(app, "anne", "beheerder", PASSWORD)
    out = io.StringIO()
    export_events(app, out, lambda done, total: None)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    assert lines and all(isinstance(json.loads(line), dict) for line in lines)


LIMIT = accounts.AttemptLimit(attempts=3, window_seconds=300)


def test_attempts_beyond_the_limit_wait_for_the_window_to_end(
    app: Negotiations, monkeypatch: pytest.MonkeyPatch
) -> None:
    """count_attempt lets `attempts` through per window and then names the seconds until
    the window (counted from its first attempt) ends; then the count starts again."""
    now = [1_800_000_000.0]
    monkeypatch.setattr(accounts, "clock", lambda: now[0])
    store = AccountStore(app.database)
    for _ in range(3):
        assert store.count_attempt("account", "anne", LIMIT) == 0.0
        now[0] += 10
    assert store.count_attempt("account", "anne", LIMIT) == 300 - 30
    assert store.count_attempt("account", "bert", LIMIT) == 0.0  # per key
    assert store.count_attempt("address", "anne", LIMIT) == 0.0  # per kind
    now[0] += 300 - 30
    assert store.count_attempt("account", "anne", LIMIT) == 0.0


def test_refused_attempts_never_make_the_wait_longer(
    app: Negotiations, monkeypatch: pytest.MonkeyPatch
) -> None:
    """However often someone tries while refused, the window ends when it would have."""
    now = [1_800_000_000.0]
    monkeypatch.setattr(accounts, "clock", lambda: now[0])
    store = AccountStore(app.database)
    for _ in range(3):
        store.count_attempt("account", "anne", LIMIT)
    for _ in range(50):
        now[0] += 5
        assert store.count_attempt("account", "anne", LIMIT) > 0
    now[0] = 1_800_000_000.0 + 300
    assert store.count_attempt("account", "anne", LIMIT) == 0.0


def test_uncounted_and_forgotten_attempts_free_their_places(
    app: Negotiations, monkeypatch: pytest.MonkeyPatch
) -> None:
    """uncount_attempt takes one attempt back, forget_attempts all of them, and a new
    password forgets the account's."""
    now = [1_800_000_000.0]
    monkeypatch.setattr(accounts, "clock", lambda: now[0])
    create_account(app, "anne", "onderhandelaar", PASSWORD)
    store = AccountStore(app.database)
    for _ in range(3):
        store.count_attempt("address", "192.0.2.1", LIMIT)
    store.uncount_attempt("address", "192.0.2.1")
    assert store.count_attempt("address", "192.0.2.1", LIMIT) == 0.0
    assert store.count_attempt("address", "192.0.2.1", LIMIT) > 0
    store.forget_attempts("address", "192.0.2.1")
    assert store.count_attempt("address", "192.0.2.1", LIMIT) == 0.0
    for _ in range(3):
        store.count_attempt("account", "anne", LIMIT)
    store.set_password("anne", PASSWORD + " nieuw")
    assert store.count_attempt("account", "anne", LIMIT) == 0.0
    now[0] += 3600
    assert store.forget_old_attempts(1800) == 2
    assert store.count_attempt("address", "192.0.2.1", LIMIT) == 0.0


def test_parallel_attempts_cannot_pass_the_limit(app: Negotiations) -> None:
    """Attempts racing each other are counted and decided in one statement: however they
    interleave, exactly `attempts` of them get through."""
    store = AccountStore(app.database)
    store.count_attempt("account", "warm-up", LIMIT)  # the tables exist before the race
    guesses = 12
    barrier = threading.Barrier(guesses, timeout=60)

    def attempt(_: int) -> float:
        barrier.wait()
        return AccountStore(app.database).count_attempt("account", "anne", LIMIT)

    with ThreadPoolExecutor(guesses) as pool:
        waits = list(pool.map(attempt, range(guesses)))
    assert sum(1 for wait in waits if wait == 0.0) == LIMIT.attempts


def test_unknown_names_still_run_one_hash_check(app: Negotiations) -> None:
    """An unknown name costs one argon2 verification (against a dummy hash), like a known
    one, so the answer time gives nothing away."""
    create_account(app, "anne", "onderhandelaar", PASSWORD)
    store = AccountStore(app.database)
    real_hash = store._fetch_one("SELECT password_hash FROM web_accounts WHERE name = ?", "anne")
    assert real_hash is not None
    calls: list[str] = []
    original = store._verify_hash

    def counting(password_hash: str, password: str) -> bool:
        calls.append(password_hash)
        return original(password_hash, password)

    store._verify_hash = counting  # type: ignore[method-assign]
    assert store.verify("anne", "wrong password") is None
    assert store.verify("nobody", PASSWORD) is None
    assert calls == [real_hash[0], store._dummy()]


def test_a_new_password_ends_the_account_sessions(app: Negotiations) -> None:
    """set_password and end_sessions raise the session generation; a sign-in that only
    rehashes the password does not."""
    create_account(app, "anne", "onderhandelaar", PASSWORD)
    store = AccountStore(app.database)
    found = store.session_account("anne")
    assert found is not None and found[1] == 0
    store.set_password("anne", PASSWORD + " nieuw")
    assert store.session_account("anne") == (found[0], 1)
    assert store.end_sessions("anne") == 2
    assert store.verify("anne", PASSWORD + " nieuw") is not None
    assert store.session_account("anne") == (found[0], 2)
    assert store.session_account("nobody") is None
