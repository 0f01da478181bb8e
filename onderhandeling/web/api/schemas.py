"""Request and response bodies of the JSON API. Field names are English; parties are named
by code. The domain checks the rules; these only give the shape, so the OpenAPI schema
tells clients what to send."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def _plain_text(value: str) -> str:
    """Refuse characters that no store can keep (NUL, unpaired surrogates)."""
    if "\x00" in value:
        raise ValueError("text must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text must be valid Unicode") from None
    return value


Text = Annotated[str, AfterValidator(_plain_text), Field(max_length=20_000)]
Short = Annotated[str, AfterValidator(_plain_text), Field(max_length=300)]
Code = Annotated[str, AfterValidator(_plain_text), Field(min_length=1, max_length=32)]
Confidentiality = Literal["shared", "internal"]
Stance = Literal["supports", "conditional", "neutral", "objects", "blocks", "unknown"]
MeetingKind = Literal[
    "ambtelijk", "bestuurlijk", "bilateraal", "begeleidingscommissie", "schriftelijk"
]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Write(Body):
    effective_date: date | None = Field(
        default=None, description="When it took effect; default: today."
    )


# --- parties and agreements ------------------------------------------------------------------


class PartyIn(Write):
    code: Code
    name: Short
    kind: Short


class PriorityIn(Body):
    key: Code
    title: Short


class ParticipantIn(Body):
    party: Code = Field(description="Party code, e.g. MBORAAD.")
    role: Literal["signatory", "adviser"] = "signatory"


class AgreementIn(Write):
    title: Short
    term_start: date
    term_end: date
    priorities: list[PriorityIn] = Field(default_factory=list, max_length=50)
    parties: list[ParticipantIn] = Field(default_factory=list, max_length=100)


class GoalIn(Write):
    code: Code
    priority: Code
    title: Short
    wording: Text


class PositionIn(Body):
    goal: Code = Field(description="Goal code within the agreement, e.g. K1.")
    party: Code
    stance: Stance
    summary: Text
    conditions: Text = ""
    confidentiality: Confidentiality = "shared"
    wording_version: int | None = Field(default=None, ge=1, le=1_000_000)


class MeetingIn(Body):
    title: Short
    kind: MeetingKind
    held_on: date
    parties_present: list[Code] = Field(min_length=1, max_length=100)
    summary: Text = ""
    confidentiality: Confidentiality = "shared"
    positions: list[PositionIn] = Field(default_factory=list, max_length=500)


class DecisionIn(Write):
    decided_by: Short
    reference: Short = ""
    title: Short
    text: Text
    goals: list[Code] = Field(default_factory=list, max_length=200, description="Goal codes.")
    confidentiality: Confidentiality = "shared"


class BaselineIn(Write):
    name: Short


class SignatureIn(Write):
    party: Code
    signer: UUID | None = Field(
        default=None, description="Person who signed; default: the person of this account."
    )


# --- goals -------------------------------------------------------------------------------------


class RevisionIn(Write):
    text: Text
    based_on: int = Field(ge=0, le=1_000_000, description="The version this text was edited from.")
    reason: Text
    kind: Literal["substantive", "editorial"] = "substantive"
    cause_type: Literal["amendment", "meeting", "decision", "none"] = "none"
    cause_id: UUID | None = None


class AmendmentIn(Write):
    party: Code
    reason: Text
    text: Text | None = Field(default=None, description="A whole proposed wording, or …")
    quote: Text | None = Field(default=None, description="… a quoted passage of the wording")
    replacement: Text | None = Field(default=None, description="… and its replacement.")


class AmendmentDecisionIn(Write):
    outcome: Literal["adopted", "partly_adopted", "rejected", "withdrawn"]
    reason: Text = ""
    adopted_text: Text | None = None
    kind: Literal["substantive", "editorial"] = "substantive"


class PassageIn(Write):
    quote: Text
    occurrence: int | None = Field(
        default=None,
        ge=1,
        le=10_000,
        description="Which occurrence of the quote is meant (1 = the first); needed when the "
        "quote occurs more than once in the wording.",
    )
    note: Text = ""
    aan_zet: list[Code] = Field(default_factory=list, max_length=100, description="Party codes.")


class PassageResolutionIn(Write):
    note: Text


# --- responses -----------------------------------------------------------------------------


class Created(BaseModel):
    id: UUID


class MeetingCreated(BaseModel):
    id: UUID
    position_ids: list[UUID]


class Revised(BaseModel):
    version: int


class AmendmentDecided(BaseModel):
    version: int | None = Field(description="The new wording version when adopted, else null.")


class Signed(BaseModel):
    completed: bool = Field(description="True when this was the last signature.")


class Done(BaseModel):
    ok: bool = True
