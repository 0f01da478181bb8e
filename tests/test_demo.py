"""The demo negotiation (Werkagenda mbo 2022) loads through the public commands."""

from __future__ import annotations

import io
from pathlib import Path
from uuid import UUID

import pytest

from onderhandeling.demo.loader import DemoRefused, demo_data, load_demo
from onderhandeling.service import Negotiations
from onderhandeling.service.transfer import export_events, import_events


@pytest.fixture
def demo_app(app: Negotiations) -> Negotiations:
    load_demo(app)
    return app


def test_demo_has_three_priorities_ten_goals_and_ten_parties(demo_app: Negotiations) -> None:
    """The demo gives the three priorities, at least 10 goals and at least 10 parties."""
    status = demo_app.status(demo_app.agreement_ids()[0])
    assert [p["title"] for p in status["priorities"]] == [
        "Kansengelijkheid",
        "Aansluiting onderwijs en arbeidsmarkt",
        "Kwaliteit, onderzoek en innovatie",
    ]
    assert sum(len(p["goals"]) for p in status["priorities"]) >= 10
    assert len(status["parties"]) >= 10


def test_demo_holds_the_seeds_landmarks(demo_app: Negotiations) -> None:
    """LLO goals, baselines, the moved signing and the signatures are all there."""
    agreement = demo_app.agreement(demo_app.agreement_ids()[0])
    titles = {g["code"]: demo_app.goal(UUID(g["id"]))["title"] for g in agreement["goals"]}
    for title in ("Teruggeleiding naar school", "Inburgering", "Ontsluiten publieke investeringen"):
        assert title in titles.values()
    assert {"CWIZO-versie", "MR-versie"} <= {b["name"] for b in agreement["baselines"]}
    signing = next(m for m in agreement["milestones"] if len(m["moves"]) >= 2)
    assert signing["moves"][0]["from"] == "2022-10-17"
    assert agreement["signed_on"] is not None


def test_demo_records_an_adopted_post_it(demo_app: Negotiations) -> None:
    """The bij- en omscholing post-it is an adopted amendment that made a new version."""
    agreement = demo_app.agreement(demo_app.agreement_ids()[0])
    adopted = [
        a
        for g in agreement["goals"]
        for a in demo_app.goal(UUID(g["id"]))["amendments"]
        if a["outcome"] == "adopted" and a["resulting_version"]
    ]
    assert adopted


def test_demo_refuses_a_store_with_data(demo_app: Negotiations) -> None:
    """Loading the demo twice is refused and adds nothing."""
    before = demo_app.recorder.max_notification_id()
    with pytest.raises(DemoRefused, match="not empty"):
        load_demo(demo_app)
    assert demo_app.recorder.max_notification_id() == before


def test_demo_file_marks_invented_content() -> None:
    """Content the seeds do not give is marked illustrative in the data file."""
    data = demo_data()
    assert any(step.get("illustrative") for step in data["steps"])


def test_demo_export_import_export_is_byte_identical(
    demo_app: Negotiations, second_store: Negotiations, tmp_path: Path
) -> None:
    """The whole demo log survives export → import → export byte for byte."""
    first = io.StringIO()
    export_events(demo_app, first)
    path = tmp_path / "demo.jsonl"
    path.write_text(first.getvalue(), encoding="utf-8")
    import_events(second_store, path)
    second = io.StringIO()
    export_events(second_store, second)
    assert second.getvalue() == first.getvalue()


def test_beside_the_signed_demo_a_practice_agreement_takes_every_edit(
    demo_app: Negotiations,
) -> None:
    """The Werkagenda is signed and frozen; the practice agreement is not, and its goals have
    an open passage and a pending amendment to act on."""
    from datetime import date

    from onderhandeling.demo.practice import PRACTICE_TITLE

    werkagenda, practice = (UUID(a["id"]) for a in demo_app.agreements())
    assert demo_app.agreement(werkagenda)["signed_on"] is not None
    about = demo_app.agreement(practice)
    assert about["title"] == PRACTICE_TITLE and about["signed_on"] is None
    assert len(about["goals"]) == 3
    goals = [demo_app.goal(UUID(g["id"])) for g in about["goals"]]
    by = demo_app.register_person("Tester", date(2023, 3, 2))
    on = date(2023, 3, 2)
    passage = next(g for g in goals if g["passages"])
    amended = next(g for g in goals if g["amendments"])
    assert passage["passages"][0]["quote"] in passage["wording"]
    demo_app.resolve_passage(
        UUID(passage["id"]), UUID(passage["passages"][0]["id"]), "Afgestemd.", on, by
    )
    version = demo_app.decide_amendment(
        UUID(amended["id"]), UUID(amended["amendments"][0]["id"]), "adopted", on, by
    )
    assert version == 2
    assert demo_app.goal(UUID(amended["id"]))["wording"].endswith("Dit is een oefenvoorstel.")
    goal = UUID(goals[1]["id"])
    assert demo_app.revise_wording(goal, "Nieuwe oefentekst.", 1, "oefening", "editorial", on, by)
