"""Dutch throughout (issue 9, point 6): every page of the demo, as each demo role sees it, in
Dutch. The test loads the demo into a fresh SQLite store, signs in as each role, follows
every link from the start page (and every GET form with its values as given) and reads each
page's visible text: what is drawn and what a screen reader says (alt, aria-label, title,
visually hidden text), not what aria-hidden hides. It fails on an ISO date, an English word
of the interface, "je/jij/jouw", a doubled word, or a party's code where a name belongs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, NavigableString
from bs4.element import PreformattedString
from starlette.testclient import TestClient

from onderhandeling.dutch.parties import short_name
from onderhandeling.service import Negotiations
from onderhandeling.web.app import create_app
from tests.support.demo_server import demo_store
from tests.support.pages import signed_in

ROLES = ("demo-beheerder", "demo-onderhandelaar", "demo-stuurgroep")

# Pages of one path with different query strings (versions compared, dates): a few suffice.
VARIANTS_PER_PATH = 4
PAGES_PER_ROLE = 600
NOT_PAGES = ("/api", "/static", "/afmelden", "/openapi", "/docs", "/redoc")

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# Words of the interface that must be said in Dutch. Each is an English word that is no
# Dutch word, matched whole and case-insensitively ("open", "status", "neutraal", "optie"
# and "scenario" are Dutch and not listed).
ENGLISH = (
    "signatory|signatories|adviser|advisor|agreed|agreement|objects|objection|supports|"
    "support|conditional|blocked|blocks|pending|draft|dropped|adopted|partly|rejected|"
    "withdrawn|retracted|substantive|editorial|shared|internal|confidential|meeting|"
    "amendment|decision|baseline|wording|goal|goals|stance|unknown|neutral|closed|resolved|"
    "signed|signing|chosen|option|party|parties|role|version|none|null|true|false|"
    "in_negotiation|partly_adopted|milestone|reason|summary|conditions|"
    # Words for developers, not for users ("de seeds beschrijven ze…").
    "seed|seeds|todo|fixme|lorem|illustrative"
)
ENGLISH_WORD = re.compile(rf"\b({ENGLISH})\b", re.IGNORECASE)
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)
# The same word twice in a row, also across a quote or a colon: "besluit 'besluit: …'".
DOUBLED = re.compile(r"\b([^\W\d_]{2,})[\s'‘’\"“”:(]+\1\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def demo_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Negotiations]:
    with demo_store(tmp_path_factory.mktemp("demo_service")) as service:
        yield service


def visible_text(page: BeautifulSoup) -> list[str]:
    """The texts a reader sees or hears, one per text node: no scripts, styles or
    aria-hidden parts; with the alt, aria-label and title texts screen readers announce."""
    for hidden in page.select("script, style, template, [aria-hidden=true], [hidden]"):
        hidden.decompose()
    spoken = [
        str(element[attribute])
        for attribute in ("alt", "aria-label", "title")
        for element in page.select(f"[{attribute}]")
        if element.name != "html"
    ]
    texts = [
        " ".join(str(node).split())
        for node in page.find_all(string=True)
        if isinstance(node, NavigableString) and not isinstance(node, PreformattedString)
    ]
    return [text for text in [*texts, *spoken] if text]


def _links(page: BeautifulSoup, url: str) -> list[str]:
    found = [urljoin(url, str(a["href"])) for a in page.select("a[href]")]
    for form in page.select("form"):
        if str(form.get("method", "get")).lower() != "get":
            continue
        values = []
        for field in form.select("input[name], select[name]"):
            if field.get("type") in ("submit", "button", "checkbox", "radio"):
                continue
            if field.name == "select":
                chosen = field.select_one("option[selected]") or field.select_one("option")
                value = "" if chosen is None else str(chosen.get("value", chosen.get_text()))
            else:
                value = str(field.get("value", ""))
            values.append((str(field["name"]), value))
        action = urljoin(url, str(form.get("action") or url))
        found.append(f"{action.split('?')[0]}?{urlencode(values)}" if values else action)
    return found


def crawl(client: TestClient) -> dict[str, list[str]]:
    """Every page reachable from the start page: url → visible text."""
    seen: dict[str, list[str]] = {}
    queue = ["http://testserver/"]
    per_path: Counter[str] = Counter()
    queued = set(queue)
    while queue and len(seen) < PAGES_PER_ROLE:
        url = queue.pop(0)
        response = client.get(url)
        assert response.status_code < 500, url
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        page = BeautifulSoup(response.text, "html.parser")
        for link in _links(page, url):
            parts = urlsplit(link)
            if parts.netloc != "testserver" or parts.path.startswith(NOT_PAGES):
                continue
            target = parts._replace(fragment="").geturl()
            if target in queued or per_path[parts.path] >= VARIANTS_PER_PATH:
                continue
            per_path[parts.path] += 1
            queued.add(target)
            queue.append(target)
        seen[url] = visible_text(page)
    return seen


def _around(text: str, match: re.Match[str]) -> str:
    return text[max(0, match.start() - 60) : match.end() + 60]


def problems(texts: list[str], codes: dict[str, tuple[str, str]]) -> list[str]:
    """What is not Dutch in one page's visible texts (a doubled word within one text).
    codes: the party codes that are no name, each with its party's short and full name."""
    text = " ".join(texts)
    found = [f"ISO-datum: …{_around(text, m)}…" for m in ISO_DATE.finditer(text)]
    found += [f"Engels woord {m[0]!r}: …{_around(text, m)}…" for m in ENGLISH_WORD.finditer(text)]
    found += [f"je/jij/jouw: …{_around(text, m)}…" for m in INFORMAL.finditer(text)]
    found += [f"dubbel woord: …{_around(one, m)}…" for one in texts for m in DOUBLED.finditer(one)]
    for code, names in codes.items():
        named = text
        for name in sorted(names, key=len, reverse=True):  # "CNV Onderwijs" is a name
            named = named.replace(name, "")
        found += [
            f"partijcode {m[0]}: …{_around(named, m)}…"
            for m in re.finditer(rf"\b{re.escape(code)}\b", named)
        ]
    return found


