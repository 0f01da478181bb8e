"""The first request after a change, as a ratio to a static asset (issue 9, Performance).

One client alone, signed in like a browser, against the real server on the generated store:
first the static asset (a fresh connection per request, measured), then per route rounds of
"log a one-position meeting through the API (not timed), ask the route once" — so no worker
has the view remembered (web/view_cache.py) and the request builds it from the read models.
Each route's median is divided by the static asset's median from the same client in the
same run. Routes: the dashboard, the dashboard on a past date, the goal page with the most
wording versions.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from uuid import UUID

from bench.web import (
    ACCOUNT,
    PASSWORD,
    STATIC,
    Client,
    Tally,
    cold,
    free_port,
    say,
    serve,
    sign_in,
    stop,
    wait_until_up,
)
from onderhandeling.accounts.store import AccountStore, create_account
from onderhandeling.service import Negotiations

TARGET = 10.0  # the route's median at most this many times the static asset's
STATIC_WARMUP, STATIC_COUNT = 5, 60
ROUNDS = 7  # per route


@dataclass(frozen=True)
class Route:
    name: str
    path: str


def routes(agreement: UUID, big_goal: UUID, big_versions: int, past: date) -> list[Route]:
    return [
        Route("dashboard /", "/"),
        Route(f"dashboard op {past.isoformat()} /?datum=…", f"/?datum={past.isoformat()}"),
        Route(f"doelpagina ({big_versions} versies)", f"/doelstellingen/{big_goal}"),
    ]


def static_alone(client: Client, warmup: int, count: int) -> Tally:
    """The static asset, one request at a time from this client."""
    tally = Tally()
    for n in range(warmup + count):
        start = time.perf_counter()
        status, _, _ = client.request("GET", STATIC)
        elapsed = time.perf_counter() - start
        tally.statuses[status] = tally.statuses.get(status, 0) + 1
        if n >= warmup and 200 <= status < 300:
            tally.seconds.append(elapsed)
    return tally


def first_request_ratios(
    app: Negotiations,
    url: str,
    agreement: UUID,
    big_goal: UUID,
    big_versions: int,
    past: date,
    workdir: Path,
    rounds: int = ROUNDS,
) -> list[tuple[str, str, str]]:
    """Rows (name, value, target) for the benchmark's table."""
    store = AccountStore(app.database)
    if store.get(ACCOUNT) is None:
        create_account(app, ACCOUNT, "onderhandelaar", PASSWORD)
    token = store.create_token(ACCOUNT)
    port = free_port()
    log = workdir / "server-first-request.log"
    say(f"web, eerste verzoek na een wijziging: server op poort {port}")
    process = serve(url, port, log)
    measured: list[tuple[Route, Tally]] = []
    try:
        wait_until_up(process, port, log)
        page = sign_in(port)
        writer = Client(port, {"Authorization": f"Bearer {token}"})
        say(f"  statisch bestand, 1 client × ({STATIC_WARMUP} opwarmen + {STATIC_COUNT})")
        static = static_alone(page, STATIC_WARMUP, STATIC_COUNT)
        for route in routes(agreement, big_goal, big_versions, past):
            say(f"  {route.name}, na een wijziging, 1 client × {rounds}")
            measured.append((route, cold(page, writer, route.path, agreement, rounds)))
        page.close()
        writer.close()
    finally:
        stop(process)
    s50 = static.percentile(50)
    rows = [
        (
            "web, 1 client: statisch bestand " + STATIC,
            f"p50 {s50 * 1000:.2f} ms; fouten: {static.describe_errors()}",
            "",
        )
    ]
    for route, tally in measured:
        p50 = tally.percentile(50)
        worst = max(tally.seconds, default=float("nan"))
        rows.append(
            (
                f"web, 1 client, eerste verzoek na een wijziging: {route.name} vs. statisch",
                f"p50 {p50 * 1000:.0f} ms = {p50 / s50:.1f}×, max {worst * 1000:.0f} ms = "
                f"{worst / s50:.1f}×; {len(tally.seconds)} metingen, fouten: "
                f"{tally.describe_errors()}",
                f"p50 ≤ {TARGET:.0f}×",
            )
        )
    return rows
