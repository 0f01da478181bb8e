"""What every read-model query shares: the two clocks as SQL filters, visibility as one SQL
condition, and names resolved at read time (so an erased person's name is gone everywhere)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Concatenate, ParamSpec, TypeVar
from uuid import UUID

from eventsourcing.application import Application

from onderhandeling.domain.errors import InvalidInput, NotFound
from onderhandeling.domain.visibility import Reader
from onderhandeling.readmodel.events import moment
from onderhandeling.readmodel.gate import may_see
from onderhandeling.readmodel.projector import projector_of
from onderhandeling.readmodel.sql import Row, Sql


@contextmanager
def read_models(app: Application[Any]) -> Iterator[Sql]:
    """Catch the read models up, then read them in one transaction. Reads nested inside
    (on the same thread) join it, so they all see one snapshot."""
    with projector_of(app).reading() as sql:
        yield sql


P = ParamSpec("P")
T = TypeVar("T")
App = TypeVar("App", bound=Application[Any])


def in_one_snapshot(build: Callable[Concatenate[App, P], T]) -> Callable[Concatenate[App, P], T]:
    """For a view built from several reads (a page, an API answer): every read it makes
    sees the same snapshot of the read models, so a change saved while it is being built
    shows in all of it or in none."""

    @functools.wraps(build)
    def built(app: App, /, *args: P.args, **kwargs: P.kwargs) -> T:
        with read_models(app):
            return build(app, *args, **kwargs)

    return built


@dataclass(frozen=True)
class Clock:
    """A point in time on either clock or both: what had taken effect on ``as_of`` and/or what
    had been recorded by ``known_at``. Neither means now."""

    as_of: date | None = None
    known_at: datetime | None = None

    @property
    def is_now(self) -> bool:
        return self.as_of is None and self.known_at is None

    @property
    def known(self) -> str | None:
        return None if self.known_at is None else moment(self.known_at)

    def where(self, prefix: str = "") -> tuple[str, list[Any]]:
        """SQL condition (always valid after WHERE … AND) over the row's two clock columns."""
        parts: list[str] = ["1 = 1"]
        params: list[Any] = []
        if self.as_of is not None:
            parts.append(f"{prefix}effective_date <= ?")
            params.append(self.as_of.isoformat())
        if self.known_at is not None:
            parts.append(f"{prefix}recorded_at <= ?")
            params.append(self.known)
        return " AND ".join(parts), params

    def happened(self, effective: str | None, recorded: str | None) -> bool:
        """Whether a later change (resolution, decision, orphaning) had happened by now."""
        if recorded is None:
            return False
        if self.as_of is not None and (effective or "") > self.as_of.isoformat():
            return False
        known = self.known
        return known is None or recorded <= known

    def describe(self) -> dict[str, str | None]:
        return {
            "as_of": None if self.as_of is None else self.as_of.isoformat(),
            "known_at": self.known,
        }


def person_names(sql: Sql) -> dict[str, str]:
    return {r["person_id"]: r["name"] for r in sql.rows("SELECT person_id, name FROM proj_persons")}


def parties(sql: Sql) -> dict[str, Row]:
    return {r["party_id"]: r for r in sql.rows("SELECT * FROM proj_parties ORDER BY code")}


def party_fields(codes: dict[str, Row], party_id: str | None) -> dict[str, Any]:
    """A party as a reader gets it: ``party`` (its code) and ``party_name``; None and ''
    when there is none or it is not known."""
    party = codes.get(party_id or "")
    return {
        "party": None if party is None else party["code"],
        "party_name": "" if party is None else party["name"],
    }


def amendment_proposal(row: Row, codes: dict[str, Row]) -> dict[str, Any]:
    """An amendment as it was proposed (what a decision on it adds is the caller's)."""
    return {
        "id": row["amendment_id"],
        **party_fields(codes, row["party_id"]),
        "reason": row["reason"],
        "text": row["text"],
        "quote": row["quote"],
        "replacement": row["replacement"],
        "based_on": row["based_on"],
        "proposed_on": row["effective_date"],
    }


def agreement_row(sql: Sql, agreement_id: UUID | str) -> Row:
    row = sql.one("SELECT * FROM proj_agreements WHERE agreement_id = ?", [str(agreement_id)])
    if row is None:
        raise NotFound("agreement not found", id=str(agreement_id))
    return row


def goal_by_id(sql: Sql, goal_id: UUID | str) -> Row:
    row = sql.one("SELECT * FROM proj_goals WHERE goal_id = ?", [str(goal_id)])
    if row is None:
        raise NotFound("goal not found", id=str(goal_id))
    return row


def version_row(sql: Sql, goal: Row, version: int) -> Row:
    row = sql.one(
        "SELECT * FROM proj_wording_versions WHERE goal_id = ? AND version = ?",
        [goal["goal_id"], version],
    )
    if row is None:
        raise InvalidInput(
            "version",
            f"goal {goal['code']} has no wording version {version} "
            f"(versions 1 to {goal['current_version']})",
            goal=goal["code"],
            version=version,
            latest=goal["current_version"],
        )
    return row


def cause_of(row: Row, reader: Reader, codes: dict[str, Row]) -> dict[str, Any]:
    """A revision's cause as a reader may see it, by its facts: an internal meeting or
    decision is named only to readers who may see it (``hidden`` says so)."""
    cause: dict[str, Any] = {
        "type": row["cause_type"],
        "id": None,
        "party": None,
        "party_name": "",
        "title": None,
        "reference": None,
        "date": None,
        "hidden": False,
    }
    if row["cause_type"] == "none":
        return cause
    if not may_see(reader, row["cause_confidentiality"]):
        return {**cause, "hidden": True}
    return {
        **cause,
        "id": row["cause_id"],
        **party_fields(codes, row["cause_party_id"]),
        "title": row["cause_title"],
        "reference": row["cause_reference"],
        "date": row["cause_date"],
    }


def diff_ops(diff_json: str) -> list[dict[str, str]]:
    """A stored word diff as operations: [{"kind": "equal"|"insert"|"delete", "text": …}]."""
    return [{"kind": kind, "text": text} for kind, text in json.loads(diff_json)]


def timeline_entry(row: Row, names: dict[str, str]) -> dict[str, Any]:
    """What happened, as data: ``kind`` (a stable English code) and its facts."""
    return {
        "seq": row["seq"],
        "event": row["event"],
        "kind": row["kind"],
        "goal_id": row["goal_id"],
        "effective_date": row["effective_date"],
        "recorded_at": row["recorded_at"],
        "recorded_by": names.get(row["recorded_by"] or "", ""),
        "goal_code": row["goal_code"],
        "party_code": row["party_code"],
        "title": row["title"],
        "version": row["version"],
        "on_date": row["on_date"],
        "substantive": bool(row["substantive"]),
        "confidentiality": row["confidentiality"],
        "details": json.loads(row["details_json"]),
        # Set when the fact was taken back later (a retracted position, a withdrawn meeting).
        "struck_at": row["struck_at"],
    }
