"""Projection of meetings and the positions taken in them, with their corrections: a meeting
row as it stands plus every version of its facts, the positions' bitemporal rows
(position_rows.py), and a timeline entry for each event.

A correction of a meeting moves everything that follows from it: its positions take the
corrected date (and the wording version in force then) or confidentiality in a new row
version, its timeline entries move to the corrected date, and what it caused in a wording's
history is named as corrected. A withdrawn meeting takes all its positions with it; the
history keeps them, struck.
"""

from __future__ import annotations

import json
from typing import Any

from onderhandeling.domain import Meeting
from onderhandeling.readmodel.events import (
    Batch,
    Ctx,
    Handler,
    changed_facts,
    correct_row,
    new_facts_version,
    party_goal_timeline,
    record_timeline,
    to_json,
)
from onderhandeling.readmodel.gate import INTERNAL, SHARED, combined
from onderhandeling.readmodel.position_rows import (
    PositionFacts,
    close_row,
    first_row_seq,
    new_version,
    open_row,
)
from onderhandeling.readmodel.sql import Row


def _meeting_logged(batch: Batch, ctx: Ctx, e: Any) -> None:
    meeting_id = ctx.aggregate_id
    parties = [str(p) for p in e.parties_present]
    batch.meetings[meeting_id] = e.confidentiality
    facts = {
        "title": e.title,
        "kind": e.kind,
        "parties_json": to_json(parties),
        "summary": e.summary,
        "confidentiality": e.confidentiality,
    }
    row = {
        "meeting_id": meeting_id,
        "agreement_id": str(e.agreement_id),
        "attendees_json": to_json([str(p) for p in e.attendees]),
        "corrections": 0,
        "withdrawn_at": None,
        "withdraw_reason": "",
        **facts,
        **ctx.when(),
    }
    batch.sql.insert("proj_meetings", row)
    _new_facts_version(batch, ctx, meeting_id, facts, reason="")
    record_timeline(
        batch,
        ctx,
        "meeting_logged",
        row,
        details={
            "meeting_id": meeting_id,
            "summary": e.summary,
            "meeting_kind": e.kind,
            "parties": [batch.party_code(p) for p in parties],
        },
    )


def _new_facts_version(
    batch: Batch, ctx: Ctx, meeting_id: str, facts: dict[str, Any], reason: str
) -> None:
    new_facts_version(batch, ctx, "proj_meeting_versions", "meeting_id", meeting_id, facts, reason)


# --- positions -------------------------------------------------------------------------------


def position_entry(batch: Batch, ctx: Ctx, facts: PositionFacts, confidentiality: str) -> None:
    """The timeline entry of a recorded (or corrected) position."""
    party_goal_timeline(
        batch,
        ctx,
        "position_corrected" if facts.corrects else "position_recorded",
        facts.party_id,
        {"position_id": facts.position_id},
        {
            "stance": facts.stance,
            "summary": facts.summary,
            "meeting_id": facts.meeting_id,
            "wording_version": facts.wording_version,
            "conditions": facts.conditions,
            "corrects": facts.corrects,
            "reason": facts.reason,
        },
        goal_id=facts.goal_id,
        version=facts.wording_version,
        confidentiality=confidentiality,
    )


def retraction_entry(batch: Batch, ctx: Ctx, row: Row, reason: str) -> None:
    """The timeline entry of a retracted position; its own entry is struck from then on."""
    seq = first_row_seq(batch, row["position_id"])
    if seq is not None:
        _strike(batch, ctx, "seq = ?", [seq])
    party_goal_timeline(
        batch,
        ctx,
        "position_retracted",
        row["party_id"],
        {"position_id": row["position_id"]},
        {"reason": reason},
        goal_id=row["goal_id"],
        confidentiality=row["confidentiality"],
    )


def _strike(batch: Batch, ctx: Ctx, condition: str, params: list[Any]) -> None:
    batch.sql.execute(
        f"UPDATE proj_timeline SET struck_at = ? WHERE {condition} AND struck_at IS NULL",
        [ctx.recorded_at, *params],
    )


def _position_recorded(batch: Batch, ctx: Ctx, e: Any) -> None:
    meeting_id = ctx.aggregate_id
    facts = PositionFacts.recorded(e, str(e.goal_id), meeting_id, e.reason)
    confidentiality = open_row(
        batch, ctx, facts, holder_id=meeting_id, own_confidentiality=e.confidentiality
    )
    position_entry(batch, ctx, facts, confidentiality)


def _position_retracted(batch: Batch, ctx: Ctx, e: Any) -> None:
    row = close_row(batch, ctx, e.position_id, retract_reason=e.reason)
    if row is not None:
        retraction_entry(batch, ctx, row, e.reason)


# --- corrections and withdrawal of the meeting ----------------------------------------------


def _meeting_corrected(batch: Batch, ctx: Ctx, e: Any) -> None:
    meeting_id = ctx.aggregate_id
    facts = {
        "title": e.title,
        "kind": e.kind,
        "parties_json": to_json([str(p) for p in e.parties_present]),
        "summary": e.summary,
        "confidentiality": e.confidentiality,
        "effective_date": ctx.effective_date,
    }
    before = correct_row(batch, "proj_meetings", "meeting_id", meeting_id, facts)
    if before is None:
        return
    _new_facts_version(batch, ctx, meeting_id, facts, reason=e.reason)
    batch.meetings[meeting_id] = e.confidentiality
    goals = _move_positions(batch, ctx, meeting_id, before, e)
    _follow_in_timeline(batch, meeting_id, ctx.effective_date, e.confidentiality)
    batch.sql.execute(
        "UPDATE proj_wording_versions SET cause_title = ?, cause_date = ?, "
        "cause_confidentiality = ? WHERE cause_type = 'meeting' AND cause_id = ?",
        [e.title, ctx.effective_date, e.confidentiality, meeting_id],
    )
    record_timeline(
        batch,
        ctx,
        "meeting_corrected",
        before,
        # Its old facts may have been internal too: only as shared as both versions.
        confidentiality=combined(before["confidentiality"], e.confidentiality),
        goals=goals,
        details={
            "meeting_id": meeting_id,
            "changed": changed_facts(before, facts),
            "reason": e.reason,
        },
    )


