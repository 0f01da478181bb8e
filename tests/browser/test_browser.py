"""The real pages in Chromium: logging a meeting with and without JavaScript, a revision
conflict, replaying a goal's history, the committee's dashboard, and axe on every page."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from onderhandeling.domain.visibility import MINISTRY
from tests.support.axe import WCAG_21_AA
from tests.support.live_server import LiveServer
from tests.support.page_world import WORDING_2

pytestmark = pytest.mark.browser


def _fill_meeting(page: Any, title: str, world_agreement: str, java_script: bool) -> None:
    page.goto(f"/overleggen/nieuw?akkoord={world_agreement}")
    page.get_by_label("Titel").fill(title)
    page.get_by_label("Datum (bijvoorbeeld 14-10-2022)").fill("14-10-2022")
    page.get_by_label("Soort overleg").select_option("bilateraal")
    present = page.get_by_role("group", name="Aanwezige partijen")
    present.get_by_label("JOB (Jongeren Organisatie Beroepsonderwijs)").check()
    present.get_by_label("MBO Raad", exact=True).check()
    discussed = page.get_by_role("group", name="Besproken doelstellingen")
    discussed.get_by_label("K1 Gelijke kansen op stage").check()
    discussed.get_by_label("A1 Leven lang ontwikkelen").check()
    page.get_by_label("Samenvatting van het overleg (optioneel)").fill("Drie standpunten")
    if not java_script:
        page.get_by_role("button", name="Raster tonen").click()
    job = "Jongeren Organisatie Beroepsonderwijs"
    page.get_by_label(f"Standpunt van {job} over K1 Gelijke kansen op stage").select_option(
        "supports"
    )
    page.get_by_label(f"Standpunt van {job} over A1 Leven lang ontwikkelen").select_option(
        "conditional"
    )
    page.get_by_label("Standpunt van MBO Raad over A1 Leven lang ontwikkelen").select_option(
        "objects"
    )
    page.get_by_text(f"Samenvatting en voorwaarden van {job}").click()
    page.get_by_label(f"Voorwaarden van {job} over A1 Leven lang ontwikkelen").fill(
        "Met geld erbij"
    )
    page.get_by_role("button", name="Overleg opslaan").click()


@pytest.mark.parametrize("java_script", [True, False], ids=["met-javascript", "zonder-javascript"])
def test_negotiator_logs_a_meeting_with_three_positions(
    page_as: Callable[..., Any], live_server: LiveServer, java_script: bool
) -> None:
    """A negotiator logs a meeting with three positions; all three show after saving."""
    page = page_as("demo-onderhandelaar", java_script=java_script)
    title = f"Bilateraal {'js' if java_script else 'zonder js'}"
    _fill_meeting(page, title, str(live_server.world.agreement_id), java_script)
    page.wait_for_url(re.compile(r"/overleggen/[0-9a-f-]{36}$"))
    assert page.get_by_role("heading", level=1).inner_text() == title
    table = page.get_by_role("table", name="Standpunten ingenomen in dit overleg")
    assert table.locator("tbody tr").count() == 3
    assert "steunt onder voorwaarden" in table.inner_text()
    assert "Met geld erbij" in table.inner_text()


def test_meeting_error_summary_gets_focus(page_as: Callable[..., Any]) -> None:
    """A refused meeting form moves focus to the Dutch error summary and keeps the input."""
    page = page_as("demo-onderhandelaar")
    page.goto("/overleggen/nieuw")
    page.get_by_label("Titel").fill("")
    page.get_by_label("Samenvatting van het overleg (optioneel)").fill("Bewaard")
    page.get_by_role("button", name="Overleg opslaan").click()
    summary = page.locator("#foutoverzicht")
    summary.wait_for()
    assert page.evaluate("document.activeElement.id") == "foutoverzicht"
    assert page.get_by_label("Titel").get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Samenvatting van het overleg (optioneel)").input_value() == "Bewaard"


def test_revision_meets_a_conflict_and_keeps_the_text(
    page_as: Callable[..., Any], live_server: LiveServer
) -> None:
    """Someone else's revision in between is shown as a diff; the user's text stays."""
    page = page_as("demo-onderhandelaar")
    goal_id = live_server.world.goals["K1"]
    page.goto(f"/doelstellingen/{goal_id}")
    page.get_by_text("Tekst herzien", exact=True).click()
    based_on = int(page.locator("input[name=based_on]").input_value())
    mine = page.get_by_label("Nieuwe tekst").input_value() + " Met begeleiding."
    page.get_by_label("Nieuwe tekst").fill(mine)
    page.get_by_label("Reden van de wijziging").fill("Begeleiding")
    service = live_server.service
    current = service.goal(goal_id)["wording"]
    assert live_server.world.loader is not None
    service.revise_wording(
        goal_id,
        current + " Ook in de entree.",
        based_on,
        "Entree",
        "substantive",
        date(2022, 10, 2),
        live_server.world.loader,
    )
    page.get_by_role("button", name="Tekst opslaan").click()
    conflict = page.locator("#conflict")
    conflict.wait_for()
    assert "Ook in de entree." in " ".join(conflict.locator("ins").all_inner_texts())
    assert page.get_by_label("Nieuwe tekst").input_value() == mine
    # After merging by hand, saving again works: the form now starts from the current version.
    page.get_by_label("Nieuwe tekst").fill(current + " Ook in de entree. Met begeleiding.")
    page.get_by_role("button", name="Tekst opslaan").click()
    page.wait_for_url(re.compile(rf"/doelstellingen/{goal_id}$"))
    assert "opgeslagen als versie" in page.locator("#meldingen").inner_text()


def test_replay_a_goal_and_diff_two_versions(
    page_as: Callable[..., Any], live_server: LiveServer
) -> None:
    """The slider and previous/next links step through versions; two versions are diffed."""
    page = page_as("demo-onderhandelaar")
    goal_id = live_server.world.goals["A1"]
    assert live_server.world.loader is not None
    service = live_server.service
    if service.goal(goal_id)["version"] == 1:
        service.revise_wording(
            goal_id,
            "Werkenden en werkzoekenden kunnen zich in het mbo blijven ontwikkelen.",
            1,
            "Werkzoekenden",
            "substantive",
            date(2022, 9, 30),
            live_server.world.loader,
        )
    page.goto(f"/doelstellingen/{goal_id}")
    pane = page.locator("#versie")
    slider = page.get_by_label(re.compile("^Versie \\(1 tot en met"))
    slider.fill("1")
    expect(page.locator("#versie-titel")).to_have_text(re.compile("^Versie 1 "))
    assert "versie=1" in page.url
    pane.get_by_role("link", name=re.compile("Volgende versie")).click()
    expect(page.locator("#versie-titel")).to_have_text(re.compile("^Versie 2 "))
    assert "werkzoekenden" in page.locator("#versie .app-wording ins").first.inner_text()
    page.get_by_label("Van versie", exact=True).select_option("1")
    page.get_by_label("Tot versie", exact=True).select_option("2")
    page.get_by_role("button", name="Vergelijk").click()
    expect(page.locator("#verschil-kop")).to_contain_text("versie 1 naar versie 2")
    assert "werkzoekenden" in page.locator("#verschil .app-diff ins").first.inner_text()


def test_committee_reads_the_dashboard(page_as: Callable[..., Any]) -> None:
    """A committee member sees the overview and matrix, but no way to change anything."""
    page = page_as("demo-stuurgroep")
    assert page.get_by_role("table", name="Kansengelijkheid").is_visible()
    # The matrix is a heat map now; its table opens under it (issue 9).
    page.get_by_text("Standpunten als tabel").click()
    matrix = page.get_by_role("table", name="Huidig standpunt van elke partij per doelstelling")
    assert "steunt" in matrix.inner_text()
    assert page.get_by_role("link", name="Overleg vastleggen").count() == 0
    assert page.locator("#overzicht").get_attribute("hx-trigger") == "every 60s"
    page.get_by_role("link", name=re.compile("^K1 ")).first.click()
    assert page.locator("form[method=post] textarea").count() == 0
    assert WORDING_2.split(";")[0][:20] in page.content() or page.locator("#huidige-tekst")


def _pages(live_server: LiveServer) -> list[str]:
    goal = live_server.world.goals["K1"]
    return [
        "/",
        f"/doelstellingen/{goal}",
        f"/overleggen/nieuw?akkoord={live_server.world.agreement_id}",
        "/partijen/JOB",
        f"/akkoord/{live_server.world.agreement_id}",
        f"/akkoord/{live_server.world.agreement_id}/op-datum?datum=01-10-2022&bekend_op=01-10-2022",
        f"/akkoord/{live_server.world.agreement_id}/vergelijk?van=CWIZO-versie&tot=nu",
        "/toegankelijkheid",
        "/doelstellingen/00000000-0000-0000-0000-000000000000",
    ]


def test_axe_finds_no_wcag_violation_on_any_page(
    page_as: Callable[..., Any], live_server: LiveServer
) -> None:
    """axe-core (shipped with axe-playwright-python) reports no WCAG 2.1 A/AA violation."""
    axe = Axe()
    page = page_as("demo-onderhandelaar")
    reports = []
    for path in _pages(live_server):
        page.goto(path)
        result = axe.run(page, options=WCAG_21_AA)
        if result.violations_count:
            reports.append(f"{path}\n{result.generate_report()}")
    # A meeting page, and the meeting form with its error summary.
    meeting = live_server.service.meetings(live_server.world.agreement_id, MINISTRY)[0]
    page.goto(f"/overleggen/{meeting['id']}")
    result = axe.run(page, options=WCAG_21_AA)
    if result.violations_count:
        reports.append(f"meeting page\n{result.generate_report()}")
    page.goto(f"/overleggen/nieuw?akkoord={live_server.world.agreement_id}")
    page.get_by_role("button", name="Overleg opslaan").click()
    page.locator("#foutoverzicht").wait_for()
    result = axe.run(page, options=WCAG_21_AA)
    if result.violations_count:
        reports.append(f"meeting form with errors\n{result.generate_report()}")
    assert not reports, "\n\n".join(reports)


def test_axe_on_the_sign_in_page_and_committee_view(
    chromium: Any, page_as: Callable[..., Any], live_server: LiveServer
) -> None:
    """The sign-in form and the committee's dashboard pass axe too."""
    axe = Axe()
    context = chromium.new_context(base_url=live_server.url)
    try:
        anonymous = context.new_page()
        anonymous.goto("/aanmelden")
        result = axe.run(anonymous, options=WCAG_21_AA)
        assert result.violations_count == 0, result.generate_report()
    finally:
        context.close()
    page = page_as("demo-stuurgroep")
    result = axe.run(page, options=WCAG_21_AA)
    assert result.violations_count == 0, result.generate_report()
