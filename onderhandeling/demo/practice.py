"""A second, unsigned agreement beside the demo negotiation.

The Werkagenda in the demo ends signed, so its wordings are frozen and a new user could not
try the edit forms on it. This practice agreement has the same parties and priorities and
the first goal of each priority with its wording as signed, plus one open passage, one
pending amendment and one meeting with positions, so every form of the goal, agreement and
meeting pages has something to act on.
Loaded through the public commands, like the demo itself; its title says what it is.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol
from uuid import UUID

from onderhandeling.domain.values import Confidentiality
from onderhandeling.service import Negotiations, PositionInput


class LoadedDemo(Protocol):
    """What the practice agreement takes from the loaded demo (demo/loader.py's DemoLoader):
    its data and the ids it gave persons, parties and goals."""

    data: dict[str, Any]
    persons: dict[str, UUID]
    parties: dict[str, UUID]
    goals: dict[str, UUID]


PRACTICE_TITLE = "Oefenakkoord (niet ondertekend): hier kunt u de bewerkformulieren proberen"
STARTED = date(2023, 3, 1)  # after the Werkagenda's signing


def load_practice(app: Negotiations, demo: LoadedDemo) -> UUID:
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
    _practice_meeting(app, demo, agreement, goals, by)
    return agreement


def _practice_meeting(
    app: Negotiations, demo: LoadedDemo, agreement: UUID, goals: list[UUID], by: UUID
) -> None:
    """A logged meeting with a position on each goal, to try correcting a position, a
    meeting's facts and withdrawing it."""
    codes = [party["code"] for party in demo.data["parties"][:3]]
    present = [demo.parties[code] for code in codes]
    stances = ["supports", "conditional", "objects"]
    app.log_meeting(
        agreement,
        "Oefenoverleg",
        "bilateraal",
        date(2023, 3, 15),
        present,
        "Oefening: een overleg om te corrigeren of in te trekken.",
        Confidentiality.SHARED,
        [
            PositionInput(
                goal,
                present[n % len(present)],
                stances[n % len(stances)],
                f"Oefenstandpunt van {codes[n % len(codes)]}.",
            )
            for n, goal in enumerate(goals)
        ],
        by,
    )