def _move_positions(batch: Batch, ctx: Ctx, meeting_id: str, before: Row, e: Any) -> list[str]:
    """Give every standing position of the meeting its corrected date, wording version and
    confidentiality (a new row version where one of those changed); returns the goals."""
    redated = before["effective_date"] != ctx.effective_date
    rows = batch.sql.rows(
        "SELECT * FROM proj_positions WHERE meeting_id = ? AND withdrawn_at IS NULL ORDER BY seq",
        [meeting_id],
    )
    for row in rows:
        changes: dict[str, Any] = {}
        if redated:
            changes["effective_date"] = ctx.effective_date
        version = e.wording_versions.get(row["position_id"])
        if version is not None and version != row["wording_version"]:
            changes["wording_version"] = version
        if (
            changes
            or combined(row["own_confidentiality"], e.confidentiality) != row["confidentiality"]
        ):
            new_version(batch, ctx, row, **changes)
    return [row["goal_id"] for row in rows]


def _follow_in_timeline(
    batch: Batch, meeting_id: str, day: str | None, confidentiality: str
) -> None:
    """Every timeline entry about the meeting and its positions takes the meeting's corrected
    date and confidentiality (a position of its own internal stays internal)."""
    sql = batch.sql
    for entry in _entries_about(batch, meeting_id):
        own = SHARED
        if entry["position_id"] is not None:
            own = str(
                sql.scalar(
                    "SELECT own_confidentiality FROM proj_positions WHERE row_id = ?",
                    [entry["position_id"]],
                )
                or SHARED
            )
        visible_as = combined(own, confidentiality)
        if entry["event"] == "Corrected":
            # A correction's entry keeps its own date, and is internal if either side was.
            if entry["confidentiality"] == INTERNAL:
                visible_as = INTERNAL
            sql.execute(
                "UPDATE proj_timeline SET confidentiality = ? WHERE seq = ?",
                [visible_as, entry["seq"]],
            )
            continue
        sql.execute(
            "UPDATE proj_timeline SET effective_date = ?, confidentiality = ? WHERE seq = ?",
            [day, visible_as, entry["seq"]],
        )


def _entries_about(batch: Batch, meeting_id: str) -> list[dict[str, Any]]:
    """The timeline entries of the meeting's own events and of every position taken in it
    (positions recorded on their goal, in stores from before meetings held them, too)."""
    sql = batch.sql
    found = [
        {
            "seq": r["seq"],
            "event": r["event"],
            "confidentiality": r["confidentiality"],
            "position_id": json.loads(r["details_json"]).get("position_id"),
        }
        for r in sql.rows(
            "SELECT seq, event, confidentiality, details_json FROM proj_timeline "
            "WHERE aggregate_id = ?",
            [meeting_id],
        )
    ]
    legacy = {
        r["position_id"]: r
        for r in sql.rows(
            "SELECT position_id, holder_id FROM proj_positions "
            "WHERE meeting_id = ? AND holder_id <> ?",
            [meeting_id, meeting_id],
        )
    }
    for holder in {r["holder_id"] for r in legacy.values()}:
        for r in sql.rows(
            "SELECT seq, event, confidentiality, details_json FROM proj_timeline "
            "WHERE aggregate_id = ? AND event IN ('PositionRecorded', 'PositionRetracted')",
            [holder],
        ):
            position_id = json.loads(r["details_json"]).get("position_id")
            if position_id in legacy:
                found.append(
                    {
                        "seq": r["seq"],
                        "event": r["event"],
                        "confidentiality": r["confidentiality"],
                        "position_id": position_id,
                    }
                )
    return found


def _meeting_withdrawn(batch: Batch, ctx: Ctx, e: Any) -> None:
    meeting_id = ctx.aggregate_id
    meeting = batch.sql.one("SELECT * FROM proj_meetings WHERE meeting_id = ?", [meeting_id])
    if meeting is None:
        return
    rows = batch.sql.rows(
        "SELECT position_id, goal_id FROM proj_positions "
        "WHERE meeting_id = ? AND withdrawn_at IS NULL ORDER BY seq",
        [meeting_id],
    )
    for row in rows:
        close_row(batch, ctx, row["position_id"], retract_reason=e.reason)
    batch.sql.update(
        "proj_meetings",
        {"meeting_id": meeting_id},
        {"withdrawn_at": ctx.recorded_at, "withdraw_reason": e.reason},
    )
    seqs = [entry["seq"] for entry in _entries_about(batch, meeting_id)]
    for seq in seqs:
        _strike(batch, ctx, "seq = ?", [seq])
    goals = batch.sql.column(
        "SELECT DISTINCT goal_id FROM proj_positions WHERE meeting_id = ?", [meeting_id]
    )
    record_timeline(
        batch,
        ctx,
        "meeting_withdrawn",
        meeting,
        goals=goals,
        details={"meeting_id": meeting_id, "positions": len(rows), "reason": e.reason},
    )


MEETING_HANDLERS: dict[type, dict[str, Handler]] = {
    Meeting: {
        "Logged": _meeting_logged,
        "PositionRecorded": _position_recorded,
        "PositionRetracted": _position_retracted,
        "Corrected": _meeting_corrected,
        "Withdrawn": _meeting_withdrawn,
    },
}
