"""Person: the one place a human name is kept.

Events elsewhere refer to a person by id (who recorded, signed or attended), so a Woo request
or an erasure duty is met by erasing the name here, without rewriting any other history.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from onderhandeling.domain import values


class Person(Aggregate):
    ERASED_NAME = "[naam verwijderd]"

    @classmethod
    def register(cls, name: str, effective_date: date, recorded_by: UUID | None = None) -> Person:
        """recorded_by is None only for the first person of a store, who registers themselves."""
        return cls(
            name=values.text("name", name, values.MAX_SHORT),
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("Registered")
    def __init__(self, name: str, effective_date: date, recorded_by: UUID | None) -> None:
        self.name = name
        self.erased = False

    def erase_name(self, reason: str, effective_date: date, recorded_by: UUID) -> None:
        """Blank the name (erasure duty); the person id and every fact that refers to it stay."""
        self._name_erased(
            reason=values.text("reason", reason),
            effective_date=effective_date,
            recorded_by=recorded_by,
        )

    @event("NameErased")
    def _name_erased(self, reason: str, effective_date: date, recorded_by: UUID) -> None:
        self.name = self.ERASED_NAME
        self.erased = True
