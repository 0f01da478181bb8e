"""The HTML pages over HTTP: sign-in, dashboard, goal page, meeting form, htmx fragments."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from starlette.testclient import TestClient

from onderhandeling.domain.visibility import COMMITTEE, MINISTRY
from onderhandeling.readmodel import changes_since
from onderhandeling.service import Negotiations
from onderhandeling.web.app import create_app
from tests.support.page_world import (
    PASSWORD,
    SECRET_SUMMARY,
    WORDING_1,
    WORDING_2,
    World,
    build_world,
)
from tests.support.pages import form_token, sign_in, soup

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus")
MONTHS += ("september", "oktober", "november", "december")


@pytest.fixture
def world(app: Negotiations) -> World:
    return build_world(app)


@pytest.fixture
def client(app: Negotiations, world: World) -> Iterator[TestClient]:
    with TestClient(create_app(app), headers={"Accept": "text/html"}) as test_client:
        yield test_client


def test_pages_require_sign_in_first(client: TestClient) -> None:
    """An anonymous visit to the dashboard is sent to the sign-in form, keeping the target."""
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/aanmelden?next=/")


def test_sign_in_with_a_wrong_password_says_so_in_dutch(client: TestClient) -> None:
    """A wrong password re-renders the form with the field marked and the name kept."""
    response = client.post(
        "/aanmelden",
        data={
            "naam": "demo-onderhandelaar",
            "wachtwoord": "fout-wachtwoord",
            "csrf_token": form_token(client, "/aanmelden"),
        },
    )
    assert response.status_code == 422
    page = soup(response)
    assert page.select_one("#foutoverzicht") is not None
    assert page.select_one("#field-wachtwoord")["aria-invalid"] == "true"
    assert page.select_one("#field-naam")["value"] == "demo-onderhandelaar"


def test_sign_in_then_sign_out(client: TestClient) -> None:
    """Signing in opens the dashboard; signing out closes the session again."""
    sign_in(client, "demo-onderhandelaar")
    page = soup(client.get("/"))
    assert "demo-onderhandelaar" in page.select_one(".app-user").get_text()
    token = page.select_one(".app-user input[name=csrf_token]")["value"]
    response = client.post("/afmelden", data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    assert client.get("/", follow_redirects=False).status_code == 303


def test_accessibility_statement_is_public(client: TestClient) -> None:
    """The accessibility statement is readable without signing in."""
    response = client.get("/toegankelijkheid")
    assert response.status_code == 200
    assert soup(response).h1.get_text() == "Toegankelijkheid"


def test_dashboard_shows_priorities_matrix_and_moved_milestone(client: TestClient) -> None:
    """The dashboard lists goals per priority, a party × goal matrix and moved milestones."""
    sign_in(client, "demo-stuurgroep")
    response = client.get("/")
    assert "HX-Request" in response.headers["vary"]
    page = soup(response)
    captions = [c.get_text() for c in page.find_all("caption")]
    assert "Kansengelijkheid" in captions
    matrix = page.find("caption", string=lambda s: s and "per doelstelling" in s).parent
    job_row = matrix.find("th", string="JOB") or matrix.find("a", string="JOB").parent
    assert "steunt" in job_row.parent.get_text()
    assert page.find("del", string="17 oktober 2022") is not None
    assert "Bestuurders niet beschikbaar" in page.get_text()
    assert "versie 2" in page.select_one(".app-changes").get_text()


def test_dashboard_changes_give_dates_in_dutch(client: TestClient) -> None:
    """The changes since the committee name a moved milestone's new date in Dutch, not ISO."""
    sign_in(client, "demo-stuurgroep")
    changes = soup(client.get("/")).select_one(".app-changes").get_text()
    assert "Mijlpaal Ondertekening verplaatst naar 20 oktober 2022" in changes
    assert "2022-10-20" not in changes


def test_dashboard_for_the_committee_shows_nothing_internal(client: TestClient) -> None:
    """The steering committee never sees an internal meeting or position."""
    sign_in(client, "demo-stuurgroep")
    text = client.get("/").text
    assert SECRET_SUMMARY not in text
    assert "intern" not in soup(client.get("/")).select_one("#overzicht").get_text().lower()


