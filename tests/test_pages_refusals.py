"""Refusals said in Dutch: chosen by the error's code and details (no I/O), and on the
pages at the field they are about, with what was typed kept."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from starlette.testclient import TestClient

import onderhandeling.demo
import onderhandeling.domain
import onderhandeling.service
from onderhandeling.domain.errors import (
    AlreadyDecided,
    AmbiguousQuote,
    DomainError,
    DuplicatePosition,
    EmptyValue,
    NotAParticipant,
    NothingChanged,
    NotPresent,
    RuleViolation,
    SameWording,
    StillHasPositions,
    TooLong,
    Withdrawn,
)
from onderhandeling.domain.plausibility import DateWindow, ImplausibleDate
from onderhandeling.service import Negotiations
from onderhandeling.web.app import create_app
from onderhandeling.web.pages.refusals import dutch_message, has_dutch_sentence
from tests.support.page_world import WORDING_2, World, build_world
from tests.support.pages import post, sign_in, soup, text_of

# Sent by htmx from the meeting page's forms, which swap its content.

TODAY = date.today()
WINDOW = DateWindow(earliest=date(2022, 4, 1), today=TODAY)


def refusal_of(value: date) -> str:
    try:
        WINDOW.happened("held_on", value)
    except ImplausibleDate as error:
        return dutch_message(error, typed=value)
    raise AssertionError("accepted")


def test_a_date_in_the_future_names_the_window_up_to_today() -> None:
    """A date in the future: the dates allowed run from the start up to today."""
    assert refusal_of(TODAY + timedelta(days=1)) == (
        "Deze datum ligt in de toekomst. Vul een datum in tussen 01-04-2022 en vandaag."
    )


def test_a_date_before_the_start_says_so() -> None:
    """Before the negotiation began is not called the future."""
    assert refusal_of(date(2021, 12, 31)) == (
        "Deze datum ligt vóór het begin van de onderhandeling. "
        "Vul een datum in tussen 01-04-2022 en vandaag."
    )


def test_a_date_outside_the_years_accepted_names_those_years() -> None:
    """A typing error like 3000 falls outside the years the record takes at all."""
    message = refusal_of(date(3000, 1, 1))
    assert message == (
        "Deze datum ligt te ver in de toekomst. Vul een datum in tussen 01-01-1900 en 31-12-2100."
    )


def test_a_party_not_present_is_named() -> None:
    """At a position, the party was not there; at the parties present, it has positions."""
    at_row = NotPresent("party", "x", party="MBORAAD (MBO Raad)")
    assert dutch_message(at_row) == (
        "MBO Raad was niet aanwezig bij dit overleg. Voeg de partij toe aan de aanwezige partijen."
    )
    at_parties = StillHasPositions(
        "parties_present", "x", party="JOB (Jongeren Organisatie Beroepsonderwijs)"
    )
    assert dutch_message(at_parties).startswith(
        "JOB (Jongeren Organisatie Beroepsonderwijs) heeft nog standpunten"
    )


def test_duplicates_quotes_and_participants_are_named() -> None:
    """Party, goal and the number of occurrences come from the details."""
    duplicate = DuplicatePosition(
        "party", "x", party="JOB (Jongeren Organisatie Beroepsonderwijs)", goal="K1"
    )
    assert dutch_message(duplicate).startswith(
        "JOB (Jongeren Organisatie Beroepsonderwijs) heeft in dit overleg al een"
    )
    assert "over K1." in dutch_message(duplicate)
    assert dutch_message(AmbiguousQuote("occurrence", "x", occurrences=3)).endswith(
        "Vul in welke keer u bedoelt (1 tot en met 3)."
    )
    outsider = NotAParticipant("x", party="SBB (SBB-organisatie)")
    assert dutch_message(outsider) == "SBB-organisatie doet niet mee aan dit akkoord."


def test_state_refusals_and_what_a_route_says_instead() -> None:
    """A route may say what 'already decided' means for what it acted on."""
    assert dutch_message(Withdrawn("x")).startswith("Dit overleg is ingetrokken.")
    assert dutch_message(AlreadyDecided("x")) == "Hierover is al besloten; dat kan maar één keer."
    said = dutch_message(AlreadyDecided("x"), overrides={"already-decided": "Al ingetrokken."})
    assert said == "Al ingetrokken."


def test_a_correction_that_changes_nothing_is_told_by_its_code() -> None:
    """The correction that changes nothing has a sentence of its own; any other rule
    violation keeps the general sentence."""
    assert dutch_message(NothingChanged("whatever")).startswith("De correctie verandert niets")
    assert dutch_message(RuleViolation("an adviser does not sign")) == (
        "Dit kan niet volgens de regels van de onderhandeling."
    )


def _subclasses(cls: type[DomainError]) -> list[type[DomainError]]:
    return [cls, *(found for sub in cls.__subclasses__() for found in _subclasses(sub))]


def test_every_domain_error_class_has_a_code_and_a_dutch_sentence() -> None:
    """A domain error class without a code of its own, or whose code has no Dutch sentence
    in refusals.py, fails here."""
    for package in (onderhandeling.domain, onderhandeling.service, onderhandeling.demo):
        for module in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            importlib.import_module(module.name)
    # The application's classes, not those a test makes up for itself.
    classes = [c for c in _subclasses(DomainError) if c.__module__.startswith("onderhandeling.")]
    assert len(classes) > 20
    without_code = [cls.__name__ for cls in classes if "code" not in vars(cls)]
    assert without_code == []
    untranslated = [cls.__name__ for cls in classes if not has_dutch_sentence(cls.code)]
    assert untranslated == []
    assert len({cls.code for cls in classes}) == len(classes)


def test_a_refusal_is_said_by_its_code_whatever_its_english_message() -> None:
    """Rewording a domain error's English message leaves its Dutch sentence as it was."""
    assert dutch_message(EmptyValue("title", "anything at all")) == "Vul dit veld in."
    assert dutch_message(TooLong("text", "zzz", limit=5)) == "Deze tekst is te lang."
    assert dutch_message(SameWording("the same")) == (
        "De nieuwe tekst is gelijk aan de huidige tekst."
    )


