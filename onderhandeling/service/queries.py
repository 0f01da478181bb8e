"""Queries of the application service: plain data from the read models (goals, status,
meetings, decisions) and, for an agreement's structure, from its aggregate."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from onderhandeling.domain import Agreement, Goal, Person
from onderhandeling.domain.errors import NotFound
from onderhandeling.domain.visibility import MINISTRY, Reader
from onderhandeling.readmodel.read_goal import goal_detail
from onderhandeling.readmodel.read_lists import (
    agreement_detail,
    list_agreements,
    list_parties,
)
from onderhandeling.readmodel.read_records import (
    decision_detail,
    decisions_of,
    meeting_detail,
    meetings_of,
)
from onderhandeling.readmodel.read_state import agreement_state
from onderhandeling.service.base import NegotiationsBase


class Queries(NegotiationsBase):
    def person_name(self, person_id: UUID | None) -> str:
        if person_id is None:
            return ""
        try:
            return self.peek(Person, person_id, "person").name
        except NotFound:
            return "?"

    def parties(self) -> list[dict[str, Any]]:
        """Every party, by code (from the read models: no scan of the event log)."""
        return list_parties(self)

    def agreements(self) -> list[dict[str, Any]]:
        """Every agreement, in the order they were started (from the read models)."""
        return list_agreements(self)

    def agreement_ids(self) -> list[UUID]:
        return [UUID(a["id"]) for a in list_agreements(self)]

    def agreement(self, agreement_id: UUID) -> dict[str, Any]:
        """The agreement's structure (from the read models)."""
        return agreement_detail(self, agreement_id)

    def goal_version(self, goal_id: UUID) -> int:
        return self.peek(Goal, goal_id, "goal").current_version

    def goal(self, goal_id: UUID, reader: Reader = MINISTRY) -> dict[str, Any]:
        """The goal as it stands, with what this reader may see (from the read models).

        A visible position's `replaced_by`/`corrects` never names a position hidden from the
        reader: the link skips over hidden corrections to the next visible one, or is None
        (so a shared position replaced only by an internal correction looks current).
        """
        return goal_detail(self, goal_id, reader)

    def status(self, agreement_id: UUID, reader: Reader = MINISTRY) -> dict[str, Any]:
        """Per priority and goal: wording version, status, each party's current stance."""
        state = agreement_state(self, agreement_id, reader)
        kinds = {p["code"]: p["kind"] for p in list_parties(self)}
        return {
            "agreement": {"id": state["agreement"]["id"], "title": state["agreement"]["title"]},
            "signed_on": state["agreement"]["signed_on"],
            "parties": [
                {
                    "code": p["code"],
                    "name": p["name"],
                    "kind": kinds.get(p["code"], ""),
                    "role": p["role"],
                }
                for p in state["parties"]
            ],
            "priorities": [
                {
                    "key": priority["key"],
                    "title": priority["title"],
                    "goals": [
                        {
                            "code": goal["code"],
                            "title": goal["title"],
                            "version": goal["version"],
                            "status": goal["status"],
                            "stances": {
                                code: {
                                    "stance": stance["stance"],
                                    "on": stance["effective_date"],
                                    "wording_version": stance["wording_version"],
                                }
                                for code, stance in goal["stances"].items()
                            },
                        }
                        for goal in priority["goals"]
                    ],
                }
                for priority in state["priorities"]
            ],
        }

    def meetings(self, agreement_id: UUID, reader: Reader = MINISTRY) -> list[dict[str, Any]]:
        self.peek(Agreement, agreement_id, "agreement")
        return meetings_of(self, agreement_id, reader)

    def meeting(self, meeting_id: UUID, reader: Reader = MINISTRY) -> dict[str, Any]:
        return meeting_detail(self, meeting_id, reader)

    def decisions(self, agreement_id: UUID, reader: Reader = MINISTRY) -> list[dict[str, Any]]:
        self.peek(Agreement, agreement_id, "agreement")
        return decisions_of(self, agreement_id, reader)

    def decision(self, decision_id: UUID, reader: Reader = MINISTRY) -> dict[str, Any]:
        return decision_detail(self, decision_id, reader)
