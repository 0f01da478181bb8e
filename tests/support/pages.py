"""Page helpers: a signed-in page client, parse a page, read its form token, sign in, post a
form."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from bs4 import BeautifulSoup
from starlette.testclient import TestClient

from onderhandeling.service import Negotiations
from onderhandeling.web.app import create_app
from tests.support.page_world import (
    PASSWORD,
)

HTMX = {"HX-Request": "true", "HX-Target": "overleg-inhoud"}


def soup(response: object) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")  # type: ignore[attr-defined]


def form_token(client: TestClient, path: str) -> str:
    token = soup(client.get(path)).find("input", attrs={"name": "csrf_token"})
    assert token is not None
    return str(token["value"])


def sign_in(client: TestClient, name: str) -> None:
    response = client.post(
        "/aanmelden",
        data={"naam": name, "wachtwoord": PASSWORD, "csrf_token": form_token(client, "/aanmelden")},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


FUTURE = (date.today() + timedelta(days=30)).strftime("%d-%m-%Y")


def post(
    client: TestClient, page: str, action: str, data: dict[str, Any], htmx: bool = False
) -> Any:
    """A form on page, sent as a plain POST (not following the redirect) or by htmx."""
    data = {"csrf_token": form_token(client, page), **data}
    return client.post(action, data=data, headers=HTMX if htmx else {}, follow_redirects=False)


def text_of(page: BeautifulSoup, selector: str) -> str:
    found = page.select_one(selector)
    assert found is not None, selector
    return " ".join(found.get_text().split())


@contextmanager
def signed_in(app: Negotiations, account: str) -> Iterator[TestClient]:
    """A client of the pages (Accept: text/html) over the service, signed in as account."""
    with TestClient(create_app(app), headers={"Accept": "text/html"}) as client:
        sign_in(client, account)
        yield client