def test_the_checks_catch_what_they_should() -> None:
    """The checks themselves: each catches its case and leaves Dutch alone."""
    codes = {"MBORAAD": ("MBO Raad", "MBO Raad"), "CNV": ("CNV Onderwijs", "CNV Onderwijs")}
    assert problems(["gepland op 2023-06-01"], {})
    assert problems(["OCW neemt deel (signatory)"], {})
    assert problems(["Heb je dat gezien?"], {})
    assert problems(["besluit 'besluit: salarismix'"], {})
    assert problems(["Voorkeur van MBORAAD"], codes)
    assert problems(["Zie scenario 2; de seeds beschrijven ze"], {})
    dutch = ["Open passage: de MBO Raad steunt optie 2a (neutraal)", "op 1 juni 2023; u kiest."]
    assert problems(dutch, codes) == []
    assert problems(["onbekend", "onbekend", "CNV Onderwijs tekent"], codes) == []
    assert problems(["CNV tekent"], codes)


@pytest.mark.parametrize("account", ROLES)
def test_every_demo_page_speaks_dutch(demo_service: Negotiations, account: str) -> None:
    """Every page the role reaches from the start page is Dutch, names parties by name."""
    # Codes that are no name: a code that is its party's own short name (JOB, OCW) is one.
    codes = {
        p["code"]: (short_name(p["code"], p["name"]), p["name"])
        for p in demo_service.parties()
        if short_name(p["code"], p["name"]) != p["code"]
    }
    with signed_in(demo_service, account) as client:
        pages = crawl(client)
    assert len(pages) > 10
    report = [
        f"{url}\n    {problem}" for url, text in pages.items() for problem in problems(text, codes)
    ]
    assert not report, f"{len(report)} problems on {len(pages)} pages:\n" + "\n".join(report)


def test_sign_in_and_error_pages_speak_dutch(demo_service: Negotiations) -> None:
    """The pages outside the crawl: sign-in (before signing in) and page-not-found."""
    with TestClient(create_app(demo_service), headers={"Accept": "text/html"}) as anonymous:
        sign_in_page = anonymous.get("/aanmelden")
    with signed_in(demo_service, "demo-stuurgroep") as client:
        missing = client.get("/doelstellingen/00000000-0000-0000-0000-000000000000")
        no_page = client.get("/bestaat-niet")
    assert missing.status_code == 404 and no_page.status_code == 404
    for response in (sign_in_page, missing, no_page):
        texts = visible_text(BeautifulSoup(response.text, "html.parser"))
        assert texts and problems(texts, {}) == [], problems(texts, {})
