"""How the command line says things to a person, in Dutch: dates ("1 juni 2023"), moments in
Dutch local time, the domain's values by their Dutch labels, parties by code and name. The
``--json`` output is data and keeps the read models' English keys and values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from onderhandeling.domain.errors import DomainError
from onderhandeling.dutch.dates import format_date, format_datetime
from onderhandeling.dutch.labels import STANCE_LABELS, STATUS_LABELS
from onderhandeling.dutch.timeline import dutch_date
from onderhandeling.service import NOW

# A marked passage's status (not among the labels in onderhandeling/dutch yet).
PASSAGE_STATUS_LABELS = {
    "open": "open",
    "resolved": "opgelost",
    "orphaned": "niet meer in de tekst",
}
ROLE_LABELS = {"signatory": "ondertekenaar", "adviser": "adviseur"}


def day(value: str | date | None) -> str:
    """A date as "14 oktober 2022" ("-" when there is none)."""
    return dutch_date(value) or "-"


def moment(value: str | datetime | None) -> str:
    """A recorded moment (ISO text, UTC) as "14 oktober 2022, 09:05" in Dutch local time."""
    if value is None or value == "":
        return "-"
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return format_datetime(value)


def known_at(given: str | None, moment_read: str | None) -> str:
    """The --known-at clock as the user gave it: a date alone (which means the end of that
    day) as that date, a date and time as a Dutch moment."""
    if given is not None and len(given) == 10:
        return day(given)
    return moment(moment_read)


def date_or_name(text: str) -> str:
    """A command's DATE|BASELINE argument: a date said in Dutch, a baseline by its name."""
    try:
        return format_date(date.fromisoformat(text))
    except ValueError:
        return text


def status(value: str) -> str:
    return STATUS_LABELS.get(value, value)


def stance(value: str) -> str:
    return STANCE_LABELS.get(value, value)


def passage(status: str) -> str:
    """A marked passage by its status: "open passage", "passage (niet meer in de tekst)"."""
    if status == "open":
        return "open passage"
    return f"passage ({PASSAGE_STATUS_LABELS.get(status, status)})"


def baseline(name: str) -> str:
    """A baseline's name; the present (``now`` in the data) as "nu"."""
    return "nu" if name == NOW else name


def role(value: str) -> str:
    return ROLE_LABELS.get(value, value)


def party_line(party: Mapping[str, Any]) -> str:
    """A party as a line of a list: code, name and role ("JOB  JOB mbo (ondertekenaar)")."""
    return f"{party['code']:<10} {party['name']} ({role(party['role'])})"


def party_names(parties: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Party code → name, for the parties a result lists."""
    return {p["code"]: p["name"] for p in parties}


def refusal(error: DomainError) -> str:
    """A refused command in Dutch. The reads' refusals are written in English for API callers,
    so the ones a command can meet are said here by their code and facts; the CLI's own, the
    accounts' and the import's are Dutch already."""
    details = error.details
    if error.code == "not-found" and "known" in details:
        known = details["known"]
        listed = ", ".join(map(str, known)) if isinstance(known, list) and known else "geen"
        return f"versie {details.get('name')!r} bestaat niet (bekend: {listed})"
    if error.code == "not-found" and "code" in details:
        # The commands look up goals by code (parties and the rest by id).
        return f"doelstelling {details['code']!r} bestaat niet in dit akkoord"
    if error.code == "invalid-input" and {"goal", "version", "latest"} <= details.keys():
        return (
            f"doelstelling {details['goal']} heeft geen tekstversie {details['version']} "
            f"(versies 1 tot en met {details['latest']})"
        )
    return error.message
