"""Commands on goals: drafting, wording revisions, amendments, open passages, status,
indicators and actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar
from uuid import UUID

from onderhandeling.domain import Agreement, Decision, Goal, Meeting
from onderhandeling.domain.errors import AlreadyExists, ConcurrentChange, NotFound
from onderhandeling.domain.plausibility import DateWindow
from onderhandeling.domain.roster import Roster
from onderhandeling.domain.values import CauseType
from onderhandeling.service.base import NegotiationsBase, new_id, today

T = TypeVar("T")


class GoalCommands(NegotiationsBase):
    def add_goal(
        self,
        agreement_id: UUID,
        code: str,
        priority: str,
        title: str,
        wording: str,
        effective_date: date,
        recorded_by: UUID,
    ) -> UUID:
        """Draft a goal under a priority; the agreement records its code in the same save."""
        self.require_person(recorded_by)

        def command() -> UUID:
            agreement = self.load(Agreement, agreement_id, "agreement")
            goal = Goal.draft(
                agreement_id, code, priority, title, wording, effective_date, recorded_by
            )
            agreement.register_goal(goal.id, goal.code, priority, effective_date, recorded_by)
            self.store(agreement, goal)
            return goal.id

        try:
            return self.retrying(command)
        except ConcurrentChange as error:
            raise AlreadyExists(f"goal code {code!r} is already used") from error

    def _change_goal(self, goal_id: UUID, recorded_by: UUID, change: Callable[[Goal], T]) -> T:
        return self.change(Goal, goal_id, "goal", recorded_by, change)

    def _add_to_goal(
        self, goal_id: UUID, recorded_by: UUID, add: Callable[[Goal, UUID, Roster], object]
    ) -> UUID:
        """Add an item with an id of its own (an amendment, an open passage) to a goal: ``add``
        gets the goal, the new id (made once, so a retry keeps it) and the agreement's
        participants; returns the id."""
        participants = self._participants(goal_id)
        item_id = new_id()
        self._change_goal(goal_id, recorded_by, lambda g: add(g, item_id, participants))
        return item_id

    def _participants(self, goal_id: UUID) -> Roster:
        goal = self.peek(Goal, goal_id, "goal")
        return self.roster(self.peek(Agreement, goal.agreement_id, "agreement"))

    def _window(self, goal_id: UUID) -> DateWindow:
        goal = self.peek(Goal, goal_id, "goal")
        return self.peek(Agreement, goal.agreement_id, "agreement").window(today())

    def _check_cause(self, goal_id: UUID, cause_type: str, cause_id: UUID | None) -> None:
        """A meeting or decision named as a revision's cause belongs to the goal's agreement
        (an amendment's the goal checks itself)."""
        kinds: dict[str, type[Meeting] | type[Decision]] = {
            CauseType.MEETING.value: Meeting,
            CauseType.DECISION.value: Decision,
        }
        kind = kinds.get(cause_type)
        if kind is None or cause_id is None:
            return
        cause = self.peek(kind, cause_id, cause_type)
        if cause.agreement_id != self.peek(Goal, goal_id, "goal").agreement_id:
            raise NotFound(f"the {cause_type} is not part of this goal's agreement")

    def revise_wording(
        self,
        goal_id: UUID,
        text: str,
        based_on: int,
        reason: str,
        kind: str,
        effective_date: date,
        recorded_by: UUID,
        cause_type: str = CauseType.NONE.value,
        cause_id: UUID | None = None,
    ) -> int:
        """New wording version; a stale based_on is refused naming the current version. The
        cause (a meeting, decision or amendment of this agreement) is said by type and id."""
        self._check_cause(goal_id, cause_type, cause_id)
        return self._change_goal(
            goal_id,
            recorded_by,
            lambda g: g.revise_wording(
                text, based_on, reason, kind, cause_type, cause_id, effective_date, recorded_by
            ),
        )

    def change_goal_status(
        self, goal_id: UUID, status: str, reason: str, effective_date: date, recorded_by: UUID
    ) -> None:
        self._change_goal(
            goal_id,
            recorded_by,
            lambda g: g.change_status(status, reason, effective_date, recorded_by),
        )

    def set_indicators(
        self, goal_id: UUID, indicators: list[str], effective_date: date, recorded_by: UUID
    ) -> None:
        """The indicators that follow the goal, as of a date on which that could happen."""
        window = self._window(goal_id)
        self._change_goal(
            goal_id,
            recorded_by,
            lambda g: g.set_indicators(
                indicators, window.happened("effective_date", effective_date), recorded_by
            ),
        )

    def set_actions(
        self,
        goal_id: UUID,
        actions: list[dict[str, Any]],
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        """actions: each {"what", "parties": [party ids aan zet], "due"}; a due that is an ISO
        date is a planned date (not before the negotiation started)."""
        participants = self._participants(goal_id)
        window = self._window(goal_id)
        on = window.happened("effective_date", effective_date)
        self._change_goal(
            goal_id,
            recorded_by,
            lambda g: g.set_actions(actions, participants, on, recorded_by, window),
        )

    def propose_amendment(
        self,
        goal_id: UUID,
        party_id: UUID,
        reason: str,
        effective_date: date,
        recorded_by: UUID,
        text: str | None = None,
        quote: str | None = None,
        replacement: str | None = None,
    ) -> UUID:
        """A post-it: a whole proposed text, or a replacement for one quoted passage."""
        return self._add_to_goal(
            goal_id,
            recorded_by,
            lambda g, amendment_id, participants: g.propose_amendment(
                amendment_id,
                party_id,
                reason,
                text,
                quote,
                replacement,
                participants,
                effective_date,
                recorded_by,
            ),
        )

    def decide_amendment(
        self,
        goal_id: UUID,
        amendment_id: UUID,
        outcome: str,
        effective_date: date,
        recorded_by: UUID,
        reason: str = "",
        adopted_text: str | None = None,
        kind: str = "substantive",
    ) -> int | None:
        """Decide once; adoption creates the next wording version in the same save."""
        return self._change_goal(
            goal_id,
            recorded_by,
            lambda g: g.decide_amendment(
                amendment_id, outcome, reason, adopted_text, kind, effective_date, recorded_by
            ),
        )

    def mark_passage(
        self,
        goal_id: UUID,
        quote: str,
        note: str,
        aan_zet: list[UUID],
        effective_date: date,
        recorded_by: UUID,
        occurrence: int | None = None,
    ) -> UUID:
        """Mark a quoted span of the current wording as still in dispute (yellow); a quote
        that occurs more than once needs its occurrence (1 for the first, …)."""
        return self._add_to_goal(
            goal_id,
            recorded_by,
            lambda g, passage_id, participants: g.mark_passage(
                passage_id,
                quote,
                note,
                aan_zet,
                participants,
                effective_date,
                recorded_by,
                occurrence,
            ),
        )

    def resolve_passage(
        self, goal_id: UUID, passage_id: UUID, note: str, effective_date: date, recorded_by: UUID
    ) -> None:
        self._change_goal(
            goal_id,
            recorded_by,
            lambda g: g.resolve_passage(passage_id, note, effective_date, recorded_by),
        )
