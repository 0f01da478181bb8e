"""Functions run in separate processes by test_concurrency.py (importable for 'spawn')."""

from __future__ import annotations

from datetime import date
from multiprocessing.synchronize import Barrier
from uuid import UUID

from onderhandeling.application import Negotiations
from onderhandeling.config import parse_database_url
from onderhandeling.domain import Goal
from onderhandeling.domain.errors import ConcurrentChange, StaleVersion

DAY = date(2022, 9, 1)


def save_same_goal(url: str, goal_id: str, me: str, text: str, barrier: Barrier) -> str:
    """Load the goal, change it, wait for the other process, then both save at once."""
    app = Negotiations(parse_database_url(url))
    goal = app.load(Goal, UUID(goal_id))
    goal.revise_wording(text, 1, "gelijktijdig", "substantive", "none", None, DAY, UUID(me))
    barrier.wait(timeout=30)
    try:
        app.store(goal)
    except ConcurrentChange:
        return "conflict"
    finally:
        app.close()
    return "saved"


def revise_through_service(url: str, goal_id: str, me: str, text: str, barrier: Barrier) -> str:
    """Two negotiators both revise version 1 through the service at the same moment."""
    app = Negotiations(parse_database_url(url))
    barrier.wait(timeout=30)
    try:
        version = app.revise_wording(
            UUID(goal_id), text, 1, "gelijktijdig", "substantive", DAY, UUID(me)
        )
    except StaleVersion as refused:
        return f"stale:{refused.current_version}"
    finally:
        app.close()
    return f"saved:{version}"


def open_store(url: str, barrier: Barrier) -> str:
    """Start the application at the same moment as the other processes (web workers do)."""
    barrier.wait(timeout=30)
    app = Negotiations(parse_database_url(url))
    app.close()
    return "started"
