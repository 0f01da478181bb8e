"""Meetings, decisions and positions as records that can be corrected: one meeting with its
positions and the history of its corrections, one decision with its versions, a goal's
positions, and where a position is held (for the commands that correct it).

Visibility is decided in SQL here, as everywhere in the read models: an internal meeting or
decision does not exist for a reader who may not see it, and an internal position is left
out, as is any link (corrects, replaced_by) that would name one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.application import Application

from onderhandeling.domain.errors import NotFound
from onderhandeling.domain.visibility import MINISTRY, Reader
from onderhandeling.readmodel.gate import may_see, visible
from onderhandeling.readmodel.read_common import parties, party_fields, person_names, read_models
from onderhandeling.readmodel.sql import Row, Sql


@dataclass(frozen=True)
class PositionHolder:
    """Which aggregate records a position, and the position's facts as they now stand."""

    position_id: str
    aggregate_id: UUID
    meeting_held: bool  # held by its meeting; else recorded on its goal (older stores)
    current: Row


def position_holder(app: Application[Any], position_id: UUID | str) -> PositionHolder:
    with read_models(app) as sql:
        row = sql.one(
            "SELECT * FROM proj_positions WHERE position_id = ? ORDER BY seq DESC LIMIT 1",
            [str(position_id)],
        )
    if row is None:
        raise NotFound("position not found", id=str(position_id))
    return PositionHolder(
        position_id=row["position_id"],
        aggregate_id=UUID(row["holder_id"]),
        meeting_held=row["holder_id"] == row["meeting_id"],
        current=row,
    )


# --- positions ---------------------------------------------------------------------------------


def latest_rows(rows: list[Row]) -> list[Row]:
    """The latest row version of each position (rows in recording order)."""
    latest: dict[str, Row] = {}
    for row in rows:
        latest[row["position_id"]] = row
    return list(latest.values())


def position_out(row: Row, seen: set[str], links: dict[str, Row], codes: dict[str, Row]) -> Row:
    """A position as a reader gets it; links to hidden positions are followed past them."""
    return {
        "id": row["position_id"],
        "goal_id": row["goal_id"],
        "party_id": row["party_id"],
        **party_fields(codes, row["party_id"]),
        "stance": row["stance"],
        "summary": row["summary"],
        "conditions": row["conditions"],
        "meeting_id": row["meeting_id"],
        "wording_version": row["wording_version"],
        "confidentiality": row["confidentiality"],
        "corrects": _visible_link(row["corrects"], "corrects", seen, links),
        "replaced_by": _visible_link(row["replaced_by"], "replaced_by", seen, links),
        "retracted": bool(row["retracted"]),
        "retract_reason": row["retract_reason"],
        "reason": row["reason"],
        "standing": row["withdrawn_at"] is None,
        # When it stopped standing (corrected, retracted or withdrawn with its meeting).
        "closed_at": row["withdrawn_at"],
        "effective_date": row["effective_date"],
        "recorded_at": row["recorded_at"],
        "recorded_by": row["recorded_by"],
    }


def _visible_link(
    target: str | None, link: str, seen: set[str], links: dict[str, Row]
) -> str | None:
    """Follow a replaced_by/corrects link past positions the reader may not see."""
    steps = 0
    while target is not None and target not in seen and steps <= len(links):
        following = links.get(target)
        target = None if following is None else following[link]
        steps += 1
    return None if target is None or target not in seen else target


def positions_where(sql: Sql, condition: str, params: list[Any], reader: Reader) -> list[Row]:
    """The positions matching a condition, latest version each, as this reader may see them."""
    every = latest_rows(
        sql.rows(f"SELECT * FROM proj_positions WHERE {condition} ORDER BY seq", params)
    )
    links = {row["position_id"]: row for row in every}
    shown = [row for row in every if may_see(reader, row["confidentiality"])]
    seen = {row["position_id"] for row in shown}
    codes = parties(sql)
    return [position_out(row, seen, links, codes) for row in shown]


