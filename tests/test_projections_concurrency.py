"""Several processes catching up the same read models at once neither duplicate nor crash."""

from __future__ import annotations

import faulthandler
import gc
import multiprocessing
from typing import Any

from onderhandeling.config import parse_database_url
from onderhandeling.readmodel import projector, projector_of, rebuild
from onderhandeling.service import Negotiations
from tests.support.negotiation_builder import DAY, build_small
from tests.support.projections import clear_read_models, dump_rows


def catch_up_in_process(url: str, barrier: Any, results: Any) -> None:
    """Worker: open the store, wait for the other worker, then catch up in small batches so
    the two interleave. Every outcome, error or count, goes to results."""
    # A worker that hangs prints every thread's stack and exits, so the test fails with the
    # reason instead of waiting forever.
    faulthandler.dump_traceback_later(120, exit=True)
    projector.BATCH = 7
    try:
        app = Negotiations(parse_database_url(url))
    except Exception as error:
        barrier.abort()  # the other worker must not wait for us
        results.put(repr(error))
        return
    try:
        barrier.wait(timeout=300)
        results.put(projector_of(app).catch_up())
    except Exception as error:  # reported to the test, which fails on it
        results.put(repr(error))
    finally:
        app.close()


def test_two_processes_catching_up_at_once_apply_each_event_once(
    app: Negotiations, database_url: str
) -> None:
    """Two processes catch up from zero at the same moment: together they apply every
    notification exactly once and the rows equal a rebuild's."""
    s = build_small(app)
    text = "Iedere student vindt een stage."
    for version in range(1, 40):
        text = f"{text} Zin {version}."
        app.revise_wording(s.goal, text, version, "r", "substantive", DAY, s.me)
    clear_read_models(app)
    # Application objects left by earlier tests keep PostgreSQL connections until collected;
    # collect them so the two workers are not refused for "too many clients".
    gc.collect()
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    workers = [
        context.Process(target=catch_up_in_process, args=(database_url, barrier, results))
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=600) for _ in workers]
    for worker in workers:
        worker.join(timeout=120)
    assert all(isinstance(n, int) for n in outcomes), outcomes
    assert sum(outcomes) == app.recorder.max_notification_id()
    concurrent = dump_rows(app)
    rebuild(app)
    assert dump_rows(app) == concurrent
