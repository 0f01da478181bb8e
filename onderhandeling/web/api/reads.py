"""The API's heavier reads (state on a date, changes, comparisons, history, diffs and
provenance): the query parameters checked, then answered by the service's typed reads."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

from onderhandeling.domain.errors import InvalidInput
from onderhandeling.domain.plausibility import MAX_YEAR, MIN_YEAR
from onderhandeling.domain.visibility import Reader
from onderhandeling.service import (
    NOW,
    AgreementStateOut,
    ChangesOut,
    ComparisonOut,
    GoalDiffOut,
    GoalHistoryOut,
    Negotiations,
    ProvenanceOut,
)

CURRENT = ("now", "current")
# Dates and moments a read may look at: the years the record holds (see plausibility.py);
# anything outside them is invalid input (422), never an overflow in the read models.


def check_day(field: str, value: date | None) -> date | None:
    """The date, unless its year is outside MIN_YEAR..MAX_YEAR (InvalidInput)."""
    if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
        raise InvalidInput(field, f"{field} must be a date in the years {MIN_YEAR}-{MAX_YEAR}")
    return value


def check_moment(field: str, value: datetime | None) -> datetime | None:
    """The moment, unless it or its UTC equivalent falls outside MIN_YEAR..MAX_YEAR."""
    if value is None:
        return None
    message = f"{field} must be a moment in the years {MIN_YEAR}-{MAX_YEAR}"
    try:
        utc = value if value.tzinfo is None else value.astimezone(UTC)
    except (OverflowError, ValueError):
        raise InvalidInput(field, message) from None
    if not (MIN_YEAR <= value.year <= MAX_YEAR and MIN_YEAR <= utc.year <= MAX_YEAR):
        raise InvalidInput(field, message)
    return value


def agreement_state(
    app: Negotiations,
    agreement_id: UUID,
    reader: Reader,
    as_of: date | None,
    known_at: datetime | None,
) -> AgreementStateOut:
    as_of = check_day("as_of", as_of)
    known_at = check_moment("known_at", known_at)
    return app.agreement_state(agreement_id, reader, as_of, known_at)


def agreement_changes(
    app: Negotiations, agreement_id: UUID, reader: Reader, since: str
) -> ChangesOut:
    return app.changes_since(agreement_id, since, reader)


def compare(
    app: Negotiations, agreement_id: UUID, reader: Reader, first: str, second: str
) -> ComparisonOut:
    return app.compare(agreement_id, first, NOW if second in CURRENT else second, reader)


def goal_history(
    app: Negotiations, goal_id: UUID, reader: Reader, substantive: bool
) -> GoalHistoryOut:
    return app.goal_history(goal_id, reader, substantive)


def goal_diff(
    app: Negotiations, goal_id: UUID, reader: Reader, first: int, second: int | None
) -> GoalDiffOut:
    return app.goal_diff(goal_id, first, second, reader)


def goal_provenance(
    app: Negotiations, goal_id: UUID, reader: Reader, version: int | None
) -> ProvenanceOut:
    return app.provenance(goal_id, version, reader)
