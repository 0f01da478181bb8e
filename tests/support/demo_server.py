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
def demo_store(folder: Path) -> Iterator[Negotiations]:
    """A SQLite store in folder holding the demo and its three accounts."""
    service = Negotiations(parse_database_url(f"sqlite:///{folder / 'demo.sqlite'}"))
    try:
        load_demo(service)
        create_demo_accounts(service)
        yield service
    finally:
        service.close()


@contextmanager
def demo_server(folder: Path) -> Iterator[DemoServer]:
    """The demo store, served by uvicorn."""
    with demo_store(folder) as service, serving(service) as url:
        yield DemoServer(url, service, service.agreement_ids()[0])
