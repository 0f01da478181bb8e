"""A view built from several reads sees one snapshot: a change saved while it is being built
shows in all of it or in none (the goal page used to fail with a KeyError when a revision
landed between its reads of the versions and of the provenance)."""

from __future__ import annotations

import threading
from datetime import date

from starlette.testclient import TestClient

from onderhandeling.readmodel import wording_versions
from onderhandeling.readmodel.read_common import in_one_snapshot, read_models
from onderhandeling.service import Negotiations
from onderhandeling.web.app import create_app
from tests.support.negotiation_builder import DAY, build_small
from tests.support.page_world import build_world
from tests.support.pages import sign_in


def revise_in_another_thread(app: Negotiations, goal: object, me: object, text: str) -> None:
    # Another thread is another connection, as another request or process would be.
    def revise() -> None:
        app.revise_wording(goal, text, app.goal_version(goal), "tussendoor", "substantive", DAY, me)  # type: ignore[arg-type]

    worker = threading.Thread(target=revise)
    worker.start()
    worker.join(timeout=60)


def test_reads_nested_in_one_snapshot_do_not_see_a_save_made_meanwhile(
    app: Negotiations,
) -> None:
    """Between two reads of one view another writer saves and the read models catch up; the
    second read still sees what the first saw, and the next view sees the change."""
    small = build_small(app)

    @in_one_snapshot
    def two_reads(service: Negotiations, /) -> tuple[int, int]:
        first = len(wording_versions(service, small.goal))
        revise_in_another_thread(service, small.goal, small.me, "Een nieuwe tekst.")
        with read_models(service) as sql:
            current = sql.scalar(
                "SELECT current_version FROM proj_goals WHERE goal_id = ?", [str(small.goal)]
            )
        assert current == 1
        return first, len(wording_versions(service, small.goal))

    first, second = two_reads(app)
    assert first == second == 1
    assert len(wording_versions(app, small.goal)) == 2


def test_goal_page_stays_whole_while_the_wording_is_revised(app: Negotiations) -> None:
    """Forty goal pages read while another thread revises the goal: every one is a whole
    page (no 500)."""
    world = build_world(app)
    goal = world.goals["A1"]
    assert world.loader is not None
    me = world.loader
    client = TestClient(create_app(app), headers={"Accept": "text/html"})
    sign_in(client, "demo-stuurgroep")
    stop = threading.Event()

    def revise() -> None:
        version = 1
        while not stop.is_set() and version < 40:
            version = app.revise_wording(
                goal, f"Tekst {version}.", version, "r", "substantive", date(2022, 9, 2), me
            )

    writer = threading.Thread(target=revise)
    writer.start()
    statuses = []
    try:
        for n in range(40):
            # Not the remembered view: each request builds the page from the read models.
            answer = client.get(f"/doelstellingen/{goal}?geschiedenis=alles&n={n}")
            statuses.append(answer.status_code)
    finally:
        stop.set()
        writer.join(timeout=60)
    assert statuses == [200] * 40
