"""Reads through the service's typed facade: typed results, one way to name a party, one shape
for a stance, no aggregate loaded to answer a read, and an API that describes every read."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from pydantic import Field

from onderhandeling.domain.errors import NotFound
from onderhandeling.service import (
    AgreementStateOut,
    GoalOut,
    MeetingOut,
    Negotiations,
    PositionInput,
    Result,
)
from onderhandeling.web.app import create_app
from tests.support.negotiation_builder import DAY, Small, build_small

PACKAGE = Path(__file__).resolve().parent.parent / "onderhandeling"


def _with_records(app: Negotiations) -> Small:
    small = build_small(app)
    app.propose_amendment(small.goal, small.job, "Korter", DAY, small.me, text="Iedere student.")
    app.mark_passage(small.goal, "stage", "nog open", [small.mboraad], DAY, small.me)
    app.log_meeting(
        small.agreement,
        "Bilateraal JOB",
        "bilateraal",
        date(2022, 9, 15),
        [small.ocw, small.job],
        "Gesprek",
        "shared",
        [PositionInput(small.goal, small.job, "conditional", "Onder voorwaarden")],
        small.me,
    )
    return small


def test_every_get_in_the_openapi_schema_describes_its_answer(app: Negotiations) -> None:
    """Each GET operation of the API declares a 200 response with a JSON schema."""
    schema = create_app(app).openapi()
    missing = []
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if get is None or not path.startswith("/api/"):
            continue
        content = get.get("responses", {}).get("200", {}).get("content", {})
        body: dict[str, Any] = content.get("application/json", {}).get("schema", {})
        if not body:
            missing.append(path)
    assert schema["paths"], "no paths in the schema"
    assert missing == []


def test_the_facade_returns_typed_results(app: Negotiations) -> None:
    """Goal, meeting and state reads come back as typed results, readable by key as well."""
    small = _with_records(app)
    goal = app.goal(small.goal)
    assert isinstance(goal, GoalOut) and goal["code"] == goal.code == "K1"
    meeting = app.meeting(UUID(app.meetings(small.agreement)[0].id))
    assert isinstance(meeting, MeetingOut)
    assert isinstance(app.agreement_state(small.agreement), AgreementStateOut)
    assert all(isinstance(p, Result) for p in app.parties())


def test_parties_are_named_by_code_and_name_in_a_goal(app: Negotiations) -> None:
    """Positions and amendments name their party by code and name; passages list codes."""
    small = _with_records(app)
    goal = app.goal(small.goal)
    (amendment,) = goal.amendments
    assert (amendment.party, amendment.party_name) == (
        "JOB",
        "Jongeren Organisatie Beroepsonderwijs",
    )
    assert "party_id" not in amendment
    (passage,) = goal.passages
    assert passage.aan_zet == ["MBORAAD"]
    (position,) = goal.positions
    assert (position.party, position.party_name) == ("JOB", "Jongeren Organisatie Beroepsonderwijs")


def test_a_stance_has_one_shape_per_goal_and_per_party(app: Negotiations) -> None:
    """The state gives a party's stance with the same fields under its goal and its party."""
    small = _with_records(app)
    state = app.agreement_state(small.agreement)
    by_goal = state.priorities[0].goals[0].stances["JOB"]
    job = next(p for p in state.parties if p.code == "JOB")
    assert job.stances["K1"] == by_goal
    assert job.stances["A1"].stance == "unknown"
    assert set(job.stances["A1"].keys()) == set(by_goal.keys())
    status_stance = app.status(small.agreement).priorities[0].goals[0].stances["JOB"]
    assert status_stance == by_goal


def test_no_read_loads_an_aggregate(app: Negotiations, monkeypatch: pytest.MonkeyPatch) -> None:
    """The facade answers every read from the read models, never from the event store."""
    small = _with_records(app)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a read loaded an aggregate")

    monkeypatch.setattr(app.repository, "get", refuse)
    app.goal(small.goal)
    app.agreement(small.agreement)
    app.status(small.agreement)
    app.meetings(small.agreement)
    app.decisions(small.agreement)
    assert app.goal_id(small.agreement, "K1") == small.goal
    assert app.goal_version(small.goal) == 1
    assert app.goal_diff(small.goal, 1).goal.version == 1
    assert app.person_name(small.me) == "Beleidsmedewerker"


def test_a_baseline_name_no_store_can_hold_is_not_found(app: Negotiations) -> None:
    """Changes since, or a comparison from, a name with a NUL character: no such baseline."""
    small = build_small(app)
    with pytest.raises(NotFound):
        app.changes_since(small.agreement, "CWIZO\x00")
    with pytest.raises(NotFound):
        app.compare(small.agreement, "CWIZO\x00")


def test_read_models_are_rebuilt_through_the_service(app: Negotiations) -> None:
    """rebuild_read_models replays the whole log and the reads answer as before."""
    small = _with_records(app)
    before = app.goal(small.goal)
    assert app.rebuild_read_models() > 0
    assert app.goal(small.goal) == before


def test_the_read_side_spells_no_confidentiality_value() -> None:
    """The read models, the service, the CLI and the API use the enum, not the text."""
    places = [
        *(PACKAGE / "readmodel").glob("*.py"),
        *(PACKAGE / "service").glob("*.py"),
        *(PACKAGE / "cli").glob("*.py"),
        *(PACKAGE / "web" / "pages").glob("*data*.py"),
        PACKAGE / "web" / "pages" / "agreement.py",
    ]
    spelled = [p.name for p in places if '"internal"' in p.read_text(encoding="utf-8")]
    assert spelled == []


class _Aliased(Result):
    from_: int = Field(alias="from")
    to: int
    later: int = Field(alias="to")


def test_a_result_is_read_by_alias_or_name_the_first_field_winning() -> None:
    """result[key] finds a field by its alias or its name (the first field that answers to
    the key, as a dictionary built field by field would); keys() and `in` speak aliases."""
    result = _Aliased.model_validate({"from": 1, "to": 2})
    assert result["from"] == result["from_"] == 1
    assert result["to"] == 2  # the field named "to" comes before the one aliased "to"
    assert result.get("later") == 2 and result.get("nothing", "-") == "-"
    with pytest.raises(KeyError):
        result["nothing"]
    assert result.keys() == ["from", "to", "to"]
    assert "from" in result and "to" in result and "from_" not in result and 3 not in result
