"""The JSON API over HTTP: happy paths, problem details and the wording-version conflict."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import pytest
from starlette.testclient import TestClient

from onderhandeling.accounts.store import AccountStore
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
    """Acting as the negotiator, through an API token."""
    return TestClient(create_app(world.app), headers=bearer(world.writer_token))


def test_parties_are_listed_and_added(client: TestClient) -> None:
    """A writer adds a party by code and then finds it in the list."""
    created = client.post("/api/v1/parties", json={"code": "SBB", "name": "SBB", "kind": "wbl"})
    assert created.status_code == 201
    codes = [p["code"] for p in client.get("/api/v1/parties").json()]
    assert "SBB" in codes and "OCW" in codes


def test_an_agreement_is_started_with_priorities_and_parties(client: TestClient) -> None:
    """POST /agreements starts an agreement, adds its priorities and admits parties by code."""
    response = client.post(
        "/api/v1/agreements",
        json={
            "title": "Tweede akkoord",
            "term_start": "2024-01-01",
            "term_end": "2028-12-31",
            "priorities": [{"key": "P1", "title": "Eerste"}],
            "parties": [{"party": "JOB"}, {"party": "OCW", "role": "signatory"}],
        },
    )
    assert response.status_code == 201
    agreement = client.get(f"/api/v1/agreements/{response.json()['id']}").json()
    assert agreement["priorities"] == [{"key": "P1", "title": "Eerste"}]
    assert {p["code"] for p in agreement["parties"]} == {"JOB", "OCW"}
    assert response.json()["id"] in {a["id"] for a in client.get("/api/v1/agreements").json()}


def test_a_goal_is_drafted_and_read_by_id_and_by_code(client: TestClient, world: World) -> None:
    """A drafted goal reads the same under /goals/{id} and /goals/{agreement}/{code}."""
    created = client.post(
        f"/api/v1/agreements/{world.agreement}/goals",
        json={"code": "K3", "priority": "KANS", "title": "Nieuw", "wording": "Een tekst."},
    )
    assert created.status_code == 201
    by_id = client.get(f"/api/v1/goals/{created.json()['id']}").json()
    by_code = client.get(f"/api/v1/goals/{world.agreement}/K3").json()
    assert by_id == by_code
    assert by_id["wording"] == "Een tekst." and by_id["version"] == 1


def test_a_meeting_records_its_positions_atomically(client: TestClient, world: World) -> None:
    """A meeting with one bad position is refused whole; a good one records every position."""
    meeting = {
        "title": "Bestuurlijk overleg",
        "kind": "bestuurlijk",
        "held_on": "2022-09-20",
        "parties_present": ["JOB", "OCW"],
        "summary": "Overleg over K2",
        "positions": [
            {"goal": "K2", "party": "JOB", "stance": "supports", "summary": "Akkoord"},
            {"goal": "K9", "party": "OCW", "stance": "supports", "summary": "Akkoord"},
        ],
    }
    refused = client.post(f"/api/v1/agreements/{world.agreement}/meetings", json=meeting)
    assert refused.status_code == 422
    assert refused.json()["field"] == "positions.1.goal"
    assert client.get(f"/api/v1/goals/{world.goal2}").json()["positions"] == []

    meeting["positions"][1]["goal"] = "K2"  # type: ignore[index]
    logged = client.post(f"/api/v1/agreements/{world.agreement}/meetings", json=meeting)
    assert logged.status_code == 201
    assert len(logged.json()["position_ids"]) == 2
    assert len(client.get(f"/api/v1/goals/{world.goal2}").json()["positions"]) == 2


def test_a_revision_makes_the_next_version(client: TestClient, world: World) -> None:
    """A revision based on the current version is saved as the next version."""
    response = client.post(
        f"/api/v1/goals/{world.agreement}/K1/revisions",
        json={"text": "Iedere student vindt snel een stage.", "based_on": 1, "reason": "sneller"},
    )
    assert response.status_code == 201
    assert response.json() == {"version": 2}
    assert client.get(f"/api/v1/goals/{world.goal}").json()["version"] == 2


def test_a_stale_revision_is_a_409_naming_the_current_version(
    client: TestClient, world: World
) -> None:
    """A revision based on an old version is refused with 409 and current_version."""
    body = {"text": "Eerste wijziging.", "based_on": 1, "reason": "r"}
    assert client.post(f"/api/v1/goals/{world.goal}/revisions", json=body).status_code == 201
    body["text"] = "Tweede wijziging."
    stale = client.post(f"/api/v1/goals/{world.goal}/revisions", json=body)
    assert stale.status_code == 409
    assert stale.headers["content-type"] == "application/problem+json"
    assert stale.json()["current_version"] == 2
    assert stale.json()["status"] == 409


def test_amendments_are_proposed_and_decided(client: TestClient, world: World) -> None:
    """An adopted passage amendment makes a new wording version with the replacement."""
    proposed = client.post(
        f"/api/v1/goals/{world.goal}/amendments",
        json={"party": "JOB", "reason": "duidelijker", "quote": "een stage", "replacement": "werk"},
    )
    assert proposed.status_code == 201
    decided = client.post(
        f"/api/v1/goals/{world.goal}/amendments/{proposed.json()['id']}/decision",
        json={"outcome": "adopted"},
    )
    assert decided.status_code == 200
    assert decided.json() == {"version": 2}
    assert (
        client.get(f"/api/v1/goals/{world.goal}").json()["wording"] == "Iedere student vindt werk."
    )


def test_passages_are_marked_and_resolved(client: TestClient, world: World) -> None:
    """An open passage is marked on a quote and then resolved."""
    marked = client.post(
        f"/api/v1/goals/{world.agreement}/K1/passages",
        json={"quote": "stage", "note": "nog open", "aan_zet": ["MBORAAD"]},
    )
    assert marked.status_code == 201
    resolved = client.post(
        f"/api/v1/goals/{world.agreement}/K1/passages/{marked.json()['id']}/resolution",
        json={"note": "eens"},
    )
    assert resolved.status_code == 200
    passages = client.get(f"/api/v1/goals/{world.goal}").json()["passages"]
    assert [p["status"] for p in passages] != ["open"]


def test_decisions_baselines_and_signatures(client: TestClient, world: World) -> None:
    """Decisions are recorded, baselines frozen and listed, and the last signature completes."""
    decision = client.post(
        f"/api/v1/agreements/{world.agreement}/decisions",
        json={"decided_by": "MOCW", "title": "Besluit", "text": "Zo doen we het", "goals": ["K1"]},
    )
    assert decision.status_code == 201
    baseline = client.post(
        f"/api/v1/agreements/{world.agreement}/baselines", json={"name": "MR-versie"}
    )
    assert baseline.status_code == 201
    names = [
        b["name"] for b in client.get(f"/api/v1/agreements/{world.agreement}/baselines").json()
    ]
    assert names == ["CWIZO-versie", "MR-versie"]
    results = [
        client.post(
            f"/api/v1/agreements/{world.agreement}/signatures", json={"party": code}
        ).json()["completed"]
        for code in ("OCW", "JOB", "MBORAAD")
    ]
    assert results == [False, False, True]
    frozen = client.post(
        f"/api/v1/goals/{world.goal}/revisions",
        json={"text": "Te laat.", "based_on": 1, "reason": "r"},
    )
    assert frozen.status_code == 409
    assert frozen.json()["type"].endswith("agreement-signed")


def test_state_and_history_are_read(client: TestClient, world: World) -> None:
    """The agreement's state lists the goal's stances and the goal's history its events."""
    state = client.get(f"/api/v1/agreements/{world.agreement}/state").json()
    goals = [goal["code"] for p in state["priorities"] for goal in p["goals"]]
    assert goals == ["K1", "K2"]
    history = client.get(f"/api/v1/goals/{world.agreement}/K1/history").json()
    assert history["entries"][0]["event"] == "Drafted"


