"""Typed results of the lists the pages show (see read_lists.py): dates as ``date`` objects,
parties by id (the pages map them to codes with the agreement's participants)."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from pydantic import Field

from onderhandeling.readmodel.results import Id, PositionOut, Result


class RecentMeeting(Result):
    id: Id
    title: str
    held_on: date


class MeetingTitle(Result):
    title: str
    kind: str
    withdrawn: bool


class DecisionItem(Result):
    id: Id
    decided_by: str
    reference: str
    title: str
    text: str
    decided_on: date
    is_internal: bool


class PointPreference(Result):
    option: str
    reason: str
    on: date


class PointChoice(Result):
    option: str
    decision_id: UUID
    on: date | None


class DiscussionPointItem(Result):
    id: Id
    title: str
    options: list[Any]
    preferences: dict[str, PointPreference] = Field(description="By party id.")
    chosen: PointChoice | None
    raised_on: date
    is_internal: bool


class PartyGoal(Result):
    id: Id
    code: str
    title: str
    version: int = Field(description="The goal's current wording version.")


class PartyHead(Result):
    id: Id
    code: str
    name: str
    role: str


class PartyPositionsOut(Result):
    party: PartyHead
    goals: list[PartyGoal] = Field(description="The agreement's goals, in the order added.")
    positions: list[PositionOut] = Field(
        description="Every position of the party on these goals the reader may see."
    )
