"""A second, unsigned agreement beside the demo negotiation.

The Werkagenda in the demo ends signed, so its wordings are frozen and a new user could not
try the edit forms on it. This practice agreement has the same parties and priorities and
the first goal of each priority with its wording as signed, plus one open passage and one
pending amendment, so every form of the goal and agreement pages has something to act on.
Loaded through the public commands, like the demo itself; its title says what it is.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID

from onderhandeling.application import Negotiations

if TYPE_CHECKING:
    from onderhandeling.demo_loader import DemoLoader

PRACTICE_TITLE = "Oefenakkoord (niet ondertekend): hier kunt u de bewerkformulieren proberen"
STARTED = date(2023, 3, 1)  # after the Werkagenda's signing


def load_practice(app: Negotiations, demo: DemoLoader) -> UUID:
    by = demo.persons["demo"]
    spec = demo.data["agreement"]
    agreement = app.start_agreement(
        PRACTICE_TITLE, spec["term_start"], spec["term_end"], STARTED, by
    )
    for party in demo.data["parties"]:
        app.admit_party(agreement, demo.parties[party["code"]], party["role"], STARTED, by)
    for priority in demo.data["priorities"]:
        app.add_priority(agreement, priority["key"], priority["title"], STARTED, by)
    app.plan_milestone(
        agreement, "ondertekening", "Ondertekening oefenakkoord", date(2023, 6, 1), STARTED, by
    )
    first_of_priority: dict[str, dict[str, str]] = {}
    for goal in demo.data["goals"]:
        first_of_priority.setdefault(goal["priority"], goal)
    goals = [
        app.add_goal(
            agreement,
            goal["code"],
            goal["priority"],
            goal["title"],
            app.goal(demo.goals[goal["code"]])["wording"],
            STARTED,
            by,
        )
        for goal in first_of_priority.values()
    ]
    proposer = demo.parties[demo.data["parties"][1]["code"]]
    wording = app.goal(goals[0])["wording"]
    app.mark_passage(
        goals[0],
        " ".join(wording.split(" ")[:5]),  # the opening words, quoted exactly
        "Oefening: nog niet afgestemd.",
        [proposer],
        STARTED,
        by,
    )
    app.propose_amendment(
        goals[-1],
        proposer,
        "Oefening: een voorstel om over te beslissen.",
        STARTED,
        by,
        text=app.goal(goals[-1])["wording"] + " Dit is een oefenvoorstel.",
    )
    return agreement
