"""Page data: the plain dictionaries the templates render, built from the service's queries.

Every function takes the reader and passes it on (or filters with it), so a template never
decides what a reader may see.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID

from onderhandeling.domain.visibility import Reader
from onderhandeling.dutch.parties import short_name
from onderhandeling.dutch.timeline import sentence
from onderhandeling.service import COUNT_CAP, Negotiations, in_one_snapshot

# The dashboard lists the newest changes since the last committee meeting, and counts the rest.
CHANGES_SHOWN = 50


def party_codes(service: Negotiations, agreement: dict[str, Any]) -> dict[str, str]:
    """Party id (text) → code, for the agreement's participants."""
    return {p["id"]: p["code"] for p in agreement["parties"]}


def meeting_titles(
    service: Negotiations, reader: Reader, meeting_ids: set[str]
) -> dict[str, dict[str, Any]]:
    """Meeting id → title and kind, for the given meetings this reader may see."""
    titles = service.meeting_titles(reader, meeting_ids)
    return {key: title.as_dict() for key, title in titles.items()}


def discussion_points(
    service: Negotiations, agreement_id: UUID, reader: Reader, goal_id: UUID | None = None
) -> list[dict[str, Any]]:
    """The discussion points this reader may see; an internal decision's choice stays hidden."""
    return [p.as_dict() for p in service.discussion_points(agreement_id, reader, goal_id)]


def decisions(
    service: Negotiations, agreement_id: UUID, reader: Reader, goal_id: UUID | None = None
) -> list[dict[str, Any]]:
    """The decisions this reader may see, newest first."""
    return [d.as_dict() for d in service.decision_list(agreement_id, reader, goal_id)]


@in_one_snapshot
def dashboard(
    service: Negotiations, /, agreement_id: UUID, reader: Reader, today: date
) -> dict[str, Any]:
    """The steering committee's overview of one agreement, from the read models."""
    state = service.agreement_state(agreement_id, reader).as_dict()
    agreement = service.agreement(agreement_id).as_dict()
    priorities = []
    goals = []
    for priority in state["priorities"]:
        rows = []
        for goal in priority["goals"]:
            row = {
                **goal,
                "open_passages": [p for p in goal["open_passages"] if p["status"] == "open"],
            }
            rows.append(row)
            goals.append(row)
        priorities.append({**priority, "goals": rows})

    recent = service.last_meeting_of_kind(agreement_id, reader, "begeleidingscommissie")
    last_committee = None if recent is None else recent.as_dict()
    since = (
        last_committee["held_on"] + timedelta(days=1)
        if last_committee
        else date.fromisoformat(agreement["term_start"]) - timedelta(days=3650)
    )
    changed = service.changes_since(
        agreement_id, since.isoformat(), reader, limit=CHANGES_SHOWN
    ).as_dict()
    names = {p["code"]: short_name(p["code"], p["name"]) for p in agreement["parties"]}
    changes = [
        {"goal": goal, "on": entry["effective_date"], "what": sentence(entry, names)}
        for goal in changed["goals"]
        for entry in goal["entries"]
    ]
    changes += [
        {"goal": None, "on": entry["effective_date"], "what": sentence(entry, names)}
        for entry in changed["agreement"]
    ]
    changes.sort(key=lambda c: c["on"] or "", reverse=True)

    milestones = sorted(agreement["milestones"], key=lambda m: m["planned_on"])
    for milestone in milestones:
        milestone["passed"] = milestone["planned_on"] < today.isoformat()
    return {
        "agreement": agreement,
        "priorities": priorities,
        "goals": goals,
        "parties": [p["code"] for p in state["parties"]],
        "last_committee": last_committee,
        "changes": changes,
        "more_changes": max(changed["count"] - len(changes), 0),
        "more_changes_capped": changed["count"] > CHANGES_SHOWN + COUNT_CAP,
        "milestones": milestones,
    }
