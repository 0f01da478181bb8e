"""Request and response bodies of the JSON API. Field names are English; parties are named
by code. The domain checks the rules; these only give the shape, so the OpenAPI schema
tells clients what to send."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from onderhandeling.domain import values
from onderhandeling.domain.values import (
    AmendmentOutcome,
    CauseType,
    Confidentiality,
    MeetingKind,
    RevisionKind,
    Role,
    Stance,
)


def _plain_text(value: str) -> str:
    """Refuse characters that no store can keep (NUL, unpaired surrogates)."""
    if "\x00" in value:
        raise ValueError("text must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text must be valid Unicode") from None
    return value


# The characters str.isspace() calls white space: the domain refuses a text of only these.
WHITE_SPACE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
NON_BLANK = rf"^[^\x00]*[^\x00{WHITE_SPACE}][^\x00]*$"
EMPTY_OR_NON_BLANK = rf"^$|{NON_BLANK}"
NO_NUL = r"^[^\x00]*$"
# Dates in the years MIN_YEAR..MAX_YEAR (plausibility.py), written out for the schema.
YEARS = r"^(19[0-9]{2}|20[0-9]{2}|2100)-"


def declared(pattern: str) -> Any:
    """A pattern the schema shows and the domain checks: the domain's refusal names the field
    as the pages know it (code, not body.code)."""
    return Field(json_schema_extra={"pattern": pattern})


Wording = Annotated[
    str, Field(max_length=values.MAX_WORDING), declared(NON_BLANK), AfterValidator(_plain_text)
]
Text = Annotated[
    str, Field(max_length=values.MAX_TEXT), declared(NON_BLANK), AfterValidator(_plain_text)
]
Short = Annotated[
    str, Field(max_length=values.MAX_SHORT), declared(NON_BLANK), AfterValidator(_plain_text)
]
Reference = Annotated[
    str,
    Field(max_length=values.MAX_REFERENCE),
    declared(EMPTY_OR_NON_BLANK),
    AfterValidator(_plain_text),
]
OptionalText = Annotated[
    str,
    Field(max_length=values.MAX_TEXT),
    declared(EMPTY_OR_NON_BLANK),
    AfterValidator(_plain_text),
]
Code = Annotated[
    str,
    Field(min_length=1, max_length=values.MAX_CODE),
    declared(values.CODE_PATTERN),
    AfterValidator(_plain_text),
]
Replacement = Annotated[
    str, Field(max_length=values.MAX_WORDING), declared(NO_NUL), AfterValidator(_plain_text)
]
Day = Annotated[date, declared(YEARS)]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Write(Body):
    effective_date: Day | None = Field(
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
    role: Role = Role.SIGNATORY


class AgreementIn(Write):
    title: Short
    term_start: Day
    term_end: Day
    priorities: list[PriorityIn] = Field(default_factory=list, max_length=50)
    parties: list[ParticipantIn] = Field(default_factory=list, max_length=100)


class GoalIn(Write):
    code: Code
    priority: Code
    title: Short
    wording: Wording


class PositionIn(Body):
    goal: Code = Field(description="Goal code within the agreement, e.g. K1.")
    party: Code
    stance: Stance
    # As in the meeting grid, a stance may be logged without a summary.
    summary: OptionalText = ""
    conditions: OptionalText = ""
    confidentiality: Confidentiality = Confidentiality.SHARED
    wording_version: int | None = Field(default=None, ge=1, le=1_000_000)


class MeetingIn(Body):
    title: Short
    kind: MeetingKind
    held_on: Day
    parties_present: list[Code] = Field(min_length=1, max_length=100)
    summary: OptionalText = ""
    confidentiality: Confidentiality = Confidentiality.SHARED
    positions: list[PositionIn] = Field(default_factory=list, max_length=500)


class DecisionIn(Write):
    decided_by: Short
    reference: Reference = ""
    title: Short
    text: Text
    goals: list[Code] = Field(
        default_factory=list, max_length=values.MAX_LIST_ITEMS, description="Goal codes."
    )
    confidentiality: Confidentiality = Confidentiality.SHARED


class BaselineIn(Write):
    name: Short


class SignatureIn(Write):
    party: Code
    signer: UUID | None = Field(
        default=None, description="Person who signed; default: the person of this account."
    )


# --- goals -------------------------------------------------------------------------------------


class RevisionIn(Write):
    text: Wording
    based_on: int = Field(ge=0, le=1_000_000, description="The version this text was edited from.")
    reason: Text
    kind: RevisionKind = RevisionKind.SUBSTANTIVE
    cause_type: CauseType = CauseType.NONE
    cause_id: UUID | None = None


class AmendmentIn(Write):
    party: Code
    reason: Text
    text: Wording | None = Field(default=None, description="A whole proposed wording, or …")
    quote: Wording | None = Field(default=None, description="… a quoted passage of the wording")
    replacement: Replacement | None = Field(
        default=None, description="… and its replacement ('' deletes the passage)."
    )


class AmendmentDecisionIn(Write):
    outcome: AmendmentOutcome
    reason: OptionalText = Field(default="", description="Required when rejected.")
    adopted_text: Wording | None = Field(
        default=None, description="The text actually adopted (required when partly adopted)."
    )
    kind: RevisionKind = RevisionKind.SUBSTANTIVE


class PassageIn(Write):
    quote: Wording
    occurrence: int | None = Field(
        default=None,
        ge=1,
        le=10_000,
        description="Which occurrence of the quote is meant (1 = the first); needed when the "
        "quote occurs more than once in the wording.",
    )
    note: OptionalText = ""
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
