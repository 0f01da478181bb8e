"""An `onderhandeling import` killed with SIGKILL while it writes, then run again (both stores).

The import runs as a real process on a file of tens of thousands of events; the test waits
until it is writing into the store, kills it, and checks what a user would then see."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from onderhandeling.config import parse_database_url
from onderhandeling.service import Negotiations
from onderhandeling.service.transfer import export_events
from onderhandeling.storage.database import postgres_connect_args
from tests.support.negotiation_builder import add_people, build_small

EVENTS = 30_000


def import_process(url: str, path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "ONDERHANDELING_DATABASE_URL": url}
    return subprocess.Popen(
        [sys.executable, "-m", "onderhandeling.cli", "import", str(path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def bytes_written(target: Negotiations) -> int:
    """How much the store has grown on disk, committed or not: SQLite's write-ahead log
    (uncommitted pages spill into it once the page cache is full) or the PostgreSQL table's
    file (which holds a transaction's new rows before it commits)."""
    database = target.database
    if database.kind == "sqlite":
        wal = Path(database.sqlite_path + "-wal")
        return wal.stat().st_size if wal.exists() else 0
    table = sql.SQL("{}.{}").format(
        sql.Identifier(database.schema),
        sql.Identifier(target.recorder.events_table_name),  # type: ignore[attr-defined]
    )
    with psycopg.connect(**postgres_connect_args(database), autocommit=True) as conn:
        row = conn.execute(
            "SELECT pg_relation_size(to_regclass(%s))", [table.as_string(conn)]
        ).fetchone()
    return int(row[0]) if row else 0


def wait_until_well_into_writing(
    process: subprocess.Popen[bytes], target: Negotiations, file_size: int
) -> None:
    """Return once the import has written about a fifth of the file into the store: far
    enough that an import committing as it goes has committed some of it, early enough that
    it is nowhere near done."""
    before = bytes_written(target)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            _, err = process.communicate()
            pytest.fail(f"the import ended before it could be killed: {err.decode()!r}")
        if bytes_written(target) - before > file_size // 5:
            return
        time.sleep(0.005)
    pytest.fail("the import did not get far into writing within two minutes")


@pytest.mark.slow
def test_killed_import_leaves_an_empty_store_and_a_second_import_completes_it(
    app: Negotiations, second_database_url: str, tmp_path: Path
) -> None:
    """kill -9 during an import: the store (and what its read models show) stays empty, and
    running the same import again loads the whole file, equal to the source."""
    small = build_small(app)
    add_people(app, EVENTS)
    source = tmp_path / "source.jsonl"
    with source.open("w", encoding="utf-8", newline="\n") as out:
        export_events(app, out)
    target = Negotiations(parse_database_url(second_database_url))
    try:
        process = import_process(second_database_url, source)
        try:
            wait_until_well_into_writing(process, target, source.stat().st_size)
        finally:
            process.kill()  # SIGKILL: no cleanup, no rollback by the process itself
            process.communicate()

        assert (target.recorder.max_notification_id() or 0) == 0
        assert target.agreements() == []

        again = import_process(second_database_url, source)
        _, err = again.communicate(timeout=300)
        assert again.returncode == 0, err.decode()

        copy = tmp_path / "copy.jsonl"
        with copy.open("w", encoding="utf-8", newline="\n") as out:
            export_events(target, out)
        assert copy.read_bytes() == source.read_bytes()
        assert target.status(small.agreement) == app.status(small.agreement)
    finally:
        target.close()
