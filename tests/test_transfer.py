"""Export and import of the whole event log (JSON Lines)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from onderhandeling.application import Negotiations, PositionInput
from onderhandeling.transfer import ImportRefused, export_events, import_events
from tests.negotiation_builder import DAY, build_small


def fill(app: Negotiations) -> None:
    small = build_small(app)
    app.revise_wording(
        small.goal,
        "Tekst met “aanhalingstekens”,\nnieuwe regel en € 4,5 mln.",
        1,
        "r",
        "substantive",
        DAY,
        small.me,
    )
    app.log_meeting(
        small.agreement,
        "Overleg",
        "bilateraal",
        DAY,
        [small.job],
        "",
        "internal",
        [PositionInput(small.goal, small.job, "conditional", "mits…", "voorwaarde")],
        small.me,
    )


def exported(app: Negotiations) -> bytes:
    out = io.StringIO()
    export_events(app, out)
    return out.getvalue().encode("utf-8")


def test_export_import_export_is_byte_identical(
    app: Negotiations, second_store: Negotiations, tmp_path: Path
) -> None:
    """Exporting, importing into an empty store and exporting again gives the same bytes."""
    fill(app)
    first = exported(app)
    path = tmp_path / "log.jsonl"
    path.write_bytes(first)
    assert import_events(second_store, path) == len(first.splitlines()) - 1
    assert exported(second_store) == first
    assert second_store.status(
        second_store.agreements()[0]["id"]
        and __import__("uuid").UUID(second_store.agreements()[0]["id"])
    )


def test_import_into_non_empty_store_is_refused(app: Negotiations, tmp_path: Path) -> None:
    """Import only goes into an empty store, and then writes nothing."""
    fill(app)
    path = tmp_path / "log.jsonl"
    path.write_bytes(exported(app))
    before = app.recorder.max_notification_id()
    with pytest.raises(ImportRefused, match="not empty"):
        import_events(app, path)
    assert app.recorder.max_notification_id() == before


def test_broken_file_writes_nothing(
    app: Negotiations, second_store: Negotiations, tmp_path: Path
) -> None:
    """A file with a broken line is refused before anything is written."""
    fill(app)
    lines = exported(app).decode().splitlines()
    lines[5] = "{not json"
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="line 6"):
        import_events(second_store, path)
    assert (second_store.recorder.max_notification_id() or 0) == 0
