"""A small Werkagenda negotiation with demo-like accounts, shared by the page tests and the
browser suite."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from onderhandeling.accounts.store import create_account
from onderhandeling.service import Negotiations, PositionInput

PASSWORD = "werkagenda2022"
SECRET_SUMMARY = "GEHEIM-strategie-en-timing"
WORDING_1 = "Alle studenten krijgen gelijke kansen op een stageplek in het mbo."
WORDING_2 = (
    "Alle studenten krijgen gelijke kansen op een stageplek in het mbo; "
    "scholen en bedrijven pakken stagediscriminatie samen aan."
)
WORDING_3 = (
    "Alle mbo-studenten krijgen gelijke kansen op een stageplek; "
    "scholen en leerbedrijven pakken stagediscriminatie samen aan."
)


@dataclass
class World:
    agreement_id: UUID
    goals: dict[str, UUID] = field(default_factory=dict)
    parties: dict[str, UUID] = field(default_factory=dict)
    loader: UUID | None = None


def build_world(app: Negotiations) -> World:
    """Parties, an agreement with two priorities and goals, meetings (one internal), a
    committee meeting, revisions after it, an open passage, a pending amendment and a moved
    milestone; plus the three demo accounts."""
    day = date(2022, 8, 15)
    for name, role in (
        ("demo-beheerder", "beheerder"),
        ("demo-onderhandelaar", "onderhandelaar"),
        ("demo-stuurgroep", "stuurgroep"),
    ):
        create_account(app, name, role, PASSWORD)
    by = app.register_person("Invoer", day)
    parties = {}
    for code, name, kind in (
        ("OCW", "Ministerie van Onderwijs, Cultuur en Wetenschap", "ministry"),
        ("JOB", "Jongeren Organisatie Beroepsonderwijs", "students"),
        ("MBORAAD", "MBO Raad", "schools"),
        ("SBB", "Samenwerkingsorganisatie Beroepsonderwijs Bedrijfsleven", "work-based"),
    ):
        parties[code] = app.add_party(code, name, kind, day, by)
    agreement = app.start_agreement("Werkagenda mbo", date(2023, 1, 1), date(2027, 12, 31), day, by)
    world = World(agreement, parties=parties, loader=by)
    for code in parties:
        app.admit_party(agreement, parties[code], "signatory", day, by)
    app.add_priority(agreement, "kansen", "Kansengelijkheid", day, by)
    app.add_priority(agreement, "arbeidsmarkt", "Aansluiting onderwijs en arbeidsmarkt", day, by)
    app.plan_milestone(agreement, "mr", "Ministerraad", date(2022, 10, 14), day, by)
    app.plan_milestone(agreement, "tekenen", "Ondertekening", date(2022, 10, 17), day, by)
    app.move_milestone(
        agreement,
        "tekenen",
        date(2022, 10, 20),
        "Bestuurders niet beschikbaar",
        date(2022, 10, 3),
        by,
    )
    k1 = app.add_goal(agreement, "K1", "kansen", "Gelijke kansen op stage", WORDING_1, day, by)
    a1 = app.add_goal(
        agreement,
        "A1",
        "arbeidsmarkt",
        "Leven lang ontwikkelen",
        "Werkenden kunnen zich in het mbo blijven ontwikkelen.",
        day,
        by,
    )
    world.goals = {"K1": k1, "A1": a1}
    app.log_meeting(
        agreement,
        "Begeleidingscommissie september",
        "begeleidingscommissie",
        date(2022, 9, 15),
        [parties["OCW"], parties["JOB"], parties["MBORAAD"]],
        "Eerste bespreking",
        "shared",
        [
            PositionInput(k1, parties["JOB"], "supports", "JOB steunt de doelstelling"),
            PositionInput(
                k1,
                parties["MBORAAD"],
                "conditional",
                "Steunt als er geld bij komt",
                conditions="Structurele middelen",
            ),
        ],
        by,
    )
    app.log_meeting(
        agreement,
        "Intern vooroverleg",
        "ambtelijk",
        date(2022, 9, 16),
        [parties["OCW"]],
        SECRET_SUMMARY,
        "internal",
        [PositionInput(k1, parties["OCW"], "objects", SECRET_SUMMARY, confidentiality="internal")],
        by,
    )
    app.revise_wording(
        k1, WORDING_2, 1, "Discriminatie expliciet", "substantive", date(2022, 9, 20), by
    )
    app.mark_passage(k1, "samen aan", "Wie betaalt?", [parties["SBB"]], date(2022, 9, 21), by)
    app.propose_amendment(
        k1,
        parties["SBB"],
        "Leerbedrijven noemen",
        date(2022, 9, 22),
        by,
        quote="bedrijven",
        replacement="leerbedrijven",
    )
    app.raise_discussion_point(
        agreement,
        "Salarismix",
        [{"key": "1", "label": "Scenario 1"}, {"key": "2a", "label": "Scenario 2a"}],
        date(2022, 9, 23),
        by,
        goal_id=k1,
    )
    app.freeze_baseline(agreement, "CWIZO-versie", date(2022, 9, 25), by)
    return world
