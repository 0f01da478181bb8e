"""Projection of decisions and their corrections: the decision as it stands, every version of
its facts (for "as known at" and the history), and what it caused in a wording's history
named as corrected."""

from __future__ import annotations

from typing import Any

from onderhandeling.domain import Decision
from onderhandeling.readmodel.events import (
    Batch,
    Ctx,
    Handler,
    changed_facts,
    correct_row,
    new_facts_version,
    record_timeline,
    to_json,
)


def _decision_recorded(batch: Batch, ctx: Ctx, e: Any) -> None:
    decision_id = ctx.aggregate_id
    row = {
        "decision_id": decision_id,
        "agreement_id": str(e.agreement_id),
        "decided_by": e.decided_by,
        "reference": e.reference,
        "title": e.title,
        "text": e.text,
        "option_json": None if e.option is None else to_json(e.option),
        "confidentiality": e.confidentiality,
        "corrections": 0,
        **ctx.when(),
    }
    batch.sql.insert("proj_decisions", row)
    _new_facts_version(batch, ctx, e, reason="")
    batch.sql.executemany(
        "INSERT INTO proj_decision_goals (decision_id, goal_id) VALUES (?, ?)",
        [(decision_id, str(g)) for g in e.goal_ids],
    )
    record_timeline(
        batch,
        ctx,
        "decision_recorded",
        row,
        details={
            "decision_id": decision_id,
            "decided_by": e.decided_by,
            "reference": e.reference,
            "goal_ids": [str(g) for g in e.goal_ids],
            "text": e.text,
        },
    )


def _new_facts_version(batch: Batch, ctx: Ctx, e: Any, reason: str) -> None:
    facts = {"reference": e.reference, "title": e.title, "text": e.text}
    new_facts_version(
        batch, ctx, "proj_decision_versions", "decision_id", ctx.aggregate_id, facts, reason
    )


def _decision_corrected(batch: Batch, ctx: Ctx, e: Any) -> None:
    decision_id = ctx.aggregate_id
    facts = {
        "reference": e.reference,
        "title": e.title,
        "text": e.text,
        "effective_date": ctx.effective_date,
    }
    before = correct_row(batch, "proj_decisions", "decision_id", decision_id, facts)
    if before is None:
        return
    _new_facts_version(batch, ctx, e, reason=e.reason)
    # The decision's entry moves to its corrected date; what it caused is named anew.
    batch.sql.execute(
        "UPDATE proj_timeline SET effective_date = ? WHERE aggregate_id = ? AND event = 'Recorded'",
        [ctx.effective_date, decision_id],
    )
    batch.sql.execute(
        "UPDATE proj_wording_versions SET cause_reference = ?, cause_title = ? "
        "WHERE cause_type = 'decision' AND cause_id = ?",
        [e.reference, e.title, decision_id],
    )
    goals = batch.sql.column(
        "SELECT goal_id FROM proj_decision_goals WHERE decision_id = ?", [decision_id]
    )
    record_timeline(
        batch,
        ctx,
        "decision_corrected",
        before,
        goals=goals,
        details={
            "decision_id": decision_id,
            "reference": before["reference"],
            "changed": changed_facts(before, facts),
            "reason": e.reason,
        },
    )


DECISION_HANDLERS: dict[type, dict[str, Handler]] = {
    Decision: {
        "Recorded": _decision_recorded,
        "Corrected": _decision_corrected,
    },
}
