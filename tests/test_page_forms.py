"""Page forms read one way and answered one way (web/pages/forms.py), and page paths typed
(web/pages/paths.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from uuid import UUID

import pytest
from fastapi.responses import Response
from starlette.datastructures import FormData
from starlette.testclient import TestClient

from onderhandeling.domain.errors import EmptyValue, NotFound
from onderhandeling.domain.values import Confidentiality
from onderhandeling.service import Negotiations
from onderhandeling.web.app import create_app
from onderhandeling.web.pages.forms import Form, answer, at_field
from tests.support.page_world import build_world
from tests.support.pages import form_token, sign_in, soup

PARTY = "6f1c2a9e-1d7b-4d7e-9a8e-0c5b2f9d1e21"


def _form(**fields: str) -> Form:
    return Form(FormData(list(fields.items())))


def test_a_form_notes_what_it_cannot_read_at_the_field_that_shows_it() -> None:
    """Blank required text, an unreadable date and a missing choice are noted in Dutch."""
    form = _form(titel=" ", datum="31-02-2022", partij="geen")
    form.required("titel", "f-titel", "Vul een titel in.")
    form.date("datum", "f-datum")
    form.id("partij", "f-partij", "Kies een partij.")
    assert set(form.errors) == {"f-titel", "f-datum", "f-partij"}
    assert form.errors["f-titel"] == "Vul een titel in."


def test_a_form_reads_dates_ids_and_the_intern_checkbox() -> None:
    """What can be read is returned typed, and nothing is noted."""
    form = _form(datum="14-10-2022", partij=PARTY, intern="1")
    assert form.date("datum", "d") == date(2022, 10, 14)
    assert form.id("partij", "p", "Kies.") == UUID(PARTY)
    assert form.confidentiality() is Confidentiality.INTERNAL
    assert _form().confidentiality() is Confidentiality.SHARED
    assert form.errors == {}


def _page(errors: dict[str, str], status: int) -> Response:
    return Response(repr(sorted(errors.items())), status_code=status)


def test_a_form_with_a_problem_runs_no_command() -> None:
    """A refusal noted while reading is answered with the page (422); the command never runs."""
    ran: list[bool] = []
    form = _form()
    form.required("titel", "titel", "Vul een titel in.")
    answered = answer(
        form,
        lambda: ran.append(True),
        refuse=_page,
        field_of=at_field("titel"),
        done=lambda _: Response(status_code=303),
    )
    assert answered.status_code == 422 and ran == []


def test_a_domain_refusal_is_marked_at_its_field_in_dutch() -> None:
    """The domain's refusal lands at the form field its `field` names, said by its code."""

    def refused() -> None:
        raise EmptyValue("summary", "summary must not be empty")

    answered = answer(
        _form(), refused, refuse=_page, field_of=at_field("titel"), done=lambda _: Response()
    )
    assert answered.status_code == 422
    assert answered.body == repr([("samenvatting", "Vul dit veld in.")]).encode()


def test_a_route_may_answer_a_refusal_its_own_way() -> None:
    """A missing record can be the 404 page instead of a marked field."""

    def missing() -> None:
        raise NotFound("goal not found")

    answered = answer(
        _form(),
        missing,
        refuse=_page,
        field_of=at_field("titel"),
        special={NotFound: lambda _: Response(status_code=404)},
        done=lambda _: Response(),
    )
    assert answered.status_code == 404


@pytest.fixture
def client(app: Negotiations) -> Iterator[TestClient]:
    build_world(app)
    with TestClient(create_app(app), headers={"Accept": "text/html"}) as test_client:
        yield test_client


def test_an_unreadable_id_in_a_page_path_is_the_dutch_404(client: TestClient) -> None:
    """A path id that cannot be an id is the Dutch 404 page, for a page and for a form."""
    sign_in(client, "demo-onderhandelaar")
    page = client.get("/doelstellingen/geen-id")
    assert page.status_code == 404
    assert soup(page).h1.get_text() == "Niet gevonden"
    token = form_token(client, "/overleggen/nieuw")
    posted = client.post(
        "/overleggen/geen-id/intrekking", data={"csrf_token": token, "toelichting": "x"}
    )
    assert posted.status_code == 404


def test_an_unreadable_id_still_asks_an_anonymous_visitor_to_sign_in(
    app: Negotiations,
) -> None:
    """Signing in comes before the path: nothing is told to someone not signed in."""
    build_world(app)
    with TestClient(create_app(app), headers={"Accept": "text/html"}) as anonymous:
        answered = anonymous.get("/doelstellingen/geen-id", follow_redirects=False)
    assert answered.status_code in (302, 303, 307)
    assert "/aanmelden" in answered.headers["location"]
