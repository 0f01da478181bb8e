"""The agreement as it stands, or stood: per priority and goal the wording, status, open
passages, pending amendments, each party's stance and a consensus count; discussion points;
and per party its stance on every goal.

Both clocks are SQL filters over the rows' effective_date and recorded_at columns (see
Clock); nothing is replayed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.application import Application

from onderhandeling.domain.visibility import MINISTRY, Reader
from onderhandeling.readmodel.current_positions import needs_reconfirmation
from onderhandeling.readmodel.gate import audience, visible
from onderhandeling.readmodel.read_common import (
    Clock,
    agreement_row,
    amendment_proposal,
    parties,
    read_models,
)
from onderhandeling.readmodel.read_points import discussion_points
from onderhandeling.readmodel.sql import Row, Sql

STANCES = ("supports", "conditional", "neutral", "objects", "blocks", "unknown")
# The stance of a party that took no position (yet): the same shape as one that did.
UNKNOWN: dict[str, Any] = {
    "stance": "unknown",
    "effective_date": None,
    "summary": "",
    "conditions": "",
    "position_id": None,
    "meeting": None,
    "wording_version": None,
    "needs_reconfirmation": False,
}


def agreement_state(
    app: Application[Any],
    agreement_id: UUID | str,
    reader: Reader = MINISTRY,
    as_of: date | None = None,
    known_at: datetime | None = None,
) -> dict[str, Any]:
    """The whole agreement as it stood on ``as_of`` (effective date) and/or as known at
    ``known_at`` (recorded time); both None means now."""
    with read_models(app) as sql:
        return state_in(sql, str(agreement_id), reader, Clock(as_of, known_at))


def state_in(sql: Sql, agreement_id: str, reader: Reader, clock: Clock) -> dict[str, Any]:
    agreement = agreement_row(sql, agreement_id)
    when, params = clock.where()
    codes = parties(sql)
    participants = sql.rows(
        f"SELECT party_id, role FROM proj_participants WHERE agreement_id = ? AND {when} "
        "ORDER BY seq",
        [agreement_id, *params],
    )
    goals = goals_at(sql, agreement_id, clock)
    stances = current_stances(sql, agreement_id, reader, clock)
    meetings = meetings_at(
        sql,
        reader,
        clock,
        {p["meeting_id"] for held in stances.values() for p in held.values() if p["meeting_id"]},
    )
    passages = _open_passages(sql, agreement_id, clock)
    amendments = _pending_amendments(sql, agreement_id, clock, codes)
    signatories = [p["party_id"] for p in participants if p["role"] == "signatory"]
    by_priority: dict[str, list[dict[str, Any]]] = {}
    for goal in goals:
        goal_stances = {
            codes[party_id]["code"]: _stance(position, goal["version"], meetings)
            for party_id, position in stances.get(goal["id"], {}).items()
            if party_id in codes
        }
        consensus = dict.fromkeys(STANCES, 0)
        for party_id in signatories:
            position = stances.get(goal["id"], {}).get(party_id)
            consensus[position["stance"] if position else "unknown"] += 1
        goal.update(
            stances=dict(sorted(goal_stances.items())),
            consensus=consensus,
            open_passages=passages.get(goal["id"], []),
            pending_amendments=amendments.get(goal["id"], []),
        )
        by_priority.setdefault(goal["priority"], []).append(goal)
    priorities = sql.rows(
        f"SELECT key, title FROM proj_priorities WHERE agreement_id = ? AND {when} ORDER BY seq",
        [agreement_id, *params],
    )
    # The last signature completes the signing in the same save.
    signed_at = sql.scalar(
        "SELECT MAX(recorded_at) FROM proj_signatures WHERE agreement_id = ?", [agreement_id]
    )
    signed = agreement["signed_on"] is not None and clock.happened(
        agreement["signed_on"], signed_at
    )
    return {
        "agreement": {
            "id": agreement_id,
            "title": agreement["title"],
            "term_start": agreement["term_start"],
            "term_end": agreement["term_end"],
            "signed_on": agreement["signed_on"] if signed else None,
        },
        "clock": clock.describe(),
        "priorities": [
            {"key": p["key"], "title": p["title"], "goals": by_priority.get(p["key"], [])}
            for p in priorities
        ],
        "discussion_points": discussion_points(sql, agreement_id, reader, clock, codes),
        "parties": [
            {
                "code": codes[p["party_id"]]["code"],
                "name": codes[p["party_id"]]["name"],
                "role": p["role"],
                "stances": {
                    goal["code"]: goal["stances"].get(codes[p["party_id"]]["code"], UNKNOWN)
                    for goal in goals
                },
            }
            for p in participants
        ],
    }


def meetings_at(sql: Sql, reader: Reader, clock: Clock, meeting_ids: set[str]) -> dict[str, Row]:
    """meeting id → title and date of the given meetings this reader may see, as known then:
    a meeting corrected later shows its facts as they were recorded by ``known_at``. Only the
    meetings asked for: an agreement may have thousands, the standing positions name few."""
    found: dict[str, Row] = {}
    ids = sorted(meeting_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        if clock.known is None:
            rows = sql.rows(
                "SELECT meeting_id, title, effective_date FROM proj_meetings "
                f"WHERE meeting_id IN ({marks}) AND {visible(reader)}",
                chunk,
            )
        else:
            rows = sql.rows(
                "SELECT meeting_id, title, effective_date FROM proj_meeting_versions "
                f"WHERE meeting_id IN ({marks}) AND {visible(reader)} AND recorded_at <= ? "
                "AND (superseded_at IS NULL OR superseded_at > ?)",
                [*chunk, clock.known, clock.known],
            )
        found.update((r["meeting_id"], r) for r in rows)
    return found


def goals_at(sql: Sql, agreement_id: str, clock: Clock) -> list[dict[str, Any]]:
    """Every goal drafted by then, with its wording version and status at that point."""
    when, params = clock.where()
    wv_when, wv_params = clock.where("w.")
    goals = sql.rows(
        f"SELECT goal_id, code, priority, title, frozen_on, indicators_json, actions_json "
        f"FROM proj_goals WHERE agreement_id = ? AND {when} ORDER BY seq",
        [agreement_id, *params],
    )
    if clock.is_now:  # the goal row knows its current version: no search needed
        latest = (
            "SELECT v.goal_id, v.version, v.text, v.effective_date FROM proj_wording_versions v "
            "JOIN proj_goals g ON g.goal_id = v.goal_id AND g.current_version = v.version "
            "WHERE g.agreement_id = ?"
        )
    else:
        latest = (
            "SELECT v.goal_id, v.version, v.text, v.effective_date FROM proj_wording_versions v "
            "JOIN (SELECT w.goal_id, MAX(w.version) AS version FROM proj_wording_versions w "
            "JOIN proj_goals g ON g.goal_id = w.goal_id "
            f"WHERE g.agreement_id = ? AND {wv_when} GROUP BY w.goal_id) m "
            "ON m.goal_id = v.goal_id AND m.version = v.version"
        )
    versions = {
        r["goal_id"]: r
        for r in sql.rows(latest, [agreement_id, *([] if clock.is_now else wv_params)])
    }
    statuses: dict[str, str] = {}
    for row in sql.rows(
        "SELECT s.goal_id, s.status FROM proj_goal_statuses s "
        "JOIN proj_goals g ON g.goal_id = s.goal_id "
        f"WHERE g.agreement_id = ? AND {clock.where('s.')[0]} "
        "ORDER BY s.effective_date, s.seq",
        [agreement_id, *clock.where("s.")[1]],
    ):
        statuses[row["goal_id"]] = row["status"]
    found = []
    for goal in goals:
        version = versions.get(goal["goal_id"])
        if version is None:  # drafted by then, but its first wording only recorded later
            continue
        frozen = goal["frozen_on"] if clock.is_now else None
        found.append(
            {
                "id": goal["goal_id"],
                "code": goal["code"],
                "priority": goal["priority"],
                "title": goal["title"],
                "status": statuses.get(goal["goal_id"], "draft"),
                "version": version["version"],
                "version_date": version["effective_date"],
                "wording": version["text"],
                "frozen_on": frozen,
                "indicators": json.loads(goal["indicators_json"]) if clock.is_now else None,
                "actions": json.loads(goal["actions_json"]) if clock.is_now else None,
            }
        )
    return found


def position_conditions(
    agreement_id: str, reader: Reader, clock: Clock, alias: str
) -> tuple[list[str], list[object]]:
    """SQL conditions (to join with AND) and their values for the positions of the agreement
    this reader may see that had been taken by the clock's time and not corrected or retracted
    by then; ``alias`` names the positions' table ("p.")."""
    when, params = clock.where(alias)
    confidentiality = visible(reader, f"{alias}confidentiality")
    conditions = [f"{alias}agreement_id = ? AND {confidentiality} AND {when}"]
    values: list[object] = [agreement_id, *params]
    # Corrections and retractions count on the recorded clock only (see schema.py).
    if clock.known is None:
        conditions.append(f"{alias}withdrawn_at IS NULL")
    else:
        conditions.append(f"({alias}withdrawn_at IS NULL OR {alias}withdrawn_at > ?)")
        values.append(clock.known)
    return conditions, values


