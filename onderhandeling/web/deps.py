"""The dependencies the pages and the API share, declared once: the service, the user (any,
signed in, or a writer) and the CSRF check of a state-changing form."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from onderhandeling.service import Negotiations
from onderhandeling.web import security
from onderhandeling.web.security import User


def negotiations(request: Request) -> Negotiations:
    """The one application service, created with the app and kept on its state."""
    service: Negotiations = request.app.state.negotiations
    return service


Service = Annotated[Negotiations, Depends(negotiations)]
OptionalUser = Annotated[User | None, Depends(security.optional_user)]
CurrentUser = Annotated[User, Depends(security.current_user)]
Writer = Annotated[User, Depends(security.writer)]
CSRF = [Depends(security.verify_csrf)]
