"""Baselines and changes: compare two frozen baselines (or one and now) for the whole
agreement, and list every change since a date or a baseline, grouped by goal."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.application import Application

from onderhandeling.domain.errors import NotFound
from onderhandeling.domain.visibility import MINISTRY, Reader
from onderhandeling.readmodel.gate import visible
from onderhandeling.readmodel.read_common import (
    Clock,
    agreement_row,
    person_names,
    read_models,
    timeline_entry,
)
from onderhandeling.readmodel.sql import Row, Sql
from onderhandeling.text.diff import diff_to_text, word_diff

NOW = "now"


# How many events beyond the listed ones are counted exactly (see changes_since).
COUNT_CAP = 1000


def _named_baseline(sql: Sql, agreement_id: str, name: str) -> Row | None:
    # A name no store can hold (PostgreSQL refuses NUL in text) names no baseline.
    if "\x00" in name:
        return None
    return sql.one(
        "SELECT * FROM proj_baselines WHERE agreement_id = ? AND name = ?", [agreement_id, name]
    )


def _baseline(sql: Sql, agreement_id: str, name: str) -> Row:
    row = _named_baseline(sql, agreement_id, name)
    if row is None:
        known = [
            r["name"]
            for r in sql.rows(
                "SELECT name FROM proj_baselines WHERE agreement_id = ? ORDER BY seq",
                [agreement_id],
            )
        ]
        raise NotFound(
            f"baseline {name!r} does not exist (known: {', '.join(known) or 'none'})",
            name=name,
            known=known,
        )
    return row


def _parse_moment(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def _statuses(sql: Sql, agreement_id: str, clock: Clock) -> dict[str, str]:
    when, params = clock.where("s.")
    found: dict[str, str] = {}
    for row in sql.rows(
        "SELECT s.goal_id, s.status FROM proj_goal_statuses s JOIN proj_goals g "
        f"ON g.goal_id = s.goal_id WHERE g.agreement_id = ? AND {when} "
        "ORDER BY s.effective_date, s.seq",
        [agreement_id, *params],
    ):
        found[row["goal_id"]] = row["status"]
    return found


def _snapshot(
    sql: Sql, agreement_id: str, name: str
) -> tuple[dict[str, Any], dict[str, int], dict[str, str]]:
    """(description, goal id → version, goal id → status) of a baseline or of now."""
    if name == NOW:
        goals = sql.rows(
            "SELECT goal_id, current_version, status FROM proj_goals WHERE agreement_id = ?",
            [agreement_id],
        )
        return (
            {"name": NOW, "effective_date": None, "recorded_at": None},
            {g["goal_id"]: g["current_version"] for g in goals},
            {g["goal_id"]: g["status"] for g in goals},
        )
    baseline = _baseline(sql, agreement_id, name)
    versions = {
        r["goal_id"]: r["version"]
        for r in sql.rows(
            "SELECT goal_id, version FROM proj_baseline_versions WHERE agreement_id = ? "
            "AND name = ?",
            [agreement_id, name],
        )
    }
    # A baseline freezes what was known when it was made: its statuses are those recorded then.
    statuses = _statuses(sql, agreement_id, Clock(known_at=_parse_moment(baseline["recorded_at"])))
    about = {
        "name": name,
        "effective_date": baseline["effective_date"],
        "recorded_at": baseline["recorded_at"],
    }
    return about, versions, statuses


def compare_baselines(
    app: Application[Any],
    agreement_id: UUID | str,
    from_name: str,
    to_name: str = NOW,
    reader: Reader = MINISTRY,
) -> dict[str, Any]:
    """Goals changed (with word diffs), added and dropped between two baselines, or between
    a baseline and now (``to_name`` "now"). A goal counts as dropped when it is missing from
    the later side or has status dropped there. Wordings are shared text, so every reader
    gets the same answer; ``reader`` is taken for a uniform API."""
    with read_models(app) as sql:
        agreement_row(sql, agreement_id)
        key = str(agreement_id)
        before, old_versions, old_status = _snapshot(sql, key, from_name)
        after, new_versions, new_status = _snapshot(sql, key, to_name)
        goals = {
            g["goal_id"]: g
            for g in sql.rows(
                "SELECT goal_id, code, title FROM proj_goals WHERE agreement_id = ? ORDER BY seq",
                [key],
            )
        }
        texts = _texts(sql, {**_pairs(old_versions), **_pairs(new_versions)})
    changed, added, dropped, unchanged = [], [], [], []
    for goal_id, goal in goals.items():
        old, new = old_versions.get(goal_id), new_versions.get(goal_id)
        was_in = old is not None and old_status.get(goal_id) != "dropped"
        is_in = new is not None and new_status.get(goal_id) != "dropped"
        head = {"code": goal["code"], "title": goal["title"]}
        if was_in and not is_in:
            reason = "not in baseline" if new is None else "status dropped"
            dropped.append({**head, "version": old, "reason": reason})
        elif is_in and not was_in:
            assert new is not None
            added.append({**head, "version": new, "wording": texts[(goal_id, new)]})
        elif was_in and is_in and old != new:
            assert old is not None and new is not None
            ops = word_diff(texts[(goal_id, old)], texts[(goal_id, new)])
            changed.append(
                {
                    **head,
                    "from_version": old,
                    "to_version": new,
                    "status_from": old_status.get(goal_id),
                    "status_to": new_status.get(goal_id),
                    "diff": [{"kind": op.kind, "text": op.text} for op in ops],
                    "diff_text": diff_to_text(ops),
                }
            )
        elif was_in and is_in:
            unchanged.append(goal["code"])
    return {
        "from": before,
        "to": after,
        "changed": changed,
        "added": added,
        "dropped": dropped,
        "unchanged": unchanged,
    }


def _pairs(versions: dict[str, int]) -> dict[tuple[str, int], None]:
    return {(goal_id, version): None for goal_id, version in versions.items()}


def _texts(sql: Sql, wanted: dict[tuple[str, int], None]) -> dict[tuple[str, int], str]:
    # Primary-key lookups: a few hundred of them cost less than one clever portable query.
    return {
        (goal_id, version): str(
            sql.scalar(
                "SELECT text FROM proj_wording_versions WHERE goal_id = ? AND version = ?",
                [goal_id, version],
            )
        )
        for goal_id, version in wanted
    }


def changes_since(
    app: Application[Any],
    agreement_id: UUID | str,
    since: str,
    reader: Reader = MINISTRY,
    limit: int | None = None,
) -> dict[str, Any]:
    """Every event since a baseline (recorded after it was frozen, so a position logged late
    still shows) or since a date (taking effect on or after it), grouped by goal.

    With ``limit``, only the newest ``limit`` events (latest effective date first, then the
    latest recorded) are read and returned, still in the usual order; ``count`` is then the
    number of all events since (up to ``limit`` + COUNT_CAP + 1: "more than" beyond that),
    of which ``limit`` at most are listed. Either way the events
    this reader may not see are in neither the list nor the count."""
    key = str(agreement_id)
    with read_models(app) as sql:
        agreement_row(sql, key)
        names = person_names(sql)
        baseline = _named_baseline(sql, key, since)
        # Newest first: since a date, every row has a date, so the index order serves; since a
        # baseline, rows without a date come first in the usual order (as in SQLite) in either
        # dialect, so they are the oldest here too.
        newest_first = "effective_date DESC, seq DESC"
        if baseline is not None:
            condition, params = "seq > ?", [baseline["seq"]]
            newest_first = "COALESCE(effective_date, '') DESC, seq DESC"
            about: dict[str, Any] = {"baseline": since, "date": None}
        else:
            try:
                day = date.fromisoformat(since)
            except ValueError:
                _baseline(sql, key, since)  # raises NotFound naming the known baselines
                raise
            condition, params = "effective_date >= ?", [day.isoformat()]
            about = {"baseline": None, "date": day.isoformat()}
        # A retracted position or a withdrawn meeting is no change any more.
        where = (
            f"WHERE agreement_id = ? AND {condition} AND {visible(reader)} AND struck_at IS NULL"
        )
        if limit is None:
            rows = sql.rows(
                f"SELECT * FROM proj_timeline {where} ORDER BY effective_date, seq",
                [key, *params],
            )
            count = len(rows)
        else:
            # Counted up to a cap: "and 180,000 more" says no more than "and more than 1,000
            # more", and counting a whole long timeline on every dashboard costs tens of ms.
            count = int(
                sql.scalar(
                    f"SELECT COUNT(*) FROM (SELECT 1 FROM proj_timeline {where} LIMIT ?) c",
                    [key, *params, max(limit, 0) + COUNT_CAP + 1],
                )
            )
            newest = sql.rows(
                f"SELECT * FROM proj_timeline {where} ORDER BY {newest_first} LIMIT ?",
                [key, *params, max(limit, 0)],
            )
            rows = list(reversed(newest))
        return changes_by_goal(sql, key, rows, names, about, count)


def changes_by_goal(
    sql: Sql, key: str, rows: list[Row], names: dict[str, str], since: dict[str, Any], count: int
) -> dict[str, Any]:
    """Timeline rows (oldest first) as the changes are listed: per goal of the agreement (in
    the goals' order; goals without changes left out) and for the agreement as a whole,
    with what they are since and how many there are."""
    goals = sql.rows(
        "SELECT goal_id, code, title FROM proj_goals WHERE agreement_id = ? ORDER BY seq", [key]
    )
    grouped: dict[str, list[dict[str, Any]]] = {}
    general = []
    for row in rows:
        entry = timeline_entry(row, names)
        if row["goal_id"] is None:
            general.append(entry)
        else:
            grouped.setdefault(row["goal_id"], []).append(entry)
    return {
        "since": since,
        "goals": [
            {
                "id": g["goal_id"],
                "code": g["code"],
                "title": g["title"],
                "entries": grouped[g["goal_id"]],
            }
            for g in goals
            if g["goal_id"] in grouped
        ],
        "agreement": general,
        "count": count,
    }
