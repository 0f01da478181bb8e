"""Corrections over the API: positions corrected and retracted, meetings corrected and
withdrawn, decisions corrected; each visible beside the original in the history, used by the
state, and absent from "as known at" a moment before it. And the plausibility rules, refused
with the field and the party named."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from starlette.testclient import TestClient

from onderhandeling.config import Database
from onderhandeling.web.app import create_app
from tests.support.api_world import MARKER, World, bearer, build_world


@pytest.fixture
def world(database: Database) -> Iterator[World]:
    built = build_world(database)
    yield built
    built.app.close()


@pytest.fixture
def client(world: World) -> TestClient:
    return TestClient(create_app(world.app), headers=bearer(world.writer_token))


@pytest.fixture
def committee(world: World) -> TestClient:
    return TestClient(create_app(world.app), headers=bearer(world.committee_token))


def now() -> str:
    return datetime.now(UTC).isoformat()


def state(client: TestClient, world: World, **query: str) -> dict[str, Any]:
    answer = client.get(f"/api/v1/agreements/{world.agreement}/state", params=query)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def stance_of(body: dict[str, Any], goal: str, party: str) -> dict[str, Any] | None:
    for priority in body["priorities"]:
        for found in priority["goals"]:
            if found["code"] == goal:
                stance: dict[str, Any] | None = found["stances"].get(party)
                return stance
    raise AssertionError(goal)


def history(client: TestClient, world: World, goal: str = "K1") -> list[dict[str, Any]]:
    answer = client.get(f"/api/v1/goals/{world.agreement}/K1/history")
    assert answer.status_code == 200, answer.text
    entries: list[dict[str, Any]] = answer.json()["entries"]
    return entries


def job_position(client: TestClient, world: World) -> dict[str, Any]:
    meeting = client.get(f"/api/v1/meetings/{world.shared_meeting}").json()
    return next(p for p in meeting["positions"] if p["party"] == "JOB")


def test_correcting_a_position_keeps_the_original_beside_it(
    client: TestClient, world: World
) -> None:
    """The corrected stance counts now; the history shows both; "as known at" a moment before
    the correction still shows the original."""
    before = now()
    original = job_position(client, world)
    answer = client.post(
        f"/api/v1/positions/{original['id']}/corrections",
        json={"stance": "objects", "reason": "verkeerd genoteerd"},
    )
    assert answer.status_code == 201, answer.text
    corrected = answer.json()["id"]

    assert stance_of(state(client, world), "K1", "JOB")["stance"] == "objects"  # type: ignore[index]
    earlier = stance_of(state(client, world, known_at=before), "K1", "JOB")
    assert earlier is not None and earlier["stance"] == "supports"

    meeting = client.get(f"/api/v1/meetings/{world.shared_meeting}").json()
    by_id = {p["id"]: p for p in meeting["positions"]}
    assert by_id[original["id"]]["replaced_by"] == corrected
    assert by_id[original["id"]]["standing"] is False
    assert by_id[corrected]["corrects"] == original["id"]
    assert by_id[corrected]["reason"] == "verkeerd genoteerd"
    positions = [e for e in history(client, world) if e["details"].get("party") == "JOB"]
    assert [e["details"]["stance"] for e in positions] == ["supports", "objects"]
    assert positions[1]["details"]["corrects"] == original["id"]


def test_a_position_is_corrected_once_and_a_correction_must_change_something(
    client: TestClient, world: World
) -> None:
    """A second correction of the same position is a conflict; an empty one is invalid."""
    original = job_position(client, world)
    url = f"/api/v1/positions/{original['id']}/corrections"
    same = client.post(url, json={"stance": "supports", "reason": "niets"})
    assert same.status_code == 422
    assert client.post(url, json={"stance": "objects"}).status_code == 422  # no reason
    assert client.post(url, json={"stance": "objects", "reason": "r"}).status_code == 201
    again = client.post(url, json={"stance": "neutral", "reason": "r"})
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"


def test_retracting_a_position_takes_it_out_of_the_state_not_the_history(
    client: TestClient, world: World
) -> None:
    """A retracted position no longer counts; its history entry stays, marked struck."""
    original = job_position(client, world)
    answer = client.post(
        f"/api/v1/positions/{original['id']}/retraction", json={"reason": "was er niet"}
    )
    assert answer.status_code == 200, answer.text
    assert stance_of(state(client, world), "K1", "JOB") is None
    entries = history(client, world)
    recorded = next(e for e in entries if e["details"].get("position_id") == original["id"])
    assert recorded["struck_at"] is not None
    assert any(e["kind"] == "position_retracted" for e in entries)
    again = client.post(f"/api/v1/positions/{original['id']}/retraction", json={"reason": "x"})
    assert again.status_code == 409


def test_correcting_a_meetings_date_moves_its_positions(client: TestClient, world: World) -> None:
    """Positions take the corrected date; as known before, the old date still shows."""
    before = now()
    answer = client.post(
        f"/api/v1/meetings/{world.shared_meeting}/corrections",
        json={"held_on": "2022-09-02", "title": "Begeleidingscommissie 2 sept", "reason": "datum"},
    )
    assert answer.status_code == 200, answer.text
    meeting = answer.json()
    assert meeting["held_on"] == "2022-09-02"
    assert meeting["corrections"] == 1
    assert [v["held_on"] for v in meeting["versions"]] == ["2022-09-05", "2022-09-02"]
    assert meeting["versions"][1]["reason"] == "datum"
    assert {p["effective_date"] for p in meeting["positions"]} == {"2022-09-02"}

    stance = stance_of(state(client, world), "K1", "JOB")
    assert stance is not None and stance["effective_date"] == "2022-09-02"
    assert stance["meeting"]["title"] == "Begeleidingscommissie 2 sept"
    old = stance_of(state(client, world, known_at=before), "K1", "JOB")
    assert old is not None and old["effective_date"] == "2022-09-05"
    assert old["meeting"]["title"] == "Begeleidingscommissie"
    # On 3 September (effective) the positions had been taken.
    assert stance_of(state(client, world, as_of="2022-09-03"), "K1", "JOB") is not None
    corrections = [e for e in history(client, world) if e["event"] == "Corrected"]
    assert corrections and corrections[0]["details"]["changed"]["effective_date"] == {
        "from": "2022-09-05",
        "to": "2022-09-02",
    }


def test_withdrawing_a_meeting_takes_its_positions_along(client: TestClient, world: World) -> None:
    """A withdrawn meeting's positions leave the state; the list marks it withdrawn."""
    before = now()
    answer = client.post(
        f"/api/v1/meetings/{world.shared_meeting}/withdrawal", json={"reason": "dubbel"}
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["withdrawn"] is True
    assert all(not p["standing"] for p in answer.json()["positions"])
    assert stance_of(state(client, world), "K1", "JOB") is None
    assert stance_of(state(client, world, known_at=before), "K1", "JOB") is not None
    listed = client.get(f"/api/v1/agreements/{world.agreement}/meetings").json()
    row = next(m for m in listed if m["id"] == str(world.shared_meeting))
    assert row["withdrawn"] is True and row["positions"] == 0
    again = client.post(
        f"/api/v1/meetings/{world.shared_meeting}/withdrawal", json={"reason": "nogmaals"}
    )
    assert again.status_code == 409
    late = client.post(
        f"/api/v1/meetings/{world.shared_meeting}/positions",
        json={"goal": "K2", "party": "JOB", "stance": "supports", "summary": "later"},
    )
    assert late.status_code == 409


def test_correcting_a_decision_keeps_its_versions(client: TestClient, world: World) -> None:
    """The decision reads corrected; its versions list the original with the reason."""
    answer = client.post(
        f"/api/v1/decisions/{world.decision}/corrections",
        json={"reference": "34313239", "reason": "kenmerk verkeerd overgenomen"},
    )
    assert answer.status_code == 200, answer.text
    decision = answer.json()
    assert decision["reference"] == "34313239"
    assert [v["reference"] for v in decision["versions"]] == ["34313238", "34313239"]
    listed = client.get(f"/api/v1/agreements/{world.agreement}/decisions").json()
    assert listed[0]["corrections"] == 1
    future = client.post(
        f"/api/v1/decisions/{world.decision}/corrections",
        json={"decided_on": "2099-01-01", "reason": "typefout"},
    )
    assert future.status_code == 422
    assert future.json()["field"] == "decided_on"


def test_the_committee_cannot_see_or_correct_internal_records(
    committee: TestClient, world: World
) -> None:
    """An internal meeting or decision does not exist for the committee; writes are refused."""
    assert committee.get(f"/api/v1/meetings/{world.internal_meeting}").status_code == 404
    listed = committee.get(f"/api/v1/agreements/{world.agreement}/meetings")
    assert MARKER not in listed.text
    decisions = committee.get(f"/api/v1/agreements/{world.agreement}/decisions")
    assert MARKER not in decisions.text and decisions.json() == []
    refused = committee.post(
        f"/api/v1/meetings/{world.shared_meeting}/withdrawal", json={"reason": "x"}
    )
    assert refused.status_code == 403


def meeting_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": "Bilateraal",
        "kind": "bilateraal",
        "held_on": "2022-09-20",
        "parties_present": ["JOB"],
        "positions": [{"goal": "K1", "party": "JOB", "stance": "supports", "summary": "Eens"}],
    }
    body.update(overrides)
    return body


