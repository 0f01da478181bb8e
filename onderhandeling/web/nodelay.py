"""uvicorn's HTTP protocol, with TCP_NODELAY set on every connection.

With ``--workers`` above 1, uvicorn binds the listening socket itself with protocol number 0,
and asyncio sets TCP_NODELAY only on sockets whose protocol is IPPROTO_TCP. uvicorn writes a
response's head and body separately, so on a kept-alive connection (every browser's) Nagle's
algorithm held the body back until the client's delayed ACK: ~40 ms on every response after
the first. With one worker asyncio sets the option itself; setting it again is harmless.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol

# What `onderhandeling serve` passes to uvicorn as its HTTP protocol.
PROTOCOL = "onderhandeling.web.nodelay:NoDelayH11Protocol"


class NoDelayH11Protocol(H11Protocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            # The connection may already be gone; uvicorn notices that itself.
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
