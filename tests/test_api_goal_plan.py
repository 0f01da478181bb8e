"""The JSON API sets a goal's indicators and actions through the service, with the same rules
as the page: parties by code, a plausible date, a due day not before the negotiation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from onderhandeling.config import Database
from onderhandeling.web.app import create_app
from tests.support.api_world import World, bearer, build_world


@pytest.fixture
def world(database: Database) -> Iterator[World]:
    built = build_world(database)
    yield built
    built.app.close()


@pytest.fixture
def client(world: World) -> TestClient:
    return TestClient(create_app(world.app), headers=bearer(world.writer_token))


def test_indicators_and_actions_are_set_and_read_back(client: TestClient, world: World) -> None:
    """PUT replaces them; GET /goals/{id} gives them back, actions naming party ids."""
    url = f"/api/v1/goals/{world.goal}"
    body = {"indicators": ["Aantal stages"], "effective_date": "2022-10-01"}
    assert client.put(f"{url}/indicators", json=body).status_code == 200
    actions = [{"what": "Stagefonds", "parties": ["JOB"], "due": "2023-06-01"}]
    body = {"actions": actions, "effective_date": "2022-10-01"}
    assert client.put(f"{url}/actions", json=body).status_code == 200
    goal = client.get(url).json()
    assert goal["indicators"] == ["Aantal stages"]
    assert [(a["what"], a["due"], len(a["parties"])) for a in goal["actions"]] == [
        ("Stagefonds", "2023-06-01", 1)
    ]


@pytest.mark.parametrize(
    ("action", "field"),
    [
        ({"what": "X", "parties": ["ONBEKEND"]}, "actions.0.parties"),
        ({"what": "X", "due": "1999-01-01"}, "actions.0.due"),
    ],
)
def test_an_impossible_action_is_a_problem_naming_its_field(
    client: TestClient, world: World, action: dict[str, object], field: str
) -> None:
    """An unknown party or a due day before the negotiation began is refused (422)."""
    body = {"actions": [action], "effective_date": "2022-10-01"}
    refused = client.put(f"/api/v1/goals/{world.goal}/actions", json=body)
    assert refused.status_code == 422
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["field"] == field
