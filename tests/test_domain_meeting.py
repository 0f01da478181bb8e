"""Domain rules on meetings and the positions taken in them, without any I/O."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest

from onderhandeling.domain import Agreement, Goal, Meeting
from onderhandeling.domain.errors import (
    AgreementSigned,
    AlreadyDecided,
    DuplicatePosition,
    EmptyValue,
    InvalidInput,
    NotAParticipant,
    NotPresent,
    RuleViolation,
    Withdrawn,
)
from onderhandeling.domain.plausibility import ImplausibleDate
from onderhandeling.domain.roster import Roster

START = date(2022, 4, 1)
DAY = date(2022, 9, 15)
TODAY = date(2023, 6, 1)
ME = uuid4()
NAMES: dict[UUID, str] = {}


def party(code: str, name: str) -> UUID:
    party_id = uuid4()
    NAMES[party_id] = f"{code} ({name})"
    return party_id


JOB = party("JOB", "Jongeren Organisatie Beroepsonderwijs")
MBORAAD = party("MBORAAD", "MBO Raad")
OCW = party("OCW", "Ministerie van Onderwijs, Cultuur en Wetenschap")
OUTSIDER = party("FIN", "Ministerie van Financiën")


class World:
    def __init__(self) -> None:
        self.agreement = Agreement.start(
            "Werkagenda", date(2023, 1, 1), date(2027, 12, 31), START, ME
        )
        for party_id in (JOB, MBORAAD, OCW):
            self.agreement.admit_party(party_id, "signatory", START, ME)
        self.agreement.add_priority("KANS", "Kansengelijkheid", START, ME)
        self.goal = Goal.draft(self.agreement.id, "K1", "KANS", "Stages", "Eerste tekst", START, ME)
        self.goal.revise_wording(
            "Tweede tekst", 1, "r", "substantive", "none", None, date(2022, 10, 1), ME
        )
        self.roster = Roster.of(self.agreement.participants, NAMES.__getitem__)

    def meeting(self, held_on: date = DAY, present: list[UUID] | None = None) -> Meeting:
        return Meeting.log(
            self.agreement.id,
            "Bilateraal",
            "bilateraal",
            held_on,
            [JOB, MBORAAD] if present is None else present,
            [],
            "",
            "shared",
            self.roster,
            self.agreement.window(TODAY),
            ME,
        )

    def position(self, meeting: Meeting, party_id: UUID = JOB, **extra: Any) -> UUID:
        position_id = uuid4()
        facts: dict[str, Any] = {
            "stance": "supports",
            "summary": "Eens",
            "conditions": "",
            "wording_version": None,
            "confidentiality": "shared",
            **extra,
        }
        meeting.record_position(
            position_id,
            goal=self.goal,
            agreement=self.agreement,
            party_id=party_id,
            roster=self.roster,
            recorded_by=ME,
            **facts,
        )
        return position_id


@pytest.mark.parametrize(
    "held_on", [TODAY + timedelta(days=1), START - timedelta(days=1), date(3000, 1, 1)]
)
def test_meeting_dated_in_the_future_or_before_the_start_is_refused(held_on: date) -> None:
    """A meeting held after today, or before the negotiation started, is a typing error."""
    world = World()
    with pytest.raises(ImplausibleDate) as refused:
        world.meeting(held_on)
    assert refused.value.field == "held_on"


def test_position_of_a_party_outside_the_agreement_names_the_party() -> None:
    """The refusal names the party by code and name."""
    world = World()
    meeting = world.meeting(present=[JOB])
    with pytest.raises(NotAParticipant, match=r"FIN \(Ministerie van Financiën\)"):
        world.position(meeting, OUTSIDER)


def test_position_of_a_party_not_present_says_to_add_it() -> None:
    """A position needs its party among those present; the message says what to do."""
    world = World()
    meeting = world.meeting(present=[JOB])
    with pytest.raises(NotPresent) as refused:
        world.position(meeting, MBORAAD)
    assert "MBORAAD (MBO Raad)" in refused.value.message
    assert "add the party to the parties present" in refused.value.message
    assert refused.value.field == "party"


def test_two_positions_of_one_party_on_one_goal_in_one_meeting_are_refused() -> None:
    """The second stance of a party on the same goal in the same meeting is refused."""
    world = World()
    meeting = world.meeting()
    world.position(meeting, JOB, stance="supports")
    with pytest.raises(DuplicatePosition, match="JOB"):
        world.position(meeting, JOB, stance="objects")
    world.position(meeting, MBORAAD, stance="objects")  # another party is fine


def test_wording_version_defaults_to_the_version_in_force_on_the_meeting_date() -> None:
    """A meeting on 15 September discussed version 1, even when logged after version 2."""
    world = World()  # version 2 took effect on 1 October
    early = world.meeting(DAY)
    late = world.meeting(date(2022, 10, 5))
    assert early.position(world.position(early))["wording_version"] == 1
    assert late.position(world.position(late))["wording_version"] == 2


def test_a_wording_version_not_yet_in_force_is_refused() -> None:
    """A position of 15 September cannot be about a version that took effect in October."""
    world = World()
    meeting = world.meeting(DAY)
    with pytest.raises(InvalidInput, match="took effect after this meeting"):
        world.position(meeting, wording_version=2)
    with pytest.raises(InvalidInput, match="no wording version 9"):
        world.position(meeting, wording_version=9)


def test_correction_replaces_the_position_once() -> None:
    """A correction points at the position it replaces; a second one of the same is refused."""
    world = World()
    meeting = world.meeting()
    first = world.position(meeting, stance="objects")
    second = world.position(meeting, stance="supports", corrects=first, reason="typefout")
    assert meeting.position(first)["replaced_by"] == str(second)
    with pytest.raises(AlreadyDecided):
        world.position(meeting, stance="neutral", corrects=first, reason="nog eens")
    with pytest.raises(InvalidInput):
        world.position(meeting, stance="neutral", corrects=second, reason="")


def test_retracted_position_makes_room_for_a_new_one() -> None:
    """After a retraction the party may take a position on that goal in the meeting again."""
    world = World()
    meeting = world.meeting()
    first = world.position(meeting)
    meeting.retract_position(first, "verkeerde partij", ME)
    with pytest.raises(AlreadyDecided):
        meeting.retract_position(first, "nogmaals", ME)
    world.position(meeting, stance="neutral")


def test_positions_after_the_signing_are_refused_before_it_accepted() -> None:
    """Once signed, a meeting held later adds no positions; one held before still may."""
    world = World()
    before = world.meeting(date(2023, 1, 10))
    after = world.meeting(date(2023, 3, 1))
    for party_id in (JOB, MBORAAD, OCW):
        world.agreement.sign(party_id, ME, date(2023, 2, 14), ME)
    with pytest.raises(AgreementSigned):
        world.position(after)
    world.position(before)


def test_correcting_the_date_moves_default_wording_versions() -> None:
    """A meeting re-dated from October to September discussed version 1, unless a version
    was given explicitly."""
    world = World()
    meeting = world.meeting(date(2022, 10, 5))
    defaulted = world.position(meeting, JOB)
    given = world.position(meeting, MBORAAD, wording_version=2)
    meeting.correct(
        title=meeting.title,
        kind=meeting.kind,
        held_on=DAY,
        parties_present=meeting.parties_present,
        summary=meeting.summary,
        confidentiality=meeting.confidentiality,
        reason="verkeerde maand",
        roster=world.roster,
        window=world.agreement.window(TODAY),
        version_in_force=lambda goal_id, on: world.goal.version_in_force(on),
        recorded_by=ME,
    )
    assert meeting.held_on == DAY
    assert meeting.position(defaulted)["wording_version"] == 1
    assert meeting.position(given)["wording_version"] == 2


def _correct(world: World, meeting: Meeting, **facts: Any) -> None:
    current: dict[str, Any] = {
        "title": meeting.title,
        "kind": meeting.kind,
        "held_on": meeting.held_on,
        "parties_present": meeting.parties_present,
        "summary": meeting.summary,
        "confidentiality": meeting.confidentiality,
        "reason": "correctie",
    }
    meeting.correct(
        **{**current, **facts},
        roster=world.roster,
        window=world.agreement.window(TODAY),
        version_in_force=lambda goal_id, on: world.goal.version_in_force(on),
        recorded_by=ME,
    )


def test_meeting_correction_must_change_something_and_keep_parties_with_positions() -> None:
    """An empty correction is refused, and so is taking off a party with positions."""
    world = World()
    meeting = world.meeting()
    world.position(meeting, MBORAAD)
    with pytest.raises(RuleViolation, match="changes nothing"):
        _correct(world, meeting)
    with pytest.raises(NotPresent, match="MBORAAD"):
        _correct(world, meeting, parties_present=[JOB])
    with pytest.raises(ImplausibleDate):
        _correct(world, meeting, held_on=date(3000, 1, 1))
    _correct(world, meeting, parties_present=[JOB, MBORAAD, OCW], title="Bestuurlijk overleg")
    assert meeting.title == "Bestuurlijk overleg"


def test_withdrawn_meeting_takes_nothing_more() -> None:
    """A withdrawn meeting refuses positions and corrections, and is withdrawn once."""
    world = World()
    meeting = world.meeting()
    world.position(meeting)
    meeting.withdraw("dubbel ingevoerd", ME)
    assert meeting.withdrawn
    with pytest.raises(Withdrawn):
        world.position(meeting, MBORAAD)
    with pytest.raises(Withdrawn):
        _correct(world, meeting, title="Anders")
    with pytest.raises(AlreadyDecided):
        meeting.withdraw("nogmaals", ME)


def test_a_position_may_be_logged_without_a_summary() -> None:
    """A stance noted in the corridor needs no summary or conditions; blank text is still
    refused rather than stored as if it said something."""
    world = World()
    meeting = world.meeting()
    taken = world.position(meeting, summary="")
    assert meeting.position(taken)["summary"] == ""
    with pytest.raises(EmptyValue):
        world.position(meeting, MBORAAD, summary="   ")
