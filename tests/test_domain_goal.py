"""Domain rules on goals, without any I/O: aggregates are used directly."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from onderhandeling.domain import Goal
from onderhandeling.domain.errors import (
    AgreementSigned,
    AlreadyDecided,
    AmbiguousQuote,
    InvalidInput,
    QuoteNotFound,
    StaleVersion,
)
from onderhandeling.domain.plausibility import ImplausibleDate
from onderhandeling.domain.values import MAX_WORDING

DAY = date(2022, 9, 1)
ME = uuid4()
JOB = uuid4()
MBORAAD = uuid4()
OUTSIDER = uuid4()
PARTICIPANTS = {JOB, MBORAAD}
WORDING = "Studenten krijgen “gelijke kansen” op een stage.\nScholen zorgen daarvoor."


def new_goal(wording: str = WORDING) -> Goal:
    return Goal.draft(uuid4(), "K1", "KANS", "Gelijke kansen", wording, DAY, ME)


def revise(goal: Goal, text: str, based_on: int | None = None) -> int:
    base = goal.current_version if based_on is None else based_on
    return goal.revise_wording(text, base, "reden", "substantive", "none", None, DAY, ME)


def test_revision_makes_next_version() -> None:
    """A revision based on the current version becomes the next numbered version."""
    goal = new_goal()
    assert revise(goal, "Nieuwe tekst") == 2
    assert goal.wording == "Nieuwe tekst"
    assert goal.current_version == 2


def test_version_in_force_follows_the_effective_dates() -> None:
    """The version in force on a date is the newest that had taken effect by then."""
    goal = new_goal()  # version 1 on DAY (1 September)
    goal.revise_wording("Tweede", 1, "r", "substantive", "none", None, date(2022, 10, 1), ME)
    goal.revise_wording("Derde", 2, "r", "substantive", "none", None, date(2022, 11, 1), ME)
    assert goal.version_in_force(date(2022, 8, 1)) == 1  # before the first wording
    assert goal.version_in_force(date(2022, 9, 15)) == 1
    assert goal.version_in_force(date(2022, 10, 1)) == 2  # in force on the day it took effect
    assert goal.version_in_force(date(2023, 1, 1)) == 3


def test_stale_revision_is_refused_naming_current_version() -> None:
    """A revision based on an older version is refused and the error names the current one."""
    goal = new_goal()
    revise(goal, "Tweede versie")
    with pytest.raises(StaleVersion) as refused:
        revise(goal, "Derde versie van iemand anders", based_on=1)
    assert refused.value.current_version == 2
    assert "current version is 2" in str(refused.value)
    assert goal.wording == "Tweede versie"


def test_wording_is_stored_exactly_as_given() -> None:
    """Unicode, Dutch quotes, apostrophes and newlines survive unchanged."""
    text = "  ‘Mbo’ers’ krijgen € 4,5 mln.\r\n\tÉén zin — met “aanhalingstekens”.  "
    goal = new_goal(text)
    assert goal.wording == text


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_wording_is_refused(text: str) -> None:
    """Empty or blank text is refused."""
    with pytest.raises(InvalidInput):
        new_goal(text)
    goal = new_goal()
    with pytest.raises(InvalidInput):
        revise(goal, text)


def test_overlong_wording_is_refused() -> None:
    """Text beyond the limit is refused; text at the limit is accepted."""
    new_goal("x" * MAX_WORDING)
    with pytest.raises(InvalidInput, match="limit"):
        new_goal("x" * (MAX_WORDING + 1))


def test_frozen_goal_refuses_revision_amendment_and_passage() -> None:
    """Once the agreement is signed the goal refuses wording changes of every kind."""
    goal = new_goal()
    goal.freeze(DAY, ME)
    with pytest.raises(AgreementSigned):
        revise(goal, "Na ondertekening")
    with pytest.raises(AgreementSigned):
        goal.propose_amendment(
            uuid4(), JOB, "reden", "Andere tekst", None, None, PARTICIPANTS, DAY, ME
        )
    with pytest.raises(AgreementSigned):
        goal.mark_passage(uuid4(), "gelijke kansen", "", [], PARTICIPANTS, DAY, ME)


def test_adopted_amendment_creates_next_version() -> None:
    """Adopting a passage amendment replaces the quote and records the amendment as cause."""
    goal = new_goal()
    amendment = uuid4()
    goal.propose_amendment(
        amendment,
        MBORAAD,
        "duidelijker",
        None,
        "gelijke kansen",
        "dezelfde kansen",
        PARTICIPANTS,
        DAY,
        ME,
    )
    assert goal.decide_amendment(amendment, "adopted", "", None, "substantive", DAY, ME) == 2
    assert "“dezelfde kansen”" in goal.wording
    assert goal.amendment(amendment)["resulting_version"] == 2


def test_amendment_is_decided_once() -> None:
    """A second decision on the same amendment is refused."""
    goal = new_goal()
    amendment = uuid4()
    goal.propose_amendment(
        amendment, JOB, "r", "Hele nieuwe tekst", None, None, PARTICIPANTS, DAY, ME
    )
    goal.decide_amendment(amendment, "rejected", "past niet", None, "substantive", DAY, ME)
    with pytest.raises(AlreadyDecided):
        goal.decide_amendment(amendment, "adopted", "", None, "substantive", DAY, ME)


def test_adopting_amendment_whose_quote_is_gone_is_refused() -> None:
    """A passage amendment cannot be adopted once its quote has left the wording."""
    goal = new_goal()
    amendment = uuid4()
    goal.propose_amendment(
        amendment, JOB, "r", None, "op een stage", "op een leerbaan", PARTICIPANTS, DAY, ME
    )
    revise(goal, "Studenten krijgen gelijke kansen.")
    with pytest.raises(QuoteNotFound):
        goal.decide_amendment(amendment, "adopted", "", None, "substantive", DAY, ME)
    assert goal.amendment(amendment)["outcome"] is None


def test_partly_adopted_amendment_uses_the_adopted_text() -> None:
    """Partly adopting puts the text actually adopted in place of the quote."""
    goal = new_goal()
    amendment = uuid4()
    goal.propose_amendment(
        amendment, JOB, "r", None, "Scholen", "Scholen en bedrijven samen", PARTICIPANTS, DAY, ME
    )
    goal.decide_amendment(
        amendment, "partly_adopted", "deels", "Scholen en bedrijven", "substantive", DAY, ME
    )
    assert goal.wording.endswith("Scholen en bedrijven zorgen daarvoor.")


def test_passage_quote_must_be_in_the_wording() -> None:
    """An open passage must quote the current wording."""
    goal = new_goal()
    with pytest.raises(QuoteNotFound):
        goal.mark_passage(uuid4(), "niet aanwezig", "", [], PARTICIPANTS, DAY, ME)


def test_revision_removing_quote_orphans_the_passage() -> None:
    """A revision that removes a passage's quote flags the passage orphaned, not dropped."""
    goal = new_goal()
    passage = uuid4()
    goal.mark_passage(passage, "op een stage", "geel", [MBORAAD], PARTICIPANTS, DAY, ME)
    revise(goal, "Studenten krijgen gelijke kansen.")
    assert goal.passages[str(passage)]["status"] == "orphaned"


