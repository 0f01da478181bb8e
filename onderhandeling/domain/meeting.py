"""Meeting (overleg): where positions are taken; its date is their effective date."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from onderhandeling.domain import values
from onderhandeling.domain.errors import NotAParticipant
from onderhandeling.domain.values import Confidentiality, MeetingKind


class Meeting(Aggregate):
    @classmethod
    def log(
        cls,
        agreement_id: UUID,
        title: str,
        kind: str,
        held_on: date,
        parties_present: list[UUID],
        attendees: list[UUID],
        summary: str,
        confidentiality: str,
        participants: set[UUID],
        recorded_by: UUID,
    ) -> Meeting:
        present = values.ids(parties_present)
        if not present:
            raise values.InvalidInput(
                "parties_present", "a meeting needs at least one party present"
            )
        for party_id in present:
            if party_id not in participants:
                raise NotAParticipant(
                    "a party present does not take part in the agreement", party_id=str(party_id)
                )
        return cls(
            agreement_id=agreement_id,
            title=values.text("title", title, values.MAX_SHORT),
            kind=values.choice("kind", kind, MeetingKind).value,
            parties_present=present,
            attendees=values.ids(attendees),
            summary=values.optional_text("summary", summary),
            confidentiality=values.choice(
                "confidentiality", confidentiality, Confidentiality
            ).value,
            effective_date=values.a_date("held_on", held_on),
            recorded_by=recorded_by,
        )

    @event("Logged")
    def __init__(
        self,
        agreement_id: UUID,
        title: str,
        kind: str,
        parties_present: list[UUID],
        attendees: list[UUID],
        summary: str,
        confidentiality: str,
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        self.agreement_id = agreement_id
        self.title = title
        self.kind = kind
        self.parties_present = list(parties_present)
        self.attendees = list(attendees)  # person ids: names stay in Person
        self.summary = summary
        self.confidentiality = confidentiality
        self.held_on = effective_date

    @property
    def is_internal(self) -> bool:
        return self.confidentiality == Confidentiality.INTERNAL
