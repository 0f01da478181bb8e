"""Shared fixtures: the same tests run against SQLite and PostgreSQL.

Under CI=true the PostgreSQL tests must run and fail loudly when the server is missing;
elsewhere they skip with the reason.
"""

from __future__ import annotations

import gc
import os
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest

from onderhandeling.config import Database, parse_database_url
from onderhandeling.service import Negotiations
from onderhandeling.storage.database import drop_postgres_schema
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS, require_chromium
from tests.support.projections import Rich, build_rich

POSTGRES_URL = os.environ.get(
    "ONDERHANDELING_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def postgres_available() -> str | None:
    """None when the server answers, else the reason it does not."""
    try:
        with psycopg.connect(POSTGRES_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as error:
        return f"PostgreSQL at {POSTGRES_URL} is not reachable: {error}".strip()
    return None


def require_postgres() -> None:
    reason = postgres_available()
    if reason is None:
        return
    if IN_CI:
        pytest.fail(f"CI=true requires PostgreSQL: {reason}")
    pytest.skip(reason)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    require_postgres()
    url = f"{POSTGRES_URL}?schema=t_{uuid.uuid4().hex[:12]}"
    yield url
    drop_postgres_schema(parse_database_url(url))


@pytest.fixture
def database(database_url: str) -> Database:
    return parse_database_url(database_url)


@pytest.fixture
def app(database: Database) -> Iterator[Negotiations]:
    application = Negotiations(database)
    yield application
    application.close()


@pytest.fixture
def rich(app: Negotiations) -> Rich:
    """The rich negotiation of tests/support/projections.py, in the fresh store."""
    return build_rich(app)


@pytest.fixture
def env_store(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point ONDERHANDELING_DATABASE_URL at the fresh store (for CLI tests)."""
    monkeypatch.setenv("ONDERHANDELING_DATABASE_URL", database_url)
    return database_url


@pytest.fixture
def second_database_url(database_url: str, tmp_path: Path) -> Iterator[str]:
    """Another fresh, empty store of the same kind as `database_url`."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'second.sqlite'}"
        return
    url = f"{POSTGRES_URL}?schema=t_{uuid.uuid4().hex[:12]}"
    yield url
    drop_postgres_schema(parse_database_url(url))


@pytest.fixture
def second_store(second_database_url: str) -> Iterator[Negotiations]:
    """An empty store of the same kind as `app`."""
    other = Negotiations(parse_database_url(second_database_url))
    yield other
    other.close()


DAY = date(2022, 9, 1)


@pytest.fixture(autouse=True, scope="session")
def _close_stores_before_exit() -> Iterator[None]:
    """Collect stores the tests left open while the interpreter is still whole, so their
    connection pools close quietly instead of erroring in __del__ at shutdown."""
    yield
    gc.collect()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright, one per session: Playwright's sync API cannot
    run twice at once in one thread, so every browser test shares this one."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