# --- meetings ----------------------------------------------------------------------------------


def meeting_detail(
    app: Application[Any], meeting_id: UUID | str, reader: Reader = MINISTRY
) -> dict[str, Any]:
    """One meeting this reader may see, with its positions and the versions of its facts."""
    with read_models(app) as sql:
        meeting_id = str(meeting_id)
        row = sql.one(
            f"SELECT * FROM proj_meetings WHERE meeting_id = ? AND {visible(reader)}", [meeting_id]
        )
        if row is None:
            raise NotFound("meeting not found", id=meeting_id)
        names, codes = person_names(sql), parties(sql)
        positions = positions_where(sql, "meeting_id = ?", [meeting_id], reader)
        goals = {
            r["goal_id"]: r
            for r in sql.rows(
                "SELECT goal_id, code, title FROM proj_goals WHERE agreement_id = ?",
                [row["agreement_id"]],
            )
        }
        taken_back = _taken_back_by(sql, meeting_id)
        for position in positions:
            goal = goals.get(position["goal_id"])
            position["goal"] = None if goal is None else goal["code"]
            position["recorded_by"] = names.get(position["recorded_by"] or "", "")
            position["retracted_by"] = names.get(taken_back.get(position["id"], ""), "")
        versions = sql.rows(
            "SELECT * FROM proj_meeting_versions WHERE meeting_id = ? ORDER BY seq", [meeting_id]
        )
        return {
            **_meeting_summary(row, codes),
            "attendees": [names.get(p, "?") for p in json.loads(row["attendees_json"])],
            "recorded_at": row["recorded_at"],
            "recorded_by": names.get(row["recorded_by"] or "", ""),
            "withdrawn_by": names.get(taken_back.get(meeting_id, ""), ""),
            "positions": positions,
            "versions": [
                {
                    "title": v["title"],
                    "kind": v["kind"],
                    "held_on": v["effective_date"],
                    "parties_present": _codes(v["parties_json"], codes),
                    "summary": v["summary"],
                    "confidentiality": v["confidentiality"],
                    "reason": v["reason"],
                    "recorded_at": v["recorded_at"],
                    "recorded_by": names.get(v["recorded_by"] or "", ""),
                }
                for v in versions
                # An internal version of a meeting now shared stays hidden.
                if may_see(reader, v["confidentiality"])
            ],
        }


def _taken_back_by(sql: Sql, meeting_id: str) -> dict[str, str]:
    """Who retracted each of the meeting's positions, and who withdrew the meeting itself
    (position id or meeting id → person id): the rows keep when, the timeline keeps who."""
    found: dict[str, str] = {}
    for r in sql.rows(
        "SELECT event, recorded_by, details_json FROM proj_timeline "
        "WHERE aggregate_id = ? AND event IN ('PositionRetracted', 'Withdrawn')",
        [meeting_id],
    ):
        key = (
            meeting_id
            if r["event"] == "Withdrawn"
            else json.loads(r["details_json"]).get("position_id")
        )
        if key and r["recorded_by"]:
            found[str(key)] = r["recorded_by"]
    return found


def _codes(parties_json: str, codes: dict[str, Row]) -> list[str]:
    return [codes[p]["code"] if p in codes else "?" for p in json.loads(parties_json)]


def _meeting_summary(row: Row, codes: dict[str, Row]) -> dict[str, Any]:
    return {
        "id": row["meeting_id"],
        "agreement_id": row["agreement_id"],
        "title": row["title"],
        "kind": row["kind"],
        "held_on": row["effective_date"],
        "summary": row["summary"],
        "parties_present": _codes(row["parties_json"], codes),
        "confidentiality": row["confidentiality"],
        "corrections": int(row["corrections"]),
        "withdrawn": row["withdrawn_at"] is not None,
        "withdrawn_at": row["withdrawn_at"],
        "withdraw_reason": row["withdraw_reason"],
    }


