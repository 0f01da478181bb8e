"""What every projection handler shares: the event's two clocks and recorder, the batch it is
applied in (one transaction) and the timeline row every event gets."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, NamedTuple
from uuid import UUID

from onderhandeling.readmodel.current_positions import CurrentPositions
from onderhandeling.readmodel.gate import SHARED
from onderhandeling.readmodel.sql import Row, Sql, insert_statement
from onderhandeling.text.provenance import Span


def moment(value: datetime) -> str:
    """Fixed-width UTC text, so recorded times compare correctly as strings."""
    offset = value.utcoffset()
    if offset is None:
        return value.isoformat(timespec="microseconds") + "Z"
    if offset:
        value = value.astimezone(UTC)
    # isoformat is several times faster than strftime, and this runs once per event; an offset
    # of zero always prints as "+00:00", which "Z" replaces.
    return value.isoformat(timespec="microseconds")[:-6] + "Z"


def day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def ident(value: UUID | str | None) -> str | None:
    return None if value is None else str(value)


# One encoder for every call: json.dumps with options builds a new encoder each time.
_ENCODE = json.JSONEncoder(ensure_ascii=False, default=str).encode


def to_json(value: Any) -> str:
    # No sort_keys: dict order is already deterministic, and this runs once per event.
    return _ENCODE(value)


@dataclass
class Batch:
    """One transaction's worth of notifications, with caches valid only inside it."""

    sql: Sql
    # goal id → (version, text, provenance spans) of the latest wording seen in this batch,
    # so a run of revisions does not re-read and re-parse its predecessor each time.
    wordings: dict[str, tuple[int, str, list[Span]]] = field(default_factory=dict)
    # Never changed once recorded, so the projector keeps them across batches.
    party_codes: dict[str, str] = field(default_factory=dict)
    goals: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (agreement, code)
    meetings: dict[str, str] = field(default_factory=dict)  # id → confidentiality
    current_positions: CurrentPositions = field(init=False)

    def __post_init__(self) -> None:
        self.current_positions = CurrentPositions(self.sql)

    def finish(self) -> None:
        """Write what the batch kept in memory; called once, before the tracking moves."""
        self.current_positions.write()

    def party_code(self, party_id: UUID | str | None) -> str:
        if party_id is None:
            return ""
        key = str(party_id)
        if key not in self.party_codes:
            code = self.sql.scalar("SELECT code FROM proj_parties WHERE party_id = ?", [key])
            if code is None:
                return "?"  # not kept: the party may yet be projected
            self.party_codes[key] = str(code)
        return self.party_codes[key]

    def goal(self, goal_id: UUID | str) -> tuple[str, str]:
        """(agreement id, code) of a goal already projected."""
        key = str(goal_id)
        if key not in self.goals:
            row = self.sql.one("SELECT agreement_id, code FROM proj_goals WHERE goal_id = ?", [key])
            if row is None:
                return ("", "?")  # not kept: the goal may yet be projected
            self.goals[key] = (row["agreement_id"], row["code"])
        return self.goals[key]

    def meeting_confidentiality(self, meeting_id: str) -> str:
        if meeting_id not in self.meetings:
            found = self.sql.scalar(
                "SELECT confidentiality FROM proj_meetings WHERE meeting_id = ?", [meeting_id]
            )
            self.meetings[meeting_id] = str(found or SHARED)
        return self.meetings[meeting_id]

    def goal_version(self, goal_id: UUID | str) -> int:
        version = self.sql.scalar(
            "SELECT current_version FROM proj_goals WHERE goal_id = ?", [str(goal_id)]
        )
        return int(version or 0)


class Ctx(NamedTuple):
    """The facts about one event that every row made from it carries (a named tuple: one is
    made per event, and a tuple is the cheapest immutable record to make)."""

    seq: int
    aggregate_id: str
    event: str
    effective_date: str | None
    recorded_at: str
    recorded_by: str | None

    @classmethod
    def of(cls, seq: int, event: Any) -> Ctx:
        effective = getattr(event, "effective_date", None)
        recorded_by = getattr(event, "recorded_by", None)
        return cls(
            seq,
            str(event.originator_id),
            type(event).__name__,
            None if effective is None else effective.isoformat(),
            moment(event.timestamp),
            None if recorded_by is None else str(recorded_by),
        )

    def when(self) -> dict[str, Any]:
        return {
            "effective_date": self.effective_date,
            "recorded_at": self.recorded_at,
            "recorded_by": self.recorded_by,
            "seq": self.seq,
        }


def timeline(
    batch: Batch,
    ctx: Ctx,
    kind: str,
    *,
    agreement_id: UUID | str | None = None,
    goal_id: UUID | str | None = None,
    goal_code: str | None = None,
    party_code: str | None = None,
    title: str | None = None,
    version: int | None = None,
    on_date: str | None = None,
    confidentiality: str = SHARED,
    substantive: bool = True,
    details: dict[str, Any] | None = None,
) -> None:
    """The timeline row of an event: what happened as data (``kind``, a stable English code,
    and the facts a sentence about it needs); the web and the CLI say it in Dutch."""
    batch.sql.defer(
        TIMELINE_INSERT,
        (
            ctx.seq,
            None if agreement_id is None else str(agreement_id),
            None if goal_id is None else str(goal_id),
            ctx.aggregate_id,
            ctx.event,
            kind,
            ctx.effective_date,
            ctx.recorded_at,
            ctx.recorded_by,
            goal_code,
            party_code,
            title,
            version,
            on_date,
            1 if substantive else 0,
            confidentiality,
            _ENCODE(details) if details else "{}",
            None,  # struck_at
        ),
    )