@pytest.mark.parametrize("held_on", ["3000-01-01", "2099-12-31", "2022-08-31", "1901-10-17"])
def test_a_meeting_dated_in_the_future_or_before_the_start_is_refused(
    client: TestClient, world: World, held_on: str
) -> None:
    """Refused naming the field; nothing is stored."""
    before = client.get(f"/api/v1/agreements/{world.agreement}/meetings").json()
    answer = client.post(
        f"/api/v1/agreements/{world.agreement}/meetings", json=meeting_body(held_on=held_on)
    )
    assert answer.status_code == 422
    assert answer.json()["field"] == "held_on"
    assert client.get(f"/api/v1/agreements/{world.agreement}/meetings").json() == before


def test_a_position_of_a_party_not_present_names_party_and_field(
    client: TestClient, world: World
) -> None:
    """The problem names the row's field and the party by code and name."""
    body = meeting_body(
        positions=[
            {"goal": "K1", "party": "JOB", "stance": "supports", "summary": "Eens"},
            {"goal": "K1", "party": "MBORAAD", "stance": "objects", "summary": "Oneens"},
        ]
    )
    answer = client.post(f"/api/v1/agreements/{world.agreement}/meetings", json=body)
    assert answer.status_code == 422
    problem = answer.json()
    assert problem["field"] == "positions.1.party"
    assert "MBORAAD (MBO Raad)" in problem["detail"]
    assert "parties present" in problem["detail"]


