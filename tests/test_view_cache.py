"""Remembered views (web/view_cache.py): never across audiences, never stale after a change
from this process or another, and the remembered route URLs equal Starlette's own."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from uuid import UUID

import pytest
from starlette.requests import Request
from starlette.testclient import TestClient

from onderhandeling.accounts.store import AccountStore
from onderhandeling.config import Database
from onderhandeling.service import Negotiations, PositionInput
from onderhandeling.web.app import create_app
from onderhandeling.web.pages.templating import url_for
from tests.support.api_world import MARKER, PASSWORD, World, bearer, build_world


@pytest.fixture
def world(database: Database) -> Iterator[World]:
    built = build_world(database)
    yield built
    built.app.close()


def signed_in(web: object, name: str) -> TestClient:
    client = TestClient(web, headers={"Accept": "text/html"})  # type: ignore[arg-type]
    page = client.get("/aanmelden").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    response = client.post(
        "/aanmelden",
        data={"naam": name, "wachtwoord": PASSWORD, "csrf_token": token.group(1)},
        follow_redirects=False,
    )
    assert response.status_code == 303
    return client


def test_the_committee_never_gets_a_view_remembered_for_the_ministry(world: World) -> None:
    """One app, so one cache: the ministry's views are made first and remembered, then the
    committee asks for the same routes and sees none of the internal content."""
    web = create_app(world.app)
    ministry_api = TestClient(web, headers=bearer(world.writer_token))
    committee_api = TestClient(web, headers=bearer(world.committee_token))
    ministry = signed_in(web, "onderhandelaar")
    committee = signed_in(web, "stuurgroep")
    routes = [
        (ministry_api, committee_api, f"/api/v1/agreements/{world.agreement}/state"),
        (ministry, committee, "/"),
        (ministry, committee, f"/doelstellingen/{world.goal}"),
    ]
    for insider, outsider, path in routes:
        assert MARKER in insider.get(path).text, path
        assert MARKER in insider.get(path).text, path  # now from the cache
        assert MARKER not in outsider.get(path).text, path
    assert web.state.views.hits >= 3


def test_only_the_goal_page_as_linked_is_remembered(world: World) -> None:
    """Stepping through versions or comparing two is made afresh each time (each would be a
    large entry seldom asked again); the page as opened from a link is remembered."""
    web = create_app(world.app)
    page = signed_in(web, "onderhandelaar")
    views = web.state.views
    for query in ("?versie=1", "?van=1&tot=1", "?geschiedenis=alles"):
        assert page.get(f"/doelstellingen/{world.goal}{query}").status_code == 200
    assert len(views) == 0
    page.get(f"/doelstellingen/{world.goal}")
    page.get(f"/doelstellingen/{world.goal}")
    assert (len(views), views.hits) == (1, 1)


def test_a_change_is_seen_at_once_whoever_made_it(world: World, database: Database) -> None:
    """After a write through the API, and after one by another process on the same store,
    the remembered state, dashboard and goal page show it on the next request."""
    web = create_app(world.app)
    api = TestClient(web, headers=bearer(world.writer_token))
    page = signed_in(web, "onderhandelaar")
    state = f"/api/v1/agreements/{world.agreement}/state"
    goal = f"/doelstellingen/{world.goal}"
    for path in (state, "/", goal):
        assert "Nieuw standpunt" not in (api if path == state else page).get(path).text
    response = api.post(
        f"/api/v1/agreements/{world.agreement}/meetings",
        json={
            "title": "Bilateraal",
            "kind": "bilateraal",
            "held_on": "2022-09-20",
            "parties_present": ["JOB"],
            "summary": "Kort overleg",
            "positions": [
                {"goal": "K2", "party": "JOB", "stance": "objects", "summary": "Nieuw standpunt"}
            ],
        },
    )
    assert response.status_code == 201, response.text
    assert "Nieuw standpunt" in api.get(state).text
    assert "Nieuw standpunt" in page.get("/").text
    other_process = Negotiations(database)
    job = next(UUID(p["id"]) for p in other_process.parties() if p["code"] == "JOB")
    recorder = AccountStore(database).get("onderhandelaar")
    assert recorder is not None
    other_process.record_position(
        world.goal,
        PositionInput(world.goal, job, "blocks", "Van elders"),
        date(2022, 9, 21),
        recorder.person_id,
    )
    other_process.close()
    assert "Van elders" in api.get(state).text
    assert "Van elders" in page.get(goal).text


@pytest.mark.parametrize("root_path", ["", "/onderhandeling"])
def test_remembered_route_urls_equal_starlettes(world: World, root_path: str) -> None:
    web = create_app(world.app)
    scope = {
        "type": "http",
        "app": web,
        "router": web.router,
        "scheme": "http",
        "server": ("testserver", 80),
        "root_path": root_path,
        "path": root_path + "/",
        "query_string": b"",
        "headers": [(b"host", b"testserver")],
    }
    request = Request(scope)
    context = {"request": request}
    cases = [
        ("page_goal", {"goal_id": str(world.goal)}),
        ("page_party", {"code": "JOB"}),
        ("page_party", {"code": "A Bü"}),  # not plain: Starlette's own path
        ("static", {"path": "app.css"}),
        ("page_dashboard", {}),
    ]
    for _ in range(2):  # the second round comes from the remembered patterns
        for name, params in cases:
            assert str(url_for(context, name, **params)) == str(request.url_for(name, **params))
