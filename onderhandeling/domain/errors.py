"""Domain errors: each refusal names what was wrong, so callers can explain it to a user.

Every class has a stable `code` (the API's problem type, the key of the pages' Dutch
sentence in web/pages/refusals.py) and carries in `details` the facts a sentence needs (the
field, the party, the limit); the English message is for API callers and logs only.
"""

from __future__ import annotations


class DomainError(Exception):
    """A command was refused because it would break a rule of the negotiation."""

    code = "domain-error"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class NotFound(DomainError):
    """An agreement, goal, party, meeting or other record does not exist."""

    code = "not-found"


class InvalidInput(DomainError):
    """A value is empty, too long or not one of the allowed values."""

    code = "invalid-input"

    def __init__(self, field: str, message: str, **details: object) -> None:
        super().__init__(message, field=field, **details)
        self.field = field


class EmptyValue(InvalidInput):
    """A text that must be filled in is empty."""

    code = "empty"


class TooLong(InvalidInput):
    """A text is longer than its limit (details: limit)."""

    code = "too-long"


class NotAChoice(InvalidInput):
    """A value is not one of the allowed values (details: options)."""

    code = "not-a-choice"


class NotADate(InvalidInput):
    """A value that must be a date is not one."""

    code = "not-a-date"


class NoPartyPresent(InvalidInput):
    """A meeting without any party present."""

    code = "no-party-present"


class NoSuchOccurrence(InvalidInput):
    """A quoted passage does not occur as often as the occurrence asked for."""

    code = "no-such-occurrence"


class StaleVersion(DomainError):
    """A change was based on a wording version that is no longer the current one."""

    code = "stale-version"

    def __init__(self, based_on: int, current_version: int) -> None:
        super().__init__(
            f"based on wording version {based_on}, but the current version is {current_version}",
            based_on=based_on,
            current_version=current_version,
        )
        self.based_on = based_on
        self.current_version = current_version


class ConcurrentChange(DomainError):
    """Someone else saved a change to the same record at the same time; nothing was written."""

    code = "concurrent-change"


class AgreementSigned(DomainError):
    """The agreement is signed, so its wordings are frozen."""

    code = "agreement-signed"


class NotAParticipant(DomainError):
    """The party does not take part in this agreement."""

    code = "not-a-participant"

    def __init__(self, message: str, field: str = "party", **details: object) -> None:
        super().__init__(message, field=field, **details)
        self.field = field


class AlreadyExists(DomainError):
    """A record with this code or name already exists."""

    code = "already-exists"


class AlreadyDecided(DomainError):
    """An amendment, passage or discussion point can only be decided or resolved once."""

    code = "already-decided"


class QuoteNotFound(DomainError):
    """A quoted passage does not occur in the current wording."""

    code = "quote-not-found"


class RuleViolation(DomainError):
    """Any other rule of the negotiation."""

    code = "rule-violation"


class SameWording(RuleViolation):
    """A revision whose text equals the current wording."""

    code = "same-wording"


class NothingChanged(RuleViolation):
    """A correction that changes none of the facts it corrects."""

    code = "nothing-changed"

    def __init__(self, message: str = "the correction changes nothing") -> None:
        super().__init__(message, field="reason")


class AdviserCannotSign(RuleViolation):
    """An adviser (such as the inspectorate) does not sign the agreement."""

    code = "adviser-cannot-sign"


class AlreadyPlanned(RuleViolation):
    """A milestone moved to the date it is already planned on (details: to)."""

    code = "already-planned"


class NotPresent(InvalidInput):
    """A position of a party that was not among the parties present at its meeting."""

    code = "not-present"


class StillHasPositions(NotPresent):
    """A party taken off the parties present while it still has positions in the meeting."""

    code = "still-has-positions"


class DuplicatePosition(InvalidInput):
    """A second standing position of one party on one goal in one meeting."""

    code = "duplicate-position"


class AmbiguousQuote(InvalidInput):
    """A quoted passage occurs more than once in the wording and the user did not say which."""

    code = "ambiguous-quote"

    def __init__(self, field: str, message: str, occurrences: int) -> None:
        super().__init__(field, message, occurrences=occurrences)
        self.occurrences = occurrences


class Withdrawn(DomainError):
    """The meeting was withdrawn as mis-logged; nothing more can be recorded in it."""

    code = "withdrawn"
