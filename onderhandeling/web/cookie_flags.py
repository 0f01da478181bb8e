"""Which of our cookies may go without the Secure flag: only those of a plain-HTTP request
to a local host, so that `make run` works on http://127.0.0.1 while any real host needs
HTTPS. Behind a reverse proxy that ends TLS, uvicorn's proxy headers handling makes the
scheme https (see security.py)."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.types import Scope

# Plain-HTTP hosts that still get our cookies ("testserver" is Starlette's TestClient).
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]", "testserver"})


def plain_http_to_local_host(scope: Scope) -> bool:
    if scope["type"] not in ("http", "websocket") or scope.get("scheme") not in ("http", "ws"):
        return False
    host = Headers(scope=scope).get("host", "")
    hostname = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return hostname.lower() in LOCAL_HOSTS
