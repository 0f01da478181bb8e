"""Read-model helpers: a rich negotiation to project, and the read models' rows to compare."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from onderhandeling.readmodel import (
    projector_of,
)
from onderhandeling.readmodel.schema import TABLES
from onderhandeling.service import Negotiations, PositionInput
from tests.support.negotiation_builder import DAY, Small, build_small


def dump_rows(app: Negotiations) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every read-model table (and the tracking row), in a stable order."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    with projector_of(app).connection() as sql, sql.transaction():
        for table in [*TABLES, "proj_tracking"]:
            rows = sql.execute(f"SELECT * FROM {table}").fetchall()
            found[table] = sorted((tuple(row) for row in rows), key=repr)
    return found


def clear_read_models(app: Negotiations) -> None:
    """Drop the read models without catching up, as if the projector had never run."""
    from onderhandeling.readmodel.schema import create_tables, drop_tables

    with projector_of(app).connection() as sql, sql.transaction(write=True):
        drop_tables(sql)
        create_tables(sql)


@dataclass
class Rich:
    small: Small
    internal_meeting: UUID
    shared_meeting: UUID
    internal_position: UUID


def build_rich(app: Negotiations) -> Rich:
    """A negotiation touching every kind of event: revisions, amendments, passages, meetings
    (shared and internal), corrections, retractions, a discussion point and a decision,
    baselines, status changes, milestones and signing."""
    s = build_small(app)
    me, goal = s.me, s.goal
    on = date(2022, 9, 5)
    app.plan_milestone(s.agreement, "MR", "Ministerraad", date(2022, 10, 14), DAY, me)
    app.freeze_baseline(s.agreement, "Eerste versie", on, me)
    passage = app.mark_passage(goal, "een stage", "te vaag", [s.job], on, me)
    app.mark_passage(goal, "Iedere student", "wie telt mee?", [], on, me)
    shared = app.log_meeting(
        s.agreement,
        "Begeleidingscommissie",
        "begeleidingscommissie",
        date(2022, 9, 7),
        [s.ocw, s.job, s.mboraad],
        "Eerste ronde",
        "shared",
        [
            PositionInput(goal, s.job, "conditional", "Alleen met stagefonds", "stagefonds"),
            PositionInput(goal, s.mboraad, "supports", "Akkoord"),
            PositionInput(s.goal2, s.ocw, "supports", "Prima"),
        ],
        me,
    )
    internal = app.log_meeting(
        s.agreement,
        "Intern overleg strategie",
        "ambtelijk",
        date(2022, 9, 8),
        [s.ocw],
        "Strategie en timing",
        "internal",
        [PositionInput(goal, s.ocw, "objects", "Geheime strategie")],
        me,
    )
    amendment = app.propose_amendment(
        goal,
        s.job,
        "Explicieter",
        date(2022, 9, 9),
        me,
        quote="een stage",
        replacement="een passende stage",
    )
    app.decide_amendment(goal, amendment, "adopted", date(2022, 9, 10), me, reason="Eens")
    rejected = app.propose_amendment(
        goal, s.mboraad, "Korter", date(2022, 9, 10), me, text="Stages voor iedereen."
    )
    app.decide_amendment(goal, rejected, "rejected", date(2022, 9, 11), me, reason="Te kort")
    app.propose_amendment(goal, s.ocw, "Nog open", date(2022, 9, 11), me, text="Open voorstel.")
    app.resolve_passage(goal, passage, "opgelost door amendement", date(2022, 9, 11), me)
    point = app.raise_discussion_point(
        s.agreement,
        "Salarismix",
        [{"key": "1", "label": "Scenario 1"}, {"key": "2a", "label": "Scenario 2a"}],
        date(2022, 9, 12),
        me,
        goal_id=goal,
    )
    app.state_preference(point, s.job, "2a", "beste optie", date(2022, 9, 12), me)
    app.state_preference(point, s.mboraad, "1", "goedkoper", date(2022, 9, 12), me)
    decision = app.record_decision(
        s.agreement,
        "MOCW",
        "34313238",
        "Salarismix",
        "Scenario 2a",
        date(2022, 9, 13),
        me,
        goal_ids=[goal],
        chooses=(point, "2a"),
    )
    app.revise_wording(
        goal,
        "Iedere student vindt een passende stage. Scholen helpen daarbij.",
        2,
        "besluit verwerkt",
        "substantive",
        date(2022, 9, 14),
        me,
        cause_type="decision",
        cause_id=decision,
    )
    app.revise_wording(
        goal,
        "Iedere student vindt een passende stage. Scholen helpen hierbij.",
        3,
        "taal",
        "editorial",
        date(2022, 9, 15),
        me,
    )
    corrected = app.record_position(
        goal, PositionInput(goal, s.mboraad, "objects", "Toch bezwaar"), date(2022, 9, 16), me
    )
    app.correct_position(
        corrected,
        stance="supports",
        summary="Vergissing, steunt",
        reason="typefout",
        recorded_by=me,
    )
    wrong = app.record_position(
        s.goal2,
        PositionInput(s.goal2, s.job, "blocks", "Verkeerd genoteerd"),
        date(2022, 9, 16),
        me,
    )
    app.retract_position(wrong, "verkeerde partij", me)
    app.change_goal_status(goal, "in_negotiation", "onderhandeling loopt", date(2022, 9, 17), me)
    app.change_goal_status(s.goal2, "dropped", "geschrapt", date(2022, 9, 18), me)
    app.move_milestone(s.agreement, "MR", date(2022, 10, 21), "uitstel", date(2022, 9, 18), me)
    app.freeze_baseline(s.agreement, "MR-versie", date(2022, 9, 19), me)
    app.add_goal(s.agreement, "K2", "KANS", "Nieuw doel", "Een nieuw doel.", date(2022, 9, 20), me)
    app.rename_party(s.job, "JOB-mbo", date(2022, 9, 20), me)
    for party in (s.ocw, s.job, s.mboraad):
        app.sign(s.agreement, party, me, date(2022, 12, 1), me)
    return Rich(s, internal.meeting_id, shared.meeting_id, internal.position_ids[0])
