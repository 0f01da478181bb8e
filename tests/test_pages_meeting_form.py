"""The meeting form over HTTP: it names the agreement it logs into, draws a grid of stances
for the parties present and goals discussed, saves the grid's positions in one meeting, and
marks what it refuses at the grid's cell, with and without htmx."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from starlette.testclient import TestClient

from onderhandeling.domain.visibility import MINISTRY
from onderhandeling.service import Negotiations
from tests.support.page_world import World, build_world
from tests.support.pages import FUTURE, form_token, signed_in, soup, text_of

FORM = "/overleggen/nieuw"


@pytest.fixture
def world(app: Negotiations) -> World:
    return build_world(app)


@pytest.fixture
def client(app: Negotiations, world: World) -> Iterator[TestClient]:
    with signed_in(app, "demo-onderhandelaar") as test_client:
        yield test_client


def _cell(world: World, party: str, goal: str) -> str:
    return f"{world.parties[party]}-{world.goals[goal]}"


def _grid_form(client: TestClient, world: World, **cells: str) -> dict[str, Any]:
    """JOB and SBB present, K1 and A1 discussed, the grid drawn for them; cells: name of a
    field of the grid ("standpunt_JOB_K1") → value."""
    data: dict[str, Any] = {
        "csrf_token": form_token(client, FORM),
        "akkoord": str(world.agreement_id),
        "akkoord-getoond": str(world.agreement_id),
        "titel": "Ambtelijk overleg",
        "datum": "14-10-2022",
        "soort": "ambtelijk",
        "partijen": [str(world.parties["JOB"]), str(world.parties["SBB"])],
        "doelen": [str(world.goals["K1"]), str(world.goals["A1"])],
        "raster-partij": [str(world.parties["JOB"]), str(world.parties["SBB"])],
        "raster-doel": [str(world.goals["K1"]), str(world.goals["A1"])],
        "samenvatting": "",
    }
    for name, value in cells.items():
        field, party, goal = name.split("_")
        data[f"{field}-{_cell(world, party, goal)}"] = value
    return data


def test_the_form_names_the_agreement_it_logs_into(client: TestClient, world: World) -> None:
    """With one agreement the form chooses it, visibly: a select naming it, its parties by
    name with their code, its goals by code and title."""
    page = soup(client.get(FORM))
    chosen = page.select_one("#field-akkoord option[selected]")
    assert chosen is not None and chosen.get_text() == "Werkagenda mbo"
    assert chosen["value"] == str(world.agreement_id)
    parties = [text_of(page, f"label[for='{box['id']}']") for box in page.select("[name=partijen]")]
    assert "JOB (Jongeren Organisatie Beroepsonderwijs)" in parties
    goals = [text_of(page, f"label[for='{box['id']}']") for box in page.select("[name=doelen]")]
    assert goals == ["K1 Gelijke kansen op stage", "A1 Leven lang ontwikkelen"]


def test_with_several_agreements_the_form_asks_which_one(
    client: TestClient, app: Negotiations, world: World
) -> None:
    """The last agreement looked at is not chosen silently: without ?akkoord= the form asks;
    with it, that agreement is chosen and its goals offered."""
    other = app.start_agreement(
        "Stagepact", date(2023, 1, 1), date(2025, 12, 31), date(2022, 8, 15), world.loader
    )
    client.get(f"/akkoord/{other}")  # the agreement looked at last
    page = soup(client.get(FORM))
    assert page.select_one("#field-akkoord option[selected]") is None
    assert text_of(page, "#field-akkoord option") == "– kies een akkoord –"
    assert page.select("[name=doelen]") == []
    assert "Kies eerst het akkoord" in text_of(page, "#kies-akkoord")
    asked = soup(client.get(f"{FORM}?akkoord={world.agreement_id}"))
    assert len(asked.select("[name=doelen]")) == 2


def test_step_two_without_javascript_draws_the_grid(client: TestClient, world: World) -> None:
    """'Raster tonen' posts the form and gets it back with a row per party present and a
    stance choice per goal discussed, each labelled with party and goal."""
    data = _grid_form(client, world)
    data["stap"] = "raster"
    response = client.post(FORM, data=data)
    assert response.status_code == 200
    page = soup(response)
    rows = page.select("fieldset.app-grid__row")
    assert [" ".join(row.legend.get_text().split()) for row in rows] == [
        "JOB (Jongeren Organisatie Beroepsonderwijs)",
        "SBB (Samenwerkingsorganisatie Beroepsonderwijs Bedrijfsleven)",
    ]
    select = page.select_one(f"#field-standpunt-{_cell(world, 'JOB', 'K1')}")
    label = text_of(page, f"label[for='{select['id']}']")
    assert (
        label
        == "Standpunt van Jongeren Organisatie Beroepsonderwijs over K1 Gelijke kansen op stage"
    )
    assert select.select_one("option")["value"] == ""
    assert len(page.select("select.app-grid__stance")) == 4
    assert page.select_one("#field-titel")["value"] == "Ambtelijk overleg"


def test_htmx_gets_only_the_grid_or_the_agreements_choices(
    client: TestClient, world: World
) -> None:
    """htmx asks for the grid (target #raster) or the agreement's choices (#overleg-keuzes)
    and gets that part alone, keeping stances chosen so far."""
    data = _grid_form(client, world, standpunt_JOB_K1="objects")
    data["stap"] = "raster"
    grid = client.post(FORM, data=data, headers={"HX-Request": "true", "HX-Target": "raster"})
    fragment = soup(grid)
    assert fragment.select_one("form") is None and fragment.select_one("h1") is None
    chosen = fragment.select_one(f"#field-standpunt-{_cell(world, 'JOB', 'K1')} option[selected]")
    assert chosen["value"] == "objects"
    assert "HX-Request" in grid.headers["Vary"]
    data["stap"] = "akkoord"
    choices = client.post(
        FORM, data=data, headers={"HX-Request": "true", "HX-Target": "overleg-keuzes"}
    )
    part = soup(choices)
    assert part.select_one("#field-partijen") is not None
    assert part.select_one("#field-titel") is None


def test_posting_the_grid_logs_its_positions_in_one_meeting(
    client: TestClient, app: Negotiations, world: World
) -> None:
    """Each stance chosen becomes a position of the meeting, with the summary and conditions
    of its row; cells left at 'geen standpunt' are not positions."""
    data = _grid_form(
        client,
        world,
        standpunt_JOB_K1="supports",
        standpunt_JOB_A1="conditional",
        voorwaarden_JOB_A1="Met geld erbij",
        samenvatting_JOB_A1="Steunt als er geld bij komt",
        standpunt_SBB_A1="objects",
    )
    response = client.post(FORM, data=data, follow_redirects=False)
    assert response.status_code == 303, response.text
    meeting_id = response.headers["location"].rsplit("/", 1)[1]
    meeting = app.meeting(meeting_id, MINISTRY)  # type: ignore[arg-type]
    taken = {(p.party, p.goal, p.stance, p.summary, p.conditions) for p in meeting.positions}
    assert taken == {
        ("JOB", "K1", "supports", "", ""),
        ("JOB", "A1", "conditional", "Steunt als er geld bij komt", "Met geld erbij"),
        ("SBB", "A1", "objects", "", ""),
    }
    assert "met 3 standpunten" in client.get(response.headers["location"]).text


def test_htmx_save_navigates_to_the_new_meeting(client: TestClient, world: World) -> None:
    """Saved through htmx, the answer tells htmx to open the meeting's page."""
    data = _grid_form(client, world, standpunt_SBB_K1="neutral")
    headers = {"HX-Request": "true", "HX-Target": "overleg-formulier"}
    response = client.post(FORM, data=data, headers=headers)
    assert response.status_code == 204
    assert "/overleggen/" in response.headers["HX-Redirect"]


def test_a_summary_without_a_stance_is_marked_at_its_cell(client: TestClient, world: World) -> None:
    """Text in a row without its stance would be lost: the cell is marked, with htmx too
    (422, the form's content alone), and everything typed is kept."""
    data = _grid_form(client, world, samenvatting_SBB_K1="Twijfelt nog")
    headers = {"HX-Request": "true", "HX-Target": "overleg-formulier"}
    response = client.post(FORM, data=data, headers=headers)
    assert response.status_code == 422
    page = soup(response)
    assert page.select_one("h1") is None  # the form's content, swapped into the form
    key = f"standpunt-{_cell(world, 'SBB', 'K1')}"
    assert page.select_one("#foutoverzicht a")["href"] == f"#field-{key}"
    assert page.select_one(f"#field-{key}")["aria-invalid"] == "true"
    assert "Kies het standpunt van Samenwerkingsorganisatie" in text_of(page, f"#fout-{key}")
    summary = page.select_one(f"#field-samenvatting-{_cell(world, 'SBB', 'K1')}")
    assert summary.get_text() == "Twijfelt nog"
    assert summary.find_parent("details").has_attr("open")


def test_a_refusal_of_the_service_marks_the_cell_it_is_about(
    client: TestClient, world: World
) -> None:
    """A refusal the domain gives about one position (here: a summary over the limit) is
    marked at that position's field, naming its party and goal."""
    data = _grid_form(client, world, standpunt_JOB_K1="supports", standpunt_SBB_A1="blocks")
    data[f"samenvatting-{_cell(world, 'SBB', 'A1')}"] = "x" * 5_001
    page = soup(client.post(FORM, data=data))
    key = f"samenvatting-{_cell(world, 'SBB', 'A1')}"
    assert page.select_one(f"#field-{key}")["aria-invalid"] == "true"
    assert text_of(page, f"#fout-{key}").startswith(
        "Fout: Standpunt van Samenwerkingsorganisatie Beroepsonderwijs Bedrijfsleven over A1 "
        "Leven lang ontwikkelen:"
    )


def test_a_grid_drawn_for_other_parties_is_shown_again_not_saved(
    client: TestClient, app: Negotiations, world: World
) -> None:
    """Without JavaScript a party ticked after drawing the grid has no row yet: nothing is
    saved, the grid comes back with its row."""
    data = _grid_form(client, world, standpunt_JOB_K1="supports")
    data["partijen"] = [*data["partijen"], str(world.parties["MBORAAD"])]
    before = len(app.meetings(world.agreement_id))
    response = client.post(FORM, data=data)
    assert response.status_code == 422
    page = soup(response)
    assert "bijgewerkt" in text_of(page, "#fout-raster")
    assert len(page.select("fieldset.app-grid__row")) == 3
    assert len(app.meetings(world.agreement_id)) == before


def test_meeting_facts_missing_are_all_marked_at_once(client: TestClient, world: World) -> None:
    """No title, no party, an unreadable date: each marked, in Dutch."""
    data = _grid_form(client, world)
    data.update(titel="", datum="31-02-2022", partijen=[], doelen=[])
    page = soup(client.post(FORM, data=data))
    assert set(a["href"] for a in page.select("#foutoverzicht a")) >= {
        "#field-titel",
        "#field-datum",
        "#field-partijen",
    }


def test_a_future_date_is_refused_at_the_date(client: TestClient, world: World) -> None:
    """The domain's refusal of a meeting in the future is marked at the date field."""
    data = _grid_form(client, world, standpunt_JOB_K1="supports")
    data["datum"] = FUTURE
    page = soup(client.post(FORM, data=data))
    assert "Deze datum ligt in de toekomst." in text_of(page, "#fout-datum")
    assert page.select_one("#field-datum")["value"] == FUTURE


def test_a_signed_agreement_is_marked_and_a_later_meeting_refused(
    client: TestClient, app: Negotiations, world: World
) -> None:
    """A signed agreement is marked in the choice and warned about on the form; a meeting
    after the signing cannot add positions (refused at the date, in Dutch)."""
    by = world.loader
    assert by is not None
    day = date(2022, 8, 15)
    signed = app.start_agreement("Stagepact", date(2023, 1, 1), date(2025, 12, 31), day, by)
    app.admit_party(signed, world.parties["JOB"], "signatory", day, by)
    app.add_priority(signed, "s", "Stages", day, by)
    goal = app.add_goal(signed, "S1", "s", "Stagepact", "Iedereen een stage.", day, by)
    app.sign(signed, world.parties["JOB"], by, date(2022, 10, 1), by)
    page = soup(client.get(f"{FORM}?akkoord={signed}"))
    assert text_of(page, "#field-akkoord option[selected]") == (
        "Stagepact (ondertekend op 1 oktober 2022)"
    )
    assert "ondertekend op 1 oktober 2022" in text_of(page, "#akkoord-ondertekend")
    cell = f"{world.parties['JOB']}-{goal}"
    data = {
        "csrf_token": form_token(client, FORM),
        "akkoord": str(signed),
        "akkoord-getoond": str(signed),
        "titel": "Na de ondertekening",
        "datum": "14-10-2022",
        "soort": "bilateraal",
        "partijen": [str(world.parties["JOB"])],
        "doelen": [str(goal)],
        "raster-partij": [str(world.parties["JOB"])],
        "raster-doel": [str(goal)],
        f"standpunt-{cell}": "objects",
    }
    refused = soup(client.post(FORM, data=data))
    assert "Dit akkoord is ondertekend op 1 oktober 2022" in text_of(refused, "#fout-datum")


def test_choosing_another_agreement_without_its_step_is_refused(
    client: TestClient, world: World
) -> None:
    """Parties chosen for one agreement are not logged into another picked afterwards."""
    data = _grid_form(client, world, standpunt_JOB_K1="supports")
    data["akkoord-getoond"] = "00000000-0000-0000-0000-000000000001"
    page = soup(client.post(FORM, data=data))
    assert "U koos een ander akkoord" in text_of(page, "#fout-akkoord")


def test_committee_may_not_log_a_meeting(app: Negotiations, world: World) -> None:
    """The steering committee gets 403 on the meeting form."""
    with signed_in(app, "demo-stuurgroep") as committee:
        assert committee.get(FORM).status_code == 403
