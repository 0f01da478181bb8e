"""The committee's dashboard on a date, its pictures and its summary of what changed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from starlette.testclient import TestClient

from onderhandeling.domain.visibility import COMMITTEE, MINISTRY
from onderhandeling.dutch.parties import short_name
from onderhandeling.service import Negotiations
from tests.support.page_world import SECRET_SUMMARY, World, build_world
from tests.support.pages import signed_in, soup


@pytest.fixture
def world(app: Negotiations) -> World:
    return build_world(app)


@pytest.fixture
def client(app: Negotiations, world: World) -> Iterator[TestClient]:
    with signed_in(app, "demo-stuurgroep") as test_client:
        yield test_client


def test_dashboard_on_a_past_date_shows_the_state_then(client: TestClient) -> None:
    """On 18 September K1 was still at version 1, with no open passage nor amendment; the
    move of the signing (3 October) had not happened yet."""
    page = soup(client.get("/?datum=2022-09-18"))
    assert "Stand op 18 september 2022" in page.select_one(".app-stand").get_text()
    k1 = page.find("a", string=lambda s: s and s.startswith("K1 ")).find_parent("tr")
    assert [td.get_text() for td in k1.find_all("td")][1:] == ["1", "0", "0"]
    assert page.select_one(".app-open-items") is None
    assert page.find("del", string="17 oktober 2022") is None
    now = soup(client.get("/"))
    k1_now = now.find("a", string=lambda s: s and s.startswith("K1 ")).find_parent("tr")
    assert [td.get_text() for td in k1_now.find_all("td")][1:] == ["2", "1", "1"]
    assert now.find("del", string="17 oktober 2022") is not None


def test_dashboard_on_a_date_lists_only_changes_made_by_then(client: TestClient) -> None:
    """Changes after the date are not in "what changed" of that date."""
    then = soup(client.get("/?datum=2022-09-20")).select_one(".app-changes").get_text()
    assert "versie 2" in then
    assert "Open passage" not in then and "Bestuurders" not in then


def test_dashboard_known_at_leaves_out_what_was_recorded_later(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """As known yesterday, a change recorded today is not on the dashboard, even though it
    took effect long ago."""
    app.mark_passage(
        world.goals["A1"], "mbo", "Laat vastgelegd", [], date(2022, 9, 24), world.loader
    )
    yesterday = date.fromordinal(date.today().toordinal() - 1).isoformat()
    later = soup(client.get("/"))
    assert "Laat vastgelegd" in " ".join(u.get_text() for u in later.select(".app-open-items"))
    before = soup(client.get(f"/?bekend_op={yesterday}"))
    assert "Laat vastgelegd" not in before.get_text()


def test_the_slider_counts_days_from_the_negotiations_first_fact(client: TestClient) -> None:
    """The range input runs over the negotiation's days; ?dag=N shows the start plus N days."""
    page = soup(client.get("/"))
    slider = page.select_one("input[type=range][name=dag]")
    assert slider["min"] == "0" and int(slider["max"]) > 30
    first_day = page.select_one("#hint-dag").get_text()
    assert first_day.startswith("Van 15 augustus 2022")
    shown = soup(client.get("/?dag=34")).select_one(".app-stand").get_text()
    assert "Stand op 18 september 2022" in shown


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("datum=31-02-2022", "Vul een geldige datum in"),
        ("datum=morgen", "Vul een geldige datum in"),
        ("bekend_op=2022-13-01", "Vul een geldige datum in"),
        ("datum=2099-01-01", "Kies een datum tot en met vandaag"),
        ("dag=-3", "Vul een geldige datum in"),
    ],
)
def test_an_unusable_date_is_refused_in_dutch_with_422(
    client: TestClient, query: str, message: str
) -> None:
    """A date that cannot be read (or lies in the future) gives 422, the Dutch message in
    the error summary, and the dashboard of today below it."""
    response = client.get(f"/?{query}")
    assert response.status_code == 422
    page = soup(response)
    assert message in page.select_one("#foutoverzicht").get_text()
    assert page.title.get_text().startswith("Fout:")
    assert "Stand van vandaag" in page.select_one(".app-stand").get_text()


def test_an_unusable_date_with_htmx_swaps_in_the_form_with_its_error(client: TestClient) -> None:
    """htmx gets the block with the forms and the error (swapped in on 422 by base.html)."""
    response = client.get("/?datum=31-02-2022", headers={"HX-Request": "true"})
    assert response.status_code == 422
    assert "<html" not in response.text
    fragment = soup(response).select_one("#dashboard-stand")
    assert fragment is not None
    assert fragment.select_one("#foutoverzicht") is not None
    assert fragment.select_one("#field-datum")["aria-invalid"] == "true"


def test_every_picture_has_a_title_and_a_table(client: TestClient) -> None:
    """Heat map, consensus bars, consensus over time, burn-down and milestones: each an SVG
    named by its title, with a table of the same facts."""
    page = soup(client.get("/"))
    link = page.select_one("#draagvlak-in-de-tijd a")["href"]
    support = soup(client.get(link))
    kinds = {
        next(c for c in svg["class"] if c.startswith("picture-"))
        for svg in page.select("svg") + support.select("svg")
    }
    assert {
        "picture-heatmap",
        "picture-consensus-bar",
        "picture-consensus-over-time",
        "picture-burndown",
        "picture-milestones",
    } <= kinds
    for found in (page, support):
        for svg in found.select("svg.picture"):
            assert svg["role"] in ("img", "group")
            ids = svg["aria-labelledby"].split()
            assert all(found.find(id=i).get_text().strip() for i in ids)
    captions = " ".join(c.get_text() for c in page.select("details caption"))
    assert "Draagvlak bij Kansengelijkheid" in captions
    support_captions = " ".join(c.get_text() for c in support.select("details caption"))
    assert "Draagvlak per prioriteit in de tijd" in support_captions


