"""Functions run in separate processes by test_concurrency.py (importable for 'spawn')."""

from __future__ import annotations

import threading
from datetime import date
from multiprocessing.synchronize import Barrier
from uuid import UUID

from onderhandeling.config import parse_database_url
from onderhandeling.domain import Goal
from onderhandeling.domain.errors import ConcurrentChange, DomainError, StaleVersion
from onderhandeling.service import Negotiations, PositionInput

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


def log_meetings_at_once(
    url: str,
    agreement: str,
    goals: list[str],
    parties: list[str],
    me: str,
    clients: int,
    barrier: Barrier,
) -> list[str]:
    """Several negotiators in this process each log a meeting with a position on every goal,
    all at the same moment (with the other process's negotiators)."""
    app = Negotiations(parse_database_url(url))
    outcomes: list[str] = []
    lock = threading.Lock()

    def negotiator(number: int) -> None:
        rows = [
            PositionInput(UUID(goal), UUID(parties[i % len(parties)]), "supports", f"{number}")
            for i, goal in enumerate(goals)
        ]
        barrier.wait(timeout=60)
        try:
            app.log_meeting(
                UUID(agreement),
                f"Overleg {number}",
                "bilateraal",
                DAY,
                [UUID(p) for p in parties],
                "",
                "shared",
                rows,
                UUID(me),
            )
            outcome = "stored"
        except DomainError as refused:
            outcome = f"refused: {refused.code}"
        except Exception as error:  # what a server would turn into a 500
            outcome = f"error: {type(error).__name__}: {error}"
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=negotiator, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    app.close()
    return outcomes
