"""One goal as it stands: wording, status, indicators, actions, amendments, open passages and
every position taken on it (latest version of each, with what the reader may see)."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from eventsourcing.application import Application

from onderhandeling.domain.errors import NotFound
from onderhandeling.domain.visibility import MINISTRY, Reader
from onderhandeling.readmodel.current_positions import needs_reconfirmation
from onderhandeling.readmodel.read_common import (
    agreement_row,
    amendment_proposal,
    goal_by_id,
    parties,
    read_models,
)
from onderhandeling.readmodel.read_records import positions_where
from onderhandeling.readmodel.sql import Row


def goal_detail(
    app: Application[Any], goal_id: UUID | str, reader: Reader = MINISTRY
) -> dict[str, Any]:
    """The goal as it stands, with what this reader may see of its positions."""
    with read_models(app) as sql:
        goal_id = str(goal_id)
        goal = goal_by_id(sql, goal_id)
        wording = sql.scalar(
            "SELECT text FROM proj_wording_versions WHERE goal_id = ? AND version = ?",
            [goal_id, goal["current_version"]],
        )
        codes = parties(sql)
        return {
            "id": goal["goal_id"],
            "agreement_id": goal["agreement_id"],
            "code": goal["code"],
            "priority": goal["priority"],
            "title": goal["title"],
            "status": goal["status"],
            "version": goal["current_version"],
            "wording": wording,
            "frozen_on": goal["frozen_on"],
            "indicators": json.loads(goal["indicators_json"]),
            "actions": json.loads(goal["actions_json"]),
            "amendments": [
                _amendment(row, codes)
                for row in sql.rows(
                    "SELECT * FROM proj_amendments WHERE goal_id = ? ORDER BY seq", [goal_id]
                )
            ],
            "passages": [
                _passage(row, codes)
                for row in sql.rows(
                    "SELECT * FROM proj_passages WHERE goal_id = ? ORDER BY seq", [goal_id]
                )
            ],
            "positions": [
                {
                    **position,
                    "needs_reconfirmation": needs_reconfirmation(
                        position["wording_version"], goal["current_version"], position["standing"]
                    ),
                }
                for position in positions_where(sql, "goal_id = ?", [goal_id], reader)
            ],
        }


def goal_by_code(app: Application[Any], agreement_id: UUID | str, code: str) -> str:
    """The id of the goal with this code in the agreement (NotFound names what is missing:
    the agreement, or the goal's code)."""
    with read_models(app) as sql:
        agreement_row(sql, agreement_id)
        found = sql.scalar(
            "SELECT goal_id FROM proj_goals WHERE agreement_id = ? AND code = ?",
            [str(agreement_id), code],
        )
    if found is None:
        raise NotFound(f"goal {code!r} does not exist in this agreement", code=code)
    return str(found)


def goal_version(app: Application[Any], goal_id: UUID | str) -> int:
    """The goal's current wording version."""
    with read_models(app) as sql:
        return int(goal_by_id(sql, goal_id)["current_version"])


def _amendment(row: Row, codes: dict[str, Row]) -> dict[str, Any]:
    return {
        **amendment_proposal(row, codes),
        "outcome": row["outcome"],
        "decided_on": row["decided_on"],
        "decision_reason": row["decision_reason"],
        "adopted_text": row["adopted_text"],
        "resulting_version": row["resulting_version"],
    }


def _passage(row: Row, codes: dict[str, Row]) -> dict[str, Any]:
    if row["resolved_at"] is not None:
        status = "resolved"
    elif row["orphaned_at"] is not None:
        status = "orphaned"
    else:
        status = "open"
    return {
        "id": row["passage_id"],
        "quote": row["quote"],
        "occurrence": row["occurrence"],
        "note": row["note"],
        "aan_zet": [
            codes[p]["code"] if p in codes else "?" for p in json.loads(row["aan_zet_json"])
        ],
        "version": row["version"],
        "marked_on": row["effective_date"],
        "status": status,
        "resolution": row["resolution"],
        "resolved_on": row["resolved_on"],
    }
