"""Allowed values and text limits, shared by every aggregate.

Values are stored in events as plain strings so that stored events stay readable forever;
the enums here are the single list of what is allowed.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar
from uuid import UUID

from onderhandeling.domain.errors import EmptyValue, NotAChoice, NotADate, TooLong
from onderhandeling.domain.errors import InvalidInput as InvalidInput
from onderhandeling.domain.plausibility import in_years

# Generous limits: a goal's wording is a paragraph or a page, not a book.
MAX_WORDING = 20_000
MAX_TEXT = 5_000
MAX_SHORT = 300
MAX_REFERENCE = 64
MAX_CODE = 32
CODE_PATTERN = r"^[A-Za-z0-9._-]+$"  # also the API's schema for a code
MAX_LIST_ITEMS = 200


class Stance(StrEnum):
    SUPPORTS = "supports"
    CONDITIONAL = "conditional"
    NEUTRAL = "neutral"
    OBJECTS = "objects"
    BLOCKS = "blocks"
    UNKNOWN = "unknown"


class Role(StrEnum):
    SIGNATORY = "signatory"
    ADVISER = "adviser"


class GoalStatus(StrEnum):
    DRAFT = "draft"
    IN_NEGOTIATION = "in_negotiation"
    AGREED = "agreed"
    DROPPED = "dropped"


class MeetingKind(StrEnum):
    AMBTELIJK = "ambtelijk"
    BESTUURLIJK = "bestuurlijk"
    BILATERAAL = "bilateraal"
    BEGELEIDINGSCOMMISSIE = "begeleidingscommissie"
    SCHRIFTELIJK = "schriftelijk"


class Confidentiality(StrEnum):
    SHARED = "shared"
    INTERNAL = "internal"

    @classmethod
    def of(cls, internal: bool) -> Confidentiality:
        """Internal when marked so (a form's checkbox, the demo's flag), else shared."""
        return cls.INTERNAL if internal else cls.SHARED


class RevisionKind(StrEnum):
    SUBSTANTIVE = "substantive"
    EDITORIAL = "editorial"


class CauseType(StrEnum):
    AMENDMENT = "amendment"
    MEETING = "meeting"
    DECISION = "decision"
    NONE = "none"


class AmendmentOutcome(StrEnum):
    ADOPTED = "adopted"
    PARTLY_ADOPTED = "partly_adopted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


E = TypeVar("E", bound=StrEnum)


def choice(field: str, value: str, allowed: type[E]) -> E:
    """Return the enum member for value, or refuse with the list of allowed values."""
    try:
        return allowed(value)
    except ValueError:
        options = ", ".join(member.value for member in allowed)
        raise NotAChoice(
            field, f"{field} must be one of: {options} (got {value!r})", options=options
        ) from None


def text(field: str, value: str, limit: int = MAX_TEXT) -> str:
    """Refuse empty or over-long text; otherwise keep it exactly as given."""
    if not isinstance(value, str):
        raise InvalidInput(field, f"{field} must be text")
    if not value.strip():
        raise EmptyValue(field, f"{field} must not be empty")
    if len(value) > limit:
        raise TooLong(
            field, f"{field} is {len(value)} characters; the limit is {limit}", limit=limit
        )
    if "\x00" in value:
        raise InvalidInput(field, f"{field} contains a NUL character")
    return value


def optional_text(field: str, value: str | None, limit: int = MAX_TEXT) -> str:
    """Optional text: None or blank becomes ''; otherwise as text()."""
    if value is None or value == "":
        return ""
    return text(field, value, limit)


def code(field: str, value: str) -> str:
    """A short stable code such as K1 or MBORAAD: ASCII letters, digits, '.', '-' and '_'."""
    text(field, value, MAX_CODE)
    if re.fullmatch(CODE_PATTERN, value) is None:
        raise InvalidInput(field, f"{field} may contain only letters, digits, '-', '_' and '.'")
    return value


def texts(field: str, values: list[str], limit: int = MAX_TEXT) -> list[str]:
    if len(values) > MAX_LIST_ITEMS:
        raise InvalidInput(field, f"{field} has more than {MAX_LIST_ITEMS} items")
    return [text(field, v, limit) for v in values]


def a_date(field: str, value: object) -> date:
    """A date (not a datetime) in the years the record accepts (see plausibility.py)."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise NotADate(field, f"{field} must be a date")
    return in_years(field, value)


def ids(values: list[UUID]) -> list[UUID]:
    """Deduplicate while keeping order (parties present, goals affected)."""
    return list(dict.fromkeys(values))
