"""Property-based API test: schemathesis sends generated requests from /openapi.json to the
ASGI app, as a negotiator with an API token, and no request may cause a server error."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, cast

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from onderhandeling.config import Database
from onderhandeling.web.app import create_app
from tests.test_api import World, bearer, build_world


@pytest.fixture
def schema_world(database: Database) -> Iterator[World]:
    """On each store: SQLite and PostgreSQL raise different errors for the same bad input."""
    world = build_world(database)
    yield world
    world.app.close()


def test_no_request_causes_a_server_error(schema_world: World) -> None:
    """Generated bodies and queries against real agreement and goal ids never give a 5xx."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(schema_world.app))
    real = {
        "agreement_id": str(schema_world.agreement),
        "goal_id": str(schema_world.goal),
        "code": "K1",
    }
    headers = bearer(schema_world.writer_token)
    failures: list[str] = []

    def check(case: Any) -> None:
        if case.path_parameters:
            case.path_parameters = {
                name: real.get(name, value) for name, value in case.path_parameters.items()
            }
        response = case.call(headers=headers)
        if response.status_code >= 500:
            failures.append(
                f"{case.method} {case.formatted_path} -> {response.status_code}: "
                f"{response.text[:300]}"
            )

    operations = [cast(Any, result).ok() for result in schema.get_all_operations()]
    assert len(operations) >= 30
    for operation in operations:
        run = settings(
            max_examples=10,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )(given(case=operation.as_strategy())(check))
        run()
    assert not failures, "\n".join(failures)