def test_an_implausible_date_carries_the_date_typed() -> None:
    """The refusal names the date itself, so the sentence needs nothing from the form."""
    try:
        WINDOW.happened("held_on", TODAY + timedelta(days=1))
    except ImplausibleDate as error:
        assert dutch_message(error).startswith("Deze datum ligt in de toekomst.")
    else:
        raise AssertionError("accepted")


# --- on the pages -----------------------------------------------------------------------------


@pytest.fixture
def world(app: Negotiations) -> World:
    return build_world(app)


@pytest.fixture
def client(app: Negotiations, world: World) -> Iterator[TestClient]:
    with TestClient(create_app(app), headers={"Accept": "text/html"}) as test_client:
        yield test_client


def test_an_ambiguous_passage_asks_which_occurrence(client: TestClient, world: World) -> None:
    """A quote found twice asks which one is meant at the occurrence field; with it, the
    second one is marked."""
    assert WORDING_2.count("stage") == 2
    sign_in(client, "demo-onderhandelaar")
    path = f"/doelstellingen/{world.goals['K1']}"
    data = {"citaat": "stage", "notitie": "Welke stage?", "datum": "01-10-2022"}
    refused = post(client, path, f"{path}/passages", data)
    assert refused.status_code == 422
    page = soup(refused)
    assert text_of(page, "#fout-passage-keer") == (
        "Fout: Dit stuk tekst komt 2 keer voor in de huidige tekst. "
        "Vul in welke keer u bedoelt (1 of 2)."
    )
    assert page.select_one("#field-passage-citaat")["value"] == "stage"
    accepted = post(client, path, f"{path}/passages", {**data, "keer": "2"})
    assert accepted.status_code == 303
    wording = soup(client.get(path)).select_one("#huidige-tekst")
    marked = [m for m in wording.find_all("mark") if "stage" in m.get_text()]
    assert len(marked) == 1
    before = wording.get_text().split(marked[0].get_text())[0]
    assert "stageplek" in before  # the first occurrence is left unmarked
