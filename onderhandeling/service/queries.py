"""Queries of the application service: typed results read from the read models (parties,
agreements, goals, status, meetings, decisions). No query loads an aggregate."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from onderhandeling.domain.visibility import MINISTRY, Reader
from onderhandeling.readmodel.read_common import agreement_row, read_models
from onderhandeling.readmodel.read_dashboard import (
    changes_between,
    first_day,
    last_meeting_by,
    overview,
)
from onderhandeling.readmodel.read_goal import goal_detail
from onderhandeling.readmodel.read_lists import (
    agreement_detail,
    list_agreements,
    list_parties,
    person_name,
)
from onderhandeling.readmodel.read_party import party_positions
from onderhandeling.readmodel.read_records import (
    decision_detail,
    decisions_of,
    meeting_detail,
    meetings_of,
)
from onderhandeling.readmodel.read_trends import burndown_of, support_over_time
from onderhandeling.readmodel.results import (
    AgreementOut,
    AgreementSummary,
    DecisionOut,
    GoalOut,
    MeetingOut,
    MeetingSummaryOut,
    PartyOut,
)
from onderhandeling.readmodel.results_dashboard import BurndownStep, OverviewOut, PrioritySupport
from onderhandeling.readmodel.results_history import ChangesOut
from onderhandeling.readmodel.results_lists import PartyPositionsOut, RecentMeeting
from onderhandeling.readmodel.results_state import AgreementStateOut, StatusOut
from onderhandeling.service.reads import Reads


class Queries(Reads):
    def person_name(self, person_id: UUID | None) -> str:
        """A person's name ('' for none, '?' for an unknown person)."""
        if person_id is None:
            return ""
        name = person_name(self, person_id)
        return "?" if name is None else name

    def parties(self) -> list[PartyOut]:
        """Every party, by code (from the read models: no scan of the event log)."""
        return [PartyOut.model_validate(p) for p in list_parties(self)]

    def agreements(self) -> list[AgreementSummary]:
        """Every agreement, in the order they were started (from the read models)."""
        return [AgreementSummary.model_validate(a) for a in list_agreements(self)]

    def agreement_ids(self) -> list[UUID]:
        return [UUID(a["id"]) for a in list_agreements(self)]

    def agreement(self, agreement_id: UUID) -> AgreementOut:
        """The agreement's structure (from the read models)."""
        return AgreementOut.model_validate(agreement_detail(self, agreement_id))

    def goal(self, goal_id: UUID, reader: Reader = MINISTRY) -> GoalOut:
        """The goal as it stands, with what this reader may see (from the read models).

        A visible position's `replaced_by`/`corrects` never names a position hidden from the
        reader: the link skips over hidden corrections to the next visible one, or is None
        (so a shared position replaced only by an internal correction looks current).
        """
        return GoalOut.model_validate(goal_detail(self, goal_id, reader))

    def party_positions(
        self, agreement_id: UUID, party_code: str, reader: Reader = MINISTRY
    ) -> PartyPositionsOut:
        """One party's positions on the agreement's goals, with the goals (NotFound when the
        party takes no part in it)."""
        found = party_positions(self, agreement_id, party_code, reader)
        return PartyPositionsOut.model_validate(found)

    def status(self, agreement_id: UUID, reader: Reader = MINISTRY) -> StatusOut:
        """Per priority and goal: wording version, status, each party's current stance."""
        with read_models(self):
            state = self.agreement_state(agreement_id, reader)
            kinds = {p["code"]: p["kind"] for p in list_parties(self)}
        return StatusOut.model_validate(_status_of(state, kinds))

    def meetings(self, agreement_id: UUID, reader: Reader = MINISTRY) -> list[MeetingSummaryOut]:
        with read_models(self) as sql:
            agreement_row(sql, agreement_id)
            found = meetings_of(self, agreement_id, reader)
        return [MeetingSummaryOut.model_validate(m) for m in found]

    def meeting(self, meeting_id: UUID, reader: Reader = MINISTRY) -> MeetingOut:
        return MeetingOut.model_validate(meeting_detail(self, meeting_id, reader))

    def decisions(self, agreement_id: UUID, reader: Reader = MINISTRY) -> list[DecisionOut]:
        with read_models(self) as sql:
            agreement_row(sql, agreement_id)
            found = decisions_of(self, agreement_id, reader)
        return [DecisionOut.model_validate(d) for d in found]

    def decision(self, decision_id: UUID, reader: Reader = MINISTRY) -> DecisionOut:
        return DecisionOut.model_validate(decision_detail(self, decision_id, reader))

    def overview(
        self,
        agreement_id: UUID,
        reader: Reader = MINISTRY,
        as_of: date | None = None,
        known_at: datetime | None = None,
    ) -> OverviewOut:
        """The agreement on a date as the dashboard shows it (agreement_state without the
        discussion points and without each party's stances repeated by goal)."""
        return OverviewOut.model_validate(overview(self, agreement_id, reader, as_of, known_at))

    def support_over_time(
        self,
        agreement_id: UUID,
        reader: Reader = MINISTRY,
        as_of: date | None = None,
        known_at: datetime | None = None,
    ) -> list[PrioritySupport]:
        """Per priority the signatories' support after each change, up to a date and/or as
        known at a moment (reads every position of the agreement: not for every page)."""
        found = support_over_time(self, agreement_id, reader, as_of, known_at)
        return [PrioritySupport.model_validate(p) for p in found]

    def burndown(
        self, agreement_id: UUID, as_of: date | None = None, known_at: datetime | None = None
    ) -> list[BurndownStep]:
        """Open passages and pending amendments after each change (the burn-down)."""
        return [
            BurndownStep.model_validate(s) for s in burndown_of(self, agreement_id, as_of, known_at)
        ]

    def last_meeting_by(
        self,
        agreement_id: UUID,
        reader: Reader,
        kind: str,
        as_of: date | None = None,
        known_at: datetime | None = None,
    ) -> RecentMeeting | None:
        """The latest meeting of a kind held by ``as_of`` (as known at ``known_at``)."""
        found = last_meeting_by(self, agreement_id, reader, kind, as_of, known_at)
        return None if found is None else RecentMeeting.model_validate(found)

    def changes_between(
        self,
        agreement_id: UUID,
        since: date,
        reader: Reader,
        limit: int,
        as_of: date | None = None,
        known_at: datetime | None = None,
    ) -> ChangesOut:
        """The newest ``limit`` changes from ``since`` up to ``as_of`` (as known at
        ``known_at``), by goal."""
        found = changes_between(self, agreement_id, since, reader, limit, as_of, known_at)
        return ChangesOut.model_validate(found)

    def negotiation_start(self, agreement_id: UUID) -> date | None:
        """The earliest date anything about the agreement took effect (None: nothing yet)."""
        return first_day(self, agreement_id)


def _status_of(state: AgreementStateOut, kinds: dict[str, str]) -> dict[str, object]:
    return {
        "agreement": {"id": state.agreement.id, "title": state.agreement.title},
        "signed_on": state.agreement.signed_on,
        "parties": [
            {"code": p.code, "name": p.name, "kind": kinds.get(p.code, ""), "role": p.role}
            for p in state.parties
        ],
        "priorities": [
            {
                "key": priority.key,
                "title": priority.title,
                "goals": [
                    {
                        "code": goal.code,
                        "title": goal.title,
                        "version": goal.version,
                        "status": goal.status,
                        "stances": goal.stances,
                    }
                    for goal in priority.goals
                ],
            }
            for priority in state.priorities
        ],
    }
