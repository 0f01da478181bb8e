"""Fast meeting entry in Chromium: a negotiator logs 4 parties × 3 goals in the grid, and the
interactions it takes are counted against the form it replaced; keyboard only, without
JavaScript, an error swapped in with JavaScript; the form fits 1280 and 390 px, axe-clean.

Screenshots go to artefacts/screenshots/ in the repository (for people to look at; the test
compares nothing in them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from onderhandeling.domain.visibility import MINISTRY
from onderhandeling.dutch.parties import short_name
from tests.support.axe import WCAG_21_AA
from tests.support.live_server import LiveServer

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artefacts" / "screenshots"

# The form this grid replaced (commit cb35949, one fieldset per position: goal, party,
# stance, summary, conditions, "Rij toevoegen"), driven through the same 4 × 3 meeting as
# test_grid_takes_a_third_of_the_interactions with the same Counter, on the same kind of
# live server: title 1 + kind 1 + 4 parties present + per position goal, party and stance
# selects and the summary it required (4 × 12 = 48) + "Rij toevoegen" for rows 2–12 (11)
# + "Overleg opslaan" 1 = 66. The issue's own estimate was 12 × (2 clicks + ~5 fields).
ROW_FORM_INTERACTIONS = 66

PARTIES = ("OCW", "JOB", "MBORAAD", "SBB")
NAMES = {
    "OCW": "Ministerie van Onderwijs, Cultuur en Wetenschap",
    "JOB": "Jongeren Organisatie Beroepsonderwijs",
    "MBORAAD": "MBO Raad",
    "SBB": "Samenwerkingsorganisatie Beroepsonderwijs Bedrijfsleven",
}


def _present_label(code: str) -> str:
    """A party in the "present" list: its short name, its full name after it if it differs."""
    short = short_name(code, NAMES[code])
    return NAMES[code] if short == NAMES[code] else f"{short} ({NAMES[code]})"


GOALS = {"R1": "Stages voor iedereen", "R2": "Doorlopende leerroutes", "R3": "Bevoegde docenten"}
STANCES = {
    ("OCW", "R1"): "supports",
    ("OCW", "R2"): "supports",
    ("OCW", "R3"): "neutral",
    ("JOB", "R1"): "supports",
    ("JOB", "R2"): "conditional",
    ("JOB", "R3"): "objects",
    ("MBORAAD", "R1"): "conditional",
    ("MBORAAD", "R2"): "supports",
    ("MBORAAD", "R3"): "supports",
    ("SBB", "R1"): "neutral",
    ("SBB", "R2"): "objects",
    ("SBB", "R3"): "blocks",
}


class Counter:
    """Playwright actions that a person would do, counted: clicks (and ticks), fills,
    selects and key presses. Waiting and reading are not interactions."""

    def __init__(self) -> None:
        self.count = 0

    def fill(self, target: Any, text: str) -> None:
        target.fill(text)
        self.count += 1

    def select(self, target: Any, value: str) -> None:
        target.select_option(value)
        self.count += 1

    def click(self, target: Any) -> None:
        target.click()
        self.count += 1

    def check(self, target: Any) -> None:
        target.check()
        self.count += 1

    def press(self, page: Any, key: str) -> None:
        page.keyboard.press(key)
        self.count += 1


@pytest.fixture(scope="module")
def grid_agreement(live_server: LiveServer) -> UUID:
    """An agreement of its own with four signatories and three goals (the live server's
    store is shared by the suite, so nothing else sees these meetings)."""
    app, world = live_server.service, live_server.world
    assert world.loader is not None
    day = date(2022, 8, 15)
    agreement = app.start_agreement(
        "Rasterakkoord", date(2023, 1, 1), date(2027, 12, 31), day, world.loader
    )
    for code in PARTIES:
        app.admit_party(agreement, world.parties[code], "signatory", day, world.loader)
    app.add_priority(agreement, "r", "Raster", day, world.loader)
    for code, title in GOALS.items():
        app.add_goal(agreement, code, "r", title, f"Tekst van {code}.", day, world.loader)
    return agreement


def _stance_select(page: Any, party: str, goal: str) -> Any:
    return page.get_by_label(f"Standpunt van {NAMES[party]} over {goal} {GOALS[goal]}", exact=True)


def _choose_parties_and_goals(page: Any, counter: Counter) -> None:
    present = page.get_by_role("group", name="Aanwezige partijen")
    for code in PARTIES:
        counter.check(present.get_by_label(_present_label(code), exact=True))
    discussed = page.get_by_role("group", name="Besproken doelstellingen")
    for code, title in GOALS.items():
        counter.check(discussed.get_by_label(f"{code} {title}", exact=True))


def _stored(live_server: LiveServer, agreement: UUID, title: str) -> dict[tuple[str, str], Any]:
    meetings = [m for m in live_server.service.meetings(agreement, MINISTRY) if m.title == title]
    assert len(meetings) == 1
    meeting = live_server.service.meeting(UUID(meetings[0].id), MINISTRY)
    return {(p.party or "", p.goal or ""): p for p in meeting.positions}


def test_grid_takes_a_third_of_the_interactions(
    page_as: Callable[..., Any], live_server: LiveServer, grid_agreement: UUID
) -> None:
    """12 positions (4 parties × 3 goals) take at most a third of the interactions the row
    form took, and all 12 are stored in one meeting; htmx draws the grid in place."""
    page = page_as("demo-onderhandelaar")
    page.goto(f"/overleggen/nieuw?akkoord={grid_agreement}")
    page.evaluate("window.nietHerladen = true")
    counter = Counter()
    counter.fill(page.get_by_label("Titel"), "Ambtelijk overleg raster")
    counter.select(page.get_by_label("Soort overleg"), "ambtelijk")
    _choose_parties_and_goals(page, counter)
    expect(page.locator("select.app-grid__stance")).to_have_count(12)
    for (party, goal), stance in STANCES.items():
        counter.select(_stance_select(page, party, goal), stance)
    assert page.evaluate("window.nietHerladen") is True  # the grid came without a reload
    counter.click(page.get_by_role("button", name="Overleg opslaan"))
    page.wait_for_url(re.compile(r"/overleggen/[0-9a-f-]{36}$"))
    print(f"grid: {counter.count} interactions; row form: {ROW_FORM_INTERACTIONS}")
    assert counter.count * 3 <= ROW_FORM_INTERACTIONS
    stored = _stored(live_server, grid_agreement, "Ambtelijk overleg raster")
    assert {key: p.stance for key, p in stored.items()} == STANCES
    assert "12 standpunten" in page.locator("#meldingen").inner_text()


def test_grid_without_javascript_with_a_summary_and_conditions(
    page_as: Callable[..., Any], live_server: LiveServer, grid_agreement: UUID
) -> None:
    """Without JavaScript 'Raster tonen' draws the grid (one click more); a row opened
    keeps a position's summary and conditions; all is stored."""
    page = page_as("demo-onderhandelaar", java_script=False)
    page.goto(f"/overleggen/nieuw?akkoord={grid_agreement}")
    counter = Counter()
    counter.fill(page.get_by_label("Titel"), "Bestuurlijk overleg zonder js")
    counter.select(page.get_by_label("Soort overleg"), "bestuurlijk")
    _choose_parties_and_goals(page, counter)
    counter.click(page.get_by_role("button", name="Raster tonen"))
    for (party, goal), stance in STANCES.items():
        counter.select(_stance_select(page, party, goal), stance)
    counter.click(page.get_by_text(f"Samenvatting en voorwaarden van {NAMES['JOB']}"))
    about = f"van {NAMES['JOB']} over R2 {GOALS['R2']}"
    counter.fill(page.get_by_label(f"Samenvatting {about}", exact=True), "Ja, met geld")
    counter.fill(page.get_by_label(f"Voorwaarden {about}", exact=True), "Structurele middelen")
    counter.click(page.get_by_role("button", name="Overleg opslaan"))
    page.wait_for_url(re.compile(r"/overleggen/[0-9a-f-]{36}$"))
    print(f"grid without JavaScript, with one summary and conditions: {counter.count}")
    assert counter.count * 3 <= ROW_FORM_INTERACTIONS + 3 * 4
    stored = _stored(live_server, grid_agreement, "Bestuurlijk overleg zonder js")
    assert {key: p.stance for key, p in stored.items()} == STANCES
    job = stored["JOB", "R2"]
    assert (job.summary, job.conditions) == ("Ja, met geld", "Structurele middelen")


