"""Many users at once, on both stores: `onderhandeling serve --workers 2` on a generated
negotiation, first 20 negotiators logging a meeting on the same five goals at the same moment,
then a mixed load (12 clients, 70% reads, 30% writes) for a fixed time.

Clients keep their connection alive, as browsers do, so a server that closes a connection
after an error shows up as a reset on the client's next request. The server's log is searched
for the symptoms of lock trouble afterwards. Latencies are reported as ratios to a static
asset served by the same server in the same run; PostgreSQL's throughput as a ratio to
SQLite's.
"""

from __future__ import annotations

import json
import random
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg

from bench import Sizes, World, generate
from bench.web import (
    ACCOUNT,
    PASSWORD,
    STATIC,
    Client,
    Tally,
    free_port,
    phase,
    say,
    serve,
    sign_in,
    stop,
    wait_until_up,
)
from onderhandeling.accounts.store import AccountStore, create_account
from onderhandeling.config import parse_database_url
from onderhandeling.readmodel import projector_of
from onderhandeling.service import Negotiations
from onderhandeling.storage.database import drop_postgres_schema

Row = tuple[str, str, str]
CONCURRENT_MEETINGS = 20
LOAD_CLIENTS = 12
READ_SHARE = 0.7
# What a log line of lock trouble looks like (SQLite's busy lock, the library's pool).
TROUBLE = ("database is locked", "Timed out waiting", "ConnectionUnavailable", "Traceback")
RESETS = ("ConnectionResetError", "RemoteDisconnected", "BrokenPipeError", "BadStatusLine")


@dataclass
class Store:
    label: str
    url: str
    world: World
    token: str
    cleanup: Any = None


def postgres_reachable(url: str) -> str | None:
    try:
        with psycopg.connect(url.split("?")[0], connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as error:
        return str(error).strip()
    return None


def prepare(label: str, url: str, sizes: Sizes) -> Store:
    """The generated negotiation in a store of its own, caught up, with an account."""
    app = Negotiations(parse_database_url(url))
    say(f"belasting, {label}: genereren ({sizes.label})")
    world = generate(app, sizes, lambda message: None)
    projector_of(app).catch_up()
    create_account(app, ACCOUNT, "onderhandelaar", PASSWORD)
    token = AccountStore(app.database).create_token(ACCOUNT)
    app.close()
    return Store(label, url, world, token)


@dataclass
class Outcomes:
    statuses: dict[int, int] = field(default_factory=dict)
    exceptions: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, status: int | None, error: Exception | None = None) -> None:
        with self.lock:
            if error is not None:
                name = type(error).__name__
                self.exceptions[name] = self.exceptions.get(name, 0) + 1
            elif status is not None:
                self.statuses[status] = self.statuses.get(status, 0) + 1

    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    def resets(self) -> int:
        return sum(n for name, n in self.exceptions.items() if name in RESETS)


def meeting_body(world: World, goals: list[str], number: int) -> bytes:
    parties = [f"P{n:02d}" for n in range(len(goals))]
    return json.dumps(
        {
            "title": f"Gelijktijdig overleg {number}",
            "kind": "bilateraal",
            "held_on": world.last_day.isoformat(),
            "parties_present": parties,
            "positions": [
                {"goal": goal, "party": parties[i], "stance": "supports", "summary": f"{number}"}
                for i, goal in enumerate(goals)
            ],
        }
    ).encode()


JSON_HEADERS = {"Content-Type": "application/json"}


