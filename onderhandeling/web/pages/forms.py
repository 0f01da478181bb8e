"""Forms read one way and answered one way.

A route reads its posted form through `Form` (text, lists, ids, dates, the confidentiality
checkbox), noting what cannot be read under the field that shows it. `answer` then runs the
command only when nothing was noted; on a refusal it shows the page again with the fields
marked in Dutch (refusals.py, by the error's code), on success it answers as the route says
(a redirect: POST → redirect → GET).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, TypeVar
from uuid import UUID

from fastapi import Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from onderhandeling.domain.errors import DomainError
from onderhandeling.domain.values import Confidentiality
from onderhandeling.web.pages.refusals import Overrides, dutch_message
from onderhandeling.web.pages.support import FIELD_NAMES, parse_form_date, parse_uuid

T = TypeVar("T")

# Stand-ins returned for a value that could not be read. They are never used: a form with a
# noted problem runs no command (answer), so the route needs no None checks.
NO_DATE = date.min
Day = date  # (inside Form, `date` names its method)
NO_ID = UUID(int=0)


@dataclass
class Form:
    """A posted form and the problems noted while reading it (form field → Dutch message)."""

    data: FormData
    errors: dict[str, str] = field(default_factory=dict)

    def text(self, name: str, default: str = "") -> str:
        return str(self.data.get(name, default))

    def texts(self, name: str) -> list[str]:
        return [str(value) for value in self.data.getlist(name)]

    def ids(self, name: str) -> list[UUID]:
        """The readable ids among a list's values (unreadable ones are left out)."""
        return [found for found in map(parse_uuid, self.texts(name)) if found is not None]

    def flag(self, name: str) -> bool:
        return bool(self.text(name))

    def confidentiality(self, name: str = "intern") -> Confidentiality:
        """The form's 'intern' checkbox."""
        return Confidentiality.of(self.flag(name))

    def required(self, name: str, at: str, message: str) -> str:
        """A text that must not be blank; a blank one is noted at field `at`."""
        value = self.text(name)
        if not value.strip():
            self.errors[at] = message
        return value

    def date(self, name: str, at: str) -> date:
        """A date typed as 14-10-2022; an empty, unreadable or far-off one is noted at `at`."""
        return parse_form_date(self.text(name), at, self.errors) or NO_DATE

    def id(self, name: str, at: str, message: str) -> UUID:
        """An id chosen from a list; a missing or unreadable one is noted at `at`."""
        found = parse_uuid(self.text(name))
        if found is None:
            self.errors[at] = message
        return found or NO_ID

    def item(self, prefix: str, item_id: UUID) -> tuple[str, Day]:
        """For a form about one item of a list (a page holds one per item): its field key
        ("besluit-1a2b3c4d-") and its date, read from "datum" and noted at "<key>datum"."""
        key = f"{prefix}-{str(item_id)[:8]}-"
        return key, self.date("datum", f"{key}datum")

    def typed(self, names: Mapping[str, str]) -> dict[str, str]:
        """The values to show again on a refusal: page key → form field name."""
        return {key: self.text(name) for key, name in names.items()}


async def read_form(request: Request) -> Form:
    return Form(await request.form())


Posted = Annotated[Form, Depends(read_form)]


def at_field(
    default: str, prefix: str = "", names: Mapping[str, str] = FIELD_NAMES
) -> Callable[[DomainError], str]:
    """Which form field shows a refusal: the one its `field` detail names (translated by
    `names`), else `default`; `prefix` is the form's key on a page with several forms."""

    def field_of(error: DomainError) -> str:
        named = error.details.get("field")
        if isinstance(named, str) and named in names:
            return prefix + names[named]
        return prefix + default

    return field_of


def always_422(error: DomainError) -> int:
    return 422


def answer(
    form: Form,
    command: Callable[[], T],
    *,
    refuse: Callable[[dict[str, str], int], Response],
    done: Callable[[T], Response],
    field_of: Callable[[DomainError], str],
    status: Callable[[DomainError], int] = always_422,
    overrides: Overrides | None = None,
    special: Mapping[type[DomainError], Callable[[Any], Response]] | None = None,
) -> Response:
    """Run the command unless reading the form noted a problem, and answer: `refuse(errors,
    status)` shows the page again with the fields marked, `done(result)` after a save.
    `special`: refusals answered otherwise (a missing record as the 404 page, a stale
    version with its diff), by class."""
    if form.errors:
        return refuse(form.errors, 422)
    try:
        result = command()
    except DomainError as error:
        for kind, answer_it in (special or {}).items():
            if isinstance(error, kind):
                return answer_it(error)
        return refuse({field_of(error): dutch_message(error, overrides=overrides)}, status(error))
    return done(result)
