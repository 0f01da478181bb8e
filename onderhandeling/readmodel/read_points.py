"""A negotiation's discussion points as they stand or stood: each with every party's latest
preference and the option chosen (if the reader may see the decision that chose it)."""

from __future__ import annotations

import json
from typing import Any

from onderhandeling.domain.visibility import Reader
from onderhandeling.readmodel.gate import may_see, visible
from onderhandeling.readmodel.read_common import Clock
from onderhandeling.readmodel.sql import Row, Sql


def discussion_points(
    sql: Sql, agreement_id: str, reader: Reader, clock: Clock, codes: dict[str, Row]
) -> list[dict[str, Any]]:
    """Each point with every party's latest preference and the option chosen, if any."""
    when, params = clock.where()
    points = sql.rows(
        f"SELECT * FROM proj_discussion_points WHERE agreement_id = ? AND {visible(reader)} "
        f"AND {when} ORDER BY seq",
        [agreement_id, *params],
    )
    # Every decision, internal ones too: a choice made by a decision the reader may not see
    # is part of that decision, so the point then reads as undecided (no option, no date).
    decisions = {
        r["decision_id"]: r
        for r in sql.rows(
            "SELECT decision_id, reference, title, confidentiality FROM proj_decisions "
            "WHERE agreement_id = ?",
            [agreement_id],
        )
    }
    if clock.known is not None:
        # A decision corrected later reads as it was recorded by then.
        for r in sql.rows(
            "SELECT v.decision_id, v.reference, v.title FROM proj_decision_versions v "
            "JOIN proj_decisions d ON d.decision_id = v.decision_id WHERE d.agreement_id = ? "
            "AND v.recorded_at <= ? AND (v.superseded_at IS NULL OR v.superseded_at > ?)",
            [agreement_id, clock.known, clock.known],
        ):
            decisions[r["decision_id"]] = {**decisions[r["decision_id"]], **r}
    # Every preference of the agreement's points in one query (not one per point); the
    # latest per party wins, as they come in date order.
    preferences: dict[str, dict[str, dict[str, Any]]] = {}
    for row in sql.rows(
        "SELECT * FROM proj_preferences WHERE point_id IN "
        f"(SELECT point_id FROM proj_discussion_points WHERE agreement_id = ?) AND {when} "
        "ORDER BY effective_date, seq",
        [agreement_id, *params],
    ):
        code = codes[row["party_id"]]["code"] if row["party_id"] in codes else "?"
        preferences.setdefault(row["point_id"], {})[code] = {
            "option": row["option_key"],
            "reason": row["reason"],
            "on": row["effective_date"],
        }
    found = []
    for point in points:
        chosen = None
        decision = decisions.get(point["chosen_decision_id"])
        hidden = decision is not None and not may_see(reader, decision["confidentiality"])
        if clock.happened(point["chosen_on"], point["chosen_at"]) and not hidden:
            chosen = {
                "option": point["chosen_option"],
                "on": point["chosen_on"],
                "decision": None
                if decision is None
                else {"reference": decision["reference"], "title": decision["title"]},
            }
        found.append(
            {
                "id": point["point_id"],
                "goal_id": point["goal_id"],
                "title": point["title"],
                "options": json.loads(point["options_json"]),
                "preferences": dict(sorted(preferences.get(point["point_id"], {}).items())),
                "chosen": chosen,
            }
        )
    return found