def test_support_over_time_is_loaded_apart_and_keeps_the_date(client: TestClient) -> None:
    """The dashboard on a date asks for support over time on that date; htmx gets only the
    picture's block, without JavaScript the link opens a page of its own."""
    page = soup(client.get("/?datum=2022-09-15"))
    holder = page.select_one("#draagvlak-in-de-tijd")
    assert holder["hx-trigger"] == "load"
    assert holder["hx-get"].endswith("/overzicht/draagvlak?datum=2022-09-15")
    fragment = client.get(holder["hx-get"], headers={"HX-Request": "true"})
    assert "<html" not in fragment.text
    assert soup(fragment).select_one("#draagvlak-in-de-tijd svg.picture") is not None
    whole = soup(client.get(holder["hx-get"]))
    assert whole.h1.get_text() == "Draagvlak in de tijd"
    rows = [tr.get_text(" ", strip=True) for tr in whole.select("details tbody tr")]
    assert rows and all("16 september" not in row for row in rows)


def test_heat_map_names_parties_and_marks_reconfirmation_once(client: TestClient) -> None:
    """Party heads carry the short name with the full name as a tooltip; "opnieuw bevestigen"
    is a marker explained in the legend, not a sentence in each cell."""
    page = soup(client.get("/"))
    heat_map = page.select_one("svg.picture-heatmap").decode()
    assert "MBO Raad" in heat_map
    matrix = page.select_one("table.app-matrix")
    marks = matrix.select(".app-reconfirm-mark")
    assert marks, "MBO Raad's and JOB's stances are about version 1 of K1"
    assert "(opnieuw bevestigen)" not in matrix.get_text()
    legend = page.select_one(".diff-legend").get_text()
    assert legend.count("opnieuw bevestigen") == 1


def test_changes_are_summed_up_per_goal_with_routine_folded(client: TestClient) -> None:
    """ "K1: tekst v1 → v2, …" per goal; a frozen version is folded into the routine line."""
    page = soup(client.get("/"))
    summary = page.select_one(".app-change-summary").get_text(" ", strip=True)
    assert "K1 : tekst v1 → v2" in summary
    assert "1 open passage gemarkeerd" in summary
    assert "1 nieuw wijzigingsvoorstel" in summary
    assert "Routine: 1 versie vastgelegd" in summary
    assert "CWIZO" not in summary


def test_trends_follow_the_reader(app: Negotiations, world: World) -> None:
    """The committee's consensus over time leaves out the internal position of OCW."""
    ministry = app.support_over_time(world.agreement_id, MINISTRY)
    committee = app.support_over_time(world.agreement_id, COMMITTEE)
    kansen_m = next(s for s in ministry if s.key == "kansen")
    kansen_c = next(s for s in committee if s.key == "kansen")
    assert [p.on for p in kansen_m.points] == ["2022-09-15", "2022-09-16"]
    assert [p.on for p in kansen_c.points] == ["2022-09-15"]
    assert kansen_c.points[-1].supporting == 1 and kansen_c.points[-1].conditional == 1
    burndown = app.burndown(world.agreement_id)
    steps = [(s.on, s.open_passages, s.pending_amendments) for s in burndown]
    assert steps == [("2022-09-21", 1, 0), ("2022-09-22", 1, 1)]


def test_dashboard_for_the_committee_on_a_date_shows_nothing_internal(
    client: TestClient,
) -> None:
    """On the day of the internal meeting the committee still sees nothing of it."""
    text = client.get("/?datum=2022-09-16").text
    assert SECRET_SUMMARY not in text
    assert "Intern vooroverleg" not in text


@pytest.mark.parametrize(
    ("code", "name", "short"),
    [
        ("MBORAAD", "MBO Raad", "MBO Raad"),
        ("VNONCW", "VNO-NCW / MKB-Nederland", "VNO-NCW"),
        ("JOB", "Jongeren Organisatie Beroepsonderwijs", "JOB"),
        ("INSPECTIE", "Inspectie van het Onderwijs", "Inspectie"),
        ("AOB", "Algemene Onderwijsbond (AOb)", "AOb"),
    ],
)
def test_short_party_names(code: str, name: str, short: str) -> None:
    """Tight places get a name, not a made-up code."""
    assert short_name(code, name) == short


def test_agreement_on_a_date_with_htmx_swaps_in_the_refusal(
    client: TestClient, world: World
) -> None:
    """The "op datum" page's htmx request with an invalid date gets the form with its Dutch
    error in the swapped block (422), not a result htmx would show without the message."""
    path = f"/akkoord/{world.agreement_id}/op-datum?datum=31-02-2022"
    response = client.get(path, headers={"HX-Request": "true"})
    assert response.status_code == 422
    fragment = soup(response).select_one("#op-datum")
    assert fragment is not None and "<html" not in response.text
    assert "Vul een geldige datum in" in fragment.select_one("#foutoverzicht").get_text()
    names = [th.get_text() for th in fragment.select("#stand tbody th")]
    assert "MBO Raad" in names
