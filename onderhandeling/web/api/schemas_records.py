"""Request and response bodies of the API for meetings, positions and decisions, and the
corrections of each. A correction states only what changes, and always why."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from onderhandeling.web.api.schemas import (
    Body,
    Code,
    Confidentiality,
    MeetingKind,
    Short,
    Stance,
    Text,
)

Reason = Field(min_length=1, max_length=5_000, description="Why the record is corrected.")


class MeetingCorrectionIn(Body):
    title: Short | None = None
    kind: MeetingKind | None = None
    held_on: date | None = None
    parties_present: list[Code] | None = Field(default=None, min_length=1, max_length=100)
    summary: Text | None = None
    confidentiality: Confidentiality | None = None
    reason: Text = Reason


class WithdrawalIn(Body):
    reason: Text = Field(min_length=1, max_length=5_000, description="Why it is withdrawn.")


class PositionCorrectionIn(Body):
    stance: Stance | None = None
    summary: Text | None = None
    conditions: Text | None = None
    confidentiality: Confidentiality | None = None
    reason: Text = Reason


class DecisionCorrectionIn(Body):
    reference: Short | None = None
    title: Short | None = None
    text: Text | None = None
    decided_on: date | None = None
    reason: Text = Reason
