"""The projector registry does not keep closed application objects alive."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from onderhandeling.config import parse_database_url
from onderhandeling.readmodel import catch_up
from onderhandeling.service import Negotiations


def test_a_closed_application_is_collected_with_its_projector(tmp_path: Path) -> None:
    """Once nothing else refers to an application, it and its read-model connections go."""
    app = Negotiations(parse_database_url(f"sqlite:///{tmp_path / 'store.sqlite'}"))
    catch_up(app)
    gone = weakref.ref(app)
    app.close()
    del app
    gc.collect()
    assert gone() is None
