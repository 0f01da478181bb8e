"""What the browser tests' live server fixture hands out."""

from __future__ import annotations

from dataclasses import dataclass

from onderhandeling.service import Negotiations
from tests.support.page_world import World


@dataclass
class LiveServer:
    """uvicorn serving the small page world at url."""

    url: str
    service: Negotiations
    world: World
