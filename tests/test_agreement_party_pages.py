"""The agreement page's discussion points and the party page, over HTTP on the demo: options
with their advantages and disadvantages as lists, a table of each party's preference by name,
the decision marked; a party's stances over time as a picture with a table, and nothing
internal for the steering committee."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from starlette.testclient import TestClient

from onderhandeling.service import Negotiations
from tests.support.demo_server import demo_store
from tests.support.pages import signed_in

INTERNAL_SUMMARY = "Looptijd gelijk trekken met de kwaliteitsafspraken"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Negotiations]:
    with demo_store(tmp_path_factory.mktemp("demo")) as service:
        yield service


def _page(client: TestClient, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.text, "html.parser")


def test_scenarios_show_pros_and_cons_as_lists_and_preferences_by_party(
    demo: Negotiations,
) -> None:
    agreement_id = demo.agreement_ids()[0]
    with signed_in(demo, "demo-stuurgroep") as client:
        page = _page(client, f"/akkoord/{agreement_id}")
    point = next(
        p for p in page.select(".agreement-point") if "Salarismix: beter" in p.h3.get_text()
    )
    options = point.select(".point-option")
    assert len(options) == 4
    by_title = {o.select_one(".point-option__title").get_text(" ", strip=True): o for o in options}
    two_a = next(o for t, o in by_title.items() if t.startswith("Scenario 2a"))
    assert len(two_a.select(".point-option__pros li")) == 5
    assert len(two_a.select(".point-option__cons li")) == 3
    # The flat text is gone: no "Voordelen" paragraph glued into the description.
    assert not any("Voordelen" in p.get_text() for p in two_a.select("p.utrecht-paragraph"))
    assert "seeds" not in point.get_text()
    chosen = point.select(".point-option--chosen")
    assert len(chosen) == 1 and "Gekozen op" in chosen[0].get_text()
    table = point.select_one("table.point-preferences")
    parties = [th.get_text(" ", strip=True) for th in table.select("tbody th")]
    assert any(p.startswith("MBO Raad") for p in parties)
    assert not any(p.startswith(("MBORAAD", "AOB ")) for p in parties)
    row = next(r for r in table.select("tbody tr") if "MBO Raad" in r.th.get_text())
    cells = [td.get_text(" ", strip=True) for td in row.select("td")]
    assert cells[0] == "Scenario 1"
    assert "voorkeursscenario" in cells[1]


def test_party_page_draws_stances_over_time_with_a_table(demo: Negotiations) -> None:
    with signed_in(demo, "demo-onderhandelaar") as client:
        page = _page(client, "/partijen/MBORAAD")
    assert page.h1.get_text(strip=True) == "MBO Raad"
    svg = page.select_one("figure.party-picture svg.picture-party-stances")
    assert svg is not None and svg["role"] == "img"
    assert "MBO Raad" in svg.title.get_text()
    region = page.select_one("figure.party-picture details .app-table-scroll")
    assert region["tabindex"] == "0" and region["role"] == "region"
    assert region.select("table tbody tr")


def test_party_page_hides_internal_positions_from_the_committee(demo: Negotiations) -> None:
    with signed_in(demo, "demo-onderhandelaar") as client:
        assert INTERNAL_SUMMARY in client.get("/partijen/OCW").text
    with signed_in(demo, "demo-stuurgroep") as client:
        shared = client.get("/partijen/OCW")
    assert shared.status_code == 200
    assert INTERNAL_SUMMARY not in shared.text


def test_unknown_party_is_not_found(demo: Negotiations) -> None:
    with signed_in(demo, "demo-stuurgroep") as client:
        assert client.get("/partijen/GEENPARTIJ").status_code == 404
