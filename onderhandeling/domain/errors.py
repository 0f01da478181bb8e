"""Domain errors: each refusal names what was wrong, so callers can explain it to a user.

Every class has a stable `code` (the API's problem type, the key of the pages' Dutch
sentence in web/pages/refusals.py) and carries in `details` the facts a sentence needs (the
field, the party, the limit); the English message is for API callers and logs only.
"""

from __future__ import annotations

from typing import ClassVar


class DomainError(Exception):
    """A command was refused because it would break a rule of the negotiation.

    A subclass names its stable code in its header: ``class NotFound(DomainError,
    code="not-found")`` (a ``code`` class attribute says the same)."""

    code: ClassVar[str] = "domain-error"

    def __init_subclass__(cls, code: str | None = None, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if code is not None:
            cls.code = code

    def __init__(self, message: str, field: str | None = None, **details: object) -> None:
        super().__init__(message)
        self.message = message
        # The input the refusal is about (a form field, a key of an API body), if any.
        self.field = field
        self.details: dict[str, object] = details if field is None else {"field": field, **details}


class NotFound(DomainError, code="not-found"):
    """An agreement, goal, party, meeting or other record does not exist."""


class InvalidInput(DomainError, code="invalid-input"):
    """A value is empty, too long or not one of the allowed values."""

    field: str

    def __init__(self, field: str, message: str, **details: object) -> None:
        super().__init__(message, field, **details)


class EmptyValue(InvalidInput, code="empty"):
    """A text that must be filled in is empty."""


class TooLong(InvalidInput, code="too-long"):
    """A text is longer than its limit (details: limit)."""


class NotAChoice(InvalidInput, code="not-a-choice"):
    """A value is not one of the allowed values (details: options)."""


class NotADate(InvalidInput, code="not-a-date"):
    """A value that must be a date is not one."""


class NoPartyPresent(InvalidInput, code="no-party-present"):
    """A meeting without any party present."""


class NoSuchOccurrence(InvalidInput, code="no-such-occurrence"):
    """A quoted passage does not occur as often as the occurrence asked for."""


class StaleVersion(DomainError, code="stale-version"):
    """A change was based on a wording version that is no longer the current one."""

    def __init__(self, based_on: int, current_version: int) -> None:
        super().__init__(
            f"based on wording version {based_on}, but the current version is {current_version}",
            based_on=based_on,
            current_version=current_version,
        )
        self.based_on = based_on
        self.current_version = current_version


class ConcurrentChange(DomainError, code="concurrent-change"):
    """Someone else saved a change to the same record at the same time; nothing was written."""


class AgreementSigned(DomainError, code="agreement-signed"):
    """The agreement is signed, so its wordings are frozen."""


class NotAParticipant(DomainError, code="not-a-participant"):
    """The party does not take part in this agreement."""

    def __init__(self, message: str, field: str = "party", **details: object) -> None:
        super().__init__(message, field, **details)


class AlreadyExists(DomainError, code="already-exists"):
    """A record with this code or name already exists."""


class AlreadyDecided(DomainError, code="already-decided"):
    """An amendment, passage or discussion point can only be decided or resolved once."""


class QuoteNotFound(DomainError, code="quote-not-found"):
    """A quoted passage does not occur in the current wording."""


class RuleViolation(DomainError, code="rule-violation"):
    """Any other rule of the negotiation."""


class SameWording(RuleViolation, code="same-wording"):
    """A revision whose text equals the current wording."""


class NothingChanged(RuleViolation, code="nothing-changed"):
    """A correction that changes none of the facts it corrects."""

    def __init__(self, message: str = "the correction changes nothing") -> None:
        super().__init__(message, field="reason")


class AdviserCannotSign(RuleViolation, code="adviser-cannot-sign"):
    """An adviser (such as the inspectorate) does not sign the agreement."""


class AlreadyPlanned(RuleViolation, code="already-planned"):
    """A milestone moved to the date it is already planned on (details: to)."""


class NotPresent(InvalidInput, code="not-present"):
    """A position of a party that was not among the parties present at its meeting."""


class StillHasPositions(NotPresent, code="still-has-positions"):
    """A party taken off the parties present while it still has positions in the meeting."""


class DuplicatePosition(InvalidInput, code="duplicate-position"):
    """A second standing position of one party on one goal in one meeting."""


class AmbiguousQuote(InvalidInput, code="ambiguous-quote"):
    """A quoted passage occurs more than once in the wording and the user did not say which."""

    def __init__(self, field: str, message: str, occurrences: int) -> None:
        super().__init__(field, message, occurrences=occurrences)
        self.occurrences = occurrences


class Withdrawn(DomainError, code="withdrawn"):
    """The meeting was withdrawn as mis-logged; nothing more can be recorded in it."""
