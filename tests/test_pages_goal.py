"""The goal page's writers' forms over HTTP, without JavaScript and with htmx: a revision
names its cause and the history shows it; indicators and actions are shown and edited, with
Dutch refusals at the field (a 422 that htmx swaps into the block)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from onderhandeling.service import Negotiations
from tests.support.page_world import WORDING_2, World, build_world
from tests.support.pages import signed_in, soup


@pytest.fixture
def world(app: Negotiations) -> World:
    return build_world(app)


@pytest.fixture
def client(app: Negotiations, world: World) -> Iterator[TestClient]:
    with signed_in(app, "demo-onderhandelaar") as test_client:
        yield test_client


def goal_path(world: World) -> str:
    return f"/doelstellingen/{world.goals['K1']}"


def post(client: TestClient, world: World, action: str, data: dict[str, Any], **kw: Any) -> Any:
    """Post one of the goal page's forms as a browser without JavaScript would."""
    page = soup(client.get(goal_path(world)))
    token = page.find("input", attrs={"name": "csrf_token"})["value"]
    return client.post(
        f"{goal_path(world)}/{action}",
        data={"csrf_token": token, **data},
        follow_redirects=False,
        **kw,
    )


def revised(page: Any, version: int) -> str:
    """The timeline entry of the revision to `version`."""
    entries = [li.get_text(" ", strip=True) for li in page.select("ol.app-timeline > li")]
    return next(e for e in entries if f"gewijzigd naar versie {version} " in e)


def revision(world: World, client: TestClient, cause: str) -> dict[str, str]:
    based_on = soup(client.get(goal_path(world))).find("input", attrs={"name": "based_on"})
    return {
        "tekst": WORDING_2 + " Ook in het leerbedrijf.",
        "toelichting": "Afgesproken in de commissie",
        "soort": "substantive",
        "datum": "20-09-2022",
        "based_on": based_on["value"],
        "oorzaak": cause,
    }


def test_a_revision_through_the_page_records_its_cause_and_the_history_shows_it(
    client: TestClient, world: World
) -> None:
    """The cause chosen from the list (a meeting of this agreement) is saved with the new
    version; the timeline and the version pane name it instead of "eigen herziening"."""
    page = soup(client.get(goal_path(world)))
    choice = page.select_one("#field-oorzaak").find(
        "option", string=lambda s: s and "Begeleidingscommissie september" in s
    )
    assert choice.find_parent("optgroup")["label"] == "Overleggen"
    response = post(client, world, "tekst", revision(world, client, choice["value"]))
    assert response.status_code == 303
    page = soup(client.get(response.headers["location"]))
    entry = revised(page, 3)
    assert "Oorzaak: overleg 'Begeleidingscommissie september' (15 september 2022)" in entry
    assert "eigen herziening" not in entry
    assert "Oorzaak: overleg 'Begeleidingscommissie september'" in page.select_one("#versie").text


def test_a_revision_without_a_cause_reads_as_its_own(client: TestClient, world: World) -> None:
    """Leaving the cause at "geen" records a revision of its own, said so in the history."""
    response = post(client, world, "tekst", revision(world, client, "none"))
    assert response.status_code == 303
    assert "Oorzaak: eigen herziening" in revised(soup(client.get(goal_path(world))), 3)


@pytest.mark.parametrize(
    ("cause", "message"),
    [
        ("meeting:geen-id", "Kies een oorzaak uit de lijst."),
        ("besluit:00000000-0000-0000-0000-000000000001", "Kies een oorzaak uit de lijst."),
        ("meeting:00000000-0000-0000-0000-000000000001", "bestaat niet"),
    ],
)
def test_a_cause_that_is_not_in_the_list_is_refused_at_its_field(
    client: TestClient, world: World, cause: str, message: str
) -> None:
    """An unreadable or unknown cause is a Dutch error at the cause list; the text is kept."""
    data = revision(world, client, cause)
    response = post(client, world, "tekst", data)
    assert response.status_code == 422
    page = soup(response)
    assert page.select_one("#field-oorzaak")["aria-invalid"] == "true"
    assert message in page.select_one("#fout-oorzaak").get_text()
    assert page.select_one("#field-tekst").get_text() == data["tekst"]


