"""A live uvicorn server in a thread, for the browser tests, and what their fixture hands out."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import uvicorn

from onderhandeling.service import Negotiations
from onderhandeling.web.app import create_app
from tests.support.page_world import World


@dataclass
class LiveServer:
    """uvicorn serving the small page world at url."""

    url: str
    service: Negotiations
    world: World


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(service: Negotiations) -> Iterator[str]:
    """The application over service, served by uvicorn on a free port: yields its url."""
    config = uvicorn.Config(
        create_app(service), host="127.0.0.1", port=_free_port(), log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the uvicorn server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
