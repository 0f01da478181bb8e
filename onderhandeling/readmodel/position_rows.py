"""The rows of proj_positions, kept bitemporal: each row is one version of a position's
record, open until a later fact closes it (withdrawn_at, on the recorded clock).

- a new position opens a row (row id = position id);
- a correction opens the corrected position's row and closes the old one (replaced_by);
- a retraction, or the withdrawal of its meeting, closes it (retracted);
- a correction of its meeting's date or confidentiality closes it and opens a new version
  ("position id:seq") with the corrected date, wording version or confidentiality.

Every change also keeps each party's standing position (current_positions.py) up to date.
Positions come from two kinds of events: a meeting's (positions are held by their meeting)
and, in stores from before that, a goal's; both end up here.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from onderhandeling.readmodel.current_positions import Standing
from onderhandeling.readmodel.events import Batch, Ctx
from onderhandeling.readmodel.gate import SHARED, combined
from onderhandeling.readmodel.sql import Row, insert_statement

COLUMNS = (
    "row_id",
    "position_id",
    "holder_id",
    "goal_id",
    "agreement_id",
    "party_id",
    "stance",
    "summary",
    "conditions",
    "meeting_id",
    "wording_version",
    "own_confidentiality",
    "confidentiality",
    "corrects",
    "reason",
    "replaced_by",
    "withdrawn_at",
    "retracted",
    "retract_reason",
    "effective_date",
    "recorded_at",
    "recorded_by",
    "seq",
)
_INSERT = insert_statement("proj_positions", COLUMNS)


class PositionFacts(NamedTuple):
    """What a position says, as the event that recorded it gives it; every version of its
    row repeats them (a correction of its meeting may change the wording version)."""

    position_id: str
    goal_id: str
    party_id: str
    stance: str
    summary: str
    conditions: str
    meeting_id: str | None
    wording_version: int
    corrects: str | None
    reason: str = ""

    @classmethod
    def recorded(cls, e: Any, goal_id: str, meeting_id: str | None, reason: str) -> PositionFacts:
        """The facts of a PositionRecorded event (a meeting's, or in older stores a goal's)."""
        return cls(
            e.position_id,
            goal_id,
            str(e.party_id),
            e.stance,
            e.summary,
            e.conditions,
            meeting_id,
            e.wording_version,
            e.corrects,
            reason,
        )

    @classmethod
    def of_row(cls, row: Row) -> PositionFacts:
        return cls(*(row[name] for name in cls._fields))


def open_row(
    batch: Batch,
    ctx: Ctx,
    facts: PositionFacts,
    *,
    holder_id: str,
    own_confidentiality: str,
    effective_date: str | None = None,
    row_id: str | None = None,
) -> str:
    """Insert a position's row (its first, or a new version); returns its confidentiality.
    A first row that corrects another position closes that one's row."""
    position_id, goal_id, party_id = facts.position_id, facts.goal_id, facts.party_id
    agreement_id, _ = batch.goal(goal_id)
    meeting_id = facts.meeting_id
    meeting = SHARED if meeting_id is None else batch.meeting_confidentiality(meeting_id)
    confidentiality = combined(own_confidentiality, meeting)
    day = ctx.effective_date if effective_date is None else effective_date
    # Most events are positions: their row is a tuple for a statement built once.
    batch.sql.defer(
        _INSERT,
        (
            row_id or position_id,
            position_id,
            holder_id,
            goal_id,
            agreement_id,
            party_id,
            facts.stance,
            facts.summary,
            facts.conditions,
            meeting_id,
            facts.wording_version,
            own_confidentiality,
            confidentiality,
            facts.corrects,
            facts.reason,
            None,  # replaced_by
            None,  # withdrawn_at
            0,  # retracted
            "",  # retract_reason
            day,
            ctx.recorded_at,
            ctx.recorded_by,
            ctx.seq,
        ),
    )
    batch.current_positions.recorded(
        agreement_id,
        goal_id,
        party_id,
        confidentiality,
        Standing(day or "", ctx.seq, position_id, row_id or position_id),
    )
    if facts.corrects is not None and row_id is None:
        close_row(batch, ctx, facts.corrects, replaced_by=position_id)
    return confidentiality


def current_row(batch: Batch, position_id: str) -> Row | None:
    """The open row of a position, if it still stands."""
    return batch.sql.one(
        "SELECT * FROM proj_positions WHERE position_id = ? AND withdrawn_at IS NULL",
        [position_id],
    )


def close_row(
    batch: Batch,
    ctx: Ctx,
    position_id: str,
    *,
    replaced_by: str | None = None,
    retract_reason: str | None = None,
) -> Row | None:
    """Close a position's open row (corrected, retracted or about to get a new version);
    returns the row as it was, or None when nothing stood."""
    row = current_row(batch, position_id)
    if row is None:
        return None
    batch.current_positions.prepare(row["agreement_id"], row["goal_id"], row["party_id"])
    changes: dict[str, Any] = {"withdrawn_at": ctx.recorded_at}
    if replaced_by is not None:
        changes["replaced_by"] = replaced_by
    if retract_reason is not None:
        changes.update(retracted=1, retract_reason=retract_reason)
    batch.sql.update("proj_positions", {"row_id": row["row_id"]}, changes)
    batch.current_positions.withdrawn(
        row["agreement_id"], row["goal_id"], row["party_id"], position_id
    )
    return row


def new_version(
    batch: Batch,
    ctx: Ctx,
    row: Row,
    effective_date: str | None = None,
    wording_version: int | None = None,
) -> str:
    """Close a standing position's row and open its next version with some facts changed
    (effective_date, wording_version); returns the new row's confidentiality."""
    close_row(batch, ctx, row["position_id"])
    facts = PositionFacts.of_row(row)
    if wording_version is not None:
        facts = facts._replace(wording_version=wording_version)
    return open_row(
        batch,
        ctx,
        facts,
        holder_id=row["holder_id"],
        own_confidentiality=row["own_confidentiality"],
        effective_date=row["effective_date"] if effective_date is None else effective_date,
        row_id=f"{row['position_id']}:{ctx.seq}",
    )


def first_row_seq(batch: Batch, position_id: str) -> int | None:
    """The notification id of the event that recorded the position (its timeline entry)."""
    seq = batch.sql.scalar("SELECT seq FROM proj_positions WHERE row_id = ?", [position_id])
    return None if seq is None else int(seq)