def action_form(what: str, due: str, *party_ids: object) -> dict[str, Any]:
    return {
        "rijen": "2",
        "actie-0-wat": what,
        "actie-0-partijen": [str(p) for p in party_ids],
        "actie-0-wanneer": due,
        "actie-1-wat": "",
        "actie-1-wanneer": "",
        "datum": "01-10-2022",
    }


def test_actions_are_edited_without_javascript_and_shown_by_name_and_dutch_date(
    client: TestClient, world: World
) -> None:
    """A saved action shows who is aan zet by name and a due day as "1 juni 2023"; the form
    offers it again as typed (01-06-2023), with empty rows to add more."""
    form = action_form("Stagebegeleiding uitbreiden", "1-6-2023", world.parties["JOB"])
    response = post(client, world, "acties", form)
    assert response.status_code == 303
    assert response.headers["location"].endswith("#plan")
    page = soup(client.get(goal_path(world)))
    cells = [td.get_text() for td in page.select("table.app-actions tbody td")]
    assert cells == [
        "Stagebegeleiding uitbreiden",
        "Jongeren Organisatie Beroepsonderwijs",
        "1 juni 2023",
    ]
    assert page.select_one("#field-actie-0-wanneer")["value"] == "01-06-2023"
    assert page.select_one("#field-actie-2-wat")["value"] == ""
    assert "De acties zijn opgeslagen." in page.get_text()


def test_an_action_due_before_the_negotiation_is_refused_at_its_row(
    client: TestClient, world: World
) -> None:
    """A due day before the negotiation started is refused in Dutch at that row's field."""
    response = post(client, world, "acties", action_form("Iets", "1-1-1999", world.parties["JOB"]))
    assert response.status_code == 422
    page = soup(response)
    assert page.select_one("#field-actie-0-wanneer")["aria-invalid"] == "true"
    assert "vóór het begin van de onderhandeling" in page.select_one("#fout-actie-0-wanneer").text
    assert page.select_one("#field-actie-0-wat")["value"] == "Iets"


def test_with_htmx_a_refused_action_form_swaps_the_plan_block_with_its_errors(
    client: TestClient, world: World
) -> None:
    """htmx gets the "plan" block alone, as a 422, with the row without a description marked."""
    headers = {"HX-Request": "true", "HX-Target": "plan"}
    form = action_form("", "najaar 2023", world.parties["JOB"])
    response = post(client, world, "acties", form, headers=headers)
    assert response.status_code == 422
    assert response.text.lstrip().startswith('<section class="app-goal-section" id="plan"')
    block = soup(response)
    assert block.select_one("#field-actie-0-wat")["aria-invalid"] == "true"
    assert "Beschrijf de actie" in block.select_one("#fout-actie-0-wat").get_text()
    assert block.select_one("#field-actie-0-wanneer")["value"] == "najaar 2023"


def test_indicators_are_saved_one_per_line_and_a_future_date_is_refused(
    client: TestClient, world: World
) -> None:
    """Each non-empty line is an indicator; a date in the future is refused in Dutch."""
    lines = "Aantal stageplaatsen\n\nTevredenheid studenten\n"
    refused = post(client, world, "indicatoren", {"indicatoren": lines, "datum": "01-01-2099"})
    assert refused.status_code == 422
    assert "toekomst" in soup(refused).select_one("#fout-indicatoren-datum").get_text()
    saved = post(client, world, "indicatoren", {"indicatoren": lines, "datum": "01-10-2022"})
    assert saved.status_code == 303
    page = soup(client.get(goal_path(world)))
    items = [li.get_text() for li in page.select("#plan ul li")]
    assert items == ["Aantal stageplaatsen", "Tevredenheid studenten"]


def test_the_committee_sees_the_plan_but_no_forms(app: Negotiations, world: World) -> None:
    """The steering committee reads indicators and actions; it gets no form to change them."""
    with signed_in(app, "demo-stuurgroep") as committee:
        page = soup(committee.get(goal_path(world)))
    assert page.select_one("#plan") is not None
    assert page.select_one("form[action$='/acties']") is None
    assert page.select_one("#field-oorzaak") is None