def concurrent_meetings(port: int, store: Store) -> Row:
    """20 negotiators, each logging a 5-position meeting on the same five goals at once."""
    goals = [f"G{n:03d}" for n in range(1, 6)]
    clients = [
        Client(port, {"Authorization": f"Bearer {store.token}"}, keep_alive=True)
        for _ in range(CONCURRENT_MEETINGS)
    ]
    outcomes = Outcomes()
    barrier = threading.Barrier(CONCURRENT_MEETINGS)
    path = f"/api/v1/agreements/{store.world.agreement}/meetings"

    def negotiator(number: int, client: Client) -> None:
        body = meeting_body(store.world, goals, number)
        barrier.wait()
        try:
            status, _, _ = client.request("POST", path, body, JSON_HEADERS)
            outcomes.count(status)
        except Exception as error:  # counted and printed
            outcomes.count(None, error)

    threads = [
        threading.Thread(target=negotiator, args=(n, c), daemon=True) for n, c in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(180)
    for client in clients:
        client.close()
    stored = outcomes.statuses.get(201, 0)
    refused = sum(n for s, n in outcomes.statuses.items() if 400 <= s < 500)
    return (
        f"gelijktijdig, {store.label}: {CONCURRENT_MEETINGS} overleggen met 5 standpunten op "
        "dezelfde 5 doelen, --workers 2",
        f"{stored} van {CONCURRENT_MEETINGS} opgeslagen, {refused} geweigerd, "
        f"{outcomes.server_errors()} × 5xx, uitzonderingen: {outcomes.exceptions or 'geen'}",
        f"{CONCURRENT_MEETINGS}/{CONCURRENT_MEETINGS}, 0 geweigerd, 0 × 5xx",
    )


@dataclass
class Load:
    seconds: float
    tally: Tally
    outcomes: Outcomes
    conflicts: int

    @property
    def throughput(self) -> float:
        return len(self.tally.seconds) / self.seconds


def mixed_load(port: int, store: Store, seconds: float) -> Load:
    """LOAD_CLIENTS clients for `seconds`: 70% reads (dashboard, a goal page, the JSON state,
    a goal as JSON), 30% writes (a meeting with positions, a wording revision)."""
    world = store.world
    browsers = [sign_in(port) for _ in range(LOAD_CLIENTS)]  # one after the other
    for browser in browsers:
        browser.keep_alive = True
    api = [
        Client(port, {"Authorization": f"Bearer {store.token}"}, keep_alive=True)
        for _ in range(LOAD_CLIENTS)
    ]
    goal = world.goals[7]
    reads = [
        (browsers, "/"),
        (browsers, f"/doelstellingen/{goal}"),
        (api, f"/api/v1/agreements/{world.agreement}/state"),
        (api, f"/api/v1/goals/{goal}"),
    ]
    tally, outcomes = Tally(), Outcomes()
    conflicts = [0]
    deadline = time.monotonic() + seconds
    start_line = threading.Barrier(LOAD_CLIENTS)

    def request(client: Client, method: str, path: str, body: bytes | None = None) -> int | None:
        started = time.perf_counter()
        try:
            status, _, _ = client.request(method, path, body, JSON_HEADERS if body else None)
        except Exception as error:  # a reset or a time-out: counted, the client reconnects
            outcomes.count(None, error)
            return None
        elapsed = time.perf_counter() - started
        outcomes.count(status)
        with tally.lock:
            tally.statuses[status] = tally.statuses.get(status, 0) + 1
            if status < 500:
                tally.seconds.append(elapsed)
        if status == 409:
            with tally.lock:
                conflicts[0] += 1
        return status

    def work(number: int) -> None:
        rng = random.Random(number)
        writer = api[number]
        start_line.wait()
        while time.monotonic() < deadline:
            if rng.random() < READ_SHARE:
                clients, path = rng.choice(reads)
                request(clients[number], "GET", path)
            elif rng.random() < 0.5:
                body = meeting_body(world, [f"G{n:03d}" for n in range(1, 6)], rng.randrange(10**6))
                request(writer, "POST", f"/api/v1/agreements/{world.agreement}/meetings", body)
            else:
                revise(writer, rng)

    def revise(writer: Client, rng: random.Random) -> None:
        # A real negotiator reads the version first; a clash in between is a real 409.
        target = world.goals[10 + rng.randrange(5)]
        try:
            status, _, data = writer.request("GET", f"/api/v1/goals/{target}")
        except Exception as error:
            outcomes.count(None, error)
            return
        if status != 200:
            outcomes.count(status)
            return
        version = json.loads(data)["version"]
        body = json.dumps(
            {
                "text": f"Herziene tekst {uuid.uuid4()}.",
                "based_on": version,
                "reason": "belasting",
                "kind": "editorial",
                "effective_date": world.last_day.isoformat(),
            }
        ).encode()
        request(writer, "POST", f"/api/v1/goals/{target}/revisions", body)

    threads = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(LOAD_CLIENTS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 300)
    elapsed = time.monotonic() - started
    for client in browsers + api:
        client.close()
    return Load(elapsed, tally, outcomes, conflicts[0])


def log_trouble(log: Path) -> dict[str, int]:
    text = log.read_text(errors="replace")
    return {symptom: text.count(symptom) for symptom in TROUBLE if symptom in text}


def run_store(store: Store, workdir: Path, seconds: float) -> tuple[list[Row], Load | None]:
    port = free_port()
    log = workdir / f"server-{store.label.lower()}.log"
    say(f"belasting, {store.label}: onderhandeling serve --workers 2 op poort {port}")
    process = serve(store.url, port, log)
    rows: list[Row] = []
    load = None
    try:
        wait_until_up(process, port, log)
        rows.append(concurrent_meetings(port, store))
        say(f"belasting, {store.label}: statisch bestand, {LOAD_CLIENTS} clients")
        static_clients = [Client(port, {}, keep_alive=True) for _ in range(LOAD_CLIENTS)]
        static = phase(static_clients, STATIC, 5, 20)
        say(f"belasting, {store.label}: gemengd, {LOAD_CLIENTS} clients, {seconds:.0f} s")
        load = mixed_load(port, store, seconds)
    finally:
        stop(process)
    trouble = log_trouble(log)
    p95 = load.tally.percentile(95)
    rows.append(
        (
            f"gemengde belasting, {store.label}: {LOAD_CLIENTS} clients, 70% lezen / 30% "
            f"schrijven, {seconds:.0f} s, --workers 2, verbindingen blijven open",
            f"{len(load.tally.seconds)} verzoeken, {load.throughput:.1f}/s; p50 "
            f"{load.tally.percentile(50) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms = "
            f"{p95 / static.percentile(95):.0f}× statisch bestand (p95 "
            f"{static.percentile(95) * 1000:.1f} ms); 5xx: {load.outcomes.server_errors()}, "
            f"verbroken verbindingen: {load.outcomes.resets()}, andere uitzonderingen: "
            f"{ {k: v for k, v in load.outcomes.exceptions.items() if k not in RESETS} or 'geen' }"
            f"; 409 (echt conflict: tekst intussen gewijzigd): {load.conflicts}; serverlog: "
            f"{trouble or 'geen lock- of pool-time-outs, geen tracebacks'}",
            "0 × 5xx, 0 verbroken, niets in het serverlog",
        )
    )
    return rows, load


def load_phases(
    sizes: Sizes, workdir: Path, sqlite_url: str, postgres_url: str, seconds: float
) -> list[Row]:
    """Rows for the benchmark's table: both stores, then PostgreSQL's throughput vs SQLite's."""
    rows: list[Row] = []
    stores = [prepare("SQLite", sqlite_url, sizes)]
    unreachable = postgres_reachable(postgres_url)
    schema_url = f"{postgres_url.split('?')[0]}?schema=bench_{uuid.uuid4().hex[:10]}"
    if unreachable is None:
        stores.append(prepare("PostgreSQL", schema_url, sizes))
    else:
        rows.append(("belasting, PostgreSQL", f"niet bereikbaar: {unreachable}", ""))
    loads: dict[str, Load] = {}
    try:
        for store in stores:
            found, load = run_store(store, workdir, seconds)
            rows += found
            if load is not None:
                loads[store.label] = load
    finally:
        if unreachable is None:
            drop_postgres_schema(parse_database_url(schema_url))
    if "SQLite" in loads and "PostgreSQL" in loads:
        ratio = loads["PostgreSQL"].throughput / loads["SQLite"].throughput
        rows.append(
            (
                "gemengde belasting: doorvoer PostgreSQL vs. SQLite",
                f"{loads['PostgreSQL'].throughput:.1f}/s vs {loads['SQLite'].throughput:.1f}/s "
                f"= {ratio:.2f}×",
                "≥ 0.8×",
            )
        )
    return rows
