"""Typed results of a goal's history, word diffs, provenance, changes and comparisons (see
read_history.py and read_compare.py).

Timeline entries allow fields beyond the ones listed: what a timeline row holds grows (its
structured details), and a reader should not lose it because this schema lags behind."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field

from onderhandeling.domain.values import Confidentiality, GoalStatus
from onderhandeling.readmodel.results import Day, Id, Moment, PartyCode, Result


class GoalHead(Result):
    id: Id
    code: str
    title: str
    status: GoalStatus
    version: int


class CauseOut(Result):
    """What caused a wording change, by its facts (the web and the CLI name it in Dutch)."""

    type: str = Field(description="amendment, meeting, decision or none.")
    id: Id | None = Field(description="Null when the reader may not see the cause.")
    party: PartyCode | None
    party_name: str
    title: str | None = Field(description="The meeting's or decision's title.")
    reference: str | None = Field(description="A decision's reference.")
    date: Day | None = Field(description="The meeting's or decision's date.")
    hidden: bool = Field(description="True when the cause is hidden from this reader.")


class VersionInfo(Result):
    version: int
    based_on: int | None
    reason: str
    kind: str = Field(description="substantive or editorial.")
    cause: CauseOut
    effective_date: Day
    recorded_at: Moment
    recorded_by: str


class WordingVersion(VersionInfo):
    text: str


class WordingChange(VersionInfo):
    model_config = ConfigDict(extra="allow")


class TimelineEntry(Result):
    model_config = ConfigDict(extra="allow")

    seq: int
    event: str
    goal_id: Id | None
    effective_date: Day | None
    recorded_at: Moment
    recorded_by: str
    kind: str = Field(description="What happened, as a stable code (e.g. milestone_moved).")
    goal_code: str | None
    party_code: PartyCode | None
    title: str | None
    version: int | None
    on_date: Day | None = Field(description="The date the fact is about (e.g. a new date).")
    substantive: bool
    confidentiality: Confidentiality
    details: dict[str, Any]
    struck_at: Moment | None = Field(description="When the fact was taken back, if it was.")
    wording: WordingChange | None = Field(
        default=None, description="For a wording change: its version, cause and diff."
    )


class GoalHistoryOut(Result):
    goal: GoalHead
    substantive_only: bool
    entries: list[TimelineEntry]


class DiffOpOut(Result):
    kind: str = Field(description="equal, delete or insert.")
    text: str


class GoalDiffOut(Result):
    model_config = ConfigDict(extra="allow")

    goal: GoalHead
    from_: VersionInfo = Field(alias="from")
    to: VersionInfo
    ops: list[DiffOpOut]


class Span(VersionInfo):
    text: str


class ProvenanceOut(Result):
    goal: GoalHead
    version: int
    text: str
    spans: list[Span]


class GoalChanges(Result):
    id: Id
    code: str
    title: str
    entries: list[TimelineEntry]


class SinceOut(Result):
    baseline: str | None
    date: Day | None


class ChangesOut(Result):
    since: SinceOut
    goals: list[GoalChanges]
    agreement: list[TimelineEntry] = Field(description="Changes not about one goal.")
    count: int = Field(description="How many changes in all (the list may be shorter).")


class Side(Result):
    name: str
    effective_date: Day | None
    recorded_at: Moment | None


class ChangedGoal(Result):
    model_config = ConfigDict(extra="allow")

    code: str
    title: str
    from_version: int
    to_version: int
    status_from: str | None
    status_to: str | None


class AddedGoal(Result):
    code: str
    title: str
    version: int
    wording: str


class DroppedGoal(Result):
    code: str
    title: str
    version: int
    reason: str


class ComparisonOut(Result):
    from_: Side = Field(alias="from")
    to: Side
    changed: list[ChangedGoal]
    added: list[AddedGoal]
    dropped: list[DroppedGoal]
    unchanged: list[str]
