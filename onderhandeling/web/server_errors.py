"""Unexpected exceptions become a 500 answer, and the connection stays usable.

Starlette's ServerErrorMiddleware sends its 500 and then raises the exception again, for
the server to log; uvicorn then closes the connection, so a browser's next request on that
kept-alive connection was reset. This middleware sits inside it, answers the 500 itself
(problem+json for the API, the Dutch error page for a browser, through
problems.handle_unexpected, which logs the traceback) and does not raise again, so the
server keeps the connection.

Only when the response had already started is the exception raised on: half a response
can only be ended by closing the connection.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from starlette.types import Message, Receive, Scope, Send

from onderhandeling.web.http_middleware import HttpMiddleware
from onderhandeling.web.problems import handle_unexpected


class UnexpectedErrorMiddleware(HttpMiddleware):
    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        response_started = False

        async def watching_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, receive, watching_send)
        except Exception as error:
            if response_started:
                raise
            response = await handle_unexpected(Request(scope), error)
            await response(scope, receive, send)


def install(app: FastAPI) -> None:
    """Add it after the other middleware, so that it is outside them and sees their errors
    too (only the security headers go around it)."""
    app.add_middleware(UnexpectedErrorMiddleware)
