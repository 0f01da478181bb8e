"""The committee's dashboard in Chromium, now and on a past date, at 1280 and 390 px: nothing
scrolls sideways, every picture has a text alternative, axe finds no WCAG 2.1 A/AA violation.
Screenshots go to artefacts/screenshots/ in the repository (gitignored), for a person to look
at; nothing compares them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.axe import WCAG_21_AA

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artefacts" / "screenshots"

# Every <svg> either is an image named by its own title (role=img + aria-labelledby pointing
# at a non-empty element) or a group of focusable parts with a title, and is followed by a
# table saying the same (in the figure, or the details right after it).
SVG_ALTERNATIVES = """() => [...document.querySelectorAll('svg')].map(svg => {
  const role = svg.getAttribute('role');
  const ids = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
  const named = ids.some(id => (document.getElementById(id)?.textContent || '').trim());
  const holder = svg.closest('figure') || svg.parentElement;
  let table = holder.querySelector('table');
  let next = (svg.closest('figure') || svg).nextElementSibling;
  while (!table && next) { table = next.querySelector('table'); next = next.nextElementSibling; }
  return {role, named, table: Boolean(table), id: svg.id || svg.getAttribute('class')};
})"""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("when", ["", "2022-09-22"], ids=["nu", "op-datum"])
def test_dashboard_fits_names_its_pictures_and_passes_axe(
    page_as: Callable[..., Any], width: int, when: str
) -> None:
    """The dashboard (now and on a past date) has no sideways scroll, a text alternative
    for every picture, and no axe violation, at desktop and phone width."""
    page = page_as("demo-stuurgroep")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/?datum={when}" if when else "/")
    assert page.get_by_role("heading", name="Standpunten per partij").is_visible()
    # Support over time is loaded apart, by htmx, once the page is there.
    page.locator("svg.picture-consensus-over-time").wait_for()
    if when:
        assert "Stand op 22 september 2022" in page.locator(".app-stand").inner_text()
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"page scrolls sideways: {widths}"
    pictures = page.evaluate(SVG_ALTERNATIVES)
    assert len(pictures) >= 6  # heat map, 2 consensus bars, over time, burn-down, milestones
    for found in pictures:
        assert found["role"] in ("img", "group") and found["named"], found
        assert found["table"], found
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = f"dashboard-{'nu' if not when else 'op-datum'}-{width}.png"
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)
    result = Axe().run(page, options=WCAG_21_AA)
    assert result.violations_count == 0, result.generate_report()


def test_invalid_date_with_javascript_shows_the_error_as_without(
    page_as: Callable[..., Any],
) -> None:
    """With htmx on, an invalid date is swapped in with its Dutch message (the 422 is not
    ignored), as the page without JavaScript shows it."""
    for java_script in (True, False):
        page = page_as("demo-stuurgroep", java_script=java_script)
        page.get_by_label("Stand op datum (leeg: vandaag)").fill("31-02-2022")
        page.get_by_role("button", name="Toon", exact=True).click()
        summary = page.locator("#foutoverzicht")
        summary.wait_for()
        assert "Vul een geldige datum in" in summary.inner_text()
        assert page.get_by_role("heading", name="Standpunten per partij").is_visible()
