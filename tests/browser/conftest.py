"""The browser suite's fixtures: a live uvicorn server over a temporary SQLite store with a
small negotiation, and pages signed in to it (the `chromium` fixture is in tests/conftest.py:
one Playwright per session for every browser test).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from onderhandeling.config import parse_database_url
from onderhandeling.service import Negotiations
from tests.support.live_server import LiveServer, serving
from tests.support.page_world import PASSWORD, build_world


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """uvicorn on a free port, in a thread, over a fresh SQLite store with the small world."""
    store = tmp_path_factory.mktemp("browser") / "store.sqlite"
    service = Negotiations(parse_database_url(f"sqlite:///{store}"))
    world = build_world(service)
    with serving(service) as url:
        yield LiveServer(url, service, world)
    service.close()


@pytest.fixture
def page_as(chromium: Any, live_server: LiveServer) -> Iterator[Callable[..., Any]]:
    """page_as(account, java_script=True) → a signed-in Playwright page in its own context."""
    contexts: list[Any] = []

    def open_page(account: str, java_script: bool = True) -> Any:
        context = chromium.new_context(
            base_url=live_server.url, java_script_enabled=java_script, locale="nl-NL"
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.goto("/aanmelden")
        page.get_by_label("Gebruikersnaam").fill(account)
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Aanmelden").click()
        page.wait_for_url(f"{live_server.url}/")
        return page

    yield open_page
    for context in contexts:
        context.close()
