"""Goals are loaded from a snapshot plus the events after it, so a long-revised goal is never
replayed whole; the snapshot gives exactly the goal the events give."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from eventsourcing.application import project_aggregate

from onderhandeling.domain import Goal
from onderhandeling.service import Negotiations
from onderhandeling.service.base import SNAPSHOT_EVERY
from tests.support.negotiation_builder import DAY, build_small


def without_bookkeeping(goal: Goal) -> dict[str, Any]:
    return {k: v for k, v in vars(goal).items() if k not in ("_pending_events",)}


def test_a_goal_loaded_from_its_snapshot_equals_the_goal_its_events_give(
    app: Negotiations, database: Any
) -> None:
    """After more than SNAPSHOT_EVERY events a snapshot exists, and a new process loading the
    goal from it sees every wording, amendment and passage the full replay sees."""
    small = build_small(app)
    goal = small.goal
    amendment = app.propose_amendment(
        goal, small.job, "Scherper", DAY, small.me, quote="een stage", replacement="werk"
    )
    app.mark_passage(goal, "Iedere student", "Wie?", [small.mboraad], DAY, small.me)
    for n in range(SNAPSHOT_EVERY + 5):
        app.revise_wording(
            goal,
            f"Iedere student vindt een stage, versie {n}.",
            n + 1,
            "r",
            "substantive",
            DAY + timedelta(days=n % 30),
            small.me,
        )
    app.decide_amendment(goal, amendment, "rejected", date(2022, 10, 5), small.me, reason="nee")
    snapshots = list(app.snapshots.get(goal)) if app.snapshots else []
    assert snapshots, "no snapshot was taken"

    fresh = Negotiations(database)
    try:
        from_snapshot = fresh.load(Goal, goal)
        replayed = project_aggregate(None, fresh.events.get(goal))
        assert replayed is not None
        assert without_bookkeeping(from_snapshot) == without_bookkeeping(replayed)
        assert from_snapshot.version_in_force(DAY + timedelta(days=3)) == replayed.version_in_force(
            DAY + timedelta(days=3)
        )
    finally:
        fresh.close()
