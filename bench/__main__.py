"""Run the read-model benchmark: ``python -m bench`` (full sizes) or ``python -m bench --small``.

Every figure is a ratio of two timings taken in the same run on the same machine, so the
numbers travel between machines better than absolute times do. At the end the generated store
is served by the real server and 8 concurrent clients measure page and API latency against a
static asset (`bench/web.py`; `--web-requests 0` skips it).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from uuid import uuid4

from eventsourcing.application import Application

from bench import FULL, SMALL, START, Sizes, World, generate
from bench.first_request import first_request_ratios
from bench.load import load_phases
from bench.web import web_latency
from onderhandeling.config import parse_database_url
from onderhandeling.readmodel import (
    agreement_state,
    goal_history,
    projector_of,
    wording_versions,
)
from onderhandeling.readmodel.schema import create_tables, drop_tables
from onderhandeling.service import Negotiations, PositionInput

Row = tuple[str, str, str]

T = TypeVar("T")


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def timed(run: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def best(run: Callable[[], object], repeat: int) -> float:
    """Median of several runs: robust against one slow outlier on a shared machine."""
    return statistics.median(timed(run)[0] for _ in range(repeat))


def decode_everything(app: Application[Any]) -> int:
    """The library alone: read every notification and decode it to a domain event."""
    count, start = 0, 1
    while True:
        page = app.recorder.select_notifications(start, 500)
        if not page:
            return count
        for notification in page:
            app.mapper.to_domain_event(notification)
        count += len(page)
        start = page[-1].id + 1


def reset_read_models(app: Negotiations) -> None:
    with projector_of(app).connection() as sql, sql.transaction(write=True):
        create_tables(sql)  # generation saved without catching up, so they may not exist
        drop_tables(sql)
        create_tables(sql)


def git_log_seconds(app: Negotiations, world: World, workdir: Path) -> float | None:
    """`git log -p` over a repository with the big goal's versions as commits."""
    if shutil.which("git") is None:
        return None
    assert world.big_goal is not None
    versions = wording_versions(app, world.big_goal)
    repo = workdir / "git"
    env = {**os.environ, "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    # fast-import writes 1,000 commits in well under a second; `git commit` would take minutes.
    # Commits to one branch in one stream chain onto each other without a `from` line.
    stream = []
    for n, version in enumerate(versions, start=1):
        data = version["text"].encode()
        message = f"versie {version['version']}".encode()
        stream.append(
            b"commit refs/heads/main\n"
            + f"committer Bench <bench@example.org> {1_650_000_000 + n * 60} +0000\n".encode()
            + f"data {len(message)}\n".encode()
            + message
            + b"\n"
            + f"M 100644 inline doel.txt\ndata {len(data)}\n".encode()
            + data
            + b"\n"
        )
    subprocess.run(
        ["git", "fast-import", "--quiet"], input=b"".join(stream), cwd=repo, check=True, env=env
    )

    def log() -> None:
        subprocess.run(
            ["git", "log", "-p", "main"], cwd=repo, check=True, env=env, stdout=subprocess.DEVNULL
        )

    return best(log, 3)


RAW_TABLE = "bench_raw_events"


class RawInsert:
    """SQLite alone: insert event rows in one transaction, as the library stores them (a
    table of the same shape in the same file, opened with the same settings), and commit."""

    def __init__(self, app: Negotiations, path: Path, rows: int) -> None:
        self.sample = [
            (stored.topic, stored.state) for stored in app.recorder.select_notifications(1, rows)
        ]
        self.connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.connection.execute(
            f"CREATE TABLE IF NOT EXISTS {RAW_TABLE} (originator_id TEXT, originator_version "
            "INTEGER, topic TEXT, state BLOB, PRIMARY KEY (originator_id, originator_version))"
        )

    def checkpoint(self) -> None:
        self.connection.execute("PRAGMA wal_checkpoint(RESTART)")

    def __call__(self) -> None:
        self.connection.execute("BEGIN")
        for topic, state in self.sample:
            self.connection.execute(
                f"INSERT INTO {RAW_TABLE} VALUES (?, ?, ?, ?)", (uuid4().hex, 1, topic, state)
            )
        self.connection.execute("COMMIT")


def alternating(ours: Callable[[], object], raw: RawInsert, repeat: int) -> tuple[float, float]:
    """Medians of both, run in turns, each after an untimed checkpoint: a commit that fills
    the write-ahead log past SQLite's limit copies it into the database file on the spot, so
    without one side would pay for the other's writes. RESTART keeps the log's file (a
    TRUNCATE would make the next commit grow it again)."""
    mine, theirs = [], []
    for _ in range(repeat):
        raw.checkpoint()
        mine.append(timed(ours)[0])
        raw.checkpoint()
        theirs.append(timed(raw)[0])
    return statistics.median(mine), statistics.median(theirs)


def write_ratios(
    app: Negotiations, world: World, big_versions: int, path: Path, repeat: int
) -> list[Row]:
    """Our writes as a user makes them (checks, loading, one save, the read models caught
    up) against SQLite alone storing as many event rows: a meeting with 10 positions (11
    events) and a revision of the biggest goal's wording (1 event)."""
    goals = world.goals[1:11]
    day = world.last_day
    rows = [
        PositionInput(goal, world.parties[n], "supports", "Eens", wording_version=None)
        for n, goal in enumerate(goals)
    ]
    present = world.parties[: len(goals)]
    assert world.big_goal is not None
    big = world.big_goal

    def meeting() -> None:
        app.log_meeting(
            world.agreement, "Overleg", "bilateraal", day, present, "", "shared", rows, world.person
        )

    def revision() -> None:
        version = app.goal_version(big)
        app.revise_wording(
            big, f"Herziene tekst {uuid4()}.", version, "bench", "editorial", day, world.person
        )

    projector_of(app).catch_up()
    cold_meeting, _ = timed(meeting)  # the goals' first load in this process: no cache yet
    cold_revision, _ = timed(revision)
    raw11, raw1 = RawInsert(app, path, 11), RawInsert(app, path, 1)
    ours_meeting, raw_meeting = alternating(meeting, raw11, repeat)
    ours_revision, raw_revision = alternating(revision, raw1, repeat)
    # SQLite at its very best for comparison: commits in a tight loop, nothing else writing.
    tight_meeting, tight_revision = best(raw11, repeat), best(raw1, repeat)
    return [
        (
            "overleg met 10 standpunten (alle controles, opslaan, leesmodellen bij) vs. "
            "SQLite die 11 rijen in één transactie opslaat",
            f"{ours_meeting * 1000:.1f} ms vs {raw_meeting * 1000:.2f} ms = "
            f"{raw_meeting / ours_meeting:.2f}× de snelheid (eerste keer, zonder cache: "
            f"{cold_meeting * 1000:.0f} ms; SQLite in een strakke lus {tight_meeting * 1000:.2f}"
            f" ms = {tight_meeting / ours_meeting:.2f}×)",
            "≥ 0.1×",
        ),
        (
            f"herziening van het doel met {big_versions} versies vs. SQLite die 1 rij opslaat",
            f"{ours_revision * 1000:.1f} ms vs {raw_revision * 1000:.2f} ms = "
            f"{raw_revision / ours_revision:.2f}× de snelheid (eerste keer, zonder cache: "
            f"{cold_revision * 1000:.0f} ms; SQLite in een strakke lus "
            f"{tight_revision * 1000:.2f} ms = {tight_revision / ours_revision:.2f}×)",
            "≥ 0.1×",
        ),
    ]


def machine() -> str:
    return (
        f"{os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), {platform.machine()}, "
        f"Python {platform.python_version()}, SQLite "
        f"{__import__('sqlite3').sqlite_version}, {platform.system()} {platform.release()}"
    )


POSTGRES_URL = os.environ.get(
    "ONDERHANDELING_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


def first_requests(
    app: Negotiations, url: str, world: World, sizes: Sizes, workdir: Path
) -> list[tuple[str, str, str]]:
    """The first request after a change vs. the static asset, one client (bench/first_request)."""
    assert world.big_goal is not None
    projector_of(app).catch_up()
    past = world.last_day - (world.last_day - START) / 2
    return first_request_ratios(
        app, url, world.agreement, world.big_goal, sizes.big_versions, past, workdir
    )


def run(
    sizes: Sizes,
    workdir: Path,
    web_requests: int,
    web_warmup: int,
    load_seconds: float,
    only_first_request: bool = False,
) -> list[tuple[str, str, str]]:
    url = f"sqlite:///{workdir / 'bench.sqlite'}"
    app = Negotiations(parse_database_url(url))
    say(f"genereren: {sizes.label}")
    seconds, world = timed(lambda: generate(app, sizes, say))
    events = app.recorder.max_notification_id() or 0
    say(f"{events} gebeurtenissen in {seconds:.0f} s")
    results: list[tuple[str, str, str]] = [("gebeurtenissen", f"{events}", "")]
    if only_first_request:
        results += first_requests(app, url, world, sizes, workdir)
        app.close()
        return results

    library, _ = timed(lambda: decode_everything(app))
    reset_read_models(app)
    projection, applied = timed(lambda: projector_of(app).catch_up())
    assert applied == events
    rate = (events / projection) / (events / library)
    results.append(
        (
            "inhalen vanaf nul vs. lezen+decoderen (bibliotheek)",
            f"{events / projection:,.0f} vs {events / library:,.0f} gebeurtenissen/s = {rate:.0%}",
            "≥ 50%",
        )
    )

    assert world.big_goal is not None
    history = best(lambda: goal_history(app, world.big_goal), 3)  # type: ignore[arg-type]
    git = git_log_seconds(app, world, workdir)
    results.append(
        (
            f"geschiedenis met woorddiffs, doel met {sizes.big_versions} versies vs. git log -p",
            "git niet beschikbaar"
            if git is None
            else f"{history * 1000:.0f} ms vs {git * 1000:.0f} ms = {history / git:.2f}",
            "< 1",
        )
    )

    middle = world.last_day - (world.last_day - START) / 2
    now = best(lambda: agreement_state(app, world.agreement), 3)
    past = best(lambda: agreement_state(app, world.agreement, as_of=middle), 3)
    results.append(
        (
            f"stand op {middle} vs. huidige stand",
            f"{past * 1000:.0f} ms vs {now * 1000:.0f} ms = {past / now:.2f}×",
            "≤ 5×",
        )
    )

    results += write_ratios(app, world, sizes.big_versions, workdir / "bench.sqlite", 31)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results.append(("piekgeheugen (ru_maxrss)", f"{peak:,.0f} MB", ""))
    if web_requests > 0:
        projector_of(app).catch_up()
        results += web_latency(
            app,
            url,
            world.agreement,
            world.big_goal,
            sizes.big_versions,
            workdir,
            web_requests,
            web_warmup,
        )
        results += first_requests(app, url, world, sizes, workdir)
    app.close()
    if load_seconds > 0:
        results += load_phases(
            sizes, workdir, f"sqlite:///{workdir / 'load.sqlite'}", POSTGRES_URL, load_seconds
        )
    return results


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--small", action="store_true", help="small sizes, for a quick run")
    parser.add_argument(
        "--web-requests",
        type=int,
        default=None,
        metavar="N",
        help="measured requests per route per web client (default 20; 0 skips)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        metavar="DIR",
        help="generate into DIR (new or empty) and keep the store there, e.g. for profiling",
    )
    parser.add_argument(
        "--load-seconds",
        type=float,
        default=60.0,
        metavar="S",
        help="length of the mixed-load phase on each store (default 60; 0 skips the load "
        "phases). PostgreSQL: ONDERHANDELING_BENCH_POSTGRES_URL (default "
        "postgresql://postgres@127.0.0.1:5432/test), in a schema of its own",
    )
    parser.add_argument(
        "--only-first-request",
        action="store_true",
        help="generate, then measure only the first request after a change (dashboard, "
        "dashboard on a past date, biggest goal page) against the static asset, 1 client",
    )
    args = parser.parse_args()
    sizes = SMALL if args.small else FULL
    # 8 clients × 20 = 160 measured requests per route. The 5 warm-up requests per client let
    # each server worker make its remembered views first; how long a view takes right after
    # a change is measured on its own (bench/web.py, cold()).
    web_requests = 20 if args.web_requests is None else args.web_requests
    web_warmup = 5
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        if any(args.keep.iterdir()):
            parser.error(f"--keep: {args.keep} is not empty")
        results = run(
            sizes, args.keep, web_requests, web_warmup, args.load_seconds, args.only_first_request
        )
    else:
        with tempfile.TemporaryDirectory(prefix="onderhandeling-bench-") as tmp:
            results = run(
                sizes,
                Path(tmp),
                web_requests,
                web_warmup,
                args.load_seconds,
                args.only_first_request,
            )
    print(f"Machine: {machine()}")
    print(f"Omvang: {sizes.label}{' (--small)' if args.small else ''}")
    width = max(len(name) for name, _, _ in results)
    for name, value, target in results:
        print(f"{name:<{width}}  {value}{f'  (doel {target})' if target else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
