"""Discussion point with options (the Salarismix scenarios 1, 2a, 2b, 3), each with its
description and its advantages and disadvantages as lists: each party's preferred option
with its reason, and the decision that picks one."""

from __future__ import annotations

from collections.abc import Container
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from onderhandeling.domain import values
from onderhandeling.domain.errors import AlreadyDecided, NotAParticipant, NotFound
from onderhandeling.domain.values import Confidentiality


class DiscussionPoint(Aggregate):
    @classmethod
    def raise_point(
        cls,
        agreement_id: UUID,
        goal_id: UUID | None,
        title: str,
        options: list[dict[str, Any]],
        confidentiality: str,
        effective_date: date,
        recorded_by: UUID,
    ) -> DiscussionPoint:
        """options: each {"key": "2a", "label": "Scenario 2a", "description": "…"}, with
        optionally its advantages and disadvantages as lists ("pros", "cons": ["…", …])."""
        if len(options) < 2:
            raise values.InvalidInput("options", "a discussion point needs at least two options")
        checked = []
        for option in options:
            one: dict[str, Any] = {
                "key": values.code("option key", option.get("key", "")),
                "label": values.text("label", option.get("label", ""), values.MAX_SHORT),
                "description": values.optional_text("description", option.get("description")),
            }
            # Only when given, so an option without them is stored as before.
            for field in ("pros", "cons"):
                if option.get(field):
                    one[field] = values.texts(field, list(option[field]))
            checked.append(one)
        if len({o["key"] for o in checked}) != len(checked):
            raise values.InvalidInput("options", "option keys must be unique")
        return cls(
            agreement_id=agreement_id,
            goal_id=goal_id,
            title=values.text("title", title, values.MAX_SHORT),
            options=checked,
            confidentiality=values.choice(
                "confidentiality", confidentiality, Confidentiality
            ).value,
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("Raised")
    def __init__(
        self,
        agreement_id: UUID,
        goal_id: UUID | None,
        title: str,
        options: list[dict[str, Any]],
        confidentiality: str,
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        self.agreement_id = agreement_id
        self.goal_id = goal_id
        self.title = title
        self.options = [dict(o) for o in options]
        self.confidentiality = confidentiality
        self.raised_on = effective_date
        self.preferences: dict[UUID, dict[str, Any]] = {}
        self.chosen: dict[str, Any] | None = None

    def require_option(self, key: str) -> None:
        if key not in {o["key"] for o in self.options}:
            raise NotFound(f"option {key!r} does not exist for '{self.title}'", option=key)

    def state_preference(
        self,
        party_id: UUID,
        option: str,
        reason: str,
        participants: Container[UUID],
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        if party_id not in participants:
            raise NotAParticipant("this party does not take part in the agreement")
        self.require_option(option)
        self._preference_stated(
            party_id=party_id,
            option=option,
            reason=values.optional_text("reason", reason),
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("PreferenceStated")
    def _preference_stated(
        self, party_id: UUID, option: str, reason: str, effective_date: date, recorded_by: UUID
    ) -> None:
        self.preferences[party_id] = {"option": option, "reason": reason, "on": effective_date}

    def choose(
        self, option: str, decision_id: UUID, effective_date: date, recorded_by: UUID
    ) -> None:
        if self.chosen is not None:
            raise AlreadyDecided(f"'{self.title}' was already decided ({self.chosen['option']})")
        self.require_option(option)
        self._option_chosen(
            option=option,
            decision_id=decision_id,
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("OptionChosen")
    def _option_chosen(
        self, option: str, decision_id: UUID, effective_date: date, recorded_by: UUID
    ) -> None:
        self.chosen = {"option": option, "decision_id": decision_id, "on": effective_date}