def _tab_to(page: Any, selector: str, limit: int = 120) -> None:
    """Press Tab until the element matching selector has the focus."""
    target = page.locator(selector)
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reached {selector}")


def test_keyboard_only(
    page_as: Callable[..., Any], live_server: LiveServer, grid_agreement: UUID
) -> None:
    """Tab, space and typed letters alone log a meeting through the grid."""
    page = page_as("demo-onderhandelaar")
    page.goto(f"/overleggen/nieuw?akkoord={grid_agreement}")
    agreement_id = str(grid_agreement)
    parties = live_server.world.parties
    _tab_to(page, "#field-titel")
    page.keyboard.type("Bilateraal met het toetsenbord")
    _tab_to(page, f"#field-partijen-{parties['JOB']}")
    page.keyboard.press("Space")
    goal_boxes = page.get_by_role("group", name="Besproken doelstellingen").locator("input")
    first_goal = goal_boxes.first.get_attribute("id")
    _tab_to(page, f"#{first_goal}")
    page.keyboard.press("Space")
    stance = _stance_select(page, "JOB", "R1")
    stance.wait_for()
    _tab_to(page, f"#{stance.get_attribute('id')}")
    page.keyboard.type("b")  # "bezwaar"
    assert stance.input_value() == "objects"
    _tab_to(page, "#overleg-formulier button.utrecht-button--primary-action")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/overleggen/[0-9a-f-]{36}$"))
    stored = _stored(live_server, UUID(agreement_id), "Bilateraal met het toetsenbord")
    assert {key: p.stance for key, p in stored.items()} == {("JOB", "R1"): "objects"}


