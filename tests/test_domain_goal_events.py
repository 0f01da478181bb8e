"""A goal's events keep the topics they are stored under, wherever the code that triggers them
lives; and the rules added with the goal page: a revision's cause and an action's due date."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest
from eventsourcing.utils import get_topic

from onderhandeling.domain import Goal
from onderhandeling.domain.errors import NotFound
from onderhandeling.domain.plausibility import DateWindow, ImplausibleDate

DAY = date(2022, 9, 1)
ME = uuid4()
JOB = uuid4()

GOAL_EVENTS = (
    "Drafted",
    "WordingRevised",
    "WordingFrozen",
    "AmendmentProposed",
    "AmendmentDecided",
    "PassageMarked",
    "PassageResolved",
    "StatusChanged",
    "IndicatorsSet",
    "ActionsSet",
    "PositionRecorded",
    "PositionRetracted",
)


def new_goal() -> Goal:
    return Goal.draft(uuid4(), "K1", "KANS", "Gelijke kansen", "Studenten krijgen kansen.", DAY, ME)


@pytest.mark.parametrize("name", GOAL_EVENTS)
def test_every_goal_event_is_stored_under_the_goal_modules_topic(name: str) -> None:
    """Each event class is Goal's own, named as it has always been stored."""
    assert get_topic(getattr(Goal, name)) == f"onderhandeling.domain.goal:Goal.{name}"


def test_events_triggered_by_the_commands_of_other_modules_are_goals_events() -> None:
    """A revision, an amendment and a passage (commands in goal_*.py) record Goal's events."""
    goal = new_goal()
    goal.propose_amendment(uuid4(), JOB, "r", None, "kansen", "gelijke kansen", {JOB}, DAY, ME)
    goal.mark_passage(uuid4(), "Studenten", "", [], {JOB}, DAY, ME)
    goal.revise_wording(
        "Studenten krijgen gelijke kansen.", 1, "r", "editorial", "none", None, DAY, ME
    )
    topics = [get_topic(type(e)) for e in goal.collect_events()]
    assert topics == [
        "onderhandeling.domain.goal:Goal.Drafted",
        "onderhandeling.domain.goal:Goal.AmendmentProposed",
        "onderhandeling.domain.goal:Goal.PassageMarked",
        "onderhandeling.domain.goal:Goal.WordingRevised",
    ]


def test_a_revision_caused_by_an_amendment_names_one_of_the_goals_amendments() -> None:
    """An amendment that is not the goal's own cannot be named as the cause."""
    goal = new_goal()
    with pytest.raises(NotFound):
        goal.revise_wording("Anders.", 1, "r", "substantive", "amendment", uuid4(), DAY, ME)
    amendment = uuid4()
    goal.propose_amendment(amendment, JOB, "r", "Voorstel.", None, None, {JOB}, DAY, ME)
    assert (
        goal.revise_wording("Anders.", 1, "r", "substantive", "amendment", amendment, DAY, ME) == 2
    )


def test_an_action_due_on_an_impossible_date_is_refused_at_its_row() -> None:
    """A due date before the negotiation began is refused, naming the action's row."""
    goal = new_goal()
    window = DateWindow(earliest=DAY, today=date(2023, 1, 1))
    actions = [
        {"what": "Eerst", "parties": [str(JOB)], "due": "najaar 2023"},
        {"what": "Dan", "parties": [], "due": "1999-01-01"},
    ]
    with pytest.raises(ImplausibleDate) as refused:
        goal.set_actions(actions, {JOB}, DAY, ME, window)
    assert refused.value.details["field"] == "actions.1.due"
    actions[1]["due"] = "2024-06-01"  # a planned date may lie after today
    goal.set_actions(actions, {JOB}, DAY, ME, window)
    assert [a["due"] for a in goal.actions] == ["najaar 2023", "2024-06-01"]
