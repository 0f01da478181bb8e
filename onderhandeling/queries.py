"""Queries straight from the aggregates: plain data for the CLI's status, the goal as it
stands, and the lists the pages need.

The projections (read models) answer the heavier questions (state on a date, history,
diffs); these stay because they read the source of truth directly.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from onderhandeling.app_base import NegotiationsBase, plain
from onderhandeling.domain import Agreement, Goal, Meeting, Party, Person
from onderhandeling.domain.errors import NotFound
from onderhandeling.projections.read_lists import list_agreements, list_parties
from onderhandeling.visibility import MINISTRY, Reader


class Queries(NegotiationsBase):
    def person_name(self, person_id: UUID | None) -> str:
        if person_id is None:
            return ""
        try:
            return self.load(Person, person_id, "person").name
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
        agreement = self.load(Agreement, agreement_id, "agreement")
        codes = {p: self.load(Party, p, "party").code for p in agreement.participants}
        return {
            "id": str(agreement.id),
            "title": agreement.title,
            "term_start": str(agreement.term_start),
            "term_end": str(agreement.term_end),
            "priorities": [{"key": k, "title": t} for k, t in agreement.priorities.items()],
            "parties": [
                {"id": str(p), "code": codes[p], "role": role}
                for p, role in agreement.participants.items()
            ],
            "goals": [{"code": c, "id": str(g)} for c, g in agreement.goals.items()],
            "milestones": [
                {
                    "key": m.key,
                    "name": m.name,
                    "planned_on": str(m.planned_on),
                    "moves": plain(m.moves),
                }
                for m in agreement.milestones.values()
            ],
            "baselines": [
                {"name": name, "on": str(b["on"])} for name, b in agreement.baselines.items()
            ],
            "signatures": [
                {
                    "party": codes[p],
                    "on": str(s["on"]),
                    "signer": self.person_name(s["signer"]),
                }
                for p, s in agreement.signatures.items()
            ],
            "signed_on": None if agreement.signed_on is None else str(agreement.signed_on),
        }

    def goal_version(self, goal_id: UUID) -> int:
        return self.load(Goal, goal_id, "goal").current_version

    def goal(self, goal_id: UUID, reader: Reader = MINISTRY) -> dict[str, Any]:
        """The goal as it stands, with what this reader may see.

        A visible position's `replaced_by`/`corrects` never names a position hidden from the
        reader: the link skips over hidden corrections to the next visible one, or is None
        (so a shared position replaced only by an internal correction looks current).
        """
        goal = self.load(Goal, goal_id, "goal")
        visible = [
            p
            for p in goal.positions.values()
            if reader.may_see(p["confidentiality"])
            and (p["meeting_id"] is None or self._meeting_visible(p["meeting_id"], reader))
        ]
        seen = {str(p["id"]) for p in visible}
        data: dict[str, Any] = plain(
            {
                "id": goal.id,
                "agreement_id": goal.agreement_id,
                "code": goal.code,
                "priority": goal.priority,
                "title": goal.title,
                "status": goal.status,
                "version": goal.current_version,
                "wording": goal.wording,
                "frozen_on": goal.frozen_on,
                "indicators": goal.indicators,
                "actions": goal.actions,
                "amendments": list(goal.amendments.values()),
                "passages": list(goal.passages.values()),
                "positions": visible,
            }
        )
        for position in data["positions"]:
            for link in ("replaced_by", "corrects"):
                position[link] = _visible_link(goal, position[link], link, seen)
        return data

    def status(self, agreement_id: UUID, reader: Reader = MINISTRY) -> dict[str, Any]:
        """Per priority and goal: wording version, status, each party's current stance."""
        agreement = self.load(Agreement, agreement_id, "agreement")
        codes = {p: self.load(Party, p, "party").code for p in agreement.participants}
        priorities = []
        for key, title in agreement.priorities.items():
            goals = []
            for code, goal_id in agreement.goals.items():
                if agreement.goal_priorities[goal_id] != key:
                    continue
                goal = self.load(Goal, goal_id, "goal")
                stances = {
                    codes[party_id]: {
                        "stance": position["stance"],
                        "on": str(position["effective_date"]),
                        "wording_version": position["wording_version"],
                    }
                    for party_id, position in _visible_current(goal, reader).items()
                }
                goals.append(
                    {
                        "code": code,
                        "title": goal.title,
                        "version": goal.current_version,
                        "status": goal.status,
                        "stances": stances,
                    }
                )
            priorities.append({"key": key, "title": title, "goals": goals})
        parties = []
        for party_id, role in agreement.participants.items():
            party = self.load(Party, party_id, "party")
            parties.append(
                {"code": party.code, "name": party.name, "kind": party.kind, "role": role}
            )
        return {
            "agreement": {"id": str(agreement.id), "title": agreement.title},
            "signed_on": None if agreement.signed_on is None else str(agreement.signed_on),
            "parties": parties,
            "priorities": priorities,
        }

    def _meeting_visible(self, meeting_id: UUID, reader: Reader) -> bool:
        if reader.sees_internal:
            return True
        return reader.may_see(self.load(Meeting, meeting_id, "meeting").confidentiality)


def _visible_link(goal: Goal, target: str | None, link: str, seen: set[str]) -> str | None:
    """Follow a replaced_by/corrects link past positions the reader may not see."""
    steps = 0
    while target is not None and str(target) not in seen and steps <= len(goal.positions):
        following = goal.positions.get(str(target))
        target = None if following is None else following[link]
        steps += 1
    return None if target is None or str(target) not in seen else str(target)


def _visible_current(goal: Goal, reader: Reader) -> dict[UUID, dict[str, Any]]:
    # Used by the CLI's status (a ministry reader); the web reads the projections.
    return {
        party_id: position
        for party_id, position in goal.current_positions().items()
        if reader.may_see(position["confidentiality"])
    }