def test_dashboard_lists_the_newest_fifty_changes_and_counts_the_rest(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """Since the committee meeting there are more than 50 changes: the dashboard lists the
    newest 50 and says how many more; internal changes are in neither for the committee."""
    by = world.loader
    assert by is not None
    shared = app.raise_discussion_point(
        world.agreement_id,
        "Veel voorkeuren",
        [{"key": "1", "label": "Een"}, {"key": "2", "label": "Twee"}],
        date(2022, 9, 26),
        by,
    )
    hidden = app.raise_discussion_point(
        world.agreement_id,
        "Geheim punt",
        [{"key": "1", "label": "Een"}, {"key": "2", "label": "Twee"}],
        date(2022, 9, 26),
        by,
        confidentiality="internal",
    )
    for i in range(60):
        on = date(2022, 10, 1 + i % 28)
        app.state_preference(shared, world.parties["JOB"], str(1 + i % 2), "", on, by)
        app.state_preference(hidden, world.parties["OCW"], str(1 + i % 2), "", on, by)
    since = "2022-09-16"  # the day after the committee meeting
    for name, reader, hidden_rows in (
        ("demo-stuurgroep", COMMITTEE, 0),
        ("demo-onderhandelaar", MINISTRY, 61),
    ):
        total = changes_since(app, world.agreement_id, since, reader)["count"]
        sign_in(client, name)
        page = soup(client.get("/"))
        items = page.select(".app-changes li")
        assert len(items) == 50
        assert items[0].get_text().startswith("28 oktober 2022")
        more = page.find(string=lambda s: s and "en nog" in s)
        assert more is not None and f"en nog {total - 50} wijzigingen" in more
        assert ("Geheim punt" in page.get_text()) == (hidden_rows > 0)
        if hidden_rows:
            shared_total = changes_since(app, world.agreement_id, since, COMMITTEE)["count"]
            assert total >= shared_total + hidden_rows  # (plus the internal meeting)
        client.cookies.clear()


def test_dashboard_refresh_is_an_htmx_fragment(client: TestClient) -> None:
    """The dashboard's periodic htmx request gets only the overview fragment."""
    sign_in(client, "demo-stuurgroep")
    response = client.get("/", headers={"HX-Request": "true"})
    assert "HX-Request" in response.headers["vary"]
    assert "<html" not in response.text
    fragment = soup(response).select_one("#overzicht")
    assert fragment is not None and fragment["hx-trigger"] == "every 60s"


def test_goal_page_marks_open_passages_and_flags_reconfirmation(
    client: TestClient, world: World
) -> None:
    """The wording marks open passages; a stance on an older version asks to reconfirm."""
    sign_in(client, "demo-onderhandelaar")
    page = soup(client.get(f"/doelstellingen/{world.goals['K1']}"))
    assert page.select_one("#huidige-tekst mark").get_text().endswith("samen aan]")
    assert (
        "opnieuw bevestigen"
        in page.find("caption", string=lambda s: s and "Standpunten" in s).parent.get_text()
    )
    assert SECRET_SUMMARY in page.get_text()  # the ministry sees its own internal notes


def test_goal_page_hides_internal_positions_from_the_committee(
    client: TestClient, world: World
) -> None:
    """The committee's goal page has no internal position and no edit forms."""
    sign_in(client, "demo-stuurgroep")
    response = client.get(f"/doelstellingen/{world.goals['K1']}")
    assert SECRET_SUMMARY not in response.text
    assert (
        soup(response).find(
            "form", attrs={"method": "post", "action": lambda a: a and "tekst" in a}
        )
        is None
    )


def test_diff_between_two_versions(client: TestClient, world: World) -> None:
    """The GET diff form renders deletions and insertions between the chosen versions."""
    sign_in(client, "demo-onderhandelaar")
    page = soup(client.get(f"/doelstellingen/{world.goals['K1']}?van=1&tot=2"))
    section = page.select_one("#verschil")
    assert "stagediscriminatie" in section.select_one(".app-diff ins").get_text()


def test_diff_and_version_fragments_for_htmx(client: TestClient, world: World) -> None:
    """htmx requests get the diff or the version pane alone, chosen by HX-Target."""
    sign_in(client, "demo-onderhandelaar")
    url = f"/doelstellingen/{world.goals['K1']}"
    diff = client.get(f"{url}?van=1&tot=2", headers={"HX-Request": "true", "HX-Target": "verschil"})
    assert diff.text.lstrip().startswith('<section id="verschil"')
    version = client.get(f"{url}?versie=1", headers={"HX-Request": "true", "HX-Target": "versie"})
    pane = soup(version).select_one("#versie")
    assert pane.select_one("#field-versie")["value"] == "1"
    assert "Volgende versie (2)" in pane.get_text()


def test_unknown_goal_is_not_found_in_dutch(client: TestClient) -> None:
    """A goal that does not exist gives the Dutch 404 page."""
    sign_in(client, "demo-onderhandelaar")
    response = client.get("/doelstellingen/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    assert soup(response).h1.get_text() == "Niet gevonden"


def test_committee_may_not_log_a_meeting(client: TestClient, world: World) -> None:
    """The steering committee gets 403 on the meeting form."""
    sign_in(client, "demo-stuurgroep")
    assert client.get("/overleggen/nieuw").status_code == 403


def test_post_without_csrf_token_is_refused(client: TestClient, world: World) -> None:
    """A form POST without the session's token is refused."""
    sign_in(client, "demo-onderhandelaar")
    data = {"akkoord": str(world.agreement_id), "titel": "Bilateraal JOB", "stap": "raster"}
    assert client.post("/overleggen/nieuw", data=data).status_code == 403


def test_revise_with_conflict_shows_diff_and_keeps_text(
    client: TestClient, world: World, app: Negotiations
) -> None:
    """A revision based on an old version shows the other change and keeps the user's text."""
    sign_in(client, "demo-onderhandelaar")
    url = f"/doelstellingen/{world.goals['K1']}"
    page = soup(client.get(url))
    token = page.find("input", attrs={"name": "csrf_token"})["value"]
    based_on = page.find("input", attrs={"name": "based_on"})["value"]
    assert world.loader is not None
    from datetime import date

    app.revise_wording(
        world.goals["K1"],
        WORDING_2 + " Ook voor entree.",
        int(based_on),
        "Entree",
        "substantive",
        date(2022, 10, 1),
        world.loader,
    )
    mine = WORDING_2 + " Met stagebegeleiding."
    response = client.post(
        f"{url}/tekst",
        data={
            "csrf_token": token,
            "tekst": mine,
            "toelichting": "Begeleiding",
            "soort": "substantive",
            "datum": "02-10-2022",
            "based_on": based_on,
        },
    )
    assert response.status_code == 409
    page = soup(response)
    conflict = page.select_one("#conflict")
    assert "Ook voor entree." in conflict.select_one(".app-diff ins").get_text()
    # One block naming who changed the text and when, in Dutch.
    change = conflict.select_one("li").get_text()
    assert "Versie 3: gewijzigd door" in change
    assert re.search(rf"\d{{1,2}} ({'|'.join(MONTHS)}) \d{{4}}", change), change
    assert page.select_one("#field-tekst").get_text() == mine
    assert page.find("input", attrs={"name": "based_on"})["value"] == "3"
    assert page.select_one("#foutoverzicht") is not None


def test_revise_wording_saves_a_new_version(client: TestClient, world: World) -> None:
    """A revision on the current version is saved and the page shows the new version."""
    sign_in(client, "demo-onderhandelaar")
    url = f"/doelstellingen/{world.goals['K1']}"
    page = soup(client.get(url))
    response = client.post(
        f"{url}/tekst",
        data={
            "csrf_token": page.find("input", attrs={"name": "csrf_token"})["value"],
            "tekst": WORDING_2 + " Nieuw.",
            "toelichting": "Aanvulling",
            "soort": "editorial",
            "datum": "02-10-2022",
            "based_on": page.find("input", attrs={"name": "based_on"})["value"],
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert "versie 3" in soup(client.get(url)).select_one(".app-lead").get_text()


def _post_form(client: TestClient, page_path: str, action: str, data: dict[str, object]) -> object:
    data = {"csrf_token": form_token(client, page_path), **data}
    return client.post(action, data=data, follow_redirects=False)


def test_agreement_page_moves_a_milestone(client: TestClient, world: World) -> None:
    """Moving a milestone on the agreement page shows the old date struck through."""
    sign_in(client, "demo-onderhandelaar")
    path = f"/akkoord/{world.agreement_id}"
    response = _post_form(
        client,
        path,
        f"{path}/mijlpalen",
        {"sleutel": "mr", "naar": "21-10-2022", "reden": "Agenda vol", "datum": "10-10-2022"},
    )
    assert response.status_code == 303  # type: ignore[attr-defined]
    page = soup(client.get(path))
    assert page.find("del", string="14 oktober 2022") is not None
    assert "Agenda vol" in page.get_text()


def test_agreement_form_error_keeps_input(client: TestClient, world: World) -> None:
    """A baseline without a name is refused with the field marked."""
    sign_in(client, "demo-onderhandelaar")
    path = f"/akkoord/{world.agreement_id}"
    response = _post_form(client, path, f"{path}/versies", {"naam": "", "datum": "x"})
    assert response.status_code == 422  # type: ignore[attr-defined]
    page = soup(response)
    assert page.select_one("#field-versie-naam")["aria-invalid"] == "true"
    assert page.select_one("#field-versie-datum")["value"] == "x"


def test_record_decision_and_preference(client: TestClient, world: World) -> None:
    """A decision choosing a scenario and a party's preference show on the agreement page."""
    sign_in(client, "demo-onderhandelaar")
    path = f"/akkoord/{world.agreement_id}"
    page = soup(client.get(path))
    form = page.find("form", action=lambda a: a and a.endswith("/voorkeur"))
    response = _post_form(
        client,
        path,
        form["action"],
        {"partij": str(world.parties["JOB"]), "optie": "2a", "reden": "", "datum": "1-10-2022"},
    )
    assert response.status_code == 303  # type: ignore[attr-defined]
    keuze = page.select_one("#field-besluit-keuze")
    choice = keuze.find("option", string=lambda s: s and "Scenario 1" in s)["value"]
    response = _post_form(
        client,
        path,
        f"{path}/besluiten",
        {
            "door": "MOCW",
            "kenmerk": "34313238",
            "titel": "Salarismix",
            "tekst": "Scenario 1",
            "keuze": choice,
            "doelen": str(world.goals["K1"]),
            "datum": "3-10-2022",
        },
    )
    assert response.status_code == 303, soup(response).select_one("#foutoverzicht")
    text = soup(client.get(path)).get_text()
    assert "besluit 34313238 (MOCW)" in text
    assert "Voorkeur van: JOB" in text
    assert "Gekozen op 3 oktober 2022" in text


def test_agreement_on_a_date_shows_the_wording_then(client: TestClient, world: World) -> None:
    """The agreement on 1 September 2022 shows K1's first wording, before the revision."""
    sign_in(client, "demo-stuurgroep")
    page = soup(client.get(f"/akkoord/{world.agreement_id}/op-datum?datum=01-09-2022"))
    stand = page.select_one("#stand")
    assert "1 september 2022" in stand.h2.get_text()
    assert WORDING_1 in stand.get_text()
    assert SECRET_SUMMARY not in page.get_text()


def test_compare_a_baseline_with_now(client: TestClient, world: World, app: Negotiations) -> None:
    """Comparing the CWIZO-versie with now shows a later revision as track changes."""
    assert world.loader is not None
    app.revise_wording(
        world.goals["A1"],
        "Werkenden en werkzoekenden kunnen zich blijven ontwikkelen.",
        1,
        "Werkzoekenden",
        "substantive",
        date(2022, 10, 1),
        world.loader,
    )
    sign_in(client, "demo-stuurgroep")
    page = soup(client.get(f"/akkoord/{world.agreement_id}/vergelijk?van=CWIZO-versie&tot=nu"))
    assert "werkzoekenden" in page.select_one(".app-diff ins").get_text()
    assert page.find("h3", string=lambda s: s and s.startswith("A1")) is not None


def test_party_page_lists_stances_per_goal(client: TestClient, world: World) -> None:
    """A party's page shows its current stance on every goal."""
    sign_in(client, "demo-stuurgroep")
    page = soup(client.get("/partijen/MBORAAD"))
    row = page.find("a", string=lambda s: s and s.startswith("K1")).find_parent("tr")
    assert "steunt onder voorwaarden" in row.get_text()


def test_sign_in_returns_to_the_page_asked_for(client: TestClient, world: World) -> None:
    """After signing in from a redirect, the user lands on the page they asked for."""
    target = f"/doelstellingen/{world.goals['K1']}"
    login = client.get(target)
    assert login.url.path == "/aanmelden"
    page = soup(login)
    response = client.post(
        "/aanmelden",
        data={
            "naam": "demo-stuurgroep",
            "wachtwoord": PASSWORD,
            "next": page.find("input", attrs={"name": "next"})["value"],
            "csrf_token": page.find("input", attrs={"name": "csrf_token"})["value"],
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == target


def test_sign_in_never_redirects_off_site(client: TestClient) -> None:
    """A 'next' pointing at another site is ignored."""
    response = client.post(
        "/aanmelden",
        data={
            "naam": "demo-stuurgroep",
            "wachtwoord": PASSWORD,
            "next": "//evil.example/",
            "csrf_token": form_token(client, "/aanmelden"),
        },
        follow_redirects=False,
    )
    assert response.headers["location"].endswith("/")
    assert "evil" not in response.headers["location"]


def test_propose_and_adopt_an_amendment(client: TestClient, world: World) -> None:
    """A proposed post-it, once adopted, becomes the next wording version."""
    sign_in(client, "demo-onderhandelaar")
    path = f"/doelstellingen/{world.goals['K1']}"
    response = _post_form(
        client,
        path,
        f"{path}/voorstellen",
        {
            "partij": str(world.parties["JOB"]),
            "citaat": "gelijke kansen",
            "voorstel": "echt gelijke kansen",
            "toelichting": "Sterker",
            "datum": "01-10-2022",
        },
    )
    assert response.status_code == 303  # type: ignore[attr-defined]
    page = soup(client.get(path))
    card = next(c for c in page.select("li.app-amendment") if "Sterker" in c.get_text())
    # Shown as what it changes in the wording it amends, not as its whole text.
    assert [i.get_text() for i in card.select(".app-diff ins")] == ["[ingevoegd: echt ]"]
    assert "Voorstel van Jongeren Organisatie Beroepsonderwijs" in card.h3.get_text()
    action = card.find("form")["action"]
    response = _post_form(
        client, path, action, {"uitkomst": "adopted", "toelichting": "", "datum": "02-10-2022"}
    )
    assert response.status_code == 303  # type: ignore[attr-defined]
    page = soup(client.get(path))
    assert "echt gelijke kansen" in page.select_one("#huidige-tekst").get_text()
    assert "werd versie 3" in page.get_text()


def test_amendment_with_a_quote_not_in_the_wording_is_refused(
    client: TestClient, world: World
) -> None:
    """A quote that is not in the wording is explained in Dutch at the quote field."""
    sign_in(client, "demo-onderhandelaar")
    path = f"/doelstellingen/{world.goals['K1']}"
    response = _post_form(
        client,
        path,
        f"{path}/voorstellen",
        {
            "partij": str(world.parties["JOB"]),
            "citaat": "staat er niet in",
            "voorstel": "iets",
            "toelichting": "Test",
            "datum": "01-10-2022",
        },
    )
    assert response.status_code == 422  # type: ignore[attr-defined]
    page = soup(response)
    field = page.select_one("#field-voorstel-citaat")
    assert field["aria-invalid"] == "true"
    assert field["value"] == "staat er niet in"
    assert "niet (letterlijk) in de huidige tekst" in page.select_one("#fout-voorstel-citaat").text


def test_mark_and_resolve_a_passage(client: TestClient, world: World) -> None:
    """A marked passage shows as <mark> until it is resolved."""
    sign_in(client, "demo-onderhandelaar")
    path = f"/doelstellingen/{world.goals['K1']}"
    response = _post_form(
        client,
        path,
        f"{path}/passages",
        {"citaat": "stageplek", "notitie": "Welke?", "datum": "01-10-2022"},
    )
    assert response.status_code == 303  # type: ignore[attr-defined]
    page = soup(client.get(path))
    assert any("stageplek" in m.get_text() for m in page.select("#huidige-tekst mark"))
    for form in page.find_all("form", action=lambda a: a and a.endswith("/oplossen")):
        response = _post_form(
            client, path, form["action"], {"notitie": "Opgelost", "datum": "02-10-2022"}
        )
        assert response.status_code == 303  # type: ignore[attr-defined]
    assert soup(client.get(path)).select("#huidige-tekst mark") == []


def test_committee_may_not_post_to_a_goal(client: TestClient, world: World) -> None:
    """The steering committee's POST to a writer route is refused with 403."""
    sign_in(client, "demo-stuurgroep")
    path = f"/doelstellingen/{world.goals['K1']}"
    response = _post_form(client, path, f"{path}/passages", {"citaat": "mbo", "datum": "1-10-2022"})
    assert response.status_code == 403  # type: ignore[attr-defined]


def test_dashboard_lists_open_passages_and_pending_amendments(client: TestClient) -> None:
    """Under each priority the dashboard names the open passages and pending post-its."""
    sign_in(client, "demo-stuurgroep")
    items = soup(client.get("/")).select_one(".app-open-items").get_text()
    assert "‘samen aan’" in items
    assert "voorstel van SBB" in items


def test_a_decision_without_kenmerk_field_is_recorded(client: TestClient, world: World) -> None:
    """A form without the kenmerk field (it is optional) records the decision, no 500."""
    sign_in(client, "demo-onderhandelaar")
    path = f"/akkoord/{world.agreement_id}"
    response = _post_form(
        client,
        path,
        f"{path}/besluiten",
        {"door": "MOCW", "titel": "Zonder kenmerk", "tekst": "Tekst", "datum": "3-10-2022"},
    )
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert "Zonder kenmerk" in soup(client.get(path)).get_text()


def test_agreement_forms_with_fields_left_out_answer_422(client: TestClient, world: World) -> None:
    """A hand-made POST with none of a form's fields is a Dutch form error, never a 500."""
    sign_in(client, "demo-onderhandelaar")
    path = f"/akkoord/{world.agreement_id}"
    for action in ("mijlpalen", "versies", "ondertekeningen", "besluiten"):
        response = _post_form(client, path, f"{path}/{action}", {})
        assert response.status_code == 422, action  # type: ignore[attr-defined]


@pytest.mark.parametrize("based_on", ["99999999999999999999999", "1000001", "0", "-1"])
def test_revise_with_an_impossible_based_on_asks_to_reload(
    client: TestClient, world: World, based_on: str
) -> None:
    """A based_on outside 1..1,000,000 is refused as a form error (422), not a 500."""
    sign_in(client, "demo-onderhandelaar")
    url = f"/doelstellingen/{world.goals['K1']}"
    response = _post_form(
        client,
        url,
        f"{url}/tekst",
        {
            "tekst": WORDING_2 + " Nieuw.",
            "toelichting": "Aanvulling",
            "soort": "editorial",
            "datum": "02-10-2022",
            "based_on": based_on,
        },
    )
    assert response.status_code == 422  # type: ignore[attr-defined]
    assert soup(response).select_one("#foutoverzicht") is not None


def test_revise_based_on_a_future_version_is_a_conflict_without_diff(
    client: TestClient, world: World
) -> None:
    """A based_on beyond the current version is a 409 that keeps the text; there is no
    older version to show a diff from."""
    sign_in(client, "demo-onderhandelaar")
    url = f"/doelstellingen/{world.goals['K1']}"
    mine = WORDING_2 + " Nieuw."
    response = _post_form(
        client,
        url,
        f"{url}/tekst",
        {
            "tekst": mine,
            "toelichting": "Aanvulling",
            "soort": "editorial",
            "datum": "02-10-2022",
            "based_on": "5000",
        },
    )
    assert response.status_code == 409  # type: ignore[attr-defined]
    page = soup(response)
    assert page.select_one("#conflict .app-diff ins") is None
    assert page.select_one("#field-tekst").get_text() == mine
    assert page.find("input", attrs={"name": "based_on"})["value"] == "2"


@pytest.mark.parametrize("typed", ["01-01-0001", "31-12-9999", "0002-03-04", "01-01-3000"])
def test_a_far_off_date_in_a_form_is_refused_in_dutch(
    client: TestClient, world: World, typed: str
) -> None:
    """A date outside 1900..2100 is a form error with a Dutch message, nothing is saved."""
    sign_in(client, "demo-onderhandelaar")
    path = f"/akkoord/{world.agreement_id}"
    response = _post_form(
        client,
        path,
        f"{path}/mijlpalen",
        {"sleutel": "mr", "naar": typed, "reden": "Ver weg", "datum": "10-10-2022"},
    )
    assert response.status_code == 422  # type: ignore[attr-defined]
    page = soup(response)
    assert page.select_one("#field-mijlpaal-naar")["aria-invalid"] == "true"
    assert "tussen 1900 en 2100" in page.get_text()
    assert "Ver weg" not in soup(client.get(path)).select_one("main").get_text()


def test_agreement_on_a_far_off_date_is_a_form_error(client: TestClient, world: World) -> None:
    """/op-datum with a date outside 1900..2100 says the date is not valid."""
    sign_in(client, "demo-stuurgroep")
    base = f"/akkoord/{world.agreement_id}/op-datum"
    for query in ("datum=01-01-0001", "bekend_op=01-01-0001", "datum=31-12-9999"):
        response = client.get(f"{base}?{query}")
        assert response.status_code < 500, query
        assert "Vul een geldige datum in" in response.text, query


def test_dashboard_switches_between_agreements(
    client: TestClient, app: Negotiations, world: World
) -> None:
    """With two agreements the dashboard links to the other one, and the choice sticks for
    the menu and the meeting form."""
    assert world.loader is not None
    other = app.start_agreement(
        "Stagepact", date(2023, 1, 1), date(2025, 12, 31), date(2022, 9, 1), world.loader
    )
    app.add_priority(other, "STAGE", "Stages", date(2022, 9, 1), world.loader)
    app.admit_party(other, world.parties["JOB"], "signatory", date(2022, 9, 1), world.loader)
    app.add_goal(
        other,
        "S1",
        "STAGE",
        "Stagediscriminatie",
        "Geen stagediscriminatie.",
        date(2022, 9, 1),
        world.loader,
    )
    sign_in(client, "demo-onderhandelaar")
    first = soup(client.get("/"))
    assert first.select_one("h1").get_text() == "Werkagenda mbo"
    switch = first.select_one("nav[aria-label=Akkoorden] a")
    assert switch.get_text() == "Stagepact"
    second = soup(client.get(switch["href"]))
    assert second.select_one("h1").get_text() == "Stagepact"
    assert soup(client.get("/")).select_one("h1").get_text() == "Stagepact"  # remembered
    # The meeting form does not log into the agreement looked at last unasked: it asks.
    form = soup(client.get("/overleggen/nieuw"))
    assert form.select_one("#field-akkoord option[selected]") is None


def test_long_history_shows_the_newest_hundred_with_a_link_to_all(
    client: TestClient, app: Negotiations, world: World
) -> None:
    """A goal with many events lists the newest 100, numbered as in the whole history, and
    links to the full history."""
    assert world.loader is not None
    goal = world.goals["A1"]
    for number in range(110):
        app.revise_wording(
            goal,
            f"Tekst nummer {number}.",
            app.goal_version(goal),
            "r",
            "editorial",
            date(2022, 10, 1),
            world.loader,
        )
    sign_in(client, "demo-onderhandelaar")
    page = soup(client.get(f"/doelstellingen/{goal}"))
    timeline = page.select_one("ol.app-timeline")
    assert len(timeline.find_all("li")) == 100
    total = int(timeline["start"])
    assert total > 110
    assert f"versie {app.goal_version(goal)} " in timeline.find("li").get_text()
    link = page.find("a", string="Volledige geschiedenis tonen")
    full = soup(client.get(link["href"])).select_one("ol.app-timeline")
    assert len(full.find_all("li")) == total


def test_a_long_history_is_compared_with_number_fields(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """Past VERSIONS_LISTED versions the compare form asks for two numbers instead of listing
    every version twice; the GET form still works without JavaScript."""
    goal = world.goals["A1"]
    assert world.loader is not None
    version = app.goal_version(goal)
    while version <= 61:
        version = app.revise_wording(
            goal,
            f"Tekst {version + 1}",
            version,
            "stap",
            "editorial",
            date(2022, 9, 1),
            world.loader,
        )
    sign_in(client, "demo-onderhandelaar")
    page = soup(client.get(f"/doelstellingen/{goal}?van=3&tot=60"))
    for name, value in (("van", "3"), ("tot", "60")):
        field = page.select_one(f"input#field-{name}")
        assert field is not None and field["type"] == "number" and field["value"] == value
        assert field["max"] == str(version)
        assert page.select_one(f"label[for=field-{name}]") is not None
    assert page.select_one("select#field-van") is None
    diff = page.select_one("#verschil")
    assert "Van versie 3 naar versie 60" in diff.get_text()
    assert diff.select_one(".app-diff ins").get_text() == "[ingevoegd: 60]"
    short = soup(client.get(f"/doelstellingen/{world.goals['K1']}"))
    assert short.select_one("select#field-van") is not None
