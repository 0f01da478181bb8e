"""Typed read results: what the read models answer, as the service hands it to the web and the
CLI and as the JSON API describes it in /openapi.json.

The read functions build plain dictionaries; the service's facade validates them into these
models. Field types mirror what the read models hold (ids and dates as ISO text), so a result
dumped back to a dictionary is the dictionary it came from; the JSON schema still says which
text is a date, a moment or an id. Parties are named by ``party`` (the code) and
``party_name``; lists of parties hold codes, as request bodies do.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from onderhandeling.domain.values import (
    AmendmentOutcome,
    Confidentiality,
    GoalStatus,
    MeetingKind,
    Role,
    Stance,
)

Id = Annotated[str, WithJsonSchema({"type": "string", "format": "uuid"})]
Day = Annotated[str, WithJsonSchema({"type": "string", "format": "date"})]
Moment = Annotated[str, WithJsonSchema({"type": "string", "format": "date-time"})]
PartyCode = Annotated[str, Field(description="A party's code, e.g. MBORAAD.")]


class Result(BaseModel):
    """A read result: immutable once read, serialised by its field names (or aliases)."""

    model_config = ConfigDict(frozen=True, populate_by_name=True)

    def as_dict(self) -> dict[str, Any]:
        """The plain dictionary the pages render (the read models' own shape)."""
        return self.model_dump(by_alias=True)

    # Read by key as well as by attribute (result["code"] is result.code), so code written
    # against the plain dictionaries the read models used to hand out keeps reading them.
    def __getitem__(self, key: str) -> Any:
        name = _field_of_key(type(self)).get(key)
        if name is not None:
            return getattr(self, name)
        extra = self.__pydantic_extra__ or {}
        if key in extra:
            return extra[key]
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self) -> list[str]:
        return [*_keys_of(type(self)), *(self.__pydantic_extra__ or {})]

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        return key in _key_set(type(self)) or key in (self.__pydantic_extra__ or {})

    def __eq__(self, other: object) -> bool:
        """Equal to another result with the same fields, or to its dictionary."""
        if isinstance(other, Mapping):
            return self.as_dict() == dict(other)
        return super().__eq__(other)

    __hash__ = BaseModel.__hash__


@cache
def _field_of_key(kind: type[Result]) -> dict[str, str]:
    """Key → field name for a result class: each field by its alias and by its name; where a
    key names two fields, the first field in order wins."""
    found: dict[str, str] = {}
    for name, info in kind.model_fields.items():
        if info.alias is not None:
            found.setdefault(info.alias, name)
        found.setdefault(name, name)
    return found


@cache
def _keys_of(kind: type[Result]) -> tuple[str, ...]:
    """A result class's keys in field order: each field's alias, or its name."""
    return tuple(info.alias or name for name, info in kind.model_fields.items())


@cache
def _key_set(kind: type[Result]) -> frozenset[str]:
    return frozenset(_keys_of(kind))


# --- parties and agreements ------------------------------------------------------------------


class PartyOut(Result):
    id: Id
    code: PartyCode
    name: str
    kind: str


class AgreementSummary(Result):
    id: Id
    title: str


class PriorityOut(Result):
    key: str
    title: str


class ParticipantOut(Result):
    id: Id
    code: PartyCode
    name: str
    role: Role


class GoalRef(Result):
    code: str
    id: Id
    title: str = ""


class MilestoneOut(Result):
    key: str
    name: str
    planned_on: Day
    moves: list[dict[str, Any]] = Field(description="Each earlier planned date and why it moved.")


class BaselineOut(Result):
    name: str
    on: Day


class SignatureOut(Result):
    party: PartyCode
    party_name: str
    on: Day
    signer: str = Field(description="The signer's name.")


class AgreementOut(Result):
    id: Id
    title: str
    term_start: Day
    term_end: Day
    priorities: list[PriorityOut]
    parties: list[ParticipantOut]
    goals: list[GoalRef]
    milestones: list[MilestoneOut]
    baselines: list[BaselineOut]
    signatures: list[SignatureOut]
    signed_on: Day | None


