"""Party: an organisation at the table (OCW, JOB, MBO Raad, …). Added and renamed, never deleted."""

from __future__ import annotations

from datetime import date
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from onderhandeling.domain import values

PARTY_NAMESPACE = uuid5(NAMESPACE_URL, "https://onderhandeling.example/party")


class Party(Aggregate):
    @staticmethod
    def create_id(code: str) -> UUID:
        # The id follows from the code, so two parties with one code collide in the store.
        return uuid5(PARTY_NAMESPACE, code.upper())

    @classmethod
    def add(cls, code: str, name: str, kind: str, effective_date: date, recorded_by: UUID) -> Party:
        return cls(
            code=values.code("code", code).upper(),
            name=values.text("name", name, values.MAX_SHORT),
            kind=values.text("kind", kind, values.MAX_SHORT),
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("Added")
    def __init__(
        self, code: str, name: str, kind: str, effective_date: date, recorded_by: UUID
    ) -> None:
        self.code = code
        self.name = name
        self.kind = kind

    def rename(self, name: str, effective_date: date, recorded_by: UUID) -> None:
        self._renamed(
            name=values.text("name", name, values.MAX_SHORT),
            effective_date=effective_date,
            recorded_by=recorded_by,
        )

    @event("Renamed")
    def _renamed(self, name: str, effective_date: date, recorded_by: UUID) -> None:
        self.name = name
