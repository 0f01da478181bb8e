"""Typed results of the dashboard's own reads: the overview of the agreement on a date
(read_dashboard.py) and its lines over time (read_trends.py)."""

from __future__ import annotations

from pydantic import Field

from onderhandeling.domain.values import Role
from onderhandeling.readmodel.results import Day, PartyCode, Result
from onderhandeling.readmodel.results_state import AgreementHead, ClockOut, PriorityState


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


class OverviewParty(Result):
    code: PartyCode
    name: str
    role: Role


class OverviewOut(Result):
    """The agreement on a date as the dashboard shows it: per priority and goal the state
    (as in AgreementStateOut), and the participants without their stances repeated per party
    (each goal's ``stances`` has them)."""

    agreement: AgreementHead
    clock: ClockOut
    priorities: list[PriorityState]
    parties: list[OverviewParty]
