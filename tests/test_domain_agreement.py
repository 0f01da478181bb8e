"""Domain rules on agreements, meetings and discussion points, without any I/O."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from onderhandeling.domain import Agreement, Decision, DiscussionPoint, Meeting
from onderhandeling.domain.errors import (
    AgreementSigned,
    AlreadyDecided,
    AlreadyExists,
    InvalidInput,
    NotAParticipant,
    NotFound,
    RuleViolation,
)
from onderhandeling.domain.plausibility import DateWindow, ImplausibleDate
from onderhandeling.domain.roster import Roster

DAY = date(2022, 9, 1)
TODAY = date(2023, 6, 1)
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
            Roster.of(agreement.participants),
            agreement.window(TODAY),
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
            Roster.of(agreement.participants),
            agreement.window(TODAY),
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


def test_discussion_point_options_keep_advantages_and_disadvantages_as_lists() -> None:
    """Pros and cons are lists of texts; an option without them is stored as before."""
    agreement, _ = new_agreement()
    options = [
        {"key": "1", "label": "Scenario 1", "pros": ["stabiel", "vrijwillig"], "cons": ["vaag"]},
        {"key": "2", "label": "Scenario 2"},
    ]
    point = DiscussionPoint.raise_point(
        agreement.id, None, "Salarismix", options, "shared", DAY, ME
    )
    assert point.options[0]["pros"] == ["stabiel", "vrijwillig"]
    assert point.options[0]["cons"] == ["vaag"]
    assert point.options[1] == {"key": "2", "label": "Scenario 2", "description": ""}
    with pytest.raises(InvalidInput):
        DiscussionPoint.raise_point(
            agreement.id,
            None,
            "Salarismix",
            [{"key": "1", "label": "A", "pros": [""]}, {"key": "2", "label": "B"}],
            "shared",
            DAY,
            ME,
        )


def test_milestone_before_the_negotiation_started_is_refused() -> None:
    """Moving a milestone to 1901 is a typing error: before the negotiation even started."""
    agreement, _ = new_agreement()
    agreement.plan_milestone("SIGN", "Ondertekening", date(2022, 10, 17), DAY, ME)
    with pytest.raises(ImplausibleDate) as refused:
        agreement.move_milestone("SIGN", date(1901, 10, 17), "typefout", DAY, ME)
    assert refused.value.field == "to"
    assert agreement.milestones["SIGN"].planned_on == date(2022, 10, 17)
    agreement.move_milestone("SIGN", date(2030, 1, 1), "ver weg mag", DAY, ME)


@pytest.mark.parametrize("signed_on", [date(2023, 6, 2), date(2022, 8, 31), date(3000, 1, 1)])
def test_signature_dated_in_the_future_or_before_the_start_is_refused(signed_on: date) -> None:
    """A signature must be dated between the start of the negotiation and today."""
    agreement, parties = new_agreement()
    with pytest.raises(ImplausibleDate):
        agreement.sign(parties[0], ME, signed_on, ME, today=TODAY)
    assert agreement.signatures == {}


def test_decision_correction_changes_facts_and_needs_a_reason() -> None:
    """A decision's reference, title, text and date can be corrected, never to nothing new."""
    agreement, _ = new_agreement()
    decision = Decision.record(
        agreement.id, "MOCW", "3431328", "Salarismix", "Scenario 2a", [], None, "shared", DAY, ME
    )
    window = DateWindow(DAY, TODAY)
    with pytest.raises(RuleViolation, match="changes nothing"):
        decision.correct(
            reference="3431328",
            title="Salarismix",
            text="Scenario 2a",
            decided_on=DAY,
            reason="niets",
            window=window,
            recorded_by=ME,
        )
    with pytest.raises(InvalidInput):
        decision.correct(
            reference="34313238",
            title="Salarismix",
            text="Scenario 2a",
            decided_on=DAY,
            reason="",
            window=window,
            recorded_by=ME,
        )
    with pytest.raises(ImplausibleDate):
        decision.correct(
            reference="34313238",
            title="Salarismix",
            text="Scenario 2a",
            decided_on=date(2099, 1, 1),
            reason="typefout",
            window=window,
            recorded_by=ME,
        )
    decision.correct(
        reference="34313238",
        title="Salarismix",
        text="Scenario 2a",
        decided_on=date(2022, 9, 2),
        reason="kenmerk miste een cijfer",
        window=window,
        recorded_by=ME,
    )
    assert (decision.reference, decision.decided_on) == ("34313238", date(2022, 9, 2))
