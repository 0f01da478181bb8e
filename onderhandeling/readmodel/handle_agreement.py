"""Projection of the other aggregates' events: persons, parties, agreements (priorities,
participants, milestones, baselines, signatures) and discussion points. Meetings are in
handle_meeting.py, decisions in handle_decision.py."""

from __future__ import annotations

import json
from typing import Any

from onderhandeling.domain import Agreement, DiscussionPoint, Party, Person
from onderhandeling.readmodel.events import (
    Batch,
    Ctx,
    Handler,
    agreement_row,
    agreement_timeline,
    day,
    ident,
    record_timeline,
    to_json,
)


def _person_registered(batch: Batch, ctx: Ctx, e: Any) -> None:
    batch.sql.insert("proj_persons", {"person_id": ctx.aggregate_id, "name": e.name, "erased": 0})


def _person_name_erased(batch: Batch, ctx: Ctx, e: Any) -> None:
    # Names are resolved at query time from this row, so erasing here erases everywhere.
    batch.sql.update(
        "proj_persons", {"person_id": ctx.aggregate_id}, {"name": "[naam verwijderd]", "erased": 1}
    )


def _party_added(batch: Batch, ctx: Ctx, e: Any) -> None:
    batch.sql.insert(
        "proj_parties",
        {"party_id": ctx.aggregate_id, "code": e.code, "name": e.name, "kind": e.kind},
    )
    batch.party_codes[ctx.aggregate_id] = e.code


def _party_renamed(batch: Batch, ctx: Ctx, e: Any) -> None:
    batch.sql.update("proj_parties", {"party_id": ctx.aggregate_id}, {"name": e.name})


def _agreement_started(batch: Batch, ctx: Ctx, e: Any) -> None:
    agreement_row(
        batch,
        ctx,
        "proj_agreements",
        {
            "title": e.title,
            "term_start": day(e.term_start),
            "term_end": day(e.term_end),
            "signed_on": None,
        },
    )
    agreement_timeline(batch, ctx, "agreement_started", title=e.title)


def _priority_added(batch: Batch, ctx: Ctx, e: Any) -> None:
    agreement_row(batch, ctx, "proj_priorities", {"key": e.key, "title": e.title})
    agreement_timeline(batch, ctx, "priority_added", title=e.title, details={"priority": e.key})


def _party_joined(batch: Batch, ctx: Ctx, e: Any) -> None:
    agreement_row(batch, ctx, "proj_participants", {"party_id": str(e.party_id), "role": e.role})
    agreement_timeline(
        batch,
        ctx,
        "party_joined",
        party_code=batch.party_code(e.party_id),
        details={"role": e.role},
    )


def _goal_added(batch: Batch, ctx: Ctx, e: Any) -> None:
    agreement_timeline(
        batch,
        ctx,
        "goal_added",
        goal_code=e.code,
        details={"goal_id": str(e.goal_id), "code": e.code, "priority": e.priority},
    )


def _milestone_planned(batch: Batch, ctx: Ctx, e: Any) -> None:
    agreement_row(
        batch,
        ctx,
        "proj_milestones",
        {"key": e.key, "name": e.name, "planned_on": day(e.planned_on), "moves_json": "[]"},
    )
    agreement_timeline(
        batch,
        ctx,
        "milestone_planned",
        title=e.name,
        on_date=day(e.planned_on),
        details={"milestone": e.key},
    )


def _milestone_moved(batch: Batch, ctx: Ctx, e: Any) -> None:
    row = batch.sql.one(
        "SELECT name, planned_on, moves_json FROM proj_milestones WHERE agreement_id = ? "
        "AND key = ?",
        [ctx.aggregate_id, e.key],
    )
    assert row is not None
    moves = [
        *batch_json(row["moves_json"]),
        {"from": row["planned_on"], "to": day(e.to), "reason": e.reason, "on": ctx.effective_date},
    ]
    batch.sql.update(
        "proj_milestones",
        {"agreement_id": ctx.aggregate_id, "key": e.key},
        {"planned_on": day(e.to), "moves_json": to_json(moves)},
    )
    agreement_timeline(
        batch,
        ctx,
        "milestone_moved",
        title=row["name"],
        on_date=day(e.to),
        details={"milestone": e.key, "from": row["planned_on"], "reason": e.reason},
    )


