"""What the dashboard on a date reads besides the agreement's state: the last meeting of a
kind held by then, and the changes between that meeting and the date, as known at a moment.

Like ``read_compare.changes_since`` (which reads up to now), but bounded on both clocks, so the
dashboard of 14 October shows what had changed by 14 October and nothing after.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.application import Application

from onderhandeling.domain.visibility import Reader
from onderhandeling.readmodel.gate import visible
from onderhandeling.readmodel.read_common import (
    Clock,
    agreement_row,
    person_names,
    read_models,
)
from onderhandeling.readmodel.read_compare import COUNT_CAP, changes_by_goal
from onderhandeling.readmodel.read_state import state_in


def last_meeting_by(
    app: Application[Any],
    agreement_id: UUID | str,
    reader: Reader,
    kind: str,
    as_of: date | None = None,
    known_at: datetime | None = None,
) -> dict[str, Any] | None:
    """The latest meeting of a kind this reader may see, held on or before ``as_of`` and
    recorded by ``known_at`` (withdrawn ones left out)."""
    clock = Clock(as_of, known_at)
    when, params = clock.where()
    with read_models(app) as sql:
        row = sql.one(
            "SELECT meeting_id, title, effective_date FROM proj_meetings WHERE agreement_id = ? "
            f"AND kind = ? AND withdrawn_at IS NULL AND {visible(reader)} AND {when} "
            "ORDER BY effective_date DESC, seq DESC LIMIT 1",
            [str(agreement_id), kind, *params],
        )
    if row is None:
        return None
    return {
        "id": row["meeting_id"],
        "title": row["title"],
        "held_on": date.fromisoformat(row["effective_date"]),
    }


def changes_between(
    app: Application[Any],
    agreement_id: UUID | str,
    since: date,
    reader: Reader,
    limit: int,
    as_of: date | None = None,
    known_at: datetime | None = None,
) -> dict[str, Any]:
    """The newest ``limit`` changes taking effect from ``since`` up to ``as_of`` (as known at
    ``known_at``), grouped by goal, in the shape of ``changes_since`` (and counted as it
    counts)."""
    clock = Clock(as_of, known_at)
    key = str(agreement_id)
    when, params = clock.where()
    struck = "struck_at IS NULL"
    if clock.known is not None:
        struck = "(struck_at IS NULL OR struck_at > ?)"
        params = [*params, clock.known]
    where = (
        f"WHERE agreement_id = ? AND effective_date >= ? AND {visible(reader)} AND {when} "
        f"AND {struck}"
    )
    values = [key, since.isoformat(), *params]
    with read_models(app) as sql:
        agreement_row(sql, key)
        names = person_names(sql)
        # Counted up to a cap, as changes_since does: a long timeline costs tens of ms.
        count = int(
            sql.scalar(
                f"SELECT COUNT(*) FROM (SELECT 1 FROM proj_timeline {where} LIMIT ?) c",
                [*values, max(limit, 0) + COUNT_CAP + 1],
            )
        )
        newest = sql.rows(
            f"SELECT * FROM proj_timeline {where} ORDER BY effective_date DESC, seq DESC LIMIT ?",
            [*values, max(limit, 0)],
        )
        about = {"baseline": None, "date": since.isoformat()}
        return changes_by_goal(sql, key, list(reversed(newest)), names, about, count)


def first_day(app: Application[Any], agreement_id: UUID | str) -> date | None:
    """The earliest date anything about the agreement took effect (the negotiation's start,
    which may lie before the agreement's term); None when nothing has a date."""
    with read_models(app) as sql:
        found = sql.scalar(
            "SELECT MIN(effective_date) FROM proj_timeline WHERE agreement_id = ?",
            [str(agreement_id)],
        )
    return None if found is None else date.fromisoformat(str(found))


def overview(
    app: Application[Any],
    agreement_id: UUID | str,
    reader: Reader,
    as_of: date | None = None,
    known_at: datetime | None = None,
) -> dict[str, Any]:
    """The agreement's state (read_state.state_in) without what the dashboard does not show:
    the discussion points, and each party's stances again by goal (half the result)."""
    with read_models(app) as sql:
        state = state_in(sql, str(agreement_id), reader, Clock(as_of, known_at))
    return {
        "agreement": state["agreement"],
        "clock": state["clock"],
        "priorities": state["priorities"],
        "parties": [
            {"code": p["code"], "name": p["name"], "role": p["role"]} for p in state["parties"]
        ],
    }
