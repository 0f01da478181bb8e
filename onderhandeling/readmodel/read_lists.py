"""The lists the pages show: agreements, parties, meetings, decisions and discussion points,
read from the read models instead of scanning the event log.

Visibility is decided in SQL: internal meetings, decisions and points are left out for readers
who may not see them, and so is the choice of a point made by an internal decision. Dates come
back as ``date`` objects and ids as text, the shapes the pages used to build from the
aggregates.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.application import Application

from onderhandeling.domain.visibility import Reader
from onderhandeling.readmodel.gate import is_internal, visible
from onderhandeling.readmodel.read_common import (
    agreement_row,
    person_names,
    read_models,
)
from onderhandeling.readmodel.sql import Row


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def list_agreements(app: Application[Any]) -> list[dict[str, Any]]:
    """Every agreement, in the order they were started: id and title."""
    with read_models(app) as sql:
        rows = sql.rows("SELECT agreement_id, title FROM proj_agreements ORDER BY seq")
    return [{"id": r["agreement_id"], "title": r["title"]} for r in rows]


def list_parties(app: Application[Any]) -> list[dict[str, Any]]:
    """Every party, by code: id, code, name and kind."""
    with read_models(app) as sql:
        rows = sql.rows("SELECT party_id, code, name, kind FROM proj_parties ORDER BY code")
    return [
        {"id": r["party_id"], "code": r["code"], "name": r["name"], "kind": r["kind"]} for r in rows
    ]


def person_name(app: Application[Any], person_id: UUID | str) -> str | None:
    """A person's name (blank once erased), or None for no such person."""
    with read_models(app) as sql:
        name = sql.scalar("SELECT name FROM proj_persons WHERE person_id = ?", [str(person_id)])
    return None if name is None else str(name)


def list_meetings(
    app: Application[Any], agreement_id: UUID | str, reader: Reader
) -> list[dict[str, Any]]:
    """The meetings of an agreement this reader may see, newest first."""
    with read_models(app) as sql:
        rows = sql.rows(
            "SELECT meeting_id, title, kind, effective_date, summary, parties_json, "
            f"confidentiality FROM proj_meetings WHERE agreement_id = ? AND {visible(reader)} "
            "ORDER BY effective_date DESC, seq",
            [str(agreement_id)],
        )
    return [
        {
            "id": r["meeting_id"],
            "title": r["title"],
            "kind": r["kind"],
            "held_on": _day(r["effective_date"]),
            "summary": r["summary"],
            "parties_present": list(json.loads(r["parties_json"])),
            "is_internal": is_internal(r["confidentiality"]),
        }
        for r in rows
    ]


def last_meeting_of_kind(
    app: Application[Any], agreement_id: UUID | str, reader: Reader, kind: str
) -> dict[str, Any] | None:
    """The latest meeting of a kind (e.g. the steering committee's) this reader may see,
    leaving out withdrawn ones."""
    with read_models(app) as sql:
        row = sql.one(
            "SELECT meeting_id, title, effective_date FROM proj_meetings WHERE agreement_id = ? "
            f"AND kind = ? AND withdrawn_at IS NULL AND {visible(reader)} "
            "ORDER BY effective_date DESC, seq DESC LIMIT 1",
            [str(agreement_id), kind],
        )
    if row is None:
        return None
    return {"id": row["meeting_id"], "title": row["title"], "held_on": _day(row["effective_date"])}


def list_meeting_titles(
    app: Application[Any], reader: Reader, meeting_ids: set[str]
) -> dict[str, dict[str, Any]]:
    """Meeting id → title, kind and whether it was withdrawn, for the given meetings this
    reader may see (only those: an agreement may have thousands of meetings)."""
    ids = sorted(meeting_ids)
    rows: list[Row] = []
    with read_models(app) as sql:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            rows += sql.rows(
                f"SELECT meeting_id, title, kind, withdrawn_at FROM proj_meetings "
                f"WHERE meeting_id IN ({marks}) AND {visible(reader)}",
                chunk,
            )
    return {
        r["meeting_id"]: {
            "title": r["title"],
            "kind": r["kind"],
            "withdrawn": r["withdrawn_at"] is not None,
        }
        for r in rows
    }


def _of_agreement(
    agreement_id: UUID | str, goal_id: UUID | str | None, about_goal: str
) -> tuple[str, list[Any]]:
    """The condition a list of an agreement's records adds when it is about one goal ('' when
    it is not), and the parameters: the agreement's id, then the goal's."""
    if goal_id is None:
        return "", [str(agreement_id)]
    return about_goal, [str(agreement_id), str(goal_id)]


def list_decisions(
    app: Application[Any],
    agreement_id: UUID | str,
    reader: Reader,
    goal_id: UUID | str | None = None,
) -> list[dict[str, Any]]:
    """The decisions of an agreement (about one goal, if given) this reader may see, newest
    first."""
    about_goal, params = _of_agreement(
        agreement_id,
        goal_id,
        "AND EXISTS (SELECT 1 FROM proj_decision_goals dg "
        "WHERE dg.decision_id = d.decision_id AND dg.goal_id = ?) ",
    )
    with read_models(app) as sql:
        rows = sql.rows(
            "SELECT d.decision_id, d.decided_by, d.reference, d.title, d.text, "
            "d.effective_date, d.confidentiality FROM proj_decisions d "
            f"WHERE d.agreement_id = ? AND {visible(reader, 'd.confidentiality')} {about_goal}"
            "ORDER BY d.effective_date DESC, d.seq",
            params,
        )
    return [
        {
            "id": r["decision_id"],
            "decided_by": r["decided_by"],
            "reference": r["reference"],
            "title": r["title"],
            "text": r["text"],
            "decided_on": _day(r["effective_date"]),
            "is_internal": is_internal(r["confidentiality"]),
        }
        for r in rows
    ]


