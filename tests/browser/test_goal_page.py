"""The goal page in a real browser at 1280 and 390 px: nothing scrolls sideways, axe finds no
WCAG 2.1 A/AA violation (its forms opened too), and the conflict alert is one readable block.
Screenshots are saved under artefacts/screenshots/ in the repository for a person to look at.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.axe import WCAG_21_AA
from tests.support.live_server import LiveServer

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artefacts" / "screenshots"
WIDTHS = [1280, 390]


def check_page(page: Any, name: str) -> None:
    """No sideways scroll, no axe violation; the whole page saved as a screenshot."""
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    ), page.evaluate("document.documentElement.scrollWidth")
    result = Axe().run(page, options=WCAG_21_AA)
    assert result.violations_count == 0, result.generate_report()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_goal_page_fits_the_screen_and_passes_axe(
    page_as: Callable[..., Any], live_server: LiveServer, width: int
) -> None:
    """The page as a negotiator reads it, then with every form opened."""
    page = page_as("demo-onderhandelaar")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/doelstellingen/{live_server.world.goals['K1']}")
    assert page.locator("#huidige-tekst mark").count() >= 1
    assert page.locator("nav.app-toc a").count() == 8
    check_page(page, f"doelstelling-{width}")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    check_page(page, f"doelstelling-formulieren-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_conflict_alert_is_one_block_naming_who_and_when(
    page_as: Callable[..., Any], live_server: LiveServer, width: int
) -> None:
    """A revision based on an older version is refused with one full-width alert."""
    page = page_as("demo-onderhandelaar")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/doelstellingen/{live_server.world.goals['K1']}")
    page.locator("summary", has_text="Tekst herzien").click()
    page.evaluate("document.querySelector('input[name=based_on]').value = '1'")
    page.get_by_label("Nieuwe tekst").fill("Een eigen tekst op een oude versie.")
    page.get_by_label("Reden van de wijziging").fill("Test")
    page.get_by_role("button", name="Tekst opslaan").click()
    alert = page.locator("#conflict")
    alert.wait_for()
    assert "gewijzigd door" in alert.inner_text()
    box = alert.bounding_box()
    form = page.locator("#field-tekst").bounding_box()
    assert box is not None and form is not None
    assert box["width"] >= min(form["width"], width - 80) * 0.9  # one block, not columns
    check_page(page, f"doelstelling-conflict-{width}")


def test_with_javascript_the_plan_forms_swap_their_block_and_show_refusals(
    page_as: Callable[..., Any], live_server: LiveServer
) -> None:
    """htmx swaps the "plan" block: a refused date shows at its field (422), then the saved
    indicators and the message show in place."""
    page = page_as("demo-onderhandelaar")
    page.goto(f"/doelstellingen/{live_server.world.goals['A1']}")
    page.locator("summary", has_text="Indicatoren bewerken").click()
    page.get_by_label("Indicatoren, één per regel").fill("Deelname aan scholing\nTevredenheid")
    page.get_by_label("Vastgesteld op").first.fill("01-01-2099")
    page.get_by_role("button", name="Indicatoren opslaan").click()
    error = page.locator("#fout-indicatoren-datum")
    error.wait_for()
    assert "toekomst" in error.inner_text()
    page.locator("#field-indicatoren-datum").fill("01-10-2022")
    page.get_by_role("button", name="Indicatoren opslaan").click()
    page.locator("#plan", has_text="De indicatoren zijn opgeslagen.").wait_for()
    assert page.locator("#plan ul li").all_inner_texts() == [
        "Deelname aan scholing",
        "Tevredenheid",
    ]