def current_stances(
    sql: Sql, agreement_id: str, reader: Reader, clock: Clock, goal_id: str | None = None
) -> dict[str, dict[str, Row]]:
    """goal id → party id → the party's standing position then: the latest by effective date
    (ties: recording order) among those not yet corrected or retracted.

    Now, the projector's table of standing positions answers directly. At another point in
    time, for every goal and participating party the database seeks the latest position that
    passes the clock's filters, walking the (goal, party, effective date, seq) index
    backwards: one short index walk per pair instead of ranking every position ever taken."""
    if clock.is_now:
        return _standing_positions(sql, agreement_id, reader, goal_id)
    conditions, values = position_conditions(agreement_id, reader, clock, "q.")
    only_goal = "" if goal_id is None else " AND g.goal_id = ?"
    rows = sql.rows(
        "SELECT p.* FROM (SELECT g.goal_id, t.party_id FROM proj_goals g "
        "JOIN (SELECT DISTINCT party_id FROM proj_participants WHERE agreement_id = ?) t "
        f"ON 1 = 1 WHERE g.agreement_id = ?{only_goal}) k "
        "JOIN proj_positions p ON p.row_id = (SELECT q.row_id FROM proj_positions q "
        "WHERE q.goal_id = k.goal_id AND q.party_id = k.party_id AND "
        f"{' AND '.join(conditions)} ORDER BY q.goal_id DESC, "
        "q.party_id DESC, q.effective_date DESC, q.seq DESC LIMIT 1)",
        [agreement_id, agreement_id, *([] if goal_id is None else [goal_id]), *values],
    )
    current: dict[str, dict[str, Row]] = {}
    for row in rows:
        current.setdefault(row["goal_id"], {})[row["party_id"]] = row
    return current