def batch_json(text: str) -> list[Any]:
    value: list[Any] = json.loads(text)
    return value


def _baseline_frozen(batch: Batch, ctx: Ctx, e: Any) -> None:
    agreement_row(batch, ctx, "proj_baselines", {"name": e.name})
    batch.sql.executemany(
        "INSERT INTO proj_baseline_versions (agreement_id, name, goal_id, version) "
        "VALUES (?, ?, ?, ?)",
        [(ctx.aggregate_id, e.name, goal_id, v) for goal_id, v in sorted(e.versions.items())],
    )
    agreement_timeline(batch, ctx, "baseline_frozen", title=e.name)


def _signature_recorded(batch: Batch, ctx: Ctx, e: Any) -> None:
    agreement_row(
        batch, ctx, "proj_signatures", {"party_id": str(e.party_id), "signer": ident(e.signer)}
    )
    agreement_timeline(batch, ctx, "signature_recorded", party_code=batch.party_code(e.party_id))


def _signing_completed(batch: Batch, ctx: Ctx, e: Any) -> None:
    batch.sql.update(
        "proj_agreements", {"agreement_id": ctx.aggregate_id}, {"signed_on": ctx.effective_date}
    )
    agreement_timeline(batch, ctx, "signing_completed")


def _point_raised(batch: Batch, ctx: Ctx, e: Any) -> None:
    row = {
        "point_id": ctx.aggregate_id,
        "agreement_id": str(e.agreement_id),
        "goal_id": ident(e.goal_id),
        "title": e.title,
        "options_json": to_json(e.options),
        "confidentiality": e.confidentiality,
        "chosen_option": None,
        "chosen_decision_id": None,
        "chosen_on": None,
        "chosen_at": None,
        **ctx.when(),
    }
    batch.sql.insert("proj_discussion_points", row)
    record_timeline(batch, ctx, "point_raised", row)


def _point(batch: Batch, point_id: str) -> dict[str, Any]:
    row = batch.sql.one(
        "SELECT agreement_id, goal_id, title, confidentiality FROM proj_discussion_points "
        "WHERE point_id = ?",
        [point_id],
    )
    assert row is not None
    return row


def _preference_stated(batch: Batch, ctx: Ctx, e: Any) -> None:
    point = _point(batch, ctx.aggregate_id)
    batch.sql.insert(
        "proj_preferences",
        {
            "point_id": ctx.aggregate_id,
            "party_id": str(e.party_id),
            "option_key": e.option,
            "reason": e.reason,
            **ctx.when(),
        },
    )
    record_timeline(
        batch,
        ctx,
        "preference_stated",
        point,
        party_code=batch.party_code(e.party_id),
        details={"option": e.option},
    )


def _option_chosen(batch: Batch, ctx: Ctx, e: Any) -> None:
    point = _point(batch, ctx.aggregate_id)
    batch.sql.update(
        "proj_discussion_points",
        {"point_id": ctx.aggregate_id},
        {
            "chosen_option": e.option,
            "chosen_decision_id": str(e.decision_id),
            "chosen_on": ctx.effective_date,
            "chosen_at": ctx.recorded_at,
        },
    )
    record_timeline(batch, ctx, "option_chosen", point, details={"option": e.option})


# Per aggregate, by event name (dispatch.py turns the names into the event classes).
OTHER_HANDLERS: dict[type, dict[str, Handler]] = {
    Person: {
        "Registered": _person_registered,
        "NameErased": _person_name_erased,
    },
    Party: {
        "Added": _party_added,
        "Renamed": _party_renamed,
    },
    Agreement: {
        "Started": _agreement_started,
        "PriorityAdded": _priority_added,
        "PartyJoined": _party_joined,
        "GoalAdded": _goal_added,
        "MilestonePlanned": _milestone_planned,
        "MilestoneMoved": _milestone_moved,
        "BaselineFrozen": _baseline_frozen,
        "SignatureRecorded": _signature_recorded,
        "SigningCompleted": _signing_completed,
    },
    DiscussionPoint: {
        "Raised": _point_raised,
        "PreferenceStated": _preference_stated,
        "OptionChosen": _option_chosen,
    },
}
