"""Corrections in Chromium: a negotiator corrects a position and withdraws a meeting on the
meeting's page, with JavaScript (htmx swaps the page's content in place) and without (POST,
redirect, GET); axe stays clean on every new page and state."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID, uuid4

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from onderhandeling.service import PositionInput
from tests.support.axe import WCAG_21_AA
from tests.support.live_server import LiveServer

pytestmark = pytest.mark.browser

FUTURE = "01-01-2099"


def fresh_meeting(live_server: LiveServer, title: str, internal: bool = False) -> UUID:
    """A meeting of its own for one test (the live server's store is shared by the suite)."""
    service, world = live_server.service, live_server.world
    assert world.loader is not None
    logged = service.log_meeting(
        world.agreement_id,
        title,
        "bilateraal",
        date(2022, 10, 5),
        [world.parties["JOB"], world.parties["MBORAAD"]],
        "Gesprek over de stage",
        "internal" if internal else "shared",
        [
            PositionInput(world.goals["A1"], world.parties["JOB"], "supports", "JOB steunt A1"),
            PositionInput(
                world.goals["A1"], world.parties["MBORAAD"], "neutral", "MBO Raad twijfelt"
            ),
        ],
        world.loader,
    )
    return logged.meeting_id


def _mark_no_reload(page: Any, java_script: bool) -> None:
    if java_script:
        page.evaluate("window.nietHerladen = true")


def _assert_no_reload(page: Any, java_script: bool) -> None:
    if java_script:
        # htmx swapped the content in place: the page was never reloaded.
        assert page.evaluate("window.nietHerladen") is True


@pytest.mark.parametrize("java_script", [True, False], ids=["met-javascript", "zonder-javascript"])
def test_negotiator_corrects_a_position(
    page_as: Callable[..., Any], live_server: LiveServer, java_script: bool
) -> None:
    """A position corrected on its meeting's page shows beside the original, with the
    reason; a refused correction first marks the field and keeps what was typed."""
    meeting = fresh_meeting(live_server, f"Correctie {uuid4().hex[:6]}")
    page = page_as("demo-onderhandelaar", java_script=java_script)
    page.goto(f"/overleggen/{meeting}")
    _mark_no_reload(page, java_script)
    section = page.get_by_role("region", name="A1 – Jongeren Organisatie Beroepsonderwijs: steunt")
    section.locator("summary", has_text="Corrigeren").click()
    section.get_by_label(re.compile("^Standpunt")).select_option("objects")
    section.get_by_label(re.compile("^Reden van de correctie")).fill("")
    section.get_by_role("button", name=re.compile("^Correctie opslaan")).click()
    summary = page.locator("#foutoverzicht")
    expect(summary).to_contain_text("Vul de reden van de correctie in.")
    expect(summary).to_be_focused()
    section = page.get_by_role("region", name="A1 – Jongeren Organisatie Beroepsonderwijs: steunt")
    assert section.get_by_label(re.compile("^Standpunt")).input_value() == "objects"
    section.get_by_label(re.compile("^Reden van de correctie")).fill("Verkeerd genoteerd")
    section.get_by_role("button", name=re.compile("^Correctie opslaan")).click()
    if java_script:
        notice = page.locator(".app-notice")
        expect(notice).to_have_text("Het standpunt is gecorrigeerd.")
        expect(notice).to_be_focused()
    else:
        expect(page.locator("#meldingen")).to_contain_text("Het standpunt is gecorrigeerd.")
    _assert_no_reload(page, java_script)
    table = page.get_by_role("table", name="Standpunten ingenomen in dit overleg")
    rows = table.locator("tbody tr", has_text="JOB")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Gecorrigeerd op")
    expect(rows.nth(1)).to_contain_text("bezwaar")
    expect(rows.nth(1)).to_contain_text("Reden: Verkeerd genoteerd")
    assert page.url.endswith(f"/overleggen/{meeting}")


@pytest.mark.parametrize("java_script", [True, False], ids=["met-javascript", "zonder-javascript"])
def test_negotiator_withdraws_a_meeting(
    page_as: Callable[..., Any], live_server: LiveServer, java_script: bool
) -> None:
    """A withdrawn meeting says so with the reason, its positions lapse and the list of
    meetings marks it withdrawn."""
    title = f"Dubbel {uuid4().hex[:6]}"
    meeting = fresh_meeting(live_server, title)
    page = page_as("demo-onderhandelaar", java_script=java_script)
    page.goto(f"/akkoord/{live_server.world.agreement_id}/overleggen")
    page.get_by_role("link", name=title).click()
    page.wait_for_url(re.compile(rf"/overleggen/{meeting}$"))
    _mark_no_reload(page, java_script)
    page.locator("summary", has_text="Overleg intrekken").click()
    page.get_by_label("Reden van het intrekken van het overleg").fill("Dubbel vastgelegd")
    page.get_by_role("button", name="Overleg intrekken").click()
    expect(page.locator("#ingetrokken")).to_contain_text("Reden: Dubbel vastgelegd")
    _assert_no_reload(page, java_script)
    table = page.get_by_role("table", name="Standpunten ingenomen in dit overleg")
    expect(table.locator("tbody tr", has_text="Vervallen met het overleg.")).to_have_count(2)
    expect(page.get_by_role("button", name="Overleg intrekken")).to_have_count(0)
    page.get_by_role("link", name=re.compile("^Alle overleggen")).click()
    row = page.get_by_role("row", name=re.compile(re.escape(title)))
    expect(row).to_contain_text("Ingetrokken")


def _axe(page: Any, state: str, reports: list[str]) -> None:
    result = Axe().run(page, options=WCAG_21_AA)
    if result.violations_count:
        reports.append(f"{state}\n{result.generate_report()}")


def test_axe_finds_no_violation_on_the_correction_pages(
    page_as: Callable[..., Any], live_server: LiveServer
) -> None:
    """The list of meetings, a meeting page with every form open, with a refusal and
    withdrawn, a decision page with its form open, and the goal page with struck history."""
    service, world = live_server.service, live_server.world
    assert world.loader is not None
    meeting = fresh_meeting(live_server, f"Axe {uuid4().hex[:6]}")
    decision = service.record_decision(
        world.agreement_id,
        "MOCW",
        "34313238",
        "Salarismix",
        "Scenario 1",
        date(2022, 10, 3),
        world.loader,
        goal_ids=[world.goals["A1"]],
    )
    reports: list[str] = []
    page = page_as("demo-onderhandelaar")
    page.goto(f"/akkoord/{world.agreement_id}/overleggen")
    _axe(page, "list of meetings", reports)
    page.goto(f"/overleggen/{meeting}")
    for summary in page.locator("details > summary").all():
        summary.click()
    expect(page.locator("details:not([open])")).to_have_count(0)
    _axe(page, "meeting page, every form open", reports)
    page.get_by_label("Datum (bijvoorbeeld 14-10-2022)").fill(FUTURE)
    page.get_by_label("Reden van de correctie van het overleg").fill("Datum")
    page.get_by_role("button", name="Correctie van het overleg opslaan").click()
    expect(page.locator("#fout-overleg-datum")).to_contain_text("in de toekomst")
    _axe(page, "meeting page with a refusal", reports)
    position = next(p for p in service.meeting(meeting)["positions"] if p["party"] == "JOB")
    service.retract_position(UUID(position["id"]), "Was er niet", world.loader)
    service.withdraw_meeting(meeting, "Dubbel", world.loader)
    page.goto(f"/overleggen/{meeting}")
    _axe(page, "withdrawn meeting", reports)
    page.goto(f"/besluiten/{decision}")
    page.locator("summary", has_text="Besluit corrigeren").click()
    _axe(page, "decision page, form open", reports)
    page.goto(f"/doelstellingen/{world.goals['A1']}")
    expect(page.locator("ol.app-timeline")).to_contain_text("Doorgehaald")
    _axe(page, "goal page with struck history", reports)
    committee = page_as("demo-stuurgroep")
    committee.goto(f"/akkoord/{world.agreement_id}/overleggen")
    _axe(committee, "committee's list of meetings", reports)
    assert not reports, "\n\n".join(reports)


def test_the_correction_pages_fit_a_phone(
    page_as: Callable[..., Any], live_server: LiveServer
) -> None:
    """At 390 px nothing but a table's own scroll area is wider than the screen: no long
    Dutch compound in a heading, no hidden text in a table cell widens the page."""
    world = live_server.world
    meeting = fresh_meeting(live_server, "Strategische begeleidingscommissie: slotronde")
    page = page_as("demo-onderhandelaar")
    page.set_viewport_size({"width": 390, "height": 844})
    for path in (
        f"/akkoord/{world.agreement_id}/overleggen",
        f"/overleggen/{meeting}",
        f"/doelstellingen/{world.goals['A1']}",
    ):
        page.goto(path)
        for summary in page.locator("details > summary").all():
            summary.click()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width} px wide"