def test_two_positions_of_a_party_on_a_goal_in_one_meeting_are_refused(
    client: TestClient, world: World
) -> None:
    """Opposite stances of one party on one goal in one meeting cannot both stand."""
    body = meeting_body(
        positions=[
            {"goal": "K1", "party": "JOB", "stance": "supports", "summary": "Eens"},
            {"goal": "K1", "party": "JOB", "stance": "blocks", "summary": "Oneens"},
        ]
    )
    answer = client.post(f"/api/v1/agreements/{world.agreement}/meetings", json=body)
    assert answer.status_code == 422
    assert answer.json()["field"] == "positions.1.party"
    assert answer.json()["type"].endswith("duplicate-position")


def test_a_position_of_a_party_outside_the_agreement_is_named(
    client: TestClient, world: World
) -> None:
    """Which party is outside the agreement is said by code and name."""
    client.post("/api/v1/parties", json={"code": "SBB", "name": "SBB-organisatie", "kind": "x"})
    answer = client.post(
        f"/api/v1/agreements/{world.agreement}/meetings",
        json=meeting_body(parties_present=["SBB"], positions=[]),
    )
    assert answer.status_code == 422
    assert "SBB (SBB-organisatie)" in answer.json()["detail"]
    assert answer.json()["field"] == "parties_present"


def test_the_wording_version_defaults_to_the_one_in_force_on_the_meeting_date(
    client: TestClient, world: World
) -> None:
    """A position from a meeting before a revision is about the earlier version and is
    flagged for reconfirmation."""
    revised = client.post(
        f"/api/v1/goals/{world.goal}/revisions",
        json={
            "text": "Iedere student vindt een goede stage.",
            "based_on": 1,
            "reason": "scherper",
            "effective_date": "2022-10-01",
        },
    )
    assert revised.status_code == 201, revised.text
    answer = client.post(
        f"/api/v1/agreements/{world.agreement}/meetings",
        json=meeting_body(held_on="2022-09-20"),
    )
    assert answer.status_code == 201, answer.text
    stance = stance_of(state(client, world), "K1", "JOB")
    assert stance is not None
    assert stance["wording_version"] == 1
    assert stance["needs_reconfirmation"] is True


def test_an_ambiguous_passage_quote_needs_its_occurrence(client: TestClient, world: World) -> None:
    """A quote that occurs twice is refused naming the field, accepted with its occurrence."""
    client.post(
        f"/api/v1/goals/{world.goal}/revisions",
        json={"text": "De student en de student.", "based_on": 1, "reason": "r"},
    )
    url = f"/api/v1/goals/{world.goal}/passages"
    assert client.post(url, json={"quote": "de student"}).status_code == 201  # once only
    refused = client.post(url, json={"quote": "student"})
    assert refused.status_code == 422
    assert refused.json()["field"] == "occurrence"
    accepted = client.post(url, json={"quote": "student", "occurrence": 2})
    assert accepted.status_code == 201, accepted.text