def _standing_positions(
    sql: Sql, agreement_id: str, reader: Reader, goal_id: str | None
) -> dict[str, dict[str, Row]]:
    only_goal = "" if goal_id is None else " AND c.goal_id = ?"
    rows = sql.rows(
        "SELECT c.* FROM proj_current_positions c "
        f"WHERE c.agreement_id = ? AND c.audience = ?{only_goal}",
        [agreement_id, audience(reader), *([] if goal_id is None else [goal_id])],
    )
    current: dict[str, dict[str, Row]] = {}
    for row in rows:
        current.setdefault(row["goal_id"], {})[row["party_id"]] = row
    return current


def _stance(position: Row, version: int, meetings: dict[str, Row]) -> dict[str, Any]:
    meeting = meetings.get(position["meeting_id"] or "")
    return {
        "stance": position["stance"],
        "effective_date": position["effective_date"],
        "summary": position["summary"],
        "conditions": position["conditions"],
        "position_id": position["position_id"],
        "meeting": None
        if meeting is None
        else {"id": meeting["meeting_id"], "title": meeting["title"]},
        "wording_version": position["wording_version"],
        "needs_reconfirmation": needs_reconfirmation(position["wording_version"], version),
    }


def _unsettled(
    sql: Sql, table: str, agreement_id: str, clock: Clock, settled: str
) -> Iterator[Row]:
    """The rows of ``table`` (passages, amendments) about the agreement's goals recorded as
    of the clock and not yet settled then (``{settled}_on``, ``{settled}_at``), in recording
    order."""
    when, params = clock.where("t.")
    for row in sql.rows(
        f"SELECT t.* FROM {table} t JOIN proj_goals g ON g.goal_id = t.goal_id "
        f"WHERE g.agreement_id = ? AND {when} ORDER BY t.seq",
        [agreement_id, *params],
    ):
        if not clock.happened(row[f"{settled}_on"], row[f"{settled}_at"]):
            yield row


def _open_passages(sql: Sql, agreement_id: str, clock: Clock) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for row in _unsettled(sql, "proj_passages", agreement_id, clock, settled="resolved"):
        orphaned = clock.happened(row["orphaned_on"], row["orphaned_at"])
        found.setdefault(row["goal_id"], []).append(
            {
                "id": row["passage_id"],
                "quote": row["quote"],
                "note": row["note"],
                "version": row["version"],
                "marked_on": row["effective_date"],
                "status": "orphaned" if orphaned else "open",
            }
        )
    return found


def _pending_amendments(
    sql: Sql, agreement_id: str, clock: Clock, codes: dict[str, Row]
) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for row in _unsettled(sql, "proj_amendments", agreement_id, clock, settled="decided"):
        found.setdefault(row["goal_id"], []).append(amendment_proposal(row, codes))
    return found
