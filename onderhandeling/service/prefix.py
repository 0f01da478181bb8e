"""Refusals about one item of a list name the item, so a form can mark the row it is about."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from onderhandeling.domain.errors import DomainError


@contextmanager
def field_prefix(prefix: str) -> Iterator[None]:
    """Refusals about one row of a list name the row: 'party' becomes 'positions.2.party'."""
    try:
        yield
    except DomainError as error:
        field = error.details.get("field")
        if isinstance(field, str) and not field.startswith(prefix):
            error.details["field"] = prefix + field
            if hasattr(error, "field"):
                error.field = prefix + field
        raise
