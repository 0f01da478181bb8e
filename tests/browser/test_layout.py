"""The pages a user of the demo opens most, in Debian's Chromium at 1280 and 390 px: nothing
scrolls the page sideways, every picture has a text alternative, and axe finds no WCAG 2.1 A/AA
violation. The screenshots are kept under artefacts/screenshots/ (README: "Screenshots") for
a person to look at; the test does not compare them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.axe import WCAG_21_AA
from tests.support.demo_server import DemoServer, demo_server

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artefacts" / "screenshots"
WIDTHS = (1280, 390)
PAST_DATE = "2022-09-15"  # before the MR-version: the dashboard as it stood then

pytestmark = pytest.mark.browser

# An <svg> a screen reader meets must have a name (aria-label, aria-labelledby or <title>);
# decorative ones are aria-hidden.
UNNAMED_PICTURES = """() => [...document.querySelectorAll('svg')]
  .filter(svg => !svg.closest('[aria-hidden="true"]'))
  .filter(svg => {
    const labelled = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/)
      .map(id => document.getElementById(id)).filter(Boolean)
      .map(el => el.textContent.trim()).join('');
    const title = svg.querySelector(':scope > title');
    return !(svg.getAttribute('aria-label') || labelled || (title && title.textContent.trim()));
  }).map(svg => svg.outerHTML.slice(0, 120))"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoServer]:
    with demo_server(tmp_path_factory.mktemp("layout")) as server:
        yield server


def _pages(demo: DemoServer) -> dict[str, str]:
    agreement = demo.service.agreement(demo.agreement_id)
    goal = agreement.goals[0]
    party = demo.service.parties()[0]
    return {
        "dashboard": "/",
        "dashboard-op-datum": f"/?datum={PAST_DATE}",
        "doelstelling": f"/doelstellingen/{goal.id}",
        "akkoord": f"/akkoord/{demo.agreement_id}",
        "partij": f"/partijen/{party.code}",
        "overleg-nieuw": "/overleggen/nieuw",
    }


def _signed_in(chromium: Any, demo: DemoServer, width: int) -> Any:
    context = chromium.new_context(
        base_url=demo.url, viewport={"width": width, "height": 900}, locale="nl-NL"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/aanmelden")
    page.get_by_label("Gebruikersnaam").fill("demo-onderhandelaar")
    page.get_by_label("Wachtwoord").fill("werkagenda2022")
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url(f"{demo.url}/")
    return page


@pytest.mark.parametrize("width", WIDTHS)
def test_demo_pages_fit_name_their_pictures_and_pass_axe(
    chromium: Any, demo: DemoServer, width: int
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = _signed_in(chromium, demo, width)
    problems: dict[str, Any] = {}
    try:
        for name, path in _pages(demo).items():
            response = page.goto(path)
            assert response is not None and response.status == 200, (name, path)
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                problems[f"{name}: scrolls sideways by"] = overflow
            unnamed = page.evaluate(UNNAMED_PICTURES)
            if unnamed:
                problems[f"{name}: pictures without a text alternative"] = unnamed
            violations = Axe().run(page, options=WCAG_21_AA).response["violations"]
            if violations:
                problems[f"{name}: axe"] = [
                    (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations
                ]
    finally:
        page.context.close()
    assert not problems, problems
