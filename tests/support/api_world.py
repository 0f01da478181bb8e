"""A small negotiation over the JSON API: one account per role, internal content holding MARKER."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from onderhandeling.accounts.store import AccountStore, create_account
from onderhandeling.config import Database
from onderhandeling.service import Negotiations, PositionInput

DAY = date(2022, 9, 1)
PASSWORD = "correct horse battery"


MARKER = "GEHEIM-7f3a9c-STRATEGIE"


@dataclass
class World:
    """A small negotiation with one account per role and internal content holding MARKER."""

    app: Negotiations
    agreement: UUID
    goal: UUID
    goal2: UUID
    shared_meeting: UUID
    internal_meeting: UUID
    decision: UUID
    writer_token: str
    committee_token: str
    admin_token: str
    shared_positions: int
    shared_history: int


def build_world(database: Database) -> World:
    app = Negotiations(database)
    store = AccountStore(database)
    writer = create_account(app, "onderhandelaar", "onderhandelaar", PASSWORD)
    create_account(app, "stuurgroep", "stuurgroep", PASSWORD)
    create_account(app, "beheerder", "beheerder", PASSWORD)
    me = writer.person_id
    ocw = app.add_party("OCW", "Ministerie van OCW", "ministerie", DAY, me)
    job = app.add_party("JOB", "Jongeren Organisatie Beroepsonderwijs", "studenten", DAY, me)
    mboraad = app.add_party("MBORAAD", "MBO Raad", "scholen", DAY, me)
    agreement = app.start_agreement("Werkagenda mbo", date(2023, 1, 1), date(2027, 12, 31), DAY, me)
    for party in (ocw, job, mboraad):
        app.admit_party(agreement, party, "signatory", DAY, me)
    app.add_priority(agreement, "KANS", "Kansengelijkheid", DAY, me)
    goal = app.add_goal(
        agreement, "K1", "KANS", "Stage", "Iedere student vindt een stage.", DAY, me
    )
    goal2 = app.add_goal(agreement, "K2", "KANS", "Taal", "Iedere student leert taal.", DAY, me)
    shared_meeting = app.log_meeting(
        agreement,
        "Begeleidingscommissie",
        "begeleidingscommissie",
        date(2022, 9, 5),
        [job, mboraad],
        "Gedeelde samenvatting",
        "shared",
        [
            PositionInput(goal, job, "supports", "JOB steunt de tekst"),
            PositionInput(goal, mboraad, "conditional", "Als er geld bij komt"),
        ],
        me,
    )
    internal_meeting = app.log_meeting(
        agreement,
        "Intern vooroverleg",
        "ambtelijk",
        date(2022, 9, 6),
        [ocw],
        f"Interne strategie {MARKER}",
        "internal",
        [
            PositionInput(
                goal, ocw, "objects", f"Intern standpunt {MARKER}", confidentiality="internal"
            )
        ],
        me,
    )
    decision = app.record_decision(
        agreement,
        "MOCW",
        "34313238",
        f"Besluit {MARKER}",
        f"Interne afweging {MARKER}",
        DAY,
        me,
        goal_ids=[goal],
        confidentiality="internal",
    )
    app.freeze_baseline(agreement, "CWIZO-versie", date(2022, 10, 3), me)
    return World(
        app=app,
        agreement=agreement,
        goal=goal,
        goal2=goal2,
        shared_meeting=shared_meeting.meeting_id,
        internal_meeting=internal_meeting.meeting_id,
        decision=decision,
        writer_token=store.create_token("onderhandelaar"),
        committee_token=store.create_token("stuurgroep"),
        admin_token=store.create_token("beheerder"),
        shared_positions=2,
        shared_history=3,  # drafted + two shared positions (not the internal ones)
    )


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
