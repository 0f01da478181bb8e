"""Typed results of the dashboard's lines over time (see read_trends.py)."""

from __future__ import annotations

from pydantic import Field

from onderhandeling.readmodel.results import Day, Result


class SupportPoint(Result):
    on: Day
    supporting: int = Field(description="(goal, signatory) pairs supporting after this date.")
    conditional: int = Field(description="Pairs supporting on conditions after this date.")


class PrioritySupport(Result):
    key: str
    title: str
    total: int = Field(description="Goals in the priority times signatories.")
    points: list[SupportPoint]


class BurndownStep(Result):
    on: Day
    open_passages: int
    pending_amendments: int
