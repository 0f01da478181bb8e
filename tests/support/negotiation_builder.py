"""A small negotiation built through the application's commands, shared by several tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from onderhandeling.domain import Person
from onderhandeling.service import Negotiations

DAY = date(2022, 9, 1)


@dataclass
class Small:
    me: UUID
    agreement: UUID
    ocw: UUID
    job: UUID
    mboraad: UUID
    inspectie: UUID
    goal: UUID
    goal2: UUID


def build_small(app: Negotiations) -> Small:
    me = app.register_person("Beleidsmedewerker", DAY)
    ocw = app.add_party("OCW", "Ministerie van OCW", "ministerie", DAY, me)
    job = app.add_party("JOB", "Jongeren Organisatie Beroepsonderwijs", "studenten", DAY, me)
    mboraad = app.add_party("MBORAAD", "MBO Raad", "scholen", DAY, me)
    inspectie = app.add_party("INSPECTIE", "Inspectie van het Onderwijs", "toezicht", DAY, me)
    agreement = app.start_agreement("Werkagenda mbo", date(2023, 1, 1), date(2027, 12, 31), DAY, me)
    for party in (ocw, job, mboraad):
        app.admit_party(agreement, party, "signatory", DAY, me)
    app.admit_party(agreement, inspectie, "adviser", DAY, me)
    app.add_priority(agreement, "KANS", "Kansengelijkheid", DAY, me)
    app.add_priority(agreement, "AOA", "Aansluiting onderwijs en arbeidsmarkt", DAY, me)
    goal = app.add_goal(
        agreement,
        "K1",
        "KANS",
        "Gelijke kansen op stage",
        "Iedere student vindt een stage.",
        DAY,
        me,
    )
    goal2 = app.add_goal(
        agreement, "A1", "AOA", "Bij- en omscholing", "Werkenden kunnen zich omscholen.", DAY, me
    )
    return Small(me, agreement, ocw, job, mboraad, inspectie, goal, goal2)


def add_people(app: Negotiations, count: int, chunk: int = 2000) -> None:
    """Many events quickly: `count` registered people, saved `chunk` at a time through the
    application's save (without the read models' catch-up that commands do)."""
    for start in range(0, count, chunk):
        people = [
            Person.register(f"Persoon {n}", DAY) for n in range(start, min(start + chunk, count))
        ]
        app.save(*people)