def test_an_error_is_swapped_in_with_javascript(
    page_as: Callable[..., Any], grid_agreement: UUID
) -> None:
    """With JavaScript a refused form (422) is swapped in, as without: the summary names the
    cell, focus moves to it, nothing typed is lost, the page is not reloaded."""
    page = page_as("demo-onderhandelaar")
    page.goto(f"/overleggen/nieuw?akkoord={grid_agreement}")
    page.evaluate("window.nietHerladen = true")
    page.get_by_label("Titel").fill("Fout in het raster")
    _choose_parties_and_goals(page, Counter())
    expect(page.locator("select.app-grid__stance")).to_have_count(12)
    page.get_by_text(f"Samenvatting en voorwaarden van {NAMES['SBB']}").click()
    about = f"van {NAMES['SBB']} over R1 {GOALS['R1']}"
    page.get_by_label(f"Samenvatting {about}", exact=True).fill("Nog geen standpunt")
    page.get_by_role("button", name="Overleg opslaan").click()
    summary = page.locator("#foutoverzicht")
    summary.wait_for()
    expect(summary).to_be_focused()
    assert f"Kies het standpunt van {NAMES['SBB']} over R1" in summary.inner_text()
    assert page.evaluate("window.nietHerladen") is True
    assert _stance_select(page, "SBB", "R1").get_attribute("aria-invalid") == "true"
    assert page.get_by_label(f"Samenvatting {about}", exact=True).input_value() == (
        "Nog geen standpunt"
    )
    assert page.get_by_label("Titel").input_value() == "Fout in het raster"


@pytest.mark.parametrize("width", [1280, 390])
def test_the_grid_fits_and_passes_axe(
    page_as: Callable[..., Any], grid_agreement: UUID, width: int
) -> None:
    """The form with its 4 × 3 grid (one row opened) and with an error: no sideways scroll,
    no WCAG 2.1 A/AA violation; screenshots saved."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = page_as("demo-onderhandelaar")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/overleggen/nieuw?akkoord={grid_agreement}")
    page.get_by_label("Titel").fill("Overleg op het scherm")
    _choose_parties_and_goals(page, Counter())
    expect(page.locator("select.app-grid__stance")).to_have_count(12)
    for (party, goal), stance in list(STANCES.items())[:6]:
        _stance_select(page, party, goal).select_option(stance)
    page.get_by_text(f"Samenvatting en voorwaarden van {NAMES['JOB']}").click()
    axe = Axe()
    reports = []
    for state in ("raster", "fout"):
        if state == "fout":
            about = f"van {NAMES['SBB']} over R3 {GOALS['R3']}"
            page.get_by_text(f"Samenvatting en voorwaarden van {NAMES['SBB']}").click()
            page.get_by_label(f"Voorwaarden {about}", exact=True).fill("Alleen met geld")
            page.get_by_role("button", name="Overleg opslaan").click()
            page.locator("#foutoverzicht").wait_for()
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], f"{state} at {width} px scrolls sideways: {widths}"
        page.screenshot(path=str(SCREENSHOTS / f"overleg-{state}-{width}.png"), full_page=True)
        result = axe.run(page, options=WCAG_21_AA)
        if result.violations_count:
            reports.append(f"{state} at {width} px\n{result.generate_report()}")
    assert not reports, "\n\n".join(reports)