def record_timeline(
    batch: Batch,
    ctx: Ctx,
    kind: str,
    record: Row,
    *,
    party_code: str | None = None,
    confidentiality: str | None = None,
    goals: list[str] | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    """The timeline row of an event about a record already projected (a meeting, a decision,
    a discussion point): under the record's agreement, goal (if it has one), title and
    confidentiality as its row holds them; the entry also belongs to the ``goals``'
    histories."""
    timeline(
        batch,
        ctx,
        kind,
        agreement_id=record["agreement_id"],
        goal_id=record.get("goal_id"),
        party_code=party_code,
        title=record["title"],
        confidentiality=record["confidentiality"] if confidentiality is None else confidentiality,
        details=details,
    )
    if goals:
        about_goals(batch, ctx, goals)


def correct_row(
    batch: Batch, table: str, key: str, record_id: str, facts: dict[str, Any]
) -> Row | None:
    """A corrected record's row takes its new facts and counts the correction; returns the
    row as it was (None when the record is not projected: then nothing is changed)."""
    before = batch.sql.one(f"SELECT * FROM {table} WHERE {key} = ?", [record_id])
    if before is not None:
        batch.sql.update(
            table, {key: record_id}, {**facts, "corrections": int(before["corrections"]) + 1}
        )
    return before


def new_facts_version(
    batch: Batch,
    ctx: Ctx,
    table: str,
    key: str,
    record_id: str,
    facts: dict[str, Any],
    reason: str,
) -> None:
    """A record's facts as of this event become its newest row in ``table`` (its versions);
    the version in force until now is superseded."""
    batch.sql.execute(
        f"UPDATE {table} SET superseded_at = ? WHERE {key} = ? AND superseded_at IS NULL",
        [ctx.recorded_at, record_id],
    )
    batch.sql.insert(
        table,
        {key: record_id, **facts, "reason": reason, "superseded_at": None, **ctx.when()},
    )


def goal_timeline(
    batch: Batch,
    ctx: Ctx,
    kind: str,
    *,
    goal_id: str | None = None,
    party_code: str | None = None,
    version: int | None = None,
    substantive: bool = True,
    confidentiality: str = SHARED,
    details: dict[str, Any] | None = None,
) -> None:
    """The timeline row of an event about a goal (by default the goal the event is of,
    ``ctx.aggregate_id``), under the goal's agreement and code."""
    goal = ctx.aggregate_id if goal_id is None else goal_id
    agreement_id, code = batch.goal(goal)
    timeline(
        batch,
        ctx,
        kind,
        agreement_id=agreement_id,
        goal_id=goal,
        goal_code=code,
        party_code=party_code,
        version=version,
        substantive=substantive,
        confidentiality=confidentiality,
        details=details,
    )


def party_goal_timeline(
    batch: Batch,
    ctx: Ctx,
    kind: str,
    party_id: UUID | str | None,
    subject: dict[str, Any],
    details: dict[str, Any],
    *,
    goal_id: str | None = None,
    version: int | None = None,
    confidentiality: str = SHARED,
) -> None:
    """The timeline row of what a party did on a goal: the party's code both on the row and
    in the details, which name first what the row is about (``subject``, e.g. the position's
    id), then the party, then the rest."""
    party = batch.party_code(party_id)
    goal_timeline(
        batch,
        ctx,
        kind,
        goal_id=goal_id,
        party_code=party,
        version=version,
        confidentiality=confidentiality,
        details={**subject, "party": party, **details},
    )


def goal_changed(
    batch: Batch, ctx: Ctx, kind: str, values: Row, details: dict[str, Any] | None = None
) -> None:
    """The goal the event is about takes new values in its row, and the event its timeline
    entry."""
    batch.sql.update("proj_goals", {"goal_id": ctx.aggregate_id}, values)
    goal_timeline(batch, ctx, kind, details=details)


def agreement_row(batch: Batch, ctx: Ctx, table: str, values: Row) -> None:
    """A row of the agreement the event is about (a priority, participant, milestone, …),
    with the event's clocks."""
    batch.sql.insert(table, {"agreement_id": ctx.aggregate_id, **values, **ctx.when()})


def agreement_timeline(batch: Batch, ctx: Ctx, kind: str, **facts: Any) -> None:
    """The timeline row of an event of the agreement the event is about."""
    timeline(batch, ctx, kind, agreement_id=ctx.aggregate_id, **facts)


def changed_facts(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """What a correction changed: {fact: {"from": …, "to": …}} for the facts that differ."""
    return {
        fact: {"from": before[fact], "to": value}
        for fact, value in after.items()
        if before[fact] != value
    }


def about_goals(batch: Batch, ctx: Ctx, goal_ids: list[str]) -> None:
    """The timeline entry of this event also belongs to these goals' histories."""
    for goal_id in dict.fromkeys(goal_ids):
        batch.sql.defer(_TIMELINE_GOAL_INSERT, (ctx.seq, goal_id))


_TIMELINE_GOAL_INSERT = insert_statement("proj_timeline_goals", ("seq", "goal_id"))


# Built once: a timeline row is written for every event.
TIMELINE_INSERT = insert_statement(
    "proj_timeline",
    (
        "seq",
        "agreement_id",
        "goal_id",
        "aggregate_id",
        "event",
        "kind",
        "effective_date",
        "recorded_at",
        "recorded_by",
        "goal_code",
        "party_code",
        "title",
        "version",
        "on_date",
        "substantive",
        "confidentiality",
        "details_json",
        "struck_at",
    ),
)


Handler = Callable[[Batch, Ctx, Any], None]