def list_discussion_points(
    app: Application[Any],
    agreement_id: UUID | str,
    reader: Reader,
    goal_id: UUID | str | None = None,
) -> list[dict[str, Any]]:
    """The discussion points of an agreement (about one goal, if given) this reader may see,
    in the order they were raised, with each party's latest preference. A point's choice is
    part of the decision that made it: an internal decision's choice stays hidden."""
    about_goal, params = _of_agreement(agreement_id, goal_id, "AND p.goal_id = ? ")
    with read_models(app) as sql:
        points = sql.rows(
            "SELECT p.point_id, p.title, p.options_json, p.confidentiality, p.chosen_option, "
            "p.chosen_decision_id, p.chosen_on, p.effective_date, "
            f"CASE WHEN d.decision_id IS NOT NULL AND {visible(reader, 'd.confidentiality')} "
            "THEN 1 ELSE 0 END AS choice_visible "
            "FROM proj_discussion_points p "
            "LEFT JOIN proj_decisions d ON d.decision_id = p.chosen_decision_id "
            f"WHERE p.agreement_id = ? AND {visible(reader, 'p.confidentiality')} {about_goal}"
            "ORDER BY p.seq",
            params,
        )
        preferences: dict[str, list[Row]] = {}
        if points:
            for row in sql.rows(
                "SELECT pr.point_id, pr.party_id, pr.option_key, pr.reason, pr.effective_date "
                "FROM proj_preferences pr JOIN proj_discussion_points p "
                "ON p.point_id = pr.point_id "
                f"WHERE p.agreement_id = ? AND {visible(reader, 'p.confidentiality')} "
                f"{about_goal}ORDER BY pr.seq",
                params,
            ):
                preferences.setdefault(row["point_id"], []).append(row)
    found = []
    for point in points:
        stated: dict[str, dict[str, Any]] = {}
        for row in preferences.get(point["point_id"], []):
            # The latest statement counts; a party keeps the place of its first one.
            stated[row["party_id"]] = {
                "option": row["option_key"],
                "reason": row["reason"],
                "on": _day(row["effective_date"]),
            }
        chosen = None
        if point["chosen_option"] is not None and point["choice_visible"]:
            chosen = {
                "option": point["chosen_option"],
                "decision_id": UUID(point["chosen_decision_id"]),
                "on": _day(point["chosen_on"]),
            }
        found.append(
            {
                "id": point["point_id"],
                "title": point["title"],
                "options": list(json.loads(point["options_json"])),
                "preferences": stated,
                "chosen": chosen,
                "raised_on": _day(point["effective_date"]),
                "is_internal": is_internal(point["confidentiality"]),
            }
        )
    return found


def agreement_detail(app: Application[Any], agreement_id: UUID | str) -> dict[str, Any]:
    """An agreement's structure as it stands: priorities, parties and their roles, goals,
    milestones with their moves, baselines, signatures (signer by name), in the order
    they were added."""
    key = str(agreement_id)
    with read_models(app) as sql:
        row = agreement_row(sql, key)
        names = person_names(sql)
        every = sql.rows("SELECT party_id, code, name FROM proj_parties")
        codes = {r["party_id"]: r["code"] for r in every}
        names_of = {r["party_id"]: r["name"] for r in every}

        def rows(columns: str, table: str) -> list[Row]:
            return sql.rows(
                f"SELECT {columns} FROM {table} WHERE agreement_id = ? ORDER BY seq", [key]
            )

        return {
            "id": key,
            "title": row["title"],
            "term_start": row["term_start"],
            "term_end": row["term_end"],
            "priorities": [
                {"key": r["key"], "title": r["title"]}
                for r in rows("key, title", "proj_priorities")
            ],
            "parties": [
                {
                    "id": r["party_id"],
                    "code": codes.get(r["party_id"], "?"),
                    "name": names_of.get(r["party_id"], ""),
                    "role": r["role"],
                }
                for r in rows("party_id, role", "proj_participants")
            ],
            "goals": [
                {"code": r["code"], "id": r["goal_id"], "title": r["title"]}
                for r in rows("goal_id, code, title", "proj_goals")
            ],
            "milestones": [
                {
                    "key": r["key"],
                    "name": r["name"],
                    "planned_on": r["planned_on"],
                    "moves": json.loads(r["moves_json"]),
                }
                for r in rows("key, name, planned_on, moves_json", "proj_milestones")
            ],
            "baselines": [
                {"name": r["name"], "on": r["effective_date"]}
                for r in rows("name, effective_date", "proj_baselines")
            ],
            "signatures": [
                {
                    "party": codes.get(r["party_id"], "?"),
                    "party_name": names_of.get(r["party_id"], ""),
                    "on": r["effective_date"],
                    "signer": names.get(r["signer"] or "", "?") if r["signer"] else "",
                }
                for r in rows("party_id, signer, effective_date", "proj_signatures")
            ],
            "signed_on": row["signed_on"],
        }
