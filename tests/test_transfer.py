"""Export and import of the whole event log (JSON Lines)."""

from __future__ import annotations

import io
import json
import threading
import uuid
from pathlib import Path

import pytest
from eventsourcing.persistence import IntegrityError

from onderhandeling.config import parse_database_url
from onderhandeling.domain import Person
from onderhandeling.service import Negotiations, PositionInput
from onderhandeling.service.transfer import (
    BATCH,
    ImportRefused,
    export_events,
    import_events,
)
from tests.support.negotiation_builder import DAY, add_people, build_small


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
    with pytest.raises(ImportRefused, match="niet leeg"):
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
    with pytest.raises(ImportRefused, match="regel 6"):
        import_events(second_store, path)
    assert (second_store.recorder.max_notification_id() or 0) == 0


def stored_count(app: Negotiations) -> int:
    count, start = 0, 1
    while page := app.recorder.select_notifications(start, BATCH):
        count += len(page)
        start = page[-1].id + 1
    return count


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_file_with_more_events_than_its_header_says_is_refused(
    app: Negotiations, second_store: Negotiations, tmp_path: Path
) -> None:
    """An event line beyond the header's count is refused, naming both counts; nothing stored."""
    fill(app)
    lines = exported(app).decode().splitlines()
    declared = len(lines) - 1
    extra = json.loads(lines[-1])
    extra["id"] = str(uuid.uuid4())
    path = write_lines(tmp_path / "extra.jsonl", [*lines, json.dumps(extra)])
    with pytest.raises(ImportRefused, match=f"bevat {declared + 1} gebeurtenissen, .* {declared}"):
        import_events(second_store, path)
    assert (second_store.recorder.max_notification_id() or 0) == 0


def test_file_cut_inside_a_line_is_refused(
    app: Negotiations, second_store: Negotiations, tmp_path: Path
) -> None:
    """A file that ends in the middle of an event (a copy cut short) is refused as cut off."""
    fill(app)
    data = exported(app)
    path = tmp_path / "cut.jsonl"
    path.write_bytes(data[: len(data) - 20])
    declared = len(data.splitlines()) - 1
    expected = f"afgebroken .* {declared - 1} hele gebeurtenissen, .* noemt er {declared}"
    with pytest.raises(ImportRefused, match=expected):
        import_events(second_store, path)
    assert (second_store.recorder.max_notification_id() or 0) == 0


def test_header_counts_the_lines_despite_gaps_in_notification_ids(
    app: Negotiations, second_store: Negotiations, tmp_path: Path
) -> None:
    """A failed insert uses up PostgreSQL sequence numbers; the header still counts the lines,
    so export → import → export stays byte-identical."""
    fill(app)
    first_event = app.recorder.select_notifications(1, 1)[0]
    with pytest.raises(IntegrityError):
        app.recorder.insert_events([first_event, first_event])
    add_people(app, 3)
    data = exported(app)
    lines = data.splitlines()
    assert json.loads(lines[0])["events"] == len(lines) - 1
    path = tmp_path / "log.jsonl"
    path.write_bytes(data)
    import_events(second_store, path)
    assert exported(second_store) == data


def test_export_while_others_write_is_one_consistent_log(
    app: Negotiations, database_url: str, second_store: Negotiations, tmp_path: Path
) -> None:
    """Another writer saves between the export's pages: the export is the log as it stood at
    its start (the header counts exactly its lines), and importing and exporting it again
    gives the same bytes."""
    fill(app)
    add_people(app, 3 * BATCH)
    writer = Negotiations(parse_database_url(database_url))
    saved = 0
    stop = threading.Event()
    more = threading.Condition()

    def keep_writing() -> None:
        nonlocal saved
        while not stop.is_set():
            writer.save(Person.register("Tussendoor", DAY))
            with more:
                saved += 1
                more.notify_all()

    def wait_for_a_write(done: int, total: int) -> None:
        # Called between pages: let at least one more save land before the next page.
        with more:
            seen = saved
            assert more.wait_for(lambda: saved > seen, timeout=30)

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        with more:
            assert more.wait_for(lambda: saved > 0, timeout=30)
        out = io.StringIO()
        count = export_events(app, out, wait_for_a_write)
    finally:
        stop.set()
        thread.join()
        writer.close()
    data = out.getvalue().encode("utf-8")
    lines = data.splitlines()
    assert json.loads(lines[0])["events"] == count == len(lines) - 1
    assert stored_count(app) > count  # the writer did save during the export
    path = tmp_path / "live.jsonl"
    path.write_bytes(data)
    assert import_events(second_store, path) == count
    assert exported(second_store) == data
