"""Export the whole event log as JSON Lines, and import such a file into an empty store.

One line per stored event, in notification order, with its aggregate id, version, topic and
state (the event's recorded time, effective date and recorder are inside the state). The state
is written as the stored JSON text itself, not re-encoded, so export → import → export gives
byte-identical files. Notification ids are left out: PostgreSQL sequences may skip numbers,
and the order of the lines is what carries the log's order. The header says how many event
lines follow.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from onderhandeling.app_base import NegotiationsBase
from onderhandeling.domain.errors import DomainError
from onderhandeling.event_log import count_events

FORMAT = "onderhandeling-events/1"
BATCH = 1000

Progress = Callable[[int, int], None]


class ImportRefused(DomainError):
    code = "import-refused"


def iter_stored_events(app: NegotiationsBase, last: int) -> Iterator[StoredEvent]:
    """The log in order, up to notification id `last`."""
    start = 1
    while True:
        page = app.recorder.select_notifications(start, BATCH, stop=last)
        if not page:
            return
        yield from page
        start = page[-1].id + 1


def export_events(app: NegotiationsBase, out: IO[str], progress: Progress | None = None) -> int:
    """Write the log as it stood when the export started; returns the number of events.

    Events saved meanwhile are left for the next export: every id up to the last one at the
    start is already committed (SQLite has one writer; on PostgreSQL the library inserts under
    a table lock, so ids commit in order) and stored events never change, so paging up to
    that id reads one consistent log, and counting up to it gives the header's number."""
    last = app.recorder.max_notification_id() or 0
    total = count_events(app.recorder, last)
    header = {"format": FORMAT, "application": app.name, "events": total}
    out.write(json.dumps(header, sort_keys=True) + "\n")
    count = 0
    for stored in iter_stored_events(app, last):
        line = {
            "id": str(stored.originator_id),
            "version": stored.originator_version,
            "topic": stored.topic,
            "state": stored.state.decode("utf-8"),
        }
        out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
        if progress and count % BATCH == 0 and count < total:
            progress(count, total)
    if count != total:
        # Cannot happen while stored events are never deleted; if it does, say so loudly
        # rather than leave a file whose header is wrong.
        raise RuntimeError(f"export counted {total} events but read {count}")
    if progress:
        progress(count, total)
    return count


def import_events(app: NegotiationsBase, path: Path, progress: Progress | None = None) -> int:
    """Load an export into an empty store. Each batch is one transaction; the file is checked
    completely before the first batch is written, so a bad file writes nothing."""
    if (app.recorder.max_notification_id() or 0) > 0:
        raise ImportRefused("the store is not empty; import only into an empty store")
    events = list(_read(path))
    total = len(events)
    for start in range(0, total, BATCH):
        app.recorder.insert_events(events[start : start + BATCH])
        if progress:
            progress(min(start + BATCH, total), total)
    return total


def _read(path: Path) -> Iterator[StoredEvent]:
    with path.open(encoding="utf-8") as lines:
        header_line = lines.readline()
        try:
            header = json.loads(header_line)
        except json.JSONDecodeError:
            header = None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise ImportRefused(f"{path} is not an onderhandeling export ({FORMAT})")
        for number, raw in enumerate(lines, start=2):
            try:
                line = json.loads(raw)
                stored = StoredEvent(
                    originator_id=UUID(line["id"]),
                    originator_version=int(line["version"]),
                    topic=str(line["topic"]),
                    state=str(line["state"]).encode("utf-8"),
                )
                json.loads(stored.state)
            except (ValueError, KeyError, TypeError) as error:
                raise ImportRefused(
                    f"{path}, line {number}: not a stored event ({error})"
                ) from error
            yield stored
