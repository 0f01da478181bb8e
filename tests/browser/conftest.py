"""The browser suite's fixtures: a live uvicorn server over a temporary SQLite store with a
small negotiation, and pages signed in to it (the `chromium` fixture is in tests/conftest.py:
one Playwright per session for every browser test).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import uvicorn

from onderhandeling.config import parse_database_url
from onderhandeling.service import Negotiations
from onderhandeling.web.app import create_app
from tests.support.live_server import LiveServer
from tests.support.page_world import PASSWORD, build_world


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """uvicorn on a free port, in a thread, over a fresh SQLite store with the small world."""
    store = tmp_path_factory.mktemp("browser") / "store.sqlite"
    service = Negotiations(parse_database_url(f"sqlite:///{store}"))
    world = build_world(service)
    port = _free_port()
    config = uvicorn.Config(
        create_app(service), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the uvicorn server did not start")
        time.sleep(0.05)
    yield LiveServer(f"http://127.0.0.1:{port}", service, world)
    server.should_exit = True
    thread.join(timeout=10)
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
