"""What the API's routers share: the service and user dependencies, and how a body names
parties and goals (by code)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from fastapi import Depends

from onderhandeling.domain.errors import InvalidInput, NotFound
from onderhandeling.service import Negotiations
from onderhandeling.web.deps import negotiations as service
from onderhandeling.web.security import reader, writer

Service = Depends(service)
Writer = Depends(writer)
ReaderDep = Depends(reader)


def day(value: date | None) -> date:
    """A write's effective date: as given, or today."""
    return value or date.today()


def party(app: Negotiations, code: str, field: str) -> UUID:
    """A party named in a body: an unknown code is invalid input, not a missing resource."""
    try:
        return app.party_id(code)
    except NotFound:
        raise InvalidInput(field, f"party {code!r} does not exist") from None


def goal_in(app: Negotiations, agreement_id: UUID, code: str, field: str) -> UUID:
    """A goal named by code in a body: a missing agreement stays a 404, a missing goal code
    is invalid input."""
    try:
        return app.goal_id(agreement_id, code)
    except NotFound as error:
        if "code" not in error.details:  # the agreement itself is missing
            raise
        raise InvalidInput(field, f"goal {code!r} does not exist in this agreement") from None
