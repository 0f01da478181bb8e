"""A live uvicorn server over a temporary SQLite store holding the demo (Werkagenda mbo 2022)
and its three demo accounts: what a user sees after `make run`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from onderhandeling.accounts.store import create_demo_accounts
from onderhandeling.config import parse_database_url
from onderhandeling.demo.loader import load_demo
from onderhandeling.service import Negotiations
from tests.support.live_server import serving


@dataclass
class DemoServer:
    url: str
    service: Negotiations
    agreement_id: UUID


@contextmanager
def demo_server(folder: Path) -> Iterator[DemoServer]:
    service = Negotiations(parse_database_url(f"sqlite:///{folder / 'demo.sqlite'}"))
    agreement_id = load_demo(service)
    create_demo_accounts(service)
    try:
        with serving(service) as url:
            yield DemoServer(url, service, agreement_id)
    finally:
        service.close()