def test_diffs_and_history_are_data_not_markup_or_dutch_prose(
    client: TestClient, world: World
) -> None:
    """History, diff and comparison give word diffs as operations, and history entries as a
    kind code with their facts: no HTML and no Dutch sentences."""
    client.post(
        f"/api/v1/goals/{world.goal}/revisions",
        json={"text": "Iedere student vindt snel een stage.", "based_on": 1, "reason": "sneller"},
    )
    history = client.get(f"/api/v1/goals/{world.goal}/history")
    revised = next(e for e in history.json()["entries"] if e["kind"] == "wording_revised")
    assert {"kind": "insert", "text": "snel "} in revised["wording"]["diff"]
    assert (revised["goal_code"], revised["version"]) == ("K1", 2)
    compared = client.get(f"/api/v1/agreements/{world.agreement}/compare?from=CWIZO-versie")
    assert {"kind": "insert", "text": "snel "} in compared.json()["changed"][0]["diff"]
    diff = client.get(f"/api/v1/goals/{world.goal}/diff?from=1")
    for answer in (history, compared, diff):
        assert "<ins" not in answer.text and "ingevoegd" not in answer.text
    assert "summary" not in revised and "gewijzigd naar versie" not in history.text


def test_the_state_can_be_read_as_of_a_date(client: TestClient, world: World) -> None:
    """On the day before the first meeting, no party had a stance yet."""
    before = client.get(f"/api/v1/agreements/{world.agreement}/state?as_of=2022-09-04").json()
    after = client.get(f"/api/v1/agreements/{world.agreement}/state?as_of=2022-09-05").json()
    assert before["priorities"][0]["goals"][0]["stances"] == {}
    assert set(after["priorities"][0]["goals"][0]["stances"]) == {"JOB", "MBORAAD"}


