"""Records corrected through the pages: the list of meetings, a meeting's page with its
correction forms (as a plain form post and sent by htmx), a decision's correction, the goal
page's marks, and every refusal said in Dutch at the field it is about."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any
from uuid import UUID

import pytest
from starlette.testclient import TestClient

from onderhandeling.domain.visibility import MINISTRY
from onderhandeling.service import Negotiations
from onderhandeling.web.app import create_app
from tests.support.page_world import SECRET_SUMMARY, World, build_world
from tests.support.pages import FUTURE, form_token, post, sign_in, soup, text_of


@pytest.fixture
def world(app: Negotiations) -> World:
    return build_world(app)


@pytest.fixture
def client(app: Negotiations, world: World) -> Iterator[TestClient]:
    with TestClient(create_app(app), headers={"Accept": "text/html"}) as test_client:
        yield test_client


def meeting_id(app: Negotiations, world: World, title: str) -> str:
    found = [m["id"] for m in app.meetings(world.agreement_id) if m["title"] == title]
    assert found, title
    return found[0]


def committee_meeting(app: Negotiations, world: World) -> str:
    return meeting_id(app, world, "Begeleidingscommissie september")


def position_of(app: Negotiations, meeting: str, party: str) -> dict[str, Any]:
    found = app.meeting(UUID(meeting))["positions"]
    return next(p for p in found if p["party"] == party and p["standing"])


def meeting_facts(world: World, **changes: Any) -> dict[str, Any]:
    """The committee meeting's correction form as it starts, with some fields changed."""
    facts: dict[str, Any] = {
        "titel": "Begeleidingscommissie september",
        "datum": "15-09-2022",
        "soort": "begeleidingscommissie",
        "partijen": [str(world.parties[c]) for c in ("OCW", "JOB", "MBORAAD")],
        "samenvatting": "Eerste bespreking",
        "toelichting": "",
    }
    facts.update(changes)
    return facts


# --- the list of meetings --------------------------------------------------------------------


def test_the_list_of_meetings_shows_each_with_its_facts_and_counts(
    client: TestClient, world: World
) -> None:
    """Date in Dutch, kind, title linking to its page, parties present, standing positions."""
    sign_in(client, "demo-onderhandelaar")
    response = client.get(f"/akkoord/{world.agreement_id}/overleggen")
    assert response.status_code == 200
    page = soup(response)
    row = page.find("a", string="Begeleidingscommissie september").find_parent("tr")
    cells = [" ".join(c.get_text().split()) for c in row.find_all(["th", "td"])]
    assert cells[1:5] == ["15 september 2022", "begeleidingscommissie", "OCW, JOB, MBO Raad", "2"]
    assert cells[5] == "geen"
    link = row.find("a")["href"]
    assert soup(client.get(link)).h1.get_text().strip() == "Begeleidingscommissie september"
    assert "Intern vooroverleg" in page.get_text()
    assert page.find("dt", string="MBO Raad").find_next("dd").get_text() == "MBO Raad"


