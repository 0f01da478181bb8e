"""Export the whole event log as JSON Lines, and import such a file into an empty store.

One line per stored event, in notification order, with its aggregate id, version, topic and
state (the event's recorded time, effective date and recorder are inside the state). The state
is written as the stored JSON text itself, not re-encoded, so export → import → export gives
byte-identical files. Notification ids are left out: PostgreSQL sequences may skip numbers,
and the order of the lines is what carries the log's order. The header says how many event
lines follow, so a file that lost lines (or gained some) is refused rather than half loaded.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO
from uuid import UUID

from eventsourcing.persistence import IntegrityError, StoredEvent

from onderhandeling.domain.errors import DomainError
from onderhandeling.service.base import NegotiationsBase
from onderhandeling.storage.event_log import StoreNotEmpty, count_events, one_transaction

FORMAT = "onderhandeling-events/1"
BATCH = 1000

Progress = Callable[[int, int], None]


class ImportRefused(DomainError, code="import-refused"):
    """An import into a store that holds events, or of a file that is not a whole export.
    Only the command line imports, so the message is said in Dutch."""


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
    """Load an export into an empty store, all or nothing.

    Every event goes into one transaction, which commits only after the whole file is read,
    every line is a stored event, there are as many as the header says and the store held
    nothing else. A refused, failed or killed import leaves the store empty, so the same
    import can simply be run again. Readers (and the read models) see all or nothing."""
    if (app.recorder.max_notification_id() or 0) > 0:
        raise ImportRefused("de opslag is niet leeg; lees een export alleen in een lege opslag in")
    with path.open(encoding="utf-8") as lines:
        declared = _read_header(path, lines)
        count = 0
        try:
            with one_transaction(app.recorder) as write:
                for batch in _batches(_read_events(path, lines, declared)):
                    write(batch)
                    count += len(batch)
                    if progress and count < declared:
                        progress(count, declared)
                if count != declared:
                    raise ImportRefused(
                        f"{path} bevat {count} gebeurtenissen, maar de kop noemt er {declared}; "
                        "niets ingelezen"
                    )
        except StoreNotEmpty as error:
            raise ImportRefused(
                f"de opslag is niet leeg ({error}); lees een export alleen in een lege opslag in"
            ) from error
        except IntegrityError as error:
            raise ImportRefused(
                f"{path} bevat dezelfde gebeurtenis (aggregaat en versie) twee keer; "
                "niets ingelezen"
            ) from error
    if progress:
        progress(count, declared)  # only now: "done" means committed
    return count


def _read_header(path: Path, lines: IO[str]) -> int:
    """Check the header line; returns the number of events it says follow."""
    try:
        header = json.loads(lines.readline())
    except json.JSONDecodeError:
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ImportRefused(f"{path} is geen export van onderhandeling ({FORMAT})")
    declared = header.get("events")
    if type(declared) is not int or declared < 0:
        raise ImportRefused(f"{path}: de kop zegt niet hoeveel gebeurtenissen volgen")
    return declared


def _read_events(path: Path, lines: Iterable[str], declared: int) -> Iterator[StoredEvent]:
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
            if not raw.endswith("\n"):
                # Every line of an export ends in a newline: this one was cut off.
                raise ImportRefused(
                    f"{path} is afgebroken in regel {number}: het bevat {number - 2} hele "
                    f"gebeurtenissen, maar de kop noemt er {declared}; niets ingelezen"
                ) from error
            raise ImportRefused(
                f"{path}, regel {number}: geen opgeslagen gebeurtenis ({error})"
            ) from error
        yield stored


def _batches(events: Iterator[StoredEvent]) -> Iterator[list[StoredEvent]]:
    while batch := list(islice(events, BATCH)):
        yield batch