def meetings_of(
    app: Application[Any], agreement_id: UUID | str, reader: Reader = MINISTRY
) -> list[dict[str, Any]]:
    """Every meeting of an agreement this reader may see, newest first, with the number of
    positions that stand and whether it was corrected or withdrawn."""
    with read_models(app) as sql:
        codes = parties(sql)
        counts = {
            r["meeting_id"]: int(r["n"])
            for r in sql.rows(
                "SELECT meeting_id, COUNT(*) AS n FROM proj_positions WHERE meeting_id IN "
                "(SELECT meeting_id FROM proj_meetings WHERE agreement_id = ?) "
                f"AND withdrawn_at IS NULL AND {visible(reader)} GROUP BY meeting_id",
                [str(agreement_id)],
            )
        }
        rows = sql.rows(
            f"SELECT * FROM proj_meetings WHERE agreement_id = ? AND {visible(reader)} "
            "ORDER BY effective_date DESC, seq DESC",
            [str(agreement_id)],
        )
    return [
        {**_meeting_summary(row, codes), "positions": counts.get(row["meeting_id"], 0)}
        for row in rows
    ]


# --- decisions ---------------------------------------------------------------------------------


def decision_detail(
    app: Application[Any], decision_id: UUID | str, reader: Reader = MINISTRY
) -> dict[str, Any]:
    """One decision this reader may see, with its goals and versions."""
    with read_models(app) as sql:  # the read below joins this one: one snapshot
        agreement_id = sql.scalar(
            "SELECT agreement_id FROM proj_decisions WHERE decision_id = ?", [str(decision_id)]
        )
        found = (
            []
            if agreement_id is None
            else decisions_of(app, agreement_id, reader, only=str(decision_id))
        )
    if not found:
        raise NotFound("decision not found", id=str(decision_id))
    return found[0]


def decisions_of(
    app: Application[Any],
    agreement_id: UUID | str,
    reader: Reader = MINISTRY,
    only: str | None = None,
) -> list[dict[str, Any]]:
    """Every decision of an agreement this reader may see (or only one), newest first, with
    its goals and the versions of its facts (the first as recorded, then each correction)."""
    key = str(agreement_id)
    with read_models(app) as sql:
        names = person_names(sql)
        one = "" if only is None else " AND decision_id = ?"
        rows = sql.rows(
            f"SELECT * FROM proj_decisions WHERE agreement_id = ? AND {visible(reader)}{one} "
            "ORDER BY effective_date DESC, seq DESC",
            [key, *([] if only is None else [only])],
        )
        goals: dict[str, list[str]] = {}
        for r in sql.rows(
            "SELECT dg.decision_id, g.code FROM proj_decision_goals dg "
            "JOIN proj_goals g ON g.goal_id = dg.goal_id WHERE g.agreement_id = ? "
            "ORDER BY g.seq",
            [key],
        ):
            goals.setdefault(r["decision_id"], []).append(r["code"])
        versions: dict[str, list[dict[str, Any]]] = {}
        for v in sql.rows(
            "SELECT v.* FROM proj_decision_versions v JOIN proj_decisions d "
            "ON d.decision_id = v.decision_id WHERE d.agreement_id = ? ORDER BY v.seq",
            [key],
        ):
            versions.setdefault(v["decision_id"], []).append(
                {
                    "reference": v["reference"],
                    "title": v["title"],
                    "text": v["text"],
                    "decided_on": v["effective_date"],
                    "reason": v["reason"],
                    "recorded_at": v["recorded_at"],
                    "recorded_by": names.get(v["recorded_by"] or "", ""),
                }
            )
    return [
        {
            "id": row["decision_id"],
            "agreement_id": row["agreement_id"],
            "decided_by": row["decided_by"],
            "reference": row["reference"],
            "title": row["title"],
            "text": row["text"],
            "decided_on": row["effective_date"],
            "goals": goals.get(row["decision_id"], []),
            "confidentiality": row["confidentiality"],
            "corrections": int(row["corrections"]),
            "versions": versions.get(row["decision_id"], []),
        }
        for row in rows
    ]
