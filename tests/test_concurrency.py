"""Two real processes writing the same goal at once: one wins, the other is refused, and
nothing is half-written."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable

from onderhandeling.service import Negotiations
from tests.support import concurrency_workers
from tests.support.negotiation_builder import DAY, build_small


def run_pair(worker: Callable[..., str], url: str, goal: str, me: str) -> list[str]:
    context = multiprocessing.get_context("spawn")
    barrier = context.Manager().Barrier(2)
    with context.Pool(2) as pool:
        results = [
            pool.apply_async(worker, (url, goal, me, f"Versie van proces {n}", barrier))
            for n in (1, 2)
        ]
        return sorted(result.get(timeout=120) for result in results)


def test_two_processes_saving_same_goal_one_conflicts(app: Negotiations, database_url: str) -> None:
    """At store level one save wins and the other gets a conflict; the goal has one new version."""
    small = build_small(app)
    outcome = run_pair(
        concurrency_workers.save_same_goal, database_url, str(small.goal), str(small.me)
    )
    assert outcome == ["conflict", "saved"]
    fresh = Negotiations(app.database)
    goal = fresh.goal(small.goal)
    assert goal["version"] == 2
    assert goal["wording"] in ("Versie van proces 1", "Versie van proces 2")
    fresh.close()


def test_two_negotiators_revising_at_once_never_lose_a_change(
    app: Negotiations, database_url: str
) -> None:
    """Through the service the loser is told the current version, so no change is lost silently."""
    small = build_small(app)
    outcome = run_pair(
        concurrency_workers.revise_through_service, database_url, str(small.goal), str(small.me)
    )
    assert outcome == ["saved:2", "stale:2"]


def test_processes_starting_at_once_on_an_empty_store_all_start(database_url: str) -> None:
    """Four workers creating the store's tables at the same moment: none of them crashes
    (on PostgreSQL the library's DDL raced with "tuple concurrently updated")."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Manager().Barrier(4)
    with context.Pool(4) as pool:
        results = [
            pool.apply_async(concurrency_workers.open_store, (database_url, barrier))
            for _ in range(4)
        ]
        assert [result.get(timeout=120) for result in results] == ["started"] * 4


def test_twenty_negotiators_logging_meetings_on_the_same_goals_are_all_stored(
    app: Negotiations, database_url: str
) -> None:
    """Two processes with ten negotiators each log a 5-position meeting on the same five goals
    at the same moment: nothing they based their input on is stale, so none is refused."""
    small = build_small(app)
    goals = [small.goal, small.goal2]
    for code in ("K2", "K3", "K4"):
        goals.append(app.add_goal(small.agreement, code, "KANS", code, "Tekst.", DAY, small.me))
    parties = [str(p) for p in (small.ocw, small.job, small.mboraad)]
    context = multiprocessing.get_context("spawn")
    barrier = context.Manager().Barrier(20)
    with context.Pool(2) as pool:
        results = [
            pool.apply_async(
                concurrency_workers.log_meetings_at_once,
                (
                    database_url,
                    str(small.agreement),
                    [str(g) for g in goals],
                    parties,
                    str(small.me),
                    10,
                    barrier,
                ),
            )
            for _ in range(2)
        ]
        outcomes = [outcome for result in results for outcome in result.get(timeout=180)]
    assert outcomes == ["stored"] * 20
    fresh = Negotiations(app.database)
    meetings = fresh.meetings(small.agreement)
    assert len(meetings) == 20
    assert sum(m["positions"] for m in meetings) == 100
    fresh.close()
