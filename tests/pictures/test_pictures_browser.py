"""The pictures in a real browser: axe finds no WCAG 2.1 A/AA violation, nothing scrolls
sideways at 390 px, and a strict Content-Security-Policy blocks nothing in them.

Uses Debian's Chromium like tests/browser; skips without it (fails under CI=true).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from onderhandeling import pictures
from tests.pictures import samples
from tests.support.axe import WCAG_21_AA

# Where the screenshots go, for a person to look at (not compared by the test).
SCREENSHOTS = Path(os.environ.get("PICTURES_SCREENSHOTS", "/tmp/pictures-samples/browser"))

POLICY = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
STYLE = ".scroll{overflow-x:auto} svg.picture{max-width:40rem;display:block}"

pytestmark = pytest.mark.browser


def page_html(head: str) -> str:
    """Every sample picture with its table, the way a page would show them."""
    tables = {
        "heatmap": pictures.heatmap_table(samples.matrix()),
        "consensus_bar": pictures.consensus_bar_table(samples.counts()),
        "consensus_over_time": pictures.consensus_over_time_table(samples.shares()),
        "burndown": pictures.burndown_table(samples.burndown_points()),
        "milestones": pictures.milestones_table(samples.milestone_list()),
        "party_stances": pictures.party_stances_table(
            samples.PARTIES[3], samples.GOALS, samples.positions()
        ),
    }
    figures = {
        "heatmap": pictures.heatmap(samples.matrix()),
        "consensus_bar": pictures.consensus_bar(samples.counts()),
        "consensus_over_time": pictures.consensus_over_time(samples.shares()),
        "burndown": pictures.burndown(samples.burndown_points(), signing=samples.SIGNING),
        "milestones": pictures.milestones(samples.milestone_list()),
        "party_stances": pictures.party_stances(
            samples.PARTIES[3], samples.GOALS, samples.positions()
        ),
    }
    body = "".join(
        # A box that scrolls must be reachable by keyboard (axe: scrollable-region-focusable).
        f'<figure><h2>{name}</h2>{svg}<div class="scroll" tabindex="0" role="region" '
        f'aria-label="Tabel: {tables[name].caption}">'
        f"{pictures.table_html(tables[name])}</div></figure>"
        for name, svg in figures.items()
    )
    body += pictures.heatmap(samples.matrix(samples.PARTIES[:2], ()))  # "geen gegevens"
    return (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Afbeeldingen</title>{head}</head><body><main><h1>Afbeeldingen</h1>"
        f"{body}</main></body></html>"
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_pictures_pass_axe_fit_the_screen_and_break_no_policy(chromium: Any, width: int) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = chromium.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    page = context.new_page()
    blocked: list[str] = []
    page.on("console", lambda message: blocked.append(message.text))
    # First under a policy allowing nothing inline, as strict as the site's (which
    # allows 'self'): the browser reports anything it blocks on the console.
    page.set_content(page_html(POLICY))
    assert not [text for text in blocked if "Content Security Policy" in text]
    # Then (a new document: the policy would stay) with the scrolling box and width cap
    # a page's stylesheet would give.
    page.close()
    page = context.new_page()
    page.set_content(page_html(f"<style>{STYLE}</style>"))
    result = Axe().run(page, options=WCAG_21_AA)
    assert result.violations_count == 0, result.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    for box in page.query_selector_all("svg.picture"):
        assert box.bounding_box()["width"] <= width  # type: ignore[index]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"pictures-{width}.png"), full_page=True)
    context.close()