# --- positions, meetings and decisions --------------------------------------------------------


class PositionOut(Result):
    id: Id
    goal_id: Id
    goal: str | None = Field(default=None, description="The goal's code (in a meeting).")
    party_id: Id
    party: PartyCode | None
    party_name: str
    stance: Stance
    summary: str
    conditions: str
    meeting_id: Id | None
    wording_version: int
    confidentiality: Confidentiality
    corrects: Id | None = Field(description="The position this one corrects.")
    replaced_by: Id | None = Field(description="The correction that replaced this one.")
    retracted: bool
    retract_reason: str
    retracted_by: str = Field(default="", description="Who retracted it (in a meeting).")
    reason: str = Field(description="Why this position corrects another ('' otherwise).")
    standing: bool = Field(description="False once corrected, retracted or withdrawn.")
    needs_reconfirmation: bool = Field(
        default=False,
        description="Standing, but about an older wording version than the goal's current one.",
    )
    closed_at: Moment | None = Field(description="When it stopped standing.")
    effective_date: Day
    recorded_at: Moment
    recorded_by: str


class MeetingVersionOut(Result):
    title: str
    kind: MeetingKind
    held_on: Day
    parties_present: list[PartyCode]
    summary: str
    confidentiality: Confidentiality
    reason: str = Field(description="Why the facts were corrected ('' for the first).")
    recorded_at: Moment
    recorded_by: str


class MeetingRecord(Result):
    """What every read of a meeting says of it: its facts as they stand, how often they were
    corrected, and whether it was withdrawn."""

    id: Id
    agreement_id: Id
    title: str
    kind: MeetingKind
    held_on: Day
    summary: str
    parties_present: list[PartyCode]
    confidentiality: Confidentiality
    corrections: int = Field(description="How many times its facts were corrected.")
    withdrawn: bool
    withdrawn_at: Moment | None
    withdraw_reason: str


class MeetingSummaryOut(MeetingRecord):
    positions: int = Field(description="Positions taken in it that still stand.")


class MeetingOut(MeetingRecord):
    attendees: list[str]
    withdrawn_by: str
    recorded_at: Moment
    recorded_by: str
    positions: list[PositionOut]
    versions: list[MeetingVersionOut]


class DecisionVersionOut(Result):
    reference: str
    title: str
    text: str
    decided_on: Day
    reason: str
    recorded_at: Moment
    recorded_by: str


class DecisionOut(Result):
    id: Id
    agreement_id: Id
    decided_by: str
    reference: str
    title: str
    text: str
    decided_on: Day
    goals: list[str] = Field(description="Codes of the goals it is about.")
    confidentiality: Confidentiality
    corrections: int
    versions: list[DecisionVersionOut]


# --- one goal ----------------------------------------------------------------------------------


class AmendmentProposal(Result):
    """An amendment as proposed: who proposed what, on which wording version."""

    id: Id
    party: PartyCode | None
    party_name: str
    reason: str
    text: str | None
    quote: str | None
    replacement: str | None
    based_on: int
    proposed_on: Day


class AmendmentOut(AmendmentProposal):
    """An amendment as proposed, and what was decided on it."""

    outcome: AmendmentOutcome | None
    decided_on: Day | None
    decision_reason: str
    adopted_text: str | None
    resulting_version: int | None


class PassageOut(Result):
    id: Id
    quote: str
    occurrence: int
    note: str
    aan_zet: list[PartyCode] = Field(description="Codes of the parties that are to act.")
    version: int
    marked_on: Day
    status: str = Field(description="open, resolved or orphaned.")
    resolution: str
    resolved_on: Day | None


class GoalOut(Result):
    id: Id
    agreement_id: Id
    code: str
    priority: str
    title: str
    status: GoalStatus
    version: int
    wording: str
    frozen_on: Day | None
    indicators: list[Any]
    actions: list[Any]
    amendments: list[AmendmentOut]
    passages: list[PassageOut]
    positions: list[PositionOut]
