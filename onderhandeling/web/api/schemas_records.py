"""Request and response bodies of the API for meetings, positions and decisions, and the
corrections of each. A correction states only what changes, and always why."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import BaseModel, Field

from onderhandeling.domain.values import Confidentiality, MeetingKind, Stance
from onderhandeling.web.api.schemas import Body, Code, Day, OptionalText, Reference, Short, Text

Reason = Field(description="Why the record is corrected.")


class MeetingCorrectionIn(Body):
    title: Short | None = None
    kind: MeetingKind | None = None
    held_on: Day | None = None
    parties_present: list[Code] | None = Field(default=None, min_length=1, max_length=100)
    summary: OptionalText | None = None
    confidentiality: Confidentiality | None = None
    reason: Text = Reason


class WithdrawalIn(Body):
    reason: Text = Field(description="Why it is withdrawn.")


class PositionCorrectionIn(Body):
    stance: Stance | None = None
    summary: Text | None = None
    conditions: OptionalText | None = None
    confidentiality: Confidentiality | None = None
    reason: Text = Reason


class DecisionCorrectionIn(Body):
    reference: Reference | None = None
    title: Short | None = None
    text: Text | None = None
    decided_on: Day | None = None
    reason: Text = Reason


# --- responses -----------------------------------------------------------------------------


class PositionOut(BaseModel):
    id: UUID
    goal_id: UUID
    goal: str | None = Field(default=None, description="The goal's code.")
    party_id: UUID
    party: str | None = Field(description="The party's code.")
    stance: Stance
    summary: str
    conditions: str
    meeting_id: UUID | None
    wording_version: int
    confidentiality: Confidentiality
    corrects: UUID | None = Field(description="The position this one corrects.")
    replaced_by: UUID | None = Field(description="The correction that replaced this one.")
    retracted: bool
    retract_reason: str
    reason: str = Field(description="Why this position corrects another ('' otherwise).")
    standing: bool = Field(description="False once corrected, retracted or withdrawn.")
    effective_date: date
    recorded_at: str
    recorded_by: str


class MeetingVersionOut(BaseModel):
    title: str
    kind: MeetingKind
    held_on: date
    parties_present: list[str]
    summary: str
    confidentiality: Confidentiality
    reason: str = Field(description="Why the facts were corrected ('' for the first).")
    recorded_at: str
    recorded_by: str


class MeetingSummaryOut(BaseModel):
    id: UUID
    agreement_id: UUID
    title: str
    kind: MeetingKind
    held_on: date
    summary: str
    parties_present: list[str]
    confidentiality: Confidentiality
    corrections: int = Field(description="How many times its facts were corrected.")
    withdrawn: bool
    withdrawn_at: str | None
    withdraw_reason: str
    positions: int = Field(description="Positions taken in it that still stand.")


class MeetingOut(BaseModel):
    id: UUID
    agreement_id: UUID
    title: str
    kind: MeetingKind
    held_on: date
    summary: str
    parties_present: list[str]
    attendees: list[str]
    confidentiality: Confidentiality
    corrections: int
    withdrawn: bool
    withdrawn_at: str | None
    withdraw_reason: str
    recorded_at: str
    recorded_by: str
    positions: list[PositionOut]
    versions: list[MeetingVersionOut]


class DecisionVersionOut(BaseModel):
    reference: str
    title: str
    text: str
    decided_on: date
    reason: str
    recorded_at: str
    recorded_by: str


class DecisionOut(BaseModel):
    id: UUID
    agreement_id: UUID
    decided_by: str
    reference: str
    title: str
    text: str
    decided_on: date
    goals: list[str] = Field(description="Codes of the goals it is about.")
    confidentiality: Confidentiality
    corrections: int
    versions: list[DecisionVersionOut]
