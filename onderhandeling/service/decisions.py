"""Commands on discussion points (a choice between options, each party's preference) and
the decisions of the minister or cabinet, and the corrections of a decision."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from onderhandeling.domain import Agreement, Decision, DiscussionPoint, Goal
from onderhandeling.domain.errors import NotFound, RuleViolation
from onderhandeling.domain.values import Confidentiality
from onderhandeling.service.base import NegotiationsBase, today
from onderhandeling.service.prefix import field_prefix


class DecisionCommands(NegotiationsBase):
    """Discussion points and decisions: each its own aggregate, saved with the point a
    decision chooses an option of."""

    def _goal_of(self, agreement: Agreement, goal_id: UUID) -> Goal:
        goal = self.peek(Goal, goal_id, "goal")
        if goal.agreement_id != agreement.id:
            raise NotFound("goal not found in this agreement", id=str(goal_id), field="goal")
        return goal

    def raise_discussion_point(
        self,
        agreement_id: UUID,
        title: str,
        options: list[dict[str, Any]],
        effective_date: date,
        recorded_by: UUID,
        goal_id: UUID | None = None,
        confidentiality: str = Confidentiality.SHARED.value,
    ) -> UUID:
        self.require_person(recorded_by)
        agreement = self.peek(Agreement, agreement_id, "agreement")
        if goal_id is not None:
            self._goal_of(agreement, goal_id)
        point = DiscussionPoint.raise_point(
            agreement_id, goal_id, title, options, confidentiality, effective_date, recorded_by
        )
        self.store(point)
        return point.id

    def state_preference(
        self,
        discussion_point_id: UUID,
        party_id: UUID,
        option: str,
        reason: str,
        effective_date: date,
        recorded_by: UUID,
    ) -> None:

        def state(point: DiscussionPoint) -> None:
            agreement = self.peek(Agreement, point.agreement_id, "agreement")
            point.state_preference(
                party_id, option, reason, self.roster(agreement), effective_date, recorded_by
            )

        self.change(DiscussionPoint, discussion_point_id, "discussion point", recorded_by, state)

    def record_decision(
        self,
        agreement_id: UUID,
        decided_by: str,
        reference: str,
        title: str,
        text: str,
        effective_date: date,
        recorded_by: UUID,
        goal_ids: list[UUID] | None = None,
        chooses: tuple[UUID, str] | None = None,
        confidentiality: str = Confidentiality.SHARED.value,
    ) -> UUID:
        """A decision, and when it picks an option of a discussion point, that choice in the
        same save."""
        self.require_person(recorded_by)

        def command() -> UUID:
            agreement = self.peek(Agreement, agreement_id, "agreement")
            for index, goal_id in enumerate(goal_ids or []):
                with field_prefix(f"goals.{index}."):
                    self._goal_of(agreement, goal_id)
            point = None
            option = None
            if chooses is not None:
                point = self.load(DiscussionPoint, chooses[0], "discussion point")
                if point.agreement_id != agreement_id:
                    raise RuleViolation("the discussion point belongs to another agreement")
                option = {"discussion_point_id": str(point.id), "option": chooses[1]}
            decision = Decision.record(
                agreement_id,
                decided_by,
                reference,
                title,
                text,
                goal_ids or [],
                option,
                confidentiality,
                effective_date,
                recorded_by,
                window=agreement.window(today()),
            )
            if point is not None and chooses is not None:
                point.choose(chooses[1], decision.id, effective_date, recorded_by)
            self.store(decision, point)
            return decision.id

        return self.retrying(command)

    def correct_decision(
        self,
        decision_id: UUID,
        *,
        reason: str,
        recorded_by: UUID,
        reference: str | None = None,
        title: str | None = None,
        text: str | None = None,
        decided_on: date | None = None,
    ) -> None:
        """Correct a decision's reference, title, text or date; what is not given stays."""

        def correct(decision: Decision) -> None:
            agreement = self.peek(Agreement, decision.agreement_id, "agreement")
            decision.correct(
                reference=decision.reference if reference is None else reference,
                title=decision.title if title is None else title,
                text=decision.text if text is None else text,
                decided_on=decision.decided_on if decided_on is None else decided_on,
                reason=reason,
                window=agreement.window(today()),
                recorded_by=recorded_by,
            )

        self.change(Decision, decision_id, "decision", recorded_by, correct)
