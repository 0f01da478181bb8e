"""Refusals in Dutch: the one place where a refused command becomes the sentence a person at
a form reads. The sentence is chosen by the error's code and details (the party, the goal, the
dates allowed), never by matching the English message, which is written for API callers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

from onderhandeling.domain import errors
from onderhandeling.dutch.parties import party_label

# A route may say what an error means for what it acted on ("this position was already
# corrected" rather than "this was already decided"): code → sentence.
Overrides = Mapping[str, str]

AMBIGUOUS = (
    "Dit stuk tekst komt {n} keer voor in de huidige tekst. Vul in welke keer u bedoelt ({keuze})."
)
NOT_PRESENT = (
    "{party} was niet aanwezig bij dit overleg. Voeg de partij toe aan de aanwezige partijen."
)
STILL_HAS_POSITIONS = (
    "{party} heeft nog standpunten in dit overleg. Corrigeer of trek die eerst in; daarna kunt u "
    "de partij weghalen bij de aanwezige partijen."
)
DUPLICATE = (
    "{party} heeft in dit overleg al een standpunt over {goal}. Leg per partij één standpunt per "
    "doelstelling vast, of corrigeer het standpunt dat er al is."
)
NOTHING_CHANGED = (
    "De correctie verandert niets: alles is gelijk aan wat er al stond. Pas minstens één gegeven "
    "aan, of sluit dit formulier."
)

# Codes whose sentence needs no details.
FIXED = {
    "domain-error": "Dit kon niet worden opgeslagen.",
    "not-found": "Dit bestaat niet (meer). Vernieuw de pagina en probeer het opnieuw.",
    "stale-version": (
        "Iemand anders heeft de tekst intussen gewijzigd. Bekijk de wijziging hieronder en "
        "voeg uw tekst samen met de nieuwe versie."
    ),
    "concurrent-change": (
        "Iemand anders sloeg op hetzelfde moment een wijziging op. Er is niets opgeslagen; "
        "probeer het opnieuw."
    ),
    "agreement-signed": "Het akkoord is ondertekend; de tekst kan niet meer veranderen.",
    "already-exists": "Dit bestaat al; kies een andere naam.",
    "already-decided": "Hierover is al besloten; dat kan maar één keer.",
    "quote-not-found": "Het geciteerde stuk staat niet (letterlijk) in de huidige tekst.",
    "withdrawn": (
        "Dit overleg is ingetrokken. Er kan niets meer aan worden gecorrigeerd of toegevoegd."
    ),
    "invalid-input": "Deze waarde is niet geldig.",
    "empty": "Vul dit veld in.",
    "too-long": "Deze tekst is te lang.",
    "not-a-choice": "Kies een van de mogelijkheden.",
    "not-a-date": "Vul een geldige datum in, bijvoorbeeld 14-10-2022.",
    "no-party-present": "Kies minstens één aanwezige partij.",
    "no-such-occurrence": (
        "Dit stuk tekst komt niet zo vaak voor in de huidige tekst. Vul een kleiner nummer in."
    ),
    "rule-violation": "Dit kan niet volgens de regels van de onderhandeling.",
    "same-wording": "De nieuwe tekst is gelijk aan de huidige tekst.",
    "nothing-changed": NOTHING_CHANGED,
    "adviser-cannot-sign": "Een adviseur ondertekent het akkoord niet; kies een andere partij.",
    "already-planned": "De mijlpaal staat al op deze datum. Vul een andere datum in.",
    "import-refused": "Deze export kan niet worden ingelezen.",
    "demo-refused": "De demo-onderhandeling kon niet worden geladen.",
}


def dutch_message(
    error: errors.DomainError, *, typed: date | None = None, overrides: Overrides | None = None
) -> str:
    """The Dutch explanation of a refused command, chosen by its code. `typed`: the date the
    user entered, when the error does not carry it, so an implausible date can be called
    future or past."""
    if overrides and error.code in overrides:
        return overrides[error.code]
    explain = _BY_CODE.get(error.code)
    if explain is not None:
        return explain(error, typed)
    return FIXED.get(error.code, FIXED["domain-error"])


def has_dutch_sentence(code: str) -> bool:
    """Whether a refusal with this code is said in Dutch (a test holds every class to it)."""
    return code in _BY_CODE or code in FIXED


_CODE_AND_NAME = re.compile(r"(\S+) \((.+)\)")


def _party(error: errors.DomainError, fallback: str = "Deze partij") -> str:
    """The party the refusal names, by its name ("MBO Raad", not "MBORAAD (MBO Raad)")."""
    party = error.details.get("party")
    if not isinstance(party, str) or not party:
        return fallback
    found = _CODE_AND_NAME.fullmatch(party)
    return party if found is None else party_label(found[1], found[2])


def _short_date(iso: object) -> str | None:
    try:
        return date.fromisoformat(str(iso)).strftime("%d-%m-%Y")
    except ValueError:
        return None


def _implausible_date(error: errors.DomainError, typed: date | None) -> str:
    value = error.details.get("value")
    if isinstance(value, str):
        typed = date.fromisoformat(value)
    earliest, latest = error.details.get("earliest"), error.details.get("latest")
    first, last = _short_date(earliest), _short_date(latest)
    today = date.today()
    if typed is not None and typed > today:
        why = "Deze datum ligt in de toekomst."
        if last is not None and str(latest) != today.isoformat():
            why = "Deze datum ligt te ver in de toekomst."
    elif typed is not None and first is not None and typed.isoformat() < str(earliest):
        why = "Deze datum ligt vóór het begin van de onderhandeling."
    else:
        why = "Deze datum kan niet kloppen."
    if first is None or last is None:
        return f"{why} Vul een andere datum in."
    until = "vandaag" if str(latest) == today.isoformat() else last
    return f"{why} Vul een datum in tussen {first} en {until}."


def _not_present(error: errors.DomainError, typed: date | None) -> str:
    return NOT_PRESENT.format(party=_party(error))


def _still_has_positions(error: errors.DomainError, typed: date | None) -> str:
    return STILL_HAS_POSITIONS.format(party=_party(error))


def _duplicate(error: errors.DomainError, typed: date | None) -> str:
    goal = error.details.get("goal")
    return DUPLICATE.format(
        party=_party(error), goal=goal if isinstance(goal, str) else "deze doelstelling"
    )


def _ambiguous(error: errors.DomainError, typed: date | None) -> str:
    count = error.details.get("occurrences")
    n = count if isinstance(count, int) and count > 1 else 2
    choices = "1 of 2" if n == 2 else f"1 tot en met {n}"
    return AMBIGUOUS.format(n=n, keuze=choices)


def _not_a_participant(error: errors.DomainError, typed: date | None) -> str:
    return f"{_party(error)} doet niet mee aan dit akkoord."


_BY_CODE: dict[str, Callable[[errors.DomainError, date | None], str]] = {
    "implausible-date": _implausible_date,
    "not-present": _not_present,
    "still-has-positions": _still_has_positions,
    "duplicate-position": _duplicate,
    "ambiguous-quote": _ambiguous,
    "not-a-participant": _not_a_participant,
}
