"""The dashboard's lines over time: per priority the signatories' support after each change
(consensus over time), and the open passages and pending amendments after each change (the
burn-down to signing), as they stood on a date and/or as known at a moment.

Each is one query over the agreement's rows, read in the caller's snapshot; the lines are
built by walking the rows in date order (nothing is replayed, no aggregate is loaded). A
position counts as in ``current_stances``: the latest by effective date (ties: recording
order) of those the reader may see and not withdrawn as known then.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.application import Application

from onderhandeling.domain.visibility import MINISTRY, Reader
from onderhandeling.readmodel.read_common import Clock, agreement_row, read_models
from onderhandeling.readmodel.read_state import position_conditions
from onderhandeling.readmodel.sql import Sql

SUPPORTING = "supports"
CONDITIONAL = "conditional"


def support_over_time(
    app: Application[Any],
    agreement_id: UUID | str,
    reader: Reader = MINISTRY,
    as_of: date | None = None,
    known_at: datetime | None = None,
) -> list[dict[str, Any]]:
    """Per priority the signatories' support after each change, up to the clock's moment."""
    with read_models(app) as sql:
        agreement_row(sql, agreement_id)
        return consensus_over_time(sql, str(agreement_id), reader, Clock(as_of, known_at))


def burndown_of(
    app: Application[Any],
    agreement_id: UUID | str,
    as_of: date | None = None,
    known_at: datetime | None = None,
) -> list[dict[str, Any]]:
    """Open passages and pending amendments after each change, up to the clock's moment."""
    with read_models(app) as sql:
        agreement_row(sql, agreement_id)
        return burndown(sql, str(agreement_id), Clock(as_of, known_at))


def consensus_over_time(
    sql: Sql, agreement_id: str, reader: Reader, clock: Clock
) -> list[dict[str, Any]]:
    """Per priority: after each date on which a signatory's stance changed, how many
    (goal, signatory) pairs supported, supported on conditions, and how many there were."""
    when, params = clock.where()
    goals = sql.rows(
        f"SELECT goal_id, priority FROM proj_goals WHERE agreement_id = ? AND {when}",
        [agreement_id, *params],
    )
    priorities = sql.rows(
        f"SELECT key, title FROM proj_priorities WHERE agreement_id = ? AND {when} ORDER BY seq",
        [agreement_id, *params],
    )
    signatories = {
        row["party_id"]
        for row in sql.rows(
            "SELECT party_id FROM proj_participants WHERE agreement_id = ? AND role = ? "
            f"AND {when}",
            [agreement_id, "signatory", *params],
        )
    }
    priority_of = {row["goal_id"]: row["priority"] for row in goals}
    conditions, values = position_conditions(agreement_id, reader, clock, "p.")
    # Plain tuples, not rows: at 200 goals × 15 parties there are ~200,000 positions.
    cursor = sql.execute(
        "SELECT p.goal_id, p.party_id, p.stance, p.effective_date FROM proj_positions p "
        f"WHERE {' AND '.join(conditions)} ORDER BY p.effective_date, p.seq",
        values,
    )
    held: dict[tuple[str, str], str] = {}
    counts = {key: [0, 0] for key in (p["key"] for p in priorities)}
    points: dict[str, list[dict[str, Any]]] = {key: [] for key in counts}
    for goal_id, party_id, stance, on in cursor.fetchall():
        if party_id not in signatories:
            continue
        priority = priority_of.get(goal_id)
        if priority is None or priority not in counts:
            continue
        before = held.get((goal_id, party_id))
        held[goal_id, party_id] = stance
        if before == stance:
            continue
        tally = counts[priority]
        tally[0] += (stance == SUPPORTING) - (before == SUPPORTING)
        tally[1] += (stance == CONDITIONAL) - (before == CONDITIONAL)
        series = points[priority]
        point = {"on": on, "supporting": tally[0], "conditional": tally[1]}
        if series and series[-1]["on"] == on:
            series[-1] = point  # the last change of a day is the day's state
        else:
            series.append(point)
    goals_per_priority = {key: 0 for key in counts}
    for row in goals:
        if row["priority"] in goals_per_priority:
            goals_per_priority[row["priority"]] += 1
    return [
        {
            "key": p["key"],
            "title": p["title"],
            "total": goals_per_priority[p["key"]] * len(signatories),
            "points": points[p["key"]],
        }
        for p in priorities
    ]


def burndown(sql: Sql, agreement_id: str, clock: Clock) -> list[dict[str, Any]]:
    """After each date on which a passage was marked or settled, or an amendment proposed or
    decided: how many passages were open and how many amendments awaited a decision."""
    when, params = clock.where("t.")
    steps: dict[str, list[int]] = {}

    def step(on: str | None, passages: int, amendments: int) -> None:
        if on is None:
            return
        change = steps.setdefault(on, [0, 0])
        change[0] += passages
        change[1] += amendments

    for row in sql.rows(
        "SELECT t.effective_date, t.resolved_on, t.resolved_at, t.orphaned_on, t.orphaned_at "
        "FROM proj_passages t JOIN proj_goals g ON g.goal_id = t.goal_id "
        f"WHERE g.agreement_id = ? AND {when}",
        [agreement_id, *params],
    ):
        step(row["effective_date"], 1, 0)
        settled = [
            on
            for on, at in (
                (row["resolved_on"], row["resolved_at"]),
                (row["orphaned_on"], row["orphaned_at"]),
            )
            if clock.happened(on, at) and on is not None
        ]
        if settled:
            step(max(min(settled), row["effective_date"] or ""), -1, 0)
    for row in sql.rows(
        "SELECT t.effective_date, t.decided_on, t.decided_at FROM proj_amendments t "
        f"JOIN proj_goals g ON g.goal_id = t.goal_id WHERE g.agreement_id = ? AND {when}",
        [agreement_id, *params],
    ):
        step(row["effective_date"], 0, 1)
        if clock.happened(row["decided_on"], row["decided_at"]) and row["decided_on"]:
            step(max(row["decided_on"], row["effective_date"] or ""), 0, -1)
    found, passages, amendments = [], 0, 0
    for on in sorted(steps):
        passages += steps[on][0]
        amendments += steps[on][1]
        found.append({"on": on, "open_passages": passages, "pending_amendments": amendments})
    return found
