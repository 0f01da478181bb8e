"""The application service on both stores (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from onderhandeling.domain import Goal
from onderhandeling.domain.errors import (
    AgreementSigned,
    AlreadyExists,
    DomainError,
    InvalidInput,
    NotAParticipant,
    NotFound,
    StaleVersion,
)
from onderhandeling.readmodel import goal_history, read_models
from onderhandeling.service import Negotiations, PositionInput
from tests.support.negotiation_builder import DAY, build_small


def test_commands_survive_reopening_the_store(app: Negotiations) -> None:
    """What one application object saved, a new one on the same store reads back."""
    small = build_small(app)
    app.revise_wording(
        small.goal, "Iedere student vindt een “goede” stage.\n", 1, "r", "editorial", DAY, small.me
    )
    reopened = Negotiations(app.database)
    goal = reopened.goal(small.goal)
    assert goal["version"] == 2
    assert goal["wording"] == "Iedere student vindt een “goede” stage.\n"
    reopened.close()


def test_log_meeting_saves_meeting_and_all_positions(app: Negotiations) -> None:
    """A meeting with its positions is recorded, and the positions show in the status."""
    small = build_small(app)
    logged = app.log_meeting(
        small.agreement,
        "Bilateraal MBO Raad",
        "bilateraal",
        date(2022, 9, 15),
        [small.ocw, small.mboraad],
        "Gesprek over stages",
        "shared",
        [
            PositionInput(small.goal, small.mboraad, "objects", "Te veel regels"),
            PositionInput(small.goal2, small.mboraad, "supports", "Eens"),
        ],
        small.me,
    )
    assert len(logged.position_ids) == 2
    status = app.status(small.agreement)
    goals = {g["code"]: g for p in status["priorities"] for g in p["goals"]}
    assert goals["K1"]["stances"]["MBORAAD"]["stance"] == "objects"
    assert goals["A1"]["stances"]["MBORAAD"]["effective_date"] == "2022-09-15"


def test_log_meeting_is_all_or_nothing(app: Negotiations) -> None:
    """One bad position row means neither the meeting nor any position is saved."""
    small = build_small(app)
    before = app.recorder.max_notification_id()
    with pytest.raises(InvalidInput):
        app.log_meeting(
            small.agreement,
            "Overleg",
            "bestuurlijk",
            DAY,
            [small.ocw],
            "",
            "shared",
            [
                PositionInput(small.goal, small.job, "supports", "ok"),
                PositionInput(small.goal2, small.job, "enthousiast", "ongeldige stance"),
            ],
            small.me,
        )
    assert app.recorder.max_notification_id() == before
    assert app.goal(small.goal)["positions"] == []


def test_position_for_outsider_party_is_refused(app: Negotiations) -> None:
    """A party that exists but takes no part in the agreement cannot take a position."""
    small = build_small(app)
    outsider = app.add_party("NRTO", "NRTO", "particulier onderwijs", DAY, small.me)
    with pytest.raises(NotAParticipant):
        app.record_position(
            small.goal, PositionInput(small.goal, outsider, "supports", "x"), DAY, small.me
        )


@pytest.mark.parametrize("what", ["agreement", "goal", "party", "meeting"])
def test_unknown_records_are_not_found(app: Negotiations, what: str) -> None:
    """Unknown agreement, goal, party or meeting ids give a not-found error."""
    small = build_small(app)
    unknown = uuid4()
    with pytest.raises(NotFound):
        if what == "agreement":
            app.add_priority(unknown, "X", "X", DAY, small.me)
        elif what == "goal":
            app.revise_wording(unknown, "t", 1, "r", "editorial", DAY, small.me)
        elif what == "party":
            app.admit_party(small.agreement, unknown, "signatory", DAY, small.me)
        else:
            app.record_position(
                small.goal,
                PositionInput(small.goal, small.job, "supports", "x"),
                DAY,
                small.me,
                meeting_id=unknown,
            )


def test_unknown_goal_code_is_not_found(app: Negotiations) -> None:
    """Looking up a goal code that does not exist raises NotFound."""
    small = build_small(app)
    with pytest.raises(NotFound):
        app.goal_id(small.agreement, "Z9")


def test_duplicate_party_code_is_refused(app: Negotiations) -> None:
    """Two parties cannot share a code."""
    small = build_small(app)
    with pytest.raises(AlreadyExists):
        app.add_party("JOB", "Andere JOB", "studenten", DAY, small.me)


def test_stale_revision_through_the_service(app: Negotiations) -> None:
    """The service refuses a stale base version and names the current version."""
    small = build_small(app)
    app.revise_wording(small.goal, "Tweede", 1, "r", "substantive", DAY, small.me)
    with pytest.raises(StaleVersion) as refused:
        app.revise_wording(small.goal, "Ook tweede", 1, "r", "substantive", DAY, small.me)
    assert refused.value.current_version == 2


def test_signing_freezes_every_goal(app: Negotiations) -> None:
    """When the last signatory signs, revisions, amendments and passages are refused."""
    small = build_small(app)
    for party in (small.ocw, small.job, small.mboraad):
        app.sign(small.agreement, party, small.me, date(2023, 2, 1), small.me)
    assert app.agreement(small.agreement)["signed_on"] == "2023-02-01"
    with pytest.raises(AgreementSigned):
        app.revise_wording(small.goal, "Later", 1, "r", "substantive", DAY, small.me)
    with pytest.raises(AgreementSigned):
        app.propose_amendment(small.goal, small.job, "r", DAY, small.me, text="Anders")
    with pytest.raises(AgreementSigned):
        app.mark_passage(small.goal, "stage", "", [], DAY, small.me)


def test_a_new_signer_is_registered_in_the_same_save_as_the_signature(
    app: Negotiations,
) -> None:
    """A refused signature leaves no person behind; an accepted one names the signer."""
    small = build_small(app)

    def people() -> int:
        with read_models(app) as sql:
            return int(sql.scalar("SELECT COUNT(*) FROM proj_persons"))

    before = people()
    with pytest.raises(DomainError):  # an adviser does not sign
        app.sign_as_new_signer(small.agreement, small.inspectie, "A. Adviseur", DAY, small.me)
    with pytest.raises(DomainError):  # nor does anyone without a name
        app.sign_as_new_signer(small.agreement, small.job, " ", DAY, small.me)
    assert people() == before
    assert not app.sign_as_new_signer(small.agreement, small.job, "J. Voorzitter", DAY, small.me)
    assert people() == before + 1
    signatures = app.agreement(small.agreement)["signatures"]
    assert [(s.party, s.on, s.signer) for s in signatures] == [("JOB", str(DAY), "J. Voorzitter")]


def test_baseline_freezes_current_versions(app: Negotiations) -> None:
    """A baseline records each goal's wording version at that moment."""
    small = build_small(app)
    app.revise_wording(small.goal, "Tweede", 1, "r", "substantive", DAY, small.me)
    app.freeze_baseline(small.agreement, "CWIZO-versie", date(2022, 10, 2), small.me)
    agreement = app.agreement(small.agreement)
    assert agreement["baselines"] == [{"name": "CWIZO-versie", "on": "2022-10-02"}]


