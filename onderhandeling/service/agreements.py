"""Commands on people, parties and agreements: set-up, milestones, baselines and signing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

from onderhandeling.domain import Agreement, Goal, Party, Person
from onderhandeling.domain.errors import AlreadyExists, ConcurrentChange, NotFound
from onderhandeling.service.base import NegotiationsBase, applying, today


class AgreementCommands(NegotiationsBase):
    def register_person(
        self, name: str, effective_date: date, recorded_by: UUID | None = None
    ) -> UUID:
        if recorded_by is not None:
            self.require_person(recorded_by)
        person = Person.register(name, effective_date, recorded_by)
        self.store(person)
        return person.id

    def erase_person_name(
        self, person_id: UUID, reason: str, effective_date: date, recorded_by: UUID
    ) -> None:
        self.require_person(recorded_by)
        person = self.load(Person, person_id, "person")
        person.erase_name(reason, effective_date, recorded_by)
        self.store(person)

    def add_party(
        self, code: str, name: str, kind: str, effective_date: date, recorded_by: UUID
    ) -> UUID:
        self.require_person(recorded_by)
        party = Party.add(code, name, kind, effective_date, recorded_by)
        if party.id in self.repository:
            raise AlreadyExists(f"party {party.code!r} already exists", code=party.code)
        try:
            self.store(party)
        except ConcurrentChange as error:  # the code's id was taken by a concurrent add
            raise AlreadyExists(f"party {party.code!r} already exists") from error
        return party.id

    rename_party = applying(Party, "party", Party.rename)

    def party_id(self, code: str) -> UUID:
        """The id of the party with this code; NotFound when there is none."""
        party_id = Party.create_id(code)
        if party_id not in self.repository:
            raise NotFound(f"party {code!r} does not exist", code=code)
        return party_id

    def start_agreement(
        self, title: str, term_start: date, term_end: date, effective_date: date, recorded_by: UUID
    ) -> UUID:
        self.require_person(recorded_by)
        agreement = Agreement.start(title, term_start, term_end, effective_date, recorded_by)
        self.store(agreement)
        return agreement.id

    def _change_agreement(
        self, agreement_id: UUID, recorded_by: UUID, change: Callable[[Agreement], None]
    ) -> None:
        self.change(Agreement, agreement_id, "agreement", recorded_by, change)

    add_priority = applying(Agreement, "agreement", Agreement.add_priority)

    def admit_party(
        self, agreement_id: UUID, party_id: UUID, role: str, effective_date: date, recorded_by: UUID
    ) -> None:
        self.load(Party, party_id, "party")
        self._change_agreement(
            agreement_id,
            recorded_by,
            lambda a: a.admit_party(party_id, role, effective_date, recorded_by),
        )

    plan_milestone = applying(Agreement, "agreement", Agreement.plan_milestone)
    move_milestone = applying(Agreement, "agreement", Agreement.move_milestone)

    def freeze_baseline(
        self, agreement_id: UUID, name: str, effective_date: date, recorded_by: UUID
    ) -> None:
        """Freeze every goal's current wording version under a name (CWIZO-versie, MR-versie)."""

        def freeze(agreement: Agreement) -> None:
            versions = {
                str(goal_id): self.peek(Goal, goal_id, "goal").current_version
                for goal_id in agreement.goals.values()
            }
            agreement.freeze_baseline(name, versions, effective_date, recorded_by)

        self._change_agreement(agreement_id, recorded_by, freeze)

    def sign(
        self,
        agreement_id: UUID,
        party_id: UUID,
        signer: UUID,
        effective_date: date,
        recorded_by: UUID,
    ) -> bool:
        """Record a signatory's signature. The last one freezes every goal's wording in the
        same save, so a concurrent revision either lands before the signing or is refused."""
        self.require_person(recorded_by)
        self.require_person(signer)
        return self.retrying(
            lambda: self._sign(agreement_id, party_id, signer, None, effective_date, recorded_by)
        )

    def sign_as_new_signer(
        self,
        agreement_id: UUID,
        party_id: UUID,
        signer_name: str,
        effective_date: date,
        recorded_by: UUID,
    ) -> bool:
        """As sign(), for a signer not yet known: their person record is registered in the
        same save as the signature, so a refused signature leaves no person behind."""
        self.require_person(recorded_by)

        def command() -> bool:
            # Made anew on every try: a failed save has already taken the person's events.
            person = Person.register(signer_name, effective_date, recorded_by)
            return self._sign(
                agreement_id, party_id, person.id, person, effective_date, recorded_by
            )

        return self.retrying(command)

    def _sign(
        self,
        agreement_id: UUID,
        party_id: UUID,
        signer: UUID,
        new_person: Person | None,
        effective_date: date,
        recorded_by: UUID,
    ) -> bool:
        agreement = self.load(Agreement, agreement_id, "agreement")
        completed = agreement.sign(party_id, signer, effective_date, recorded_by, today())
        goals = []
        if completed:
            for goal_id in agreement.goals.values():
                goal = self.load(Goal, goal_id, "goal")
                goal.freeze(effective_date, recorded_by)
                goals.append(goal)
        self.store(new_person, agreement, *goals)
        return completed