def test_the_list_marks_corrected_and_withdrawn_meetings_in_words(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """How often a meeting was corrected, and that it was withdrawn, are said in text."""
    assert world.loader is not None
    shared = committee_meeting(app, world)
    app.correct_meeting(UUID(shared), reason="titel", recorded_by=world.loader, title="BC sept")
    app.correct_meeting(UUID(shared), reason="weer", recorded_by=world.loader, title="BC 15 sept")
    internal = meeting_id(app, world, "Intern vooroverleg")
    app.withdraw_meeting(UUID(internal), "Dubbel vastgelegd", world.loader)
    sign_in(client, "demo-onderhandelaar")
    page = soup(client.get(f"/akkoord/{world.agreement_id}/overleggen"))
    corrected = page.find("a", string="BC 15 sept").find_parent("tr")
    assert "2 keer gecorrigeerd" in corrected.get_text()
    withdrawn = page.find("a", string="Intern vooroverleg").find_parent("tr")
    assert "Ingetrokken" in withdrawn.get_text()
    assert "Dubbel vastgelegd" in withdrawn.get_text()
    assert withdrawn.find_all("td")[3].get_text().strip() == "0"


def test_the_list_is_linked_from_the_menu_and_the_agreement_page(
    client: TestClient, world: World
) -> None:
    """The menu and the agreement page lead to the list of meetings."""
    sign_in(client, "demo-stuurgroep")
    target = f"/akkoord/{world.agreement_id}/overleggen"
    page = soup(client.get(f"/akkoord/{world.agreement_id}"))
    assert page.select_one(f"nav a[href$='{target}']").get_text() == "Overleggen"
    assert page.select_one(f"main a[href$='{target}']") is not None
    listed = soup(client.get(target))
    assert listed.select_one("nav a[aria-current=page]").get_text() == "Overleggen"


def test_the_committee_sees_no_internal_meeting_and_no_forms(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """The committee's list leaves the internal meeting out; its page is a 404; a shared
    meeting's page has no form; a correction posted anyway is refused."""
    sign_in(client, "demo-stuurgroep")
    listed = client.get(f"/akkoord/{world.agreement_id}/overleggen")
    assert "Intern vooroverleg" not in listed.text
    assert SECRET_SUMMARY not in listed.text
    internal = meeting_id(app, world, "Intern vooroverleg")
    hidden = client.get(f"/overleggen/{internal}")
    assert hidden.status_code == 404
    assert SECRET_SUMMARY not in hidden.text
    shared = committee_meeting(app, world)
    page = soup(client.get(f"/overleggen/{shared}"))
    assert (
        page.find("form", attrs={"method": "post", "action": lambda a: "afmelden" not in a}) is None
    )
    assert page.find("details") is None
    refused = post(
        client,
        f"/overleggen/{shared}",
        f"/overleggen/{shared}/intrekking",
        {"toelichting": "niet van mij"},
    )
    assert refused.status_code == 403
    assert not app.meeting(UUID(shared))["withdrawn"]


# --- the meeting page ------------------------------------------------------------------------


def test_the_meeting_page_shows_facts_positions_and_history(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """Facts with party names, each position with where it stands, the history of the facts."""
    sign_in(client, "demo-onderhandelaar")
    page = soup(client.get(f"/overleggen/{committee_meeting(app, world)}"))
    assert "MBO Raad" in text_of(page, ".app-facts")
    assert "MBORAAD" not in text_of(page, ".app-facts")
    rows = page.select("table tbody tr")
    assert [r.th.get_text() for r in rows] == ["K1 Gelijke kansen op stage"] * 2
    assert all("Geldt." in r.get_text() for r in rows)
    assert "Vastgelegd" in text_of(page, "ol.app-history")
    assert len(page.select("section.app-record-edit")) == 2


def test_correcting_the_meetings_facts_without_javascript(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """A plain POST saves, redirects to the page, and the history says what changed and why."""
    sign_in(client, "demo-onderhandelaar")
    shared = committee_meeting(app, world)
    path = f"/overleggen/{shared}"
    data = meeting_facts(world, datum="14-09-2022", toelichting="Verkeerde dag overgenomen")
    response = post(client, path, f"{path}/correctie", data)
    assert response.status_code == 303
    assert response.headers["location"].endswith(path)
    page = soup(client.get(path))
    assert "De gegevens van het overleg zijn gecorrigeerd." in text_of(page, "#meldingen")
    assert "14 september 2022" in text_of(page, ".app-facts")
    history = text_of(page, "ol.app-history")
    assert "Gecorrigeerd" in history
    assert "Reden: Verkeerde dag overgenomen" in history
    assert "Datum: was 15 september 2022, werd 14 september 2022" in history
    assert app.meeting(UUID(shared))["held_on"] == "2022-09-14"


def test_correcting_the_meetings_facts_with_htmx_returns_the_content(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """Sent by htmx, the answer is the page's content with the message, not a redirect."""
    sign_in(client, "demo-onderhandelaar")
    shared = committee_meeting(app, world)
    path = f"/overleggen/{shared}"
    data = meeting_facts(world, titel="Begeleidingscommissie 15 september", toelichting="Titel")
    response = post(client, path, f"{path}/correctie", data, htmx=True)
    assert response.status_code == 200
    assert "HX-Request" in response.headers["vary"]
    assert "<html" not in response.text
    fragment = soup(response)
    assert fragment.h1.get_text().strip() == "Begeleidingscommissie 15 september"
    assert text_of(fragment, ".app-notice") == "De gegevens van het overleg zijn gecorrigeerd."
    assert fragment.select_one("details[open]") is None


@pytest.mark.parametrize("htmx", [False, True], ids=["zonder-htmx", "met-htmx"])
def test_a_meeting_dated_in_the_future_is_refused_at_the_date_field(
    app: Negotiations, client: TestClient, world: World, htmx: bool
) -> None:
    """The date is marked with the Dutch reason and the dates allowed; what was typed stays
    and the form stays open."""
    sign_in(client, "demo-onderhandelaar")
    path = f"/overleggen/{committee_meeting(app, world)}"
    data = meeting_facts(world, titel="Nieuwe titel", datum=FUTURE, toelichting="typfout")
    response = post(client, path, f"{path}/correctie", data, htmx=htmx)
    assert response.status_code == 422
    page = soup(response)
    field = page.select_one("#field-overleg-datum")
    assert field["aria-invalid"] == "true"
    assert field["value"] == FUTURE
    assert page.select_one("#field-overleg-titel")["value"] == "Nieuwe titel"
    assert text_of(page, "#fout-overleg-datum") == (
        "Fout: Deze datum ligt in de toekomst. Vul een datum in tussen 15-08-2022 en vandaag."
    )
    assert page.select_one("#field-overleg-datum").find_parent("details").has_attr("open")
    assert ("<html" in response.text) is not htmx


def test_a_meeting_dated_before_the_negotiation_is_refused(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """A date before the agreement started says so."""
    sign_in(client, "demo-onderhandelaar")
    path = f"/overleggen/{committee_meeting(app, world)}"
    data = meeting_facts(world, datum="01-01-2021", toelichting="typfout")
    page = soup(post(client, path, f"{path}/correctie", data))
    assert "vóór het begin van de onderhandeling" in text_of(page, "#fout-overleg-datum")


def test_a_correction_that_changes_nothing_is_refused_at_the_reason(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """Saving the facts unchanged says the correction changes nothing."""
    sign_in(client, "demo-onderhandelaar")
    path = f"/overleggen/{committee_meeting(app, world)}"
    response = post(client, path, f"{path}/correctie", meeting_facts(world, toelichting="niets"))
    assert response.status_code == 422
    message = text_of(soup(response), "#fout-overleg-toelichting")
    assert message.startswith("Fout: De correctie verandert niets")


def test_a_correction_needs_a_reason(app: Negotiations, client: TestClient, world: World) -> None:
    """Without a reason nothing is saved and the reason field asks for one."""
    sign_in(client, "demo-onderhandelaar")
    shared = committee_meeting(app, world)
    path = f"/overleggen/{shared}"
    response = post(client, path, f"{path}/correctie", meeting_facts(world, titel="Anders"))
    assert response.status_code == 422
    assert "Vul de reden van de correctie in." in text_of(soup(response), "#foutoverzicht")
    assert app.meeting(UUID(shared))["corrections"] == 0


def test_a_party_with_positions_cannot_be_taken_off_the_meeting(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """Removing a present party that took positions names the party at the parties field."""
    sign_in(client, "demo-onderhandelaar")
    path = f"/overleggen/{committee_meeting(app, world)}"
    present = [str(world.parties[c]) for c in ("OCW", "JOB")]
    data = meeting_facts(world, partijen=present, toelichting="MBO Raad was er niet")
    page = soup(post(client, path, f"{path}/correctie", data))
    assert text_of(page, "#fout-overleg-partijen").startswith(
        "Fout: MBO Raad heeft nog standpunten in dit overleg."
    )
    boxes = page.select("#field-overleg-partijen input:checked")
    assert sorted(b["value"] for b in boxes) == sorted(present)


@pytest.mark.parametrize("htmx", [False, True], ids=["zonder-htmx", "met-htmx"])
def test_withdrawing_a_meeting(
    app: Negotiations, client: TestClient, world: World, htmx: bool
) -> None:
    """The meeting shows as withdrawn with the reason, its positions lapse, its forms go."""
    sign_in(client, "demo-onderhandelaar")
    shared = committee_meeting(app, world)
    path = f"/overleggen/{shared}"
    response = post(client, path, f"{path}/intrekking", {"toelichting": "Dubbel"}, htmx=htmx)
    assert response.status_code == (200 if htmx else 303)
    page = soup(response if htmx else client.get(path))
    assert "Dit overleg is ingetrokken" in text_of(page, "#ingetrokken")
    assert "Reden: Dubbel" in text_of(page, "#ingetrokken")
    assert all("Vervallen met het overleg." in r.get_text() for r in page.select("tbody tr"))
    assert page.select("form[action*=correctie], form[action*=intrekking]") == []
    assert app.meeting(UUID(shared))["withdrawn"]


def test_withdrawing_needs_a_reason(app: Negotiations, client: TestClient, world: World) -> None:
    """An empty reason is asked for at the withdrawal form, which stays open."""
    sign_in(client, "demo-onderhandelaar")
    path = f"/overleggen/{committee_meeting(app, world)}"
    response = post(client, path, f"{path}/intrekking", {"toelichting": " "})
    assert response.status_code == 422
    field = soup(response).select_one("#field-overleg-intrekken-toelichting")
    assert field["aria-invalid"] == "true"
    assert field.find_parent("details").has_attr("open")


def test_a_withdrawn_meeting_takes_no_correction(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """A correction sent from a page opened before the withdrawal is refused in words."""
    sign_in(client, "demo-onderhandelaar")
    shared = committee_meeting(app, world)
    path = f"/overleggen/{shared}"
    token = form_token(client, path)
    assert world.loader is not None
    app.withdraw_meeting(UUID(shared), "Dubbel", world.loader)
    data = {"csrf_token": token, **meeting_facts(world, titel="Later", toelichting="titel")}
    response = client.post(f"{path}/correctie", data=data)
    assert response.status_code == 409
    assert "Dit overleg is ingetrokken." in text_of(soup(response), "#foutoverzicht")


def test_committee_sees_no_internal_history_on_the_meeting_page(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """A meeting later made internal is gone for the committee; the ministry still sees it."""
    assert world.loader is not None
    shared = committee_meeting(app, world)
    app.correct_meeting(
        UUID(shared), reason="Vertrouwelijk", recorded_by=world.loader, confidentiality="internal"
    )
    assert app.meetings(world.agreement_id, MINISTRY)
    sign_in(client, "demo-stuurgroep")
    assert client.get(f"/overleggen/{shared}").status_code == 404
    listed = client.get(f"/akkoord/{world.agreement_id}/overleggen").text
    assert "Begeleidingscommissie september" not in listed


# --- positions -------------------------------------------------------------------------------


@pytest.mark.parametrize("htmx", [False, True], ids=["zonder-htmx", "met-htmx"])
def test_correcting_a_position(
    app: Negotiations, client: TestClient, world: World, htmx: bool
) -> None:
    """The correction replaces the position; both show, the original marked corrected, the
    correction with its reason, who recorded it and when."""
    sign_in(client, "demo-onderhandelaar")
    shared = committee_meeting(app, world)
    path = f"/overleggen/{shared}"
    original = position_of(app, shared, "JOB")
    action = f"{path}/standpunten/{original['id']}/correctie"
    data = {
        "standpunt": "objects",
        "samenvatting": original["summary"],
        "voorwaarden": "",
        "intern_getoond": "1",
        "toelichting": "Verkeerd genoteerd",
    }
    response = post(client, path, action, data, htmx=htmx)
    assert response.status_code == (200 if htmx else 303)
    page = soup(response if htmx else client.get(path))
    rows = [r for r in page.select("tbody tr") if r.find_all("td")[0].get_text().strip() == "JOB"]
    assert len(rows) == 2
    assert "Gecorrigeerd op" in rows[0].get_text()
    assert "door demo-onderhandelaar" in rows[0].get_text()
    assert "bezwaar" in rows[1].get_text()
    assert "Reden: Verkeerd genoteerd" in " ".join(rows[1].get_text().split())
    corrected = position_of(app, shared, "JOB")
    assert corrected["stance"] == "objects" and corrected["corrects"] == original["id"]


@pytest.mark.parametrize("htmx", [False, True], ids=["zonder-htmx", "met-htmx"])
def test_retracting_a_position(
    app: Negotiations, client: TestClient, world: World, htmx: bool
) -> None:
    """A retracted position stays on the page, marked retracted with when, who and why."""
    sign_in(client, "demo-onderhandelaar")
    shared = committee_meeting(app, world)
    path = f"/overleggen/{shared}"
    original = position_of(app, shared, "MBORAAD")
    action = f"{path}/standpunten/{original['id']}/intrekking"
    response = post(client, path, action, {"toelichting": "Was er niet"}, htmx=htmx)
    assert response.status_code == (200 if htmx else 303)
    page = soup(response if htmx else client.get(path))
    row = next(r for r in page.select("tbody tr") if "MBO Raad" in r.get_text())
    text = " ".join(row.get_text().split())
    assert "Ingetrokken op" in text
    assert "door demo-onderhandelaar. Reden: Was er niet" in text
    assert page.select_one(f"#standpunt-{original['id']}") is None


def test_a_position_already_corrected_is_refused_in_words(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """A second correction from a stale page says the position was already corrected."""
    sign_in(client, "demo-onderhandelaar")
    shared = committee_meeting(app, world)
    path = f"/overleggen/{shared}"
    original = position_of(app, shared, "JOB")
    token = form_token(client, path)
    assert world.loader is not None
    app.correct_position(
        UUID(original["id"]), reason="eerst", recorded_by=world.loader, stance="neutral"
    )
    response = client.post(
        f"{path}/standpunten/{original['id']}/intrekking",
        data={"csrf_token": token, "toelichting": "ook"},
    )
    assert response.status_code == 409
    assert "al gecorrigeerd of ingetrokken" in text_of(soup(response), "#foutoverzicht")


def test_a_position_correction_that_changes_nothing_is_refused(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """The refusal is marked at the position's reason field, its form open, input kept."""
    sign_in(client, "demo-onderhandelaar")
    shared = committee_meeting(app, world)
    path = f"/overleggen/{shared}"
    original = position_of(app, shared, "JOB")
    data = {
        "standpunt": original["stance"],
        "samenvatting": original["summary"],
        "voorwaarden": "",
        "intern_getoond": "1",
        "toelichting": "Zomaar",
    }
    action = f"{path}/standpunten/{original['id']}/correctie"
    response = post(client, path, action, data, htmx=True)
    assert response.status_code == 422
    key = f"standpunt-{original['id'][:8]}-toelichting"
    page = soup(response)
    assert "De correctie verandert niets" in text_of(page, f"#fout-{key}")
    assert page.select_one(f"#field-{key}").get_text() == "Zomaar"
    assert page.select_one(f"#field-{key}").find_parent("details").has_attr("open")


def test_a_position_of_another_meeting_is_not_found(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """A position is corrected through its own meeting's page only."""
    sign_in(client, "demo-onderhandelaar")
    shared = committee_meeting(app, world)
    other = position_of(app, meeting_id(app, world, "Intern vooroverleg"), "OCW")
    path = f"/overleggen/{shared}"
    action = f"{path}/standpunten/{other['id']}/intrekking"
    assert post(client, path, action, {"toelichting": "x"}).status_code == 404


# --- decisions -------------------------------------------------------------------------------


def _decision(app: Negotiations, world: World) -> UUID:
    assert world.loader is not None
    return app.record_decision(
        world.agreement_id,
        "MOCW",
        "34313238",
        "Salarismix",
        "Scenario 1",
        date(2022, 10, 3),
        world.loader,
        goal_ids=[world.goals["K1"]],
    )


@pytest.mark.parametrize("htmx", [False, True], ids=["zonder-htmx", "met-htmx"])
def test_correcting_a_decision(
    app: Negotiations, client: TestClient, world: World, htmx: bool
) -> None:
    """The agreement page links the decision; its correction shows with the original."""
    decision = _decision(app, world)
    sign_in(client, "demo-onderhandelaar")
    agreement = soup(client.get(f"/akkoord/{world.agreement_id}"))
    path = agreement.find("a", string="Salarismix")["href"]
    assert path.endswith(f"/besluiten/{decision}")
    data = {
        "kenmerk": "34313239",
        "titel": "Salarismix",
        "tekst": "Scenario 1",
        "datum": "03-10-2022",
        "toelichting": "Kenmerk verkeerd overgenomen",
    }
    headers = {"HX-Request": "true", "HX-Target": "besluit-inhoud"} if htmx else {}
    response = client.post(
        f"{path}/correctie",
        data={"csrf_token": form_token(client, path), **data},
        headers=headers,
        follow_redirects=False,
    )
    assert response.status_code == (200 if htmx else 303)
    page = soup(response if htmx else client.get(path))
    assert "Besluit 34313239" in page.h1.get_text()
    history = text_of(page, "ol.app-history")
    assert "Kenmerk: was ‘34313238’, werd ‘34313239’" in history
    assert "Reden: Kenmerk verkeerd overgenomen" in history
    assert "1 keer gecorrigeerd" in text_of(
        soup(client.get(f"/akkoord/{world.agreement_id}")), "main"
    )


def test_a_decision_dated_in_the_future_is_refused_at_its_date(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """The decision's date field gets the Dutch message; the typed text stays."""
    path = f"/besluiten/{_decision(app, world)}"
    sign_in(client, "demo-onderhandelaar")
    data = {
        "kenmerk": "34313238",
        "titel": "Salarismix",
        "tekst": "Scenario 1 met aanvulling",
        "datum": FUTURE,
        "toelichting": "Datum",
    }
    response = post(client, path, f"{path}/correctie", data)
    assert response.status_code == 422
    page = soup(response)
    assert "Deze datum ligt in de toekomst." in text_of(page, "#fout-besluit-datum")
    assert page.select_one("#field-besluit-tekst").get_text() == "Scenario 1 met aanvulling"


def test_the_committee_reads_a_decision_without_a_form(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """The committee sees a shared decision, not its correction form."""
    path = f"/besluiten/{_decision(app, world)}"
    sign_in(client, "demo-stuurgroep")
    page = soup(client.get(path))
    assert "Salarismix" in page.h1.get_text()
    assert page.select("form[action$=correctie]") == []


# --- the goal page ---------------------------------------------------------------------------


def test_the_goal_page_marks_corrections_and_struck_history(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """Positions say when they were corrected or retracted and link to their meeting; the
    history keeps the originals, struck through with the words saying so."""
    assert world.loader is not None
    shared = committee_meeting(app, world)
    job = position_of(app, shared, "JOB")
    app.correct_position(
        UUID(job["id"]), reason="Verkeerd genoteerd", recorded_by=world.loader, stance="objects"
    )
    mbo = position_of(app, shared, "MBORAAD")
    app.retract_position(UUID(mbo["id"]), "Was er niet", world.loader)
    sign_in(client, "demo-onderhandelaar")
    page = soup(client.get(f"/doelstellingen/{world.goals['K1']}"))
    table = page.find("caption", string=lambda s: s and "Standpunten" in s).parent
    text = " ".join(table.get_text().split())
    assert "Gecorrigeerd op" in text
    assert "Correctie van" in text and "Reden: Verkeerd genoteerd" in text
    assert "Ingetrokken op" in text and "Reden: Was er niet" in text
    assert table.find("a", href=f"http://testserver/overleggen/{shared}") is not None
    timeline = page.select_one("ol.app-timeline")
    struck = [li for li in timeline.find_all("li") if "Doorgehaald" in li.get_text()]
    assert len(struck) == 1
    assert "MBO Raad standpunt op K1" in struck[0].select_one(".app-struck").get_text()
    assert "Reden van de correctie: Verkeerd genoteerd" in timeline.get_text()


def test_the_goal_history_lists_what_a_meeting_correction_changed(
    app: Negotiations, client: TestClient, world: World
) -> None:
    """A corrected meeting date shows beside the originals as was → became."""
    assert world.loader is not None
    shared = committee_meeting(app, world)
    app.correct_meeting(
        UUID(shared), reason="Dag", recorded_by=world.loader, held_on=date(2022, 9, 14)
    )
    sign_in(client, "demo-stuurgroep")
    timeline = text_of(soup(client.get(f"/doelstellingen/{world.goals['K1']}")), "ol.app-timeline")
    assert "Datum: was 15 september 2022, werd 14 september 2022" in timeline
