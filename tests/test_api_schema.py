"""What /openapi.json says about the API's errors and input, checked against what the app
and the domain do."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from fastapi import FastAPI
from starlette.requests import Request

from onderhandeling.config import parse_database_url
from onderhandeling.domain import values
from onderhandeling.domain.errors import InvalidInput
from onderhandeling.domain.plausibility import MAX_YEAR, MIN_YEAR
from onderhandeling.service import Negotiations
from onderhandeling.web import problems
from onderhandeling.web.api import schemas
from onderhandeling.web.app import create_app

PROBLEM = {"$ref": "#/components/schemas/ProblemDetails"}


@pytest.fixture(scope="module")
def openapi(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    store = tmp_path_factory.mktemp("schema") / "store.sqlite"
    service = Negotiations(parse_database_url(f"sqlite:///{store}"))
    yield create_app(service).openapi()
    service.close()


def operations(openapi: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, items in openapi["paths"].items():
        for method, operation in items.items():
            yield method, path, operation


def test_every_problem_response_is_declared_as_problem_json(openapi: dict[str, Any]) -> None:
    """Every error status an operation declares is application/problem+json with the
    ProblemDetails schema, and FastAPI's HTTPValidationError is gone."""
    assert "HTTPValidationError" not in openapi["components"]["schemas"]
    for method, path, operation in operations(openapi):
        errors = {s: r for s, r in operation["responses"].items() if int(s) >= 400}
        assert "401" in errors, (method, path)
        for status, response in errors.items():
            assert response["content"] == {problems.PROBLEM_JSON: {"schema": PROBLEM}}, status


def test_each_operation_declares_the_statuses_it_can_answer(openapi: dict[str, Any]) -> None:
    """Writes declare 400, 403, 409, 413 and 422; a path naming a record declares 404; a read
    without parameters declares only 401."""
    declared = {
        (method, path): {s for s in operation["responses"] if int(s) >= 400}
        for method, path, operation in operations(openapi)
    }
    assert declared[("post", "/api/v1/parties")] == {"400", "401", "403", "409", "413", "422"}
    assert declared[("post", "/api/v1/goals/{goal_id}/revisions")] >= {"404", "409", "422"}
    assert declared[("get", "/api/v1/goals/{goal_id}")] == {"401", "404", "422"}
    assert declared[("get", "/api/v1/parties")] == {"401"}


def test_the_problem_schema_names_the_members_the_app_sends(openapi: dict[str, Any]) -> None:
    """ProblemDetails has RFC 9457's members and the extensions field, errors,
    current_version and max_bytes, of which only the standard four are required."""
    schema = openapi["components"]["schemas"]["ProblemDetails"]
    assert set(schema["properties"]) == {
        "type",
        "title",
        "status",
        "detail",
        "instance",
        "field",
        "errors",
        "current_version",
        "max_bytes",
    }
    assert schema["required"] == ["type", "title", "status", "detail"]


def test_request_schemas_take_the_domains_values_and_limits(openapi: dict[str, Any]) -> None:
    """Enums and text limits in the request schemas are the domain's own."""
    components = openapi["components"]["schemas"]
    for enum in (values.Confidentiality, values.Stance, values.MeetingKind, values.Role):
        assert components[enum.__name__]["enum"] == [member.value for member in enum]
    position = components["PositionIn"]["properties"]
    assert position["summary"]["maxLength"] == values.MAX_TEXT
    assert position["goal"]["pattern"] == values.CODE_PATTERN
    assert components["GoalIn"]["properties"]["wording"]["maxLength"] == values.MAX_WORDING
    assert components["DecisionIn"]["properties"]["reference"]["maxLength"] == (
        values.MAX_REFERENCE
    )


def test_the_blank_pattern_knows_the_white_space_the_domain_strips() -> None:
    """A text of only white space (as str.isspace() sees it) fails the pattern, as the
    domain refuses it; one other character passes."""
    space = "".join(c for c in map(chr, range(0x110000)) if c.isspace())
    pattern = re.compile(schemas.NON_BLANK)
    assert pattern.search(space) is None
    assert all(pattern.search(c) is None for c in space)
    assert pattern.search(space + "a" + space) is not None
    assert pattern.search("a\x00") is None


def test_the_years_pattern_is_the_plausible_years() -> None:
    """The schema's date pattern takes exactly the years the domain accepts."""
    pattern = re.compile(schemas.YEARS)
    for year in (MIN_YEAR, 1999, 2026, MAX_YEAR):
        assert pattern.search(date(year, 1, 1).isoformat())
    for year in (MIN_YEAR - 1, MAX_YEAR + 1, 1):
        assert not pattern.search(date(year, 1, 1).isoformat())


def test_a_code_is_ascii_letters_digits_and_dot_dash_underscore() -> None:
    """The domain takes the codes the API's pattern shows, and refuses other letters."""
    assert values.code("code", "K1.a-b_C") == "K1.a-b_C"
    for bad in ("É1", "K 1", "K1\n", "K!"):
        with pytest.raises(InvalidInput):
            values.code("code", bad)


def test_an_error_page_without_the_pages_is_bare_dutch_html() -> None:
    """Without a renderer from the pages, the error page is still a Dutch HTML page."""
    request = Request({"type": "http", "app": FastAPI(), "headers": [], "path": "/x"})
    response = problems.error_page(request, 404)
    assert response.status_code == 404
    assert b'lang="nl"' in response.body and b"Pagina niet gevonden" in response.body