def test_diff_provenance_compare_and_changes(client: TestClient, world: World) -> None:
    """After a revision, diff, provenance, baseline comparison and changes all show it."""
    client.post(
        f"/api/v1/goals/{world.goal}/revisions",
        json={"text": "Iedere student vindt snel een stage.", "based_on": 1, "reason": "sneller"},
    )
    diff = client.get(f"/api/v1/goals/{world.goal}/diff?from=1").json()
    assert {"kind": "insert", "text": "snel "} in diff["ops"]
    spans = client.get(f"/api/v1/goals/{world.agreement}/K1/provenance").json()["spans"]
    assert [s["version"] for s in spans if "snel" in s["text"]] == [2]
    compared = client.get(f"/api/v1/agreements/{world.agreement}/compare?from=CWIZO-versie")
    assert [g["code"] for g in compared.json()["changed"]] == ["K1"]
    changes = client.get(f"/api/v1/agreements/{world.agreement}/changes?since=CWIZO-versie")
    assert changes.status_code == 200
    assert "WordingRevised" in changes.text


def test_an_unknown_baseline_is_a_404(client: TestClient, world: World) -> None:
    """Changes since a name that is neither a date nor a baseline is a 404 problem."""
    response = client.get(f"/api/v1/agreements/{world.agreement}/changes?since=nope")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_unknown_records_are_404_problems(client: TestClient, world: World) -> None:
    """A missing agreement, goal or goal code is a 404 problem+json."""
    for path in (
        "/api/v1/agreements/00000000-0000-0000-0000-000000000000",
        "/api/v1/goals/00000000-0000-0000-0000-000000000000",
        f"/api/v1/goals/{world.agreement}/NOPE",
        "/api/v1/nothing-here",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["status"] == 404


def test_an_invalid_uuid_is_a_problem_never_a_500(client: TestClient) -> None:
    """A path id that is not a UUID gives a 4xx problem, not a server error."""
    for path in ("/api/v1/agreements/not-a-uuid", "/api/v1/goals/not-a-uuid/history"):
        response = client.get(path)
        assert response.status_code in (404, 422), path
        assert response.headers["content-type"] == "application/problem+json"


def test_invalid_input_is_a_422_naming_the_field(client: TestClient, world: World) -> None:
    """Domain and schema refusals of input are 422 problems with the field."""
    domain = client.post(
        f"/api/v1/agreements/{world.agreement}/goals",
        json={"code": "bad code!", "priority": "KANS", "title": "t", "wording": "w"},
    )
    assert domain.status_code == 422
    assert domain.json()["field"] == "code"
    schema = client.post("/api/v1/parties", json={"code": "X"})
    assert schema.status_code == 422
    assert schema.headers["content-type"] == "application/problem+json"
    assert schema.json()["field"].startswith("body")


def test_conflicts_are_409_problems(client: TestClient) -> None:
    """Adding a party code twice is a 409 problem."""
    body = {"code": "NRTO", "name": "NRTO", "kind": "privaat"}
    assert client.post("/api/v1/parties", json=body).status_code == 201
    again = client.post("/api/v1/parties", json=body)
    assert again.status_code == 409
    assert again.json()["type"].endswith("already-exists")


def test_reads_without_credentials_are_401(world: World) -> None:
    """An API request without a session or token is a 401 problem asking for a bearer token."""
    response = TestClient(create_app(world.app)).get("/api/v1/parties")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.headers["content-type"] == "application/problem+json"


def test_an_unknown_token_is_401(world: World) -> None:
    """A bearer token that was never issued does not authenticate."""
    client = TestClient(create_app(world.app), headers=bearer("ohd_made-up"))
    assert client.get("/api/v1/parties").status_code == 401


def test_server_errors_say_nothing_about_internals(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected exception becomes a generic 500 problem without its message."""

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"database password {MARKER}")

    monkeypatch.setattr(world.app, "parties", broken)
    client = TestClient(
        create_app(world.app), headers=bearer(world.writer_token), raise_server_exceptions=False
    )
    response = client.get("/api/v1/parties")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert MARKER not in response.text


def test_openapi_and_docs_are_self_contained(client: TestClient) -> None:
    """/openapi.json lists the API and /docs renders it without any outside asset."""
    schema = client.get("/openapi.json").json()
    assert "/api/v1/goals/{goal_id}/revisions" in schema["paths"]
    assert "/api/v1/goals/{agreement_id}/{code}/revisions" in schema["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/v1/agreements/{agreement_id}/meetings" in docs.text
    assert "http://" not in docs.text and "https://" not in docs.text


def test_a_meeting_for_a_missing_agreement_is_404(client: TestClient) -> None:
    """Logging a meeting under an agreement that does not exist is a 404, not a 422."""
    response = client.post(
        "/api/v1/agreements/00000000-0000-0000-0000-000000000000/meetings",
        json={
            "title": "Overleg",
            "kind": "ambtelijk",
            "held_on": "2022-09-20",
            "parties_present": ["JOB"],
            "positions": [{"goal": "K1", "party": "JOB", "stance": "supports", "summary": "ja"}],
        },
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "known_at=0001-01-01T00:00:00%2B01:00",
        "known_at=9999-12-31T23:00:00-05:00",
        "known_at=1899-12-31T12:00:00",
        "as_of=0001-01-01",
        "as_of=9001-01-01",
        "as_of=2101-01-01",
    ],
)
def test_a_far_off_date_on_the_state_is_invalid_input(
    client: TestClient, world: World, query: str
) -> None:
    """as_of and known_at outside the years 1900-2100 (known_at also once in UTC) are a 422
    problem, not a 500 from the read model's UTC conversion."""
    response = client.get(f"/api/v1/agreements/{world.agreement}/state?{query}")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["field"] == query.split("=")[0]


def test_dates_within_the_years_are_still_answered(client: TestClient, world: World) -> None:
    """The bounds leave ordinary dates alone."""
    query = "as_of=2022-12-31&known_at=2030-01-01T00:00:00%2B01:00"
    assert client.get(f"/api/v1/agreements/{world.agreement}/state?{query}").status_code == 200


def _correct(world: World, corrects: str, confidentiality: str, summary: str) -> UUID:
    me = AccountStore(world.app.database).get("onderhandelaar")
    assert me is not None
    return world.app.correct_position(
        UUID(corrects),
        stance="objects",
        summary=summary,
        confidentiality=confidentiality,
        reason="correctie",
        recorded_by=me.person_id,
    )


def test_the_committee_never_sees_the_id_of_an_internal_correction(world: World) -> None:
    """A shared position corrected internally looks current to the committee: its
    replaced_by is None and the correction's id appears nowhere in the goal; a later shared
    correction links straight back to the shared position."""
    committee = TestClient(create_app(world.app), headers=bearer(world.committee_token))
    negotiator = TestClient(create_app(world.app), headers=bearer(world.writer_token))
    job = str(world.app.party_id("JOB"))
    url = f"/api/v1/goals/{world.goal}"
    shared = next(p for p in committee.get(url).json()["positions"] if p["party_id"] == job)
    internal = str(_correct(world, shared["id"], "internal", f"Correctie {MARKER}"))

    answer = committee.get(url)
    assert internal not in answer.text
    seen = {p["id"]: p for p in answer.json()["positions"]}
    assert seen[shared["id"]]["replaced_by"] is None
    full = {p["id"]: p for p in negotiator.get(url).json()["positions"]}
    assert full[shared["id"]]["replaced_by"] == internal
    assert full[internal]["corrects"] == shared["id"]

    again = str(_correct(world, internal, "shared", "Gedeelde correctie"))
    answer = committee.get(url)
    assert internal not in answer.text
    seen = {p["id"]: p for p in answer.json()["positions"]}
    assert seen[shared["id"]]["replaced_by"] == again
    assert seen[again]["corrects"] == shared["id"]
    assert seen[again]["replaced_by"] is None


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


def test_a_position_may_be_logged_without_a_summary(client: TestClient, world: World) -> None:
    """As in the meeting grid: a stance alone is a position (the summary is optional)."""
    meeting = {
        "title": "Wandelgangen",
        "kind": "bilateraal",
        "held_on": "2022-09-20",
        "parties_present": ["OCW"],
        "positions": [{"goal": "K1", "party": "OCW", "stance": "supports"}],
    }
    logged = client.post(f"/api/v1/agreements/{world.agreement}/meetings", json=meeting)
    assert logged.status_code == 201, logged.text
    [new] = logged.json()["position_ids"]
    positions = client.get(f"/api/v1/goals/{world.goal}").json()["positions"]
    [position] = [p for p in positions if p["id"] == new]
    assert (position["stance"], position["summary"]) == ("supports", "")