def test_decision_choosing_an_option_updates_the_discussion_point(app: Negotiations) -> None:
    """A decision that picks a scenario records the choice in the same save."""
    small = build_small(app)
    point = app.raise_discussion_point(
        small.agreement,
        "Salarismix",
        [{"key": "1", "label": "Scenario 1"}, {"key": "2a", "label": "Scenario 2a"}],
        DAY,
        small.me,
    )
    app.state_preference(point, small.mboraad, "1", "financieel", DAY, small.me)
    app.record_decision(
        small.agreement,
        "minister",
        "34313238",
        "Keuze Salarismix",
        "2a",
        DAY,
        small.me,
        chooses=(point, "2a"),
    )
    with pytest.raises(Exception, match="already decided"):
        app.record_decision(
            small.agreement, "minister", "1", "Nogmaals", "1", DAY, small.me, chooses=(point, "1")
        )


def test_history_lists_goal_events_with_recorder(app: Negotiations) -> None:
    """History gives each event with its effective date, recorded time and recorder's name."""
    small = build_small(app)
    app.revise_wording(small.goal, "Tweede", 1, "omdat", "substantive", date(2022, 9, 20), small.me)
    entries = goal_history(app, small.goal)["entries"]
    revision = entries[-1]
    assert revision["effective_date"] == "2022-09-20"
    assert revision["recorded_by"] == "Beleidsmedewerker"
    assert revision["recorded_at"]


def test_erasing_a_name_keeps_history(app: Negotiations) -> None:
    """Erasing a person's name removes it from every view without rewriting events."""
    small = build_small(app)
    before = app.recorder.max_notification_id() or 0
    app.erase_person_name(small.me, "AVG-verzoek", DAY, small.me)
    entries = goal_history(app, small.goal)["entries"]
    assert {e["recorded_by"] for e in entries} == {"[naam verwijderd]"}
    assert (app.recorder.max_notification_id() or 0) == before + 1


def test_peek_many_brings_aggregates_changed_elsewhere_up_to_date(app: Negotiations) -> None:
    """Several aggregates read with one question to the store: one changed by another
    process since it was cached comes back up to date, an unchanged one as cached."""
    small = build_small(app)
    before = app.peek_many(Goal, [small.goal, small.goal2], "goal")
    assert before[small.goal].current_version == 1
    other = Negotiations(app.database)
    try:
        other.revise_wording(small.goal, "Elders herzien.", 1, "r", "substantive", DAY, small.me)
    finally:
        other.close()
    after = app.peek_many(Goal, [small.goal, small.goal2], "goal")
    assert after[small.goal].current_version == 2
    assert after[small.goal2] is before[small.goal2]  # unchanged: the cached one itself
    with pytest.raises(NotFound):
        app.peek_many(Goal, [uuid4()], "goal")
