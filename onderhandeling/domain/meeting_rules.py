"""The rules a meeting checks before it records a fact (domain/meeting.py records them).

Kept apart from the aggregate so its module holds the events and their order, and these
checks can be read as the list of what a meeting refuses: a fact outside the negotiation's
dates, a party that does not take part or was not present, a second position of one party on
one goal, a position on a goal of a signed agreement from a meeting after the signing, a
wording version that did not exist yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any
from uuid import UUID

from onderhandeling.domain import values
from onderhandeling.domain.agreement import Agreement
from onderhandeling.domain.errors import (
    AgreementSigned,
    DuplicatePosition,
    NoPartyPresent,
    NotAParticipant,
    NotFound,
    NotPresent,
    RuleViolation,
    StillHasPositions,
)
from onderhandeling.domain.goal import Goal
from onderhandeling.domain.plausibility import DateWindow
from onderhandeling.domain.roster import Roster
from onderhandeling.domain.values import Confidentiality, MeetingKind


def standing(position: dict[str, Any]) -> bool:
    """Whether a position of a meeting still stands: not corrected, not retracted."""
    return position["replaced_by"] is None and not position["retracted"]


def checked_facts(
    title: str,
    kind: str,
    held_on: date,
    parties_present: list[UUID],
    summary: str,
    confidentiality: str,
    roster: Roster,
    window: DateWindow,
) -> dict[str, Any]:
    """A meeting's own facts, checked: the same rules when logged and when corrected."""
    present = values.ids(parties_present)
    if not present:
        raise NoPartyPresent("parties_present", "a meeting needs at least one party present")
    for party_id in present:
        if party_id not in roster:
            raise NotAParticipant(
                f"{roster.label(party_id)} is among the parties present but does not take part "
                "in the agreement",
                field="parties_present",
                party_id=str(party_id),
                party=roster.label(party_id),
            )
    return {
        "title": values.text("title", title, values.MAX_SHORT),
        "kind": values.choice("kind", kind, MeetingKind).value,
        "held_on": window.happened("held_on", values.a_date("held_on", held_on)),
        "parties_present": present,
        "summary": values.optional_text("summary", summary),
        "confidentiality": values.choice("confidentiality", confidentiality, Confidentiality).value,
    }


def check_position_taken(
    *,
    meeting_agreement: UUID,
    title: str,
    held_on: date,
    parties_present: list[UUID],
    goal: Goal,
    agreement: Agreement,
    party_id: UUID,
    roster: Roster,
) -> None:
    """A party can take a position on a goal in a meeting: the goal is of the meeting's
    agreement, which was not yet signed on the meeting's date, and the party takes part in
    the agreement and was present."""
    if goal.agreement_id != meeting_agreement or agreement.id != meeting_agreement:
        raise NotFound("goal not found in the agreement of this meeting", field="goal")
    if agreement.signed_on is not None and held_on > agreement.signed_on:
        raise AgreementSigned(
            f"the agreement was signed on {agreement.signed_on.isoformat()}; a meeting held "
            f"on {held_on.isoformat()} cannot add positions on its goals"
        )
    if party_id not in roster:
        raise NotAParticipant(
            f"{roster.label(party_id)} does not take part in the agreement",
            party_id=str(party_id),
            party=roster.label(party_id),
        )
    if party_id not in parties_present:
        raise NotPresent(
            "party",
            f"{roster.label(party_id)} was not present at the meeting '{title}' of "
            f"{held_on.isoformat()}; add the party to the parties present first",
            party_id=str(party_id),
            party=roster.label(party_id),
        )


def check_one_position_each(
    positions: Iterable[dict[str, Any]],
    *,
    goal: Goal,
    party_id: UUID,
    replaced: dict[str, Any] | None,
    roster: Roster,
) -> None:
    """One standing position per party per goal in a meeting; a correction replaces the
    position of the same party on the same goal."""
    if replaced is not None and (
        replaced["goal_id"] != goal.id or replaced["party_id"] != party_id
    ):
        raise RuleViolation("a correction is for the same party and the same goal")
    for other in positions:
        if (
            other["goal_id"] == goal.id
            and other["party_id"] == party_id
            and standing(other)
            and other is not replaced
        ):
            raise DuplicatePosition(
                "party",
                f"{roster.label(party_id)} already has a position on goal {goal.code} in "
                "this meeting; correct that position instead",
                party_id=str(party_id),
                party=roster.label(party_id),
                goal=goal.code,
            )


def version_discussed(goal: Goal, held_on: date, wording_version: int | None) -> tuple[int, bool]:
    """The wording version a position is about, and whether it was given: by default the
    version in force on the meeting's date; a given one must have existed by then."""
    in_force = goal.version_in_force(held_on)
    if wording_version is None:
        return in_force, False
    if not 1 <= wording_version <= goal.current_version:
        raise values.InvalidInput(
            "wording_version",
            f"goal {goal.code} has no wording version {wording_version} "
            f"(versions 1 to {goal.current_version})",
        )
    if wording_version > in_force:
        raise values.InvalidInput(
            "wording_version",
            f"wording version {wording_version} of goal {goal.code} took effect after this "
            f"meeting of {held_on.isoformat()} (version {in_force} was in force then)",
        )
    return wording_version, True


def check_parties_kept(
    positions: Iterable[dict[str, Any]], present: set[UUID], roster: Roster
) -> None:
    """A correction of the parties present keeps every party that still has positions."""
    for position in positions:
        if position["party_id"] not in present:
            raise StillHasPositions(
                "parties_present",
                f"{roster.label(position['party_id'])} has positions in this meeting; "
                "retract them before taking the party off the parties present",
                party_id=str(position["party_id"]),
                party=roster.label(position["party_id"]),
            )
