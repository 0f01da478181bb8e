"""Request and response bodies of the API for meetings, positions and decisions, and the
corrections of each. A correction states only what changes, and always why."""

from __future__ import annotations

from pydantic import Field

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
