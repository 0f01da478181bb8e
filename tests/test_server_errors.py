"""An unexpected exception is answered with a 500 and the server keeps the connection: the
client's next request on the same kept-alive connection is served, not reset."""

from __future__ import annotations

import http.client
import logging
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn

from onderhandeling.config import Database
from onderhandeling.web.app import create_app
from onderhandeling.web.nodelay import PROTOCOL
from tests.support.api_world import MARKER, World, bearer, build_world


@pytest.fixture
def world(database: Database) -> Iterator[World]:
    built = build_world(database)
    yield built
    built.app.close()


@pytest.fixture
def server(world: World) -> Iterator[int]:
    """The real app, plus a test-only route that fails, served by uvicorn as `onderhandeling
    serve` runs it; yields the port."""
    app = create_app(world.app)

    @app.get("/test/boom")
    def boom() -> dict[str, str]:
        raise RuntimeError(f"boom {MARKER}")

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, http=PROTOCOL, lifespan="off", log_config=None)
    served = uvicorn.Server(config)
    thread = threading.Thread(target=served.run, kwargs={"sockets": [listener]})
    thread.start()
    deadline = time.monotonic() + 30
    while not served.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert served.started, "uvicorn did not start"
    yield listener.getsockname()[1]
    served.should_exit = True
    thread.join(timeout=30)
    listener.close()


def test_the_connection_survives_a_500(
    world: World, server: int, caplog: pytest.LogCaptureFixture
) -> None:
    """On one kept-alive connection: a request that fails gets a 500 (problem+json for the
    API, the Dutch page for a browser) without Connection: close, and the next requests on
    that same connection succeed. The traceback is logged once per failure."""
    connection = http.client.HTTPConnection("127.0.0.1", server, timeout=30)
    token = bearer(world.writer_token)
    with caplog.at_level(logging.ERROR):
        connection.request("GET", "/test/boom", headers=token)
        failed = connection.getresponse()
        body = failed.read().decode()
        assert failed.status == 500
        assert failed.getheader("content-type") == "application/problem+json"
        assert failed.getheader("connection") != "close"
        assert MARKER not in body
        assert connection.sock is not None
        local_end = connection.sock.getsockname()

        connection.request("GET", "/api/v1/parties", headers=token)
        served = connection.getresponse()
        assert served.status == 200
        assert "JOB" in served.read().decode()

        connection.request("GET", "/test/boom", headers={**token, "Accept": "text/html"})
        page = connection.getresponse()
        assert page.status == 500
        assert page.getheader("content-type", "").startswith("text/html")
        assert 'lang="nl"' in page.read().decode()

        connection.request("GET", "/api/v1/parties", headers=token)
        again = connection.getresponse()
        again.read()
        assert again.status == 200
        assert connection.sock is not None and connection.sock.getsockname() == local_end
    connection.close()
    tracebacks = [r for r in caplog.records if r.exc_info and "boom" in str(r.exc_info[1])]
    assert len(tracebacks) == 2
    assert all(r.name == "onderhandeling.web" for r in tracebacks)
