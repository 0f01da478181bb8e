"""Plausibility: the one home of the rules that keep impossible facts out of the record.

A negotiator types dates by hand, often days after the fact; a year 3000 or 1901 is a typing
error, not a fact. Every date the domain accepts lies in the years MIN_YEAR..MAX_YEAR, and a
date on which something *happened* (a meeting, a position, a decision, a signature) lies
between the start of the negotiation and today. "Today" is handed in by the caller, so the
rules stay deterministic and testable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from onderhandeling.domain.errors import InvalidInput

MIN_YEAR = 1900
MAX_YEAR = 2100


class ImplausibleDate(InvalidInput, code="implausible-date"):
    """A date outside the years we accept, in the future, or before the negotiation began."""


def in_years(field: str, value: date) -> date:
    """Refuse a date outside MIN_YEAR..MAX_YEAR."""
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ImplausibleDate(
            field,
            f"{field} {value.isoformat()} lies outside the years {MIN_YEAR}-{MAX_YEAR}",
            value=value.isoformat(),
            earliest=date(MIN_YEAR, 1, 1).isoformat(),
            latest=date(MAX_YEAR, 12, 31).isoformat(),
        )
    return value


@dataclass(frozen=True)
class DateWindow:
    """The dates on which a fact of one negotiation can have happened: from the day the
    negotiation started up to and including today."""

    earliest: date
    today: date

    def happened(self, field: str, value: date) -> date:
        """A date on which something happened: not in the future, not before the start."""
        in_years(field, value)
        if value > self.today:
            raise self._refusal(field, value, f"lies in the future (today is {self.today})")
        return self._not_before_start(field, value, latest=self.today)

    def planned(self, field: str, value: date) -> date:
        """A planned date (a milestone): any year we accept, but not before the start."""
        in_years(field, value)
        return self._not_before_start(field, value, latest=date(MAX_YEAR, 12, 31))

    def _not_before_start(self, field: str, value: date, latest: date) -> date:
        if value < self.earliest:
            raise self._refusal(
                field, value, f"lies before the negotiation started on {self.earliest}", latest
            )
        return value

    def _refusal(
        self, field: str, value: date, why: str, latest: date | None = None
    ) -> ImplausibleDate:
        return ImplausibleDate(
            field,
            f"{field} {value.isoformat()} {why}",
            value=value.isoformat(),
            earliest=self.earliest.isoformat(),
            latest=(latest or self.today).isoformat(),
        )
