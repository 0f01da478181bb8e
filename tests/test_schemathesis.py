"""Property-based API tests: schemathesis sends generated requests from /openapi.json to the
ASGI app, as a negotiator with an API token. No request may cause a server error (on both
stores), and every answer keeps to what /openapi.json promises (all checks, on SQLite)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.openapi.checks import RejectedPositiveData
from starlette.testclient import TestClient

from onderhandeling.config import Database, parse_database_url
from onderhandeling.web.app import create_app
from tests.support.api_world import World, bearer, build_world

EXAMPLES = 10
# Codes of the world's parties, goal and priority, put where a valid body names them.
REAL_CODES: dict[str, Any] = {
    "party": "JOB",
    "goal": "K1",
    "priority": "KANS",
    "parties_present": ["JOB", "MBORAAD"],
    "goals": ["K1"],
    "aan_zet": ["JOB"],
    "parties": ["JOB"],
}


def with_real_codes(body: Any) -> Any:
    """The body with every party, goal and priority it names replaced by one that exists."""
    if isinstance(body, list):
        return [with_real_codes(item) for item in body]
    if not isinstance(body, dict):
        return body
    return {
        key: REAL_CODES[key] if key in REAL_CODES else with_real_codes(value)
        for key, value in body.items()
    }


@pytest.fixture
def schema_world(database: Database) -> Iterator[World]:
    """On each store: SQLite and PostgreSQL raise different errors for the same bad input."""
    world = build_world(database)
    yield world
    world.app.close()


@pytest.fixture
def sqlite_world(tmp_path: Path) -> Iterator[World]:
    """The all-checks run needs one store: what it checks is the HTTP layer, not the SQL."""
    world = build_world(parse_database_url(f"sqlite:///{tmp_path / 'store.sqlite'}"))
    yield world
    world.app.close()


def for_every_operation(
    world: World, mode: GenerationMode, check: Callable[[Any, dict[str, str]], None]
) -> None:
    """Run `check(case, headers)` on EXAMPLES generated cases of every API operation; in
    positive cases the path names the world's real agreement and goal."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(world.app))
    real = {"agreement_id": str(world.agreement), "goal_id": str(world.goal), "code": "K1"}
    headers = bearer(world.writer_token)

    def run(case: Any) -> None:
        if mode is GenerationMode.POSITIVE:
            if case.path_parameters:
                case.path_parameters = {
                    name: real.get(name, value) for name, value in case.path_parameters.items()
                }
            case.body = with_real_codes(case.body)
        check(case, headers)

    operations = [cast(Any, result).ok() for result in schema.get_all_operations()]
    assert len(operations) >= 30
    for operation in operations:
        settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )(given(case=operation.as_strategy(mode))(run))()


def test_no_request_causes_a_server_error(schema_world: World) -> None:
    """Generated bodies and queries against real agreement and goal ids never give a 5xx."""
    failures: list[str] = []

    def check(case: Any, headers: dict[str, str]) -> None:
        response = case.call(headers=headers)
        if response.status_code >= 500:
            failures.append(
                f"{case.method} {case.formatted_path} -> {response.status_code}: "
                f"{response.text[:300]}"
            )

    for_every_operation(schema_world, GenerationMode.POSITIVE, check)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_answer_keeps_to_the_schema(sqlite_world: World, mode: GenerationMode) -> None:
    """With all of schemathesis' checks, valid and invalid requests alike get only the
    statuses, content types and bodies /openapi.json declares, and invalid ones are refused."""
    failures: list[str] = []

    def check(case: Any, headers: dict[str, str]) -> None:
        response = case.call(headers=headers)
        try:
            case.validate_response(response, headers=headers, transport_kwargs={"headers": headers})
        except FailureGroup as group:
            failures.extend(
                describe(case, response, failure)
                for failure in group.exceptions
                if not refused_by_a_rule_of_state(response, failure)
            )
        except Failure as failure:
            if not refused_by_a_rule_of_state(response, failure):
                failures.append(describe(case, response, failure))

    for_every_operation(sqlite_world, mode, check)
    assert not failures, "\n".join(sorted(set(failures)))


# Refusals of well-formed input by a rule no JSON Schema can state, because it depends on what
# is stored (a wording version, a quote, the negotiation's start) or on two fields together.
RULES_OF_STATE = {
    "implausible-date",
    "quote-not-found",
    "ambiguous-quote",
    "not-present",
    "duplicate-position",
    "not-a-participant",
    "rule-violation",
}
# Invalid input of this kind, by field (the last part of a path such as
# positions.0.wording_version): a version the goal does not have (version, wording_version), a term
# that ends before it starts (term_end), a whole text and a quote both or neither (text), a
# revision's cause and its id both or neither (cause_id), a
# moment in the years 1900-2100 only in local time (known_at) or a reading date (as_of).
FIELDS_OF_STATE = {
    "version",
    "wording_version",
    "term_end",
    "text",
    "cause_id",
    "known_at",
    "as_of",
}


def refused_by_a_rule_of_state(response: Any, failure: Failure) -> bool:
    """A valid request the domain refused by a rule of state (not the request validation,
    whose refusal of schema-valid input would mean the schema is wrong)."""
    if not isinstance(failure, RejectedPositiveData) or response.status_code != 422:
        return False
    problem = response.json()
    if "errors" in problem:
        return False
    kind = problem["type"].removeprefix("/problems/")
    return kind in RULES_OF_STATE or (
        kind == "invalid-input"
        and str(problem.get("field", "")).rsplit(".", 1)[-1] in FIELDS_OF_STATE
    )


def describe(case: Any, response: Any, failure: Failure) -> str:
    return (
        f"{case.method} {case.path}: {failure.title} ({response.status_code} {response.text[:200]})"
    )


def test_a_nul_in_a_query_is_invalid_input(schema_world: World) -> None:
    """A NUL in `since`, `from` or `to` is a 422 problem on both stores (PostgreSQL cannot
    hold it: it was a 500 there)."""
    client = TestClient(create_app(schema_world.app), headers=bearer(schema_world.writer_token))
    base = f"/api/v1/agreements/{schema_world.agreement}"
    for path, query in (
        ("/changes", {"since": "a\x00"}),
        ("/compare", {"from": "a\x00"}),
        ("/compare", {"from": "CWIZO-versie", "to": "\x00"}),
    ):
        response = client.get(base + path, params=query)
        assert response.status_code == 422, (path, query)
        assert response.headers["content-type"] == "application/problem+json"
