"""`onderhandeling serve` sets TCP_NODELAY on every connection, also where uvicorn made the
listening socket itself (several workers), so kept-alive responses are not held back."""

from __future__ import annotations

import argparse
import asyncio
import socket
import threading

import pytest
from uvicorn.config import Config
from uvicorn.server import ServerState

from onderhandeling.web.nodelay import NoDelayH11Protocol


async def _empty_app(scope: object, receive: object, send: object) -> None:
    return None


def server_side_nodelay(protocol_class: type[asyncio.Protocol]) -> int:
    """Accept one connection on a socket made as uvicorn makes it for several workers
    (protocol number 0) and read TCP_NODELAY on the server's side of the connection."""
    config = Config(app=_empty_app, lifespan="off", log_level="warning")
    config.load()
    state = ServerState()
    seen: list[int] = []

    class Probe(protocol_class):  # type: ignore[misc, valid-type]
        def connection_made(self, transport: asyncio.Transport) -> None:
            super().connection_made(transport)
            sock = transport.get_extra_info("socket")
            seen.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))

    async def run() -> None:
        listener = socket.socket(family=socket.AF_INET)  # protocol 0, as uvicorn binds it
        listener.bind(("127.0.0.1", 0))
        loop = asyncio.get_running_loop()
        server = await loop.create_server(
            lambda: Probe(config=config, server_state=state, app_state={}), sock=listener
        )
        port = listener.getsockname()[1]
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        for _ in range(100):
            if seen:
                break
            await asyncio.sleep(0.01)
        writer.close()
        server.close()
        await server.wait_closed()

    # In a thread of its own: an earlier test (Playwright's sync API) may have left an event
    # loop running in this one, and asyncio.run refuses to start inside it.
    failures: list[BaseException] = []

    def in_thread() -> None:
        try:
            asyncio.run(run())
        except BaseException as error:
            failures.append(error)

    thread = threading.Thread(target=in_thread)
    thread.start()
    thread.join(timeout=30)
    assert not failures, failures
    assert seen, "no connection was accepted"
    return seen[0]


def test_connections_get_tcp_nodelay() -> None:
    assert server_side_nodelay(NoDelayH11Protocol) != 0


def test_uvicorns_own_protocol_would_not_set_it_here() -> None:
    """The reason for the class: on such a socket, asyncio leaves the option off."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    assert server_side_nodelay(H11Protocol) == 0


def test_serve_uses_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    import uvicorn.importer

    from onderhandeling.cli.serve import run_serve

    given: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: given.update(kwargs))
    run_serve(argparse.Namespace(host="127.0.0.1", port=8000, workers=2))
    assert given["workers"] == 2
    assert uvicorn.importer.import_from_string(str(given["http"])) is NoDelayH11Protocol
