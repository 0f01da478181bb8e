"""Projection of goal events: the goal row, its statuses, indicators, actions and the
parties' positions, each also as a timeline entry. The wording side is in handle_wording.py."""

from __future__ import annotations

import json
from typing import Any

from onderhandeling.labels import STANCE_LABELS, STATUS_LABELS
from onderhandeling.projections.current_positions import Standing
from onderhandeling.projections.events import (
    INTERNAL,
    SHARED,
    Batch,
    Ctx,
    Handler,
    ident,
    timeline,
    to_json,
)
from onderhandeling.projections.handle_wording import WORDING_HANDLERS, add_version
from onderhandeling.projections.sql import insert_statement


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
        f"Doelstelling {e.code} opgesteld: {e.title}",
        agreement_id=agreement_id,
        goal_id=goal_id,
        details={"title": e.title, "priority": e.priority, "version": 1},
    )


def _status_changed(batch: Batch, ctx: Ctx, e: Any) -> None:
    goal_id = ctx.aggregate_id
    agreement_id, code = batch.goal(goal_id)
    batch.sql.update("proj_goals", {"goal_id": goal_id}, {"status": e.status})
    batch.sql.insert(
        "proj_goal_statuses",
        {"goal_id": goal_id, "status": e.status, "reason": e.reason, **ctx.when()},
    )
    timeline(
        batch,
        ctx,
        f"Status {code}: {STATUS_LABELS.get(e.status, e.status)} ({e.reason})",
        agreement_id=agreement_id,
        goal_id=goal_id,
        details={"status": e.status},
    )


def _indicators_set(batch: Batch, ctx: Ctx, e: Any) -> None:
    agreement_id, code = batch.goal(ctx.aggregate_id)
    batch.sql.update(
        "proj_goals", {"goal_id": ctx.aggregate_id}, {"indicators_json": to_json(e.indicators)}
    )
    timeline(
        batch,
        ctx,
        f"Indicatoren {code} vastgesteld",
        agreement_id=agreement_id,
        goal_id=ctx.aggregate_id,
        details={"indicators": list(e.indicators)},
    )


def _actions_set(batch: Batch, ctx: Ctx, e: Any) -> None:
    agreement_id, code = batch.goal(ctx.aggregate_id)
    actions = json.loads(to_json(e.actions))
    batch.sql.update(
        "proj_goals", {"goal_id": ctx.aggregate_id}, {"actions_json": to_json(actions)}
    )
    timeline(
        batch,
        ctx,
        f"Acties {code} vastgesteld",
        agreement_id=agreement_id,
        goal_id=ctx.aggregate_id,
        details={"actions": actions},
    )


POSITION_INSERT = insert_statement(
    "proj_positions",
    (
        "position_id",
        "goal_id",
        "agreement_id",
        "party_id",
        "stance",
        "summary",
        "conditions",
        "meeting_id",
        "wording_version",
        "confidentiality",
        "corrects",
        "replaced_by",
        "withdrawn_at",
        "retracted",
        "retract_reason",
        "effective_date",
        "recorded_at",
        "recorded_by",
        "seq",
    ),
)


def _position_recorded(batch: Batch, ctx: Ctx, e: Any) -> None:
    goal_id = ctx.aggregate_id
    agreement_id, code = batch.goal(goal_id)
    confidentiality = e.confidentiality
    meeting_id = ident(e.meeting_id)
    if meeting_id is not None:
        # A position taken in an internal meeting is as internal as the meeting itself.
        held = batch.meeting_confidentiality(meeting_id)
        if held == INTERNAL:
            confidentiality = INTERNAL
    # Most events are positions: their row is a tuple for a statement built once.
    batch.sql.defer(
        POSITION_INSERT,
        (
            e.position_id,
            goal_id,
            agreement_id,
            str(e.party_id),
            e.stance,
            e.summary,
            e.conditions,
            meeting_id,
            e.wording_version,
            confidentiality,
            e.corrects,
            None,  # replaced_by
            None,  # withdrawn_at
            0,  # retracted
            "",  # retract_reason
            ctx.effective_date,
            ctx.recorded_at,
            ctx.recorded_by,
            ctx.seq,
        ),
    )
    party_id = str(e.party_id)
    batch.current_positions.recorded(
        agreement_id,
        goal_id,
        party_id,
        confidentiality,
        Standing(ctx.effective_date or "", ctx.seq, e.position_id),
    )
    if e.corrects is not None:
        batch.sql.update(
            "proj_positions",
            {"position_id": e.corrects},
            {"replaced_by": e.position_id, "withdrawn_at": ctx.recorded_at},
        )
        # The domain refuses a correction for another party, so it corrects this party's.
        batch.current_positions.withdrawn(agreement_id, goal_id, party_id, e.corrects)
    party = batch.party_code(e.party_id)
    verb = "corrigeert standpunt" if e.corrects else "standpunt"
    timeline(
        batch,
        ctx,
        f"{party} {verb} op {code} (versie {e.wording_version}): "
        f"{STANCE_LABELS.get(e.stance, e.stance)} — {e.summary}",
        agreement_id=agreement_id,
        goal_id=goal_id,
        confidentiality=confidentiality,
        details={
            "position_id": e.position_id,
            "party": party,
            "stance": e.stance,
            "meeting_id": meeting_id,
            "wording_version": e.wording_version,
            "conditions": e.conditions,
            "corrects": e.corrects,
        },
    )


def _position_retracted(batch: Batch, ctx: Ctx, e: Any) -> None:
    agreement_id, code = batch.goal(ctx.aggregate_id)
    row = batch.sql.one(
        "SELECT party_id, confidentiality FROM proj_positions WHERE position_id = ?",
        [e.position_id],
    )
    batch.sql.update(
        "proj_positions",
        {"position_id": e.position_id},
        {"retracted": 1, "withdrawn_at": ctx.recorded_at, "retract_reason": e.reason},
    )
    if row is not None:
        batch.current_positions.withdrawn(
            agreement_id, ctx.aggregate_id, row["party_id"], e.position_id
        )
    party = batch.party_code(row["party_id"] if row else None)
    timeline(
        batch,
        ctx,
        f"Standpunt {party} op {code} ingetrokken: {e.reason}",
        agreement_id=agreement_id,
        goal_id=ctx.aggregate_id,
        confidentiality=row["confidentiality"] if row else SHARED,
        details={"position_id": e.position_id, "party": party},
    )


GOAL_HANDLERS: dict[str, Handler] = {
    "Drafted": _drafted,
    "StatusChanged": _status_changed,
    "IndicatorsSet": _indicators_set,
    "ActionsSet": _actions_set,
    "PositionRecorded": _position_recorded,
    "PositionRetracted": _position_retracted,
    **WORDING_HANDLERS,
}
