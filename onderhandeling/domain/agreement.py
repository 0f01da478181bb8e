"""Agreement: the werkagenda being negotiated, its priorities, parties, milestones, baselines
and signing. Goals are separate aggregates; the agreement keeps their ids and codes so a code
is unique within it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from onderhandeling.domain import values
from onderhandeling.domain.errors import (
    AdviserCannotSign,
    AgreementSigned,
    AlreadyExists,
    AlreadyPlanned,
    NotAParticipant,
    NotFound,
)
from onderhandeling.domain.plausibility import DateWindow
from onderhandeling.domain.values import Role


@dataclass
class Milestone:
    key: str
    name: str
    planned_on: date
    moves: list[dict[str, Any]]  # each: {"from": date, "to": date, "reason": str, "on": date}


class Agreement(Aggregate):
    @classmethod
    def start(
        cls, title: str, term_start: date, term_end: date, effective_date: date, recorded_by: UUID
    ) -> Agreement:
        values.a_date("term_start", term_start)
        values.a_date("term_end", term_end)
        if term_end < term_start:
            raise values.InvalidInput("term_end", "term_end lies before term_start")
        return cls(
            title=values.text("title", title, values.MAX_SHORT),
            term_start=term_start,
            term_end=term_end,
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("Started")
    def __init__(
        self, title: str, term_start: date, term_end: date, effective_date: date, recorded_by: UUID
    ) -> None:
        self.title = title
        self.term_start = term_start
        self.term_end = term_end
        self.started_on = effective_date
        self.priorities: dict[str, str] = {}  # key → title, in the agreed order
        self.participants: dict[UUID, str] = {}  # party id → role
        self.goals: dict[str, UUID] = {}  # code → goal id, in the order added
        self.goal_priorities: dict[UUID, str] = {}
        self.milestones: dict[str, Milestone] = {}
        self.baselines: dict[str, dict[str, Any]] = {}  # name → {"on": date, "versions": {...}}
        self.signatures: dict[UUID, dict[str, Any]] = {}  # party id → {"on", "signer"}
        self.signed_on: date | None = None

    # --- rules shared by the application service ----------------------------------------

    def window(self, today: date) -> DateWindow:
        """The dates on which a fact of this negotiation can have happened."""
        return DateWindow(earliest=self.started_on, today=today)

    @property
    def is_signed(self) -> bool:
        return self.signed_on is not None

    def require_unsigned(self) -> None:
        if self.is_signed:
            raise AgreementSigned(
                f"the agreement '{self.title}' was signed on {self.signed_on}; "
                "its wordings can no longer change"
            )

    def require_participant(self, party_id: UUID) -> None:
        if party_id not in self.participants:
            raise NotAParticipant(
                "this party does not take part in the agreement", party_id=str(party_id)
            )

    def require_priority(self, key: str) -> None:
        if key not in self.priorities:
            raise NotFound(f"priority {key!r} does not exist in this agreement", priority=key)

    def goal_id(self, code: str) -> UUID:
        try:
            return self.goals[code]
        except KeyError:
            raise NotFound(f"goal {code!r} does not exist in this agreement", code=code) from None

    @property
    def signatories(self) -> list[UUID]:
        return [p for p, role in self.participants.items() if role == Role.SIGNATORY]

    # --- priorities, parties, goals ------------------------------------------------------

    def add_priority(self, key: str, title: str, effective_date: date, recorded_by: UUID) -> None:
        key = values.code("key", key)
        if key in self.priorities:
            raise AlreadyExists(f"priority {key!r} already exists", key=key)
        self._priority_added(
            key=key,
            title=values.text("title", title, values.MAX_SHORT),
            effective_date=effective_date,
            recorded_by=recorded_by,
        )

    @event("PriorityAdded")
    def _priority_added(
        self, key: str, title: str, effective_date: date, recorded_by: UUID
    ) -> None:
        self.priorities[key] = title

    def admit_party(
        self, party_id: UUID, role: str, effective_date: date, recorded_by: UUID
    ) -> None:
        role = values.choice("role", role, Role)
        if party_id in self.participants:
            raise AlreadyExists("this party already takes part", party_id=str(party_id))
        self._party_joined(
            party_id=party_id,
            role=role.value,
            effective_date=effective_date,
            recorded_by=recorded_by,
        )

    @event("PartyJoined")
    def _party_joined(
        self, party_id: UUID, role: str, effective_date: date, recorded_by: UUID
    ) -> None:
        self.participants[party_id] = role

    def register_goal(
        self, goal_id: UUID, code: str, priority: str, effective_date: date, recorded_by: UUID
    ) -> None:
        self.require_unsigned()
        self.require_priority(priority)
        if code in self.goals:
            raise AlreadyExists(f"goal code {code!r} is already used in this agreement", code=code)
        self._goal_added(
            goal_id=goal_id,
            code=code,
            priority=priority,
            effective_date=effective_date,
            recorded_by=recorded_by,
        )

    @event("GoalAdded")
    def _goal_added(
        self, goal_id: UUID, code: str, priority: str, effective_date: date, recorded_by: UUID
    ) -> None:
        self.goals[code] = goal_id
        self.goal_priorities[goal_id] = priority

    # --- milestones ------------------------------------------------------------------------

    def plan_milestone(
        self, key: str, name: str, planned_on: date, effective_date: date, recorded_by: UUID
    ) -> None:
        key = values.code("key", key)
        if key in self.milestones:
            raise AlreadyExists(f"milestone {key!r} already exists", key=key)
        self._milestone_planned(
            key=key,
            name=values.text("name", name, values.MAX_SHORT),
            planned_on=self._plannable("planned_on", planned_on),
            effective_date=effective_date,
            recorded_by=recorded_by,
        )

    @event("MilestonePlanned")
    def _milestone_planned(
        self, key: str, name: str, planned_on: date, effective_date: date, recorded_by: UUID
    ) -> None:
        self.milestones[key] = Milestone(key, name, planned_on, [])

    def move_milestone(
        self, key: str, to: date, reason: str, effective_date: date, recorded_by: UUID
    ) -> None:
        milestone = self.milestones.get(key)
        if milestone is None:
            raise NotFound(f"milestone {key!r} does not exist", key=key)
        if self._plannable("to", to) == milestone.planned_on:
            raise AlreadyPlanned(f"milestone {key!r} is already planned on {to}", to=to.isoformat())
        self._milestone_moved(
            key=key,
            to=to,
            reason=values.text("reason", reason),
            effective_date=effective_date,
            recorded_by=recorded_by,
        )

    def _plannable(self, field: str, day: date) -> date:
        # Far enough ahead is fine; before the negotiation even started is a typing error.
        return DateWindow(self.started_on, self.started_on).planned(
            field, values.a_date(field, day)
        )

    @event("MilestoneMoved")
    def _milestone_moved(
        self, key: str, to: date, reason: str, effective_date: date, recorded_by: UUID
    ) -> None:
        milestone = self.milestones[key]
        milestone.moves.append(
            {"from": milestone.planned_on, "to": to, "reason": reason, "on": effective_date}
        )
        milestone.planned_on = to

    # --- baselines and signing -------------------------------------------------------------

    def freeze_baseline(
        self, name: str, versions: dict[str, int], effective_date: date, recorded_by: UUID
    ) -> None:
        """versions maps each goal id (as text) to its wording version at this moment."""
        name = values.text("name", name, values.MAX_SHORT)
        if name in self.baselines:
            raise AlreadyExists(f"baseline {name!r} already exists", name=name)
        self._baseline_frozen(
            name=name,
            versions=dict(versions),
            effective_date=effective_date,
            recorded_by=recorded_by,
        )

    @event("BaselineFrozen")
    def _baseline_frozen(
        self, name: str, versions: dict[str, int], effective_date: date, recorded_by: UUID
    ) -> None:
        self.baselines[name] = {"on": effective_date, "versions": dict(versions)}

    def sign(
        self,
        party_id: UUID,
        signer: UUID,
        effective_date: date,
        recorded_by: UUID,
        today: date | None = None,
    ) -> bool:
        """Record one signatory's signature; returns True when this completes the signing.
        With today, the date must lie between the start of the negotiation and today."""
        self.require_unsigned()
        if today is not None:
            self.window(today).happened("effective_date", effective_date)
        self.require_participant(party_id)
        if self.participants[party_id] != Role.SIGNATORY:
            raise AdviserCannotSign(
                "an adviser does not sign the agreement", party_id=str(party_id)
            )
        if party_id in self.signatures:
            raise AlreadyExists("this party has already signed", party_id=str(party_id))
        self._signature_recorded(
            party_id=party_id,
            signer=signer,
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )
        if set(self.signatories) <= set(self.signatures):
            self._signing_completed(effective_date=effective_date, recorded_by=recorded_by)
            return True
        return False

    @event("SignatureRecorded")
    def _signature_recorded(
        self, party_id: UUID, signer: UUID, effective_date: date, recorded_by: UUID
    ) -> None:
        self.signatures[party_id] = {"on": effective_date, "signer": signer}

    @event("SigningCompleted")
    def _signing_completed(self, effective_date: date, recorded_by: UUID) -> None:
        self.signed_on = effective_date