def test_passage_is_resolved_once() -> None:
    """Resolving twice is refused."""
    goal = new_goal()
    passage = uuid4()
    goal.mark_passage(passage, "Scholen", "", [], PARTICIPANTS, DAY, ME)
    goal.resolve_passage(passage, "akkoord", DAY, ME)
    with pytest.raises(AlreadyDecided):
        goal.resolve_passage(passage, "nogmaals", DAY, ME)


def test_passage_quote_occurring_twice_needs_its_occurrence() -> None:
    """A quote found twice in the wording is refused unless the user says which one."""
    goal = new_goal("Zowel de school als de school zorgen samen.")
    with pytest.raises(AmbiguousQuote) as refused:
        goal.mark_passage(uuid4(), "de school", "", [], PARTICIPANTS, DAY, ME)
    assert refused.value.field == "occurrence"
    assert refused.value.occurrences == 2
    with pytest.raises(InvalidInput, match="occurrence 3 does not exist"):
        goal.mark_passage(uuid4(), "de school", "", [], PARTICIPANTS, DAY, ME, occurrence=3)
    passage = uuid4()
    goal.mark_passage(passage, "de school", "", [], PARTICIPANTS, DAY, ME, occurrence=2)
    assert goal.passages[str(passage)]["occurrence"] == 2


def test_revision_keeping_one_of_two_occurrences_orphans_the_second() -> None:
    """A passage on the second occurrence is orphaned once only one occurrence remains."""
    goal = new_goal("Zowel de school als de school zorgen samen.")
    first, second = uuid4(), uuid4()
    goal.mark_passage(first, "de school", "", [], PARTICIPANTS, DAY, ME, occurrence=1)
    goal.mark_passage(second, "de school", "", [], PARTICIPANTS, DAY, ME, occurrence=2)
    revise(goal, "Alleen de school zorgt ervoor.")
    assert goal.passages[str(first)]["status"] == "open"
    assert goal.passages[str(second)]["status"] == "orphaned"


@pytest.mark.parametrize("year", [1899, 2101, 3000])
def test_dates_outside_1900_to_2100_are_refused(year: int) -> None:
    """A date in a year outside 1900–2100 is a typing error, refused naming the field."""
    with pytest.raises(ImplausibleDate) as refused:
        Goal.draft(uuid4(), "K1", "KANS", "Titel", "Tekst", date(year, 1, 1), ME)
    assert refused.value.field == "effective_date"
