"""One party's positions across the goals of an agreement, as a reader may see them: the
party page's list and its picture of stances over time."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.application import Application

from onderhandeling.domain.errors import NotFound
from onderhandeling.domain.visibility import Reader
from onderhandeling.readmodel.current_positions import needs_reconfirmation
from onderhandeling.readmodel.read_common import agreement_row, read_models
from onderhandeling.readmodel.read_records import positions_where


def party_positions(
    app: Application[Any], agreement_id: UUID | str, party_code: str, reader: Reader
) -> dict[str, Any]:
    """The party (NotFound if it takes no part), the agreement's goals in order (code, title,
    current version) and every position of the party on them this reader may see, in
    recording order (latest version of each)."""
    key = str(agreement_id)
    with read_models(app) as sql:
        agreement_row(sql, key)
        party = sql.one(
            "SELECT p.party_id, p.code, p.name, a.role FROM proj_parties p "
            "JOIN proj_participants a ON a.party_id = p.party_id "
            "WHERE p.code = ? AND a.agreement_id = ?",
            [party_code, key],
        )
        if party is None:
            raise NotFound(f"party {party_code!r} takes no part in this agreement", code=party_code)
        goals = sql.rows(
            "SELECT goal_id, code, title, current_version FROM proj_goals "
            "WHERE agreement_id = ? ORDER BY seq",
            [key],
        )
        versions = {g["goal_id"]: g["current_version"] for g in goals}
        positions = positions_where(
            sql,
            "party_id = ? AND goal_id IN (SELECT goal_id FROM proj_goals WHERE agreement_id = ?)",
            [party["party_id"], key],
            reader,
        )
    return {
        "party": {
            "id": party["party_id"],
            "code": party["code"],
            "name": party["name"],
            "role": party["role"],
        },
        "goals": [
            {
                "id": g["goal_id"],
                "code": g["code"],
                "title": g["title"],
                "version": g["current_version"],
            }
            for g in goals
        ],
        "positions": [
            {
                **position,
                "needs_reconfirmation": needs_reconfirmation(
                    position["wording_version"],
                    versions[position["goal_id"]],
                    position["standing"],
                ),
            }
            for position in positions
        ],
    }
