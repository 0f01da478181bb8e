"""A live uvicorn server over a temporary SQLite store holding the demo (Werkagenda mbo 2022)
and its three demo accounts: what a user sees after `make run`."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

import uvicorn

from onderhandeling.accounts.store import create_demo_accounts
from onderhandeling.config import parse_database_url
from onderhandeling.demo.loader import load_demo
from onderhandeling.service import Negotiations
from onderhandeling.web.app import create_app


@dataclass
class DemoServer:
    url: str
    service: Negotiations
    agreement_id: UUID


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def demo_server(folder: Path) -> Iterator[DemoServer]:
    service = Negotiations(parse_database_url(f"sqlite:///{folder / 'demo.sqlite'}"))
    agreement_id = load_demo(service)
    create_demo_accounts(service)
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
        yield DemoServer(f"http://127.0.0.1:{config.port}", service, agreement_id)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        service.close()
