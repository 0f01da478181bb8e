"""Web latency under concurrency: the real server (`onderhandeling serve`) on the generated store.

Started as a subprocess on a free loopback port, 8 client threads (stdlib ``http.client``)
ask for the dashboard, the goal page of the biggest goal and the JSON agreement state, each
route in its own phase, and a static asset in a phase of its own under the same concurrency.
Every latency is reported as a ratio to the static asset's, taken from the same server in
the same run. Counts and time are bounded; the server is stopped at the end, whatever
happens.

Each measured request uses a fresh connection (``Connection: close``). Kept-alive connections
are measured once on their own (one client, static asset): with ``--workers`` above 1 they used
to wait ~40 ms per response for Nagle's algorithm, until `serve` set TCP_NODELAY on every
connection (onderhandeling/web/nodelay.py); the line shows that this stays fixed.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode
from uuid import UUID

from onderhandeling.accounts.store import AccountStore, create_account
from onderhandeling.service import Negotiations

HOST = "127.0.0.1"
CLIENTS = 8
WORKERS = 2  # the machine has 2 cores
STATIC = "/static/app.css"
ACCOUNT = "bench"
PASSWORD = "bench-wachtwoord-lang-genoeg"
REQUEST_TIMEOUT = 120.0  # seconds, per request
PHASE_BUDGET = 300.0  # seconds, per route: clients stop starting requests after this
START_TIMEOUT = 60.0  # seconds for the server to answer
SESSION_COOKIE = "onderhandeling_sessie"
STATIC_WARMUP, STATIC_COUNT = 5, 40  # per client, whatever the size
IDLE_REUSE = 4.0  # seconds a kept-alive connection may sit idle before it is not reused


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Tally:
    """What the clients of one phase saw."""

    seconds: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    exceptions: dict[str, int] = field(default_factory=dict)
    skipped: int = 0  # requests not started because the phase ran out of time
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def errors(self) -> int:
        bad = sum(n for status, n in self.statuses.items() if not 200 <= status < 300)
        return bad + sum(self.exceptions.values())

    def percentile(self, p: float) -> float:
        ordered = sorted(self.seconds)
        if not ordered:
            return float("nan")
        if len(ordered) == 1:
            return ordered[0]
        return statistics.quantiles(ordered, n=100, method="inclusive")[round(p) - 1]

    def describe_errors(self) -> str:
        parts = [f"HTTP {s}: {n}" for s, n in sorted(self.statuses.items()) if not 200 <= s < 300]
        parts += [f"{name}: {n}" for name, n in sorted(self.exceptions.items())]
        if self.skipped:
            parts.append(f"niet gestart (tijd op): {self.skipped}")
        return ", ".join(parts) if parts else "geen"


class Client:
    """A client with its own headers (a bearer token or a session cookie): one connection per
    request, or one kept-alive connection."""

    def __init__(self, port: int, headers: dict[str, str], keep_alive: bool = False) -> None:
        self.port = port
        self.headers = dict(headers)
        self.keep_alive = keep_alive
        self.connection: http.client.HTTPConnection | None = None
        self.last_used = 0.0
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, body: bytes | None = None, extra: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        if self.connection is not None and time.monotonic() - self.last_used > IDLE_REUSE:
            # uvicorn closes a kept-alive connection after 5 idle seconds; a browser then
            # opens a new one, so this client does too (not a reset caused by the server).
            self.close()
        if self.connection is None:
            self.connection = http.client.HTTPConnection(HOST, self.port, timeout=REQUEST_TIMEOUT)
        self.last_used = time.monotonic()
        try:
            headers = {**self.headers, **(extra or {})}
            if not self.keep_alive:
                headers["Connection"] = "close"
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
        except Exception:
            self.close()  # start afresh on the next request
            raise
        # Kept as a browser keeps them: the session and any other cookie the server sets.
        for cookie in response.msg.get_all("set-cookie") or []:
            name, _, value = cookie.split(";", 1)[0].partition("=")
            self.cookies[name] = value
        if SESSION_COOKIE in self.cookies:
            self.headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if not self.keep_alive or response.getheader("connection", "").lower() == "close":
            self.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def sign_in(port: int) -> Client:
    """A browser-like session: fetch the form (cookie + CSRF token), post name and password."""
    client = Client(port, {})
    status, _, page = client.request("GET", "/aanmelden")
    found = re.search(rb'name="csrf_token" value="([^"]+)"', page)
    if status != 200 or found is None:
        raise RuntimeError(f"aanmeldformulier: HTTP {status}, geen CSRF-token")
    form = urlencode(
        {"naam": ACCOUNT, "wachtwoord": PASSWORD, "csrf_token": found.group(1).decode()}
    ).encode()
    status, _, _ = client.request(
        "POST", "/aanmelden", form, {"Content-Type": "application/x-www-form-urlencoded"}
    )
    if status != 303 or "Cookie" not in client.headers:
        raise RuntimeError(f"aanmelden: HTTP {status}, verwacht 303 met sessiecookie")
    status, _, _ = client.request("GET", "/")
    if status != 200:
        raise RuntimeError(f"dashboard na aanmelden: HTTP {status}")
    return client


def phase(clients: list[Client], path: str, warmup: int, count: int) -> Tally:
    """Each client (own thread) asks `warmup` unmeasured, then `count` measured requests."""
    tally = Tally()
    deadline = time.monotonic() + PHASE_BUDGET
    barrier = threading.Barrier(len(clients))

    def work(client: Client) -> None:
        # A fresh connection: uvicorn closes a kept-alive connection after 5 idle seconds,
        # and a client may have waited longer than that for the others to finish.
        client.close()
        barrier.wait()
        for n in range(warmup + count):
            if time.monotonic() > deadline:
                with tally.lock:
                    tally.skipped += warmup + count - n
                return
            start = time.perf_counter()
            try:
                status, _, _ = client.request("GET", path)
            except Exception as error:  # counted and printed, not raised
                with tally.lock:
                    name = type(error).__name__
                    tally.exceptions[name] = tally.exceptions.get(name, 0) + 1
                continue
            elapsed = time.perf_counter() - start
            with tally.lock:
                tally.statuses[status] = tally.statuses.get(status, 0) + 1
                if n >= warmup and 200 <= status < 300:
                    tally.seconds.append(elapsed)

    threads = [threading.Thread(target=work, args=(c,), daemon=True) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(PHASE_BUDGET + REQUEST_TIMEOUT + 10)
    return tally


def wait_until_up(process: subprocess.Popen[bytes], port: int, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server stopte (code {process.returncode}):\n{log.read_text()}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=5)
            connection.request("GET", STATIC)
            status = connection.getresponse().status
            connection.close()
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server antwoordde niet binnen {START_TIMEOUT:.0f} s:\n{log.read_text()}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the server's process group (uvicorn and its workers), SIGKILL if it lingers."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)


def serve(url: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    server = Path(sys.executable).parent / "onderhandeling"
    command = [str(server), "serve", "--host", HOST, "--port", str(port)]
    command += ["--workers", str(WORKERS)]
    env = {**os.environ, "ONDERHANDELING_DATABASE_URL": url}
    with log.open("wb") as out:
        return subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


COLD_ROUNDS = 5  # per route: a change, then one measured request


def cold(page: Client, writer: Client, path: str, agreement: UUID, rounds: int) -> Tally:
    """The route right after a change (so no worker has it remembered), one client alone:
    each round logs a one-position meeting through the API (not timed), then asks once."""
    _, _, body = writer.request("GET", f"/api/v1/agreements/{agreement}")
    about = json.loads(body)
    goal = about["goals"][-1]["code"]  # a small goal, not the 1,000-version one
    party = about["parties"][0]["code"]
    tally = Tally()
    for n in range(rounds):
        try:
            _cold_round(page, writer, path, agreement, goal, party, n, tally)
        except Exception as error:  # counted and printed, like the phases' errors
            name = type(error).__name__
            tally.exceptions[name] = tally.exceptions.get(name, 0) + 1
    return tally


def _cold_round(
    page: Client,
    writer: Client,
    path: str,
    agreement: UUID,
    goal: str,
    party: str,
    n: int,
    tally: Tally,
) -> None:
    meeting = {
        "title": f"Bench-overleg {n}",
        "kind": "schriftelijk",
        "held_on": "2022-10-01",
        "parties_present": [party],
        "positions": [{"goal": goal, "party": party, "stance": "neutral", "summary": f"ronde {n}"}],
    }
    status, _, _ = writer.request(
        "POST",
        f"/api/v1/agreements/{agreement}/meetings",
        json.dumps(meeting).encode(),
        {"Content-Type": "application/json"},
    )
    if status != 201:
        tally.statuses[status] = tally.statuses.get(status, 0) + 1
        return
    start = time.perf_counter()
    status, _, _ = page.request("GET", path)
    elapsed = time.perf_counter() - start
    tally.statuses[status] = tally.statuses.get(status, 0) + 1
    if 200 <= status < 300:
        tally.seconds.append(elapsed)


def web_latency(
    app: Negotiations,
    url: str,
    agreement: UUID,
    big_goal: UUID,
    big_versions: int,
    workdir: Path,
    count: int,
    warmup: int,
) -> list[tuple[str, str, str]]:
    """Rows (name, value, target) for the benchmark's table."""
    create_account(app, ACCOUNT, "onderhandelaar", PASSWORD)
    token = AccountStore(app.database).create_token(ACCOUNT)
    port = free_port()
    log = workdir / "server.log"
    say(f"server: onderhandeling serve --workers {WORKERS} op {HOST}:{port}")
    process = serve(url, port, log)
    results: list[tuple[str, str, str]] = []
    try:
        wait_until_up(process, port, log)
        # Sign-ins one after the other: each counts as an attempt against the lock-out limit
        # until it succeeds, so parallel ones could trip it.
        browsers = [sign_in(port) for _ in range(CLIENTS)]
        api = [Client(port, {"Authorization": f"Bearer {token}"}) for _ in range(CLIENTS)]
        routes: list[tuple[str, str, list[Client]]] = [
            ("statisch bestand " + STATIC, STATIC, browsers),
            ("dashboard /", "/", browsers),
            (
                f"doelpagina ({big_versions} versies) /doelstellingen/{{id}}",
                f"/doelstellingen/{big_goal}",
                browsers,
            ),
            (
                "JSON-stand GET /api/v1/agreements/{id}/state",
                f"/api/v1/agreements/{agreement}/state",
                api,
            ),
        ]
        say("web: statisch bestand, 1 client, keep-alive (Nagle-vertraging meten)")
        kept = Client(port, browsers[0].headers, keep_alive=True)
        alone = phase([kept], STATIC, STATIC_WARMUP, STATIC_COUNT)
        tallies: list[tuple[str, Tally]] = []
        for name, path, clients in routes:
            # The static asset costs milliseconds: it gets enough rounds for a steady p95.
            rounds = (STATIC_WARMUP, STATIC_COUNT) if path == STATIC else (warmup, count)
            say(f"web: {name}, {CLIENTS} clients × ({rounds[0]} opwarmen + {rounds[1]})")
            start = time.perf_counter()
            tally = phase(clients, path, *rounds)
            seconds = time.perf_counter() - start
            errors = tally.describe_errors()
            say(f"  {len(tally.seconds)} metingen in {seconds:.0f} s, fouten: {errors}")
            tallies.append((name, tally))
        colds: list[Tally] = []
        for name, path, clients in routes[1:]:
            say(f"web: {name}, na een wijziging, 1 client × {COLD_ROUNDS}")
            colds.append(cold(clients[0], api[0], path, agreement, COLD_ROUNDS))
        for client in browsers + api:
            client.close()
    finally:
        stop(process)

    static = tallies[0][1]
    s50, s95 = static.percentile(50), static.percentile(95)
    setup = f"{CLIENTS} clients, verbinding per verzoek, server met --workers {WORKERS}"
    results.append(
        (
            f"web: {tallies[0][0]} ({setup})",
            f"p50 {s50 * 1000:.1f} ms, p95 {s95 * 1000:.1f} ms; "
            f"fouten: {static.describe_errors()}; 1 client met keep-alive: p50 "
            f"{alone.percentile(50) * 1000:.1f} ms, p95 {alone.percentile(95) * 1000:.1f} ms",
            "",
        )
    )
    for (name, tally), fresh in zip(tallies[1:], colds, strict=True):
        p50, p95 = tally.percentile(50), tally.percentile(95)
        results.append(
            (
                f"web: {name} vs. statisch bestand",
                f"p50 {p50 * 1000:.0f} ms = {p50 / s50:.0f}×, p95 {p95 * 1000:.0f} ms = "
                f"{p95 / s95:.0f}×; {len(tally.seconds)} metingen, fouten: "
                f"{tally.describe_errors()}; direct na een wijziging (niet onthouden), "
                f"1 client: p50 {fresh.percentile(50) * 1000:.0f} ms, max "
                f"{max(fresh.seconds, default=float('nan')) * 1000:.0f} ms, fouten: "
                f"{fresh.describe_errors()}",
                "p95 ≤ 10×, 0 fouten",
            )
        )
    total_errors = sum(t.errors + t.skipped for t in [alone, *(t for _, t in tallies), *colds])
    results.append(
        ("web: fouten (niet-2xx + uitzonderingen + niet gestart)", f"{total_errors}", "0")
    )
    return results
