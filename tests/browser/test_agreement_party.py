"""The agreement page and a party page of the demo in a real browser, at 1280 and 390 px:
no horizontal page scroll, every picture with a text alternative, axe finds no WCAG 2.1
A/AA violation. Screenshots go to artefacts/screenshots/ (kept out of git)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from onderhandeling.accounts.store import DEMO_PASSWORD
from onderhandeling.service import Negotiations
from tests.support.axe import WCAG_21_AA
from tests.support.demo_server import demo_server

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artefacts" / "screenshots"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Negotiations]]:
    """uvicorn over a fresh SQLite store holding the demo and its accounts."""
    with demo_server(tmp_path_factory.mktemp("demo-browser")) as server:
        yield server.url, server.service


def _check(page: Any, name: str, width: int) -> None:
    from axe_playwright_python.sync_playwright import Axe

    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    ), f"{name} scrolls sideways at {width} px"
    for svg in page.query_selector_all("svg"):
        alternative = svg.evaluate(
            "s => s.getAttribute('aria-hidden') === 'true' || !!(s.getAttribute('aria-label')"
            " || (s.getAttribute('aria-labelledby') && s.querySelector('title')))"
        )
        assert alternative, f"an svg on {name} has no text alternative"
    result = Axe().run(page, options=WCAG_21_AA)
    assert result.violations_count == 0, result.generate_report()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}-boven.png"))


@pytest.mark.parametrize("width", [1280, 390])
def test_agreement_and_party_pages_fit_and_pass_axe(
    chromium: Any, demo: tuple[str, Negotiations], width: int
) -> None:
    url, service = demo
    agreement_id = service.agreement_ids()[0]
    context = chromium.new_context(
        base_url=url, viewport={"width": width, "height": 900}, locale="nl-NL"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/aanmelden")
    page.get_by_label("Gebruikersnaam").fill("demo-onderhandelaar")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url(f"{url}/")

    page.goto(f"/akkoord/{agreement_id}")
    assert page.get_by_text("Voordelen").count() >= 3
    assert page.locator("table.point-preferences").count() >= 1
    assert page.get_by_text("seeds").count() == 0
    _check(page, "akkoord", width)
    # The Salarismix scenarios close up, for whoever reviews the screenshots.
    page.locator(".agreement-point").first.screenshot(
        path=str(SCREENSHOTS / f"akkoord-discussiepunt-{width}.png")
    )
    page.locator(".agreement-point .point-option--chosen").first.screenshot(
        path=str(SCREENSHOTS / f"akkoord-gekozen-optie-{width}.png")
    )
    page.locator(".agreement-point .app-table-scroll").first.screenshot(
        path=str(SCREENSHOTS / f"akkoord-voorkeuren-{width}.png")
    )

    page.goto("/partijen/MBORAAD")
    assert page.locator("svg.picture-party-stances").count() == 1
    assert page.get_by_role("heading", level=1).inner_text().startswith("MBO Raad")
    _check(page, "partij", width)
    page.locator("figure.party-picture").screenshot(
        path=str(SCREENSHOTS / f"partij-afbeelding-{width}.png")
    )
    context.close()
