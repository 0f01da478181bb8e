"""Projection of goal events: the goal row, its statuses, indicators and actions, and the
positions recorded on goals before meetings held them, each also as a timeline entry. The
wording side is in handle_wording.py."""

from __future__ import annotations

import json
from typing import Any

from onderhandeling.domain import Goal
from onderhandeling.readmodel.events import (
    Batch,
    Ctx,
    Handler,
    goal_changed,
    ident,
    timeline,
    to_json,
)
from onderhandeling.readmodel.handle_meeting import position_entry, retraction_entry
from onderhandeling.readmodel.handle_wording import WORDING_HANDLERS, add_version
from onderhandeling.readmodel.position_rows import PositionFacts, close_row, open_row


def _drafted(batch: Batch, ctx: Ctx, e: Any) -> None:
    goal_id, agreement_id = ctx.aggregate_id, str(e.agreement_id)
    batch.goals[goal_id] = (agreement_id, e.code)
    batch.sql.insert(
        "proj_goals",
        {
            "goal_id": goal_id,
            "agreement_id": agreement_id,
            "code": e.code,
            "priority": e.priority,
            "title": e.title,
            "status": "draft",
            "current_version": 1,
            "frozen_on": None,
            "indicators_json": "[]",
            "actions_json": "[]",
            **ctx.when(),
        },
    )
    batch.sql.insert(
        "proj_goal_statuses", {"goal_id": goal_id, "status": "draft", "reason": "", **ctx.when()}
    )
    add_version(batch, ctx, goal_id, 1, e.wording, None, "", "substantive", "none", None)
    timeline(
        batch,
        ctx,
        "goal_drafted",
        agreement_id=agreement_id,
        goal_id=goal_id,
        goal_code=e.code,
        title=e.title,
        version=1,
        details={"title": e.title, "priority": e.priority, "version": 1},
    )


def _status_changed(batch: Batch, ctx: Ctx, e: Any) -> None:
    goal_id = ctx.aggregate_id
    batch.sql.insert(
        "proj_goal_statuses",
        {"goal_id": goal_id, "status": e.status, "reason": e.reason, **ctx.when()},
    )
    goal_changed(
        batch,
        ctx,
        "goal_status_changed",
        {"status": e.status},
        details={"status": e.status, "reason": e.reason},
    )


def _indicators_set(batch: Batch, ctx: Ctx, e: Any) -> None:
    goal_changed(
        batch,
        ctx,
        "indicators_set",
        {"indicators_json": to_json(e.indicators)},
        details={"indicators": list(e.indicators)},
    )


def _actions_set(batch: Batch, ctx: Ctx, e: Any) -> None:
    actions = json.loads(to_json(e.actions))
    goal_changed(
        batch, ctx, "actions_set", {"actions_json": to_json(actions)}, details={"actions": actions}
    )


# Positions recorded on the goal itself, in stores from before meetings held them.


def _position_recorded(batch: Batch, ctx: Ctx, e: Any) -> None:
    facts = PositionFacts.recorded(e, ctx.aggregate_id, ident(e.meeting_id), "")
    confidentiality = open_row(
        batch, ctx, facts, holder_id=ctx.aggregate_id, own_confidentiality=e.confidentiality
    )
    position_entry(batch, ctx, facts, confidentiality)


def _position_retracted(batch: Batch, ctx: Ctx, e: Any) -> None:
    row = close_row(batch, ctx, e.position_id, retract_reason=e.reason)
    if row is not None:
        retraction_entry(batch, ctx, row, e.reason)


GOAL_HANDLERS: dict[type, dict[str, Handler]] = {
    Goal: {
        "Drafted": _drafted,
        "StatusChanged": _status_changed,
        "IndicatorsSet": _indicators_set,
        "ActionsSet": _actions_set,
        "PositionRecorded": _position_recorded,
        "PositionRetracted": _position_retracted,
        **WORDING_HANDLERS,
    },
}
