"""Domain rules on agreements, meetings and discussion points, without any I/O."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from onderhandeling.domain import Agreement, DiscussionPoint, Meeting
from onderhandeling.domain.errors import (
    AgreementSigned,
    AlreadyDecided,
    AlreadyExists,
    InvalidInput,
    NotAParticipant,
    NotFound,
    RuleViolation,
)

DAY = date(2022, 9, 1)
ME = uuid4()


def new_agreement() -> tuple[Agreement, list]:
    agreement = Agreement.start("Werkagenda mbo", date(2023, 1, 1), date(2027, 12, 31), DAY, ME)
    parties = [uuid4(), uuid4(), uuid4()]
    agreement.admit_party(parties[0], "signatory", DAY, ME)
    agreement.admit_party(parties[1], "signatory", DAY, ME)
    agreement.admit_party(parties[2], "adviser", DAY, ME)
    agreement.add_priority("KANS", "Kansengelijkheid", DAY, ME)
    return agreement, parties


def test_signing_completes_when_all_signatories_signed() -> None:
    """The agreement is signed only once every signatory (not advisers) has signed."""
    agreement, parties = new_agreement()
    assert agreement.sign(parties[0], ME, date(2023, 2, 1), ME) is False
    assert not agreement.is_signed
    assert agreement.sign(parties[1], ME, date(2023, 2, 1), ME) is True
    assert agreement.signed_on == date(2023, 2, 1)


def test_adviser_cannot_sign() -> None:
    """An adviser such as the Inspectie does not sign."""
    agreement, parties = new_agreement()
    with pytest.raises(RuleViolation):
        agreement.sign(parties[2], ME, DAY, ME)


def test_signed_agreement_takes_no_new_goals() -> None:
    """After signing no goal can be added."""
    agreement, parties = new_agreement()
    agreement.sign(parties[0], ME, DAY, ME)
    agreement.sign(parties[1], ME, DAY, ME)
    with pytest.raises(AgreementSigned):
        agreement.register_goal(uuid4(), "K9", "KANS", DAY, ME)


def test_goal_code_unique_within_agreement() -> None:
    """A second goal with the same code is refused."""
    agreement, _ = new_agreement()
    agreement.register_goal(uuid4(), "K1", "KANS", DAY, ME)
    with pytest.raises(AlreadyExists):
        agreement.register_goal(uuid4(), "K1", "KANS", DAY, ME)


def test_goal_needs_existing_priority() -> None:
    """A goal under an unknown priority is refused as not found."""
    agreement, _ = new_agreement()
    with pytest.raises(NotFound):
        agreement.register_goal(uuid4(), "X1", "ONBEKEND", DAY, ME)


def test_milestone_moves_keep_their_history() -> None:
    """Moving a milestone keeps every earlier date with its reason."""
    agreement, _ = new_agreement()
    agreement.plan_milestone("SIGN", "Ondertekening", date(2022, 10, 17), DAY, ME)
    agreement.move_milestone("SIGN", date(2022, 10, 20), "agenda minister", DAY, ME)
    agreement.move_milestone("SIGN", date(2023, 2, 1), "na het Kamerdebat", DAY, ME)
    milestone = agreement.milestones["SIGN"]
    assert milestone.planned_on == date(2023, 2, 1)
    assert [m["from"] for m in milestone.moves] == [date(2022, 10, 17), date(2022, 10, 20)]


def test_meeting_parties_must_take_part() -> None:
    """A meeting cannot list a party outside the agreement as present."""
    agreement, _ = new_agreement()
    with pytest.raises(NotAParticipant):
        Meeting.log(
            agreement.id,
            "Overleg",
            "bilateraal",
            DAY,
            [uuid4()],
            [],
            "",
            "shared",
            set(agreement.participants),
            ME,
        )


def test_meeting_kind_must_come_from_the_list() -> None:
    """An unknown meeting kind is refused."""
    agreement, parties = new_agreement()
    with pytest.raises(InvalidInput):
        Meeting.log(
            agreement.id,
            "Overleg",
            "borrel",
            DAY,
            parties[:1],
            [],
            "",
            "shared",
            set(agreement.participants),
            ME,
        )


def test_discussion_point_decided_once() -> None:
    """A discussion point's option is chosen once, and must exist."""
    agreement, parties = new_agreement()
    options = [{"key": "1", "label": "Scenario 1"}, {"key": "2a", "label": "Scenario 2a"}]
    point = DiscussionPoint.raise_point(
        agreement.id, None, "Salarismix", options, "shared", DAY, ME
    )
    point.state_preference(parties[0], "1", "financieel", set(agreement.participants), DAY, ME)
    with pytest.raises(NotFound):
        point.choose("9", uuid4(), DAY, ME)
    point.choose("2a", uuid4(), DAY, ME)
    with pytest.raises(AlreadyDecided):
        point.choose("1", uuid4(), DAY, ME)
