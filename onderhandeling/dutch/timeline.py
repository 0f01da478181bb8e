"""What happened, said in Dutch: the sentence of a timeline entry and the name of what caused a
wording revision, rendered from the facts the read models keep (a kind code, codes, titles,
ISO dates, version numbers). One module for the web pages and the CLI.

An entry is a mapping as the read models give it: ``kind``, ``goal_code``, ``party_code``,
``title``, ``version``, ``on_date`` and ``details`` (the rest of the facts). A party is named
by its name when the caller gives the names by code (``sentence(entry, parties)``, short
names from ``dutch.parties``), else by the entry's ``party_name``, else by its code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from onderhandeling.dutch.dates import format_date
from onderhandeling.dutch.labels import (
    CAUSE_LABELS,
    KIND_LABELS,
    OUTCOME_LABELS,
    ROLE_LABELS,
    STANCE_LABELS,
    STATUS_LABELS,
)

__all__ = ["SENTENCES", "cause_label", "cause_text", "dutch_date", "sentence"]

Entry = Mapping[str, Any]

# The facts a correction of a meeting or a decision can change, as its sentence names them.
_CORRECTED_FACTS = {
    "title": "titel",
    "kind": "soort",
    "parties_json": "aanwezigen",
    "summary": "samenvatting",
    "confidentiality": "vertrouwelijkheid",
    "effective_date": "datum",
    "reference": "kenmerk",
    "text": "tekst",
}


def dutch_date(value: str | date | None) -> str:
    """An ISO date (or a date) as "14 oktober 2022"; text that is no date stays as it is."""
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return format_date(value)
    try:
        return format_date(date.fromisoformat(value))
    except ValueError:
        return value


def _party(entry: Entry, code: Any = None) -> str:
    """The party of the entry (or the one with this code), by name when known."""
    code = entry.get("party_code") if code is None else code
    names: Mapping[str, str] = entry.get("_party_names") or {}
    if code in names:
        return names[code]
    if code == entry.get("party_code") and entry.get("party_name"):
        return str(entry["party_name"])
    return "" if code is None else str(code)


def _details(entry: Entry) -> Mapping[str, Any]:
    details: Mapping[str, Any] = entry.get("details") or {}
    return details


def _corrected(entry: Entry) -> str:
    changed = _details(entry).get("changed") or {}
    return ", ".join(_CORRECTED_FACTS.get(fact, fact) for fact in changed)


def _position(entry: Entry, verb: str) -> str:
    details = _details(entry)
    stance = details.get("stance", "")
    # A stance logged in the meeting grid may come without a summary.
    summary = details.get("summary", "")
    return (
        f"{_party(entry)} {verb} op {entry['goal_code']} (versie {entry['version']}): "
        f"{STANCE_LABELS.get(stance, stance)}" + (f" — {summary}" if summary else "")
    )


def _decision(entry: Entry) -> str:
    details = _details(entry)
    reference = f" ({details['reference']})" if details.get("reference") else ""
    return f"Besluit {details.get('decided_by', '')}{reference}: {entry['title']}"


def _d(entry: Entry, key: str) -> Any:
    return _details(entry).get(key, "")


SENTENCES: dict[str, Callable[[Entry], str]] = {
    # The agreement and its discussion points.
    "agreement_started": lambda e: f"Akkoord gestart: {e['title']}",
    "priority_added": lambda e: f"Prioriteit {_d(e, 'priority')} toegevoegd: {e['title']}",
    "party_joined": lambda e: (
        f"{_party(e)} neemt deel als {ROLE_LABELS.get(_d(e, 'role'), _d(e, 'role'))}"
    ),
    "goal_added": lambda e: (
        f"Doelstelling {e['goal_code']} toegevoegd aan prioriteit {_d(e, 'priority')}"
    ),
    "milestone_planned": lambda e: f"Mijlpaal {e['title']} gepland op {dutch_date(e['on_date'])}",
    "milestone_moved": lambda e: (
        f"Mijlpaal {e['title']} verplaatst naar {dutch_date(e['on_date'])}: {_d(e, 'reason')}"
    ),
    "baseline_frozen": lambda e: f"Versie '{e['title']}' vastgelegd",
    "signature_recorded": lambda e: f"{_party(e)} heeft ondertekend",
    "signing_completed": lambda e: "Akkoord door alle partijen ondertekend",
    "point_raised": lambda e: f"Discussiepunt: {e['title']}",
    "preference_stated": lambda e: f"{_party(e)} kiest optie {_d(e, 'option')} bij '{e['title']}'",
    "option_chosen": lambda e: f"Optie {_d(e, 'option')} gekozen bij '{e['title']}'",
    # Goals and their wording.
    "goal_drafted": lambda e: f"Doelstelling {e['goal_code']} opgesteld: {e['title']}",
    "goal_status_changed": lambda e: (
        f"Status {e['goal_code']}: {STATUS_LABELS.get(_d(e, 'status'), _d(e, 'status'))} "
        f"({_d(e, 'reason')})"
    ),
    "indicators_set": lambda e: f"Indicatoren {e['goal_code']} vastgesteld",
    "actions_set": lambda e: f"Acties {e['goal_code']} vastgesteld",
    "wording_revised": lambda e: (
        f"Tekst {e['goal_code']} gewijzigd naar versie {e['version']} "
        f"({KIND_LABELS.get(_d(e, 'kind'), _d(e, 'kind'))}): {_d(e, 'reason')}"
    ),
    "wording_frozen": lambda e: f"Tekst {e['goal_code']} bevroren na ondertekening",
    "amendment_proposed": lambda e: (
        f"Wijzigingsvoorstel van {_party(e)} op {e['goal_code']}: {_d(e, 'reason')}"
    ),
    "amendment_decided": lambda e: (
        f"Wijzigingsvoorstel van {_party(e)} op {e['goal_code']}: "
        f"{OUTCOME_LABELS.get(_d(e, 'outcome'), _d(e, 'outcome'))}"
    ),
    "passage_marked": lambda e: f"Open passage gemarkeerd in {e['goal_code']}: “{_d(e, 'quote')}”",
    "passage_resolved": lambda e: f"Open passage in {e['goal_code']} opgelost: {_d(e, 'note')}",
    # Meetings, positions and decisions.
    "position_recorded": lambda e: _position(e, "standpunt"),
    "position_corrected": lambda e: _position(e, "corrigeert standpunt"),
    "position_retracted": lambda e: (
        f"Standpunt {_party(e)} op {e['goal_code']} ingetrokken: {_d(e, 'reason')}"
    ),
    "meeting_logged": lambda e: (
        f"Overleg '{e['title']}' ({_d(e, 'meeting_kind')}) met "
        f"{', '.join(_party(e, p) for p in _d(e, 'parties'))}"
    ),
    "meeting_corrected": lambda e: (
        f"Overleg '{e['title']}' gecorrigeerd ({_corrected(e)}): {_d(e, 'reason')}"
    ),
    "meeting_withdrawn": lambda e: (
        f"Overleg '{e['title']}' ingetrokken met {_d(e, 'positions')} standpunt(en): "
        f"{_d(e, 'reason')}"
    ),
    "decision_recorded": _decision,
    "decision_corrected": lambda e: (
        f"Besluit {_d(e, 'reference') or e['title']} gecorrigeerd ({_corrected(e)}): "
        f"{_d(e, 'reason')}"
    ),
}


def sentence(entry: Entry, parties: Mapping[str, str] | None = None) -> str:
    """The Dutch sentence of a timeline entry ("Mijlpaal Brief gepland op 1 juni 2023");
    parties: a name by party code, to name parties by (else their codes)."""
    say = SENTENCES.get(str(entry.get("kind")))
    if say is None:
        return str(entry.get("kind"))
    return say({**entry, "_party_names": parties} if parties else entry)


def cause_label(cause: Mapping[str, Any], parties: Mapping[str, str] | None = None) -> str:
    """What caused a revision, named in Dutch: "wijzigingsvoorstel van JOB", "overleg 'Ambtelijk
    overleg' (14 oktober 2022)", "besluit 34313238: Salarismix"; "(intern)" when hidden."""
    kind = cause.get("type")
    if kind in (None, "none"):
        return ""
    if cause.get("hidden"):
        return "(intern)"
    if kind == "amendment":
        party = cause.get("party") or "?"
        return f"wijzigingsvoorstel van {(parties or {}).get(party, party)}"
    if kind == "meeting":
        if not cause.get("title"):
            return "overleg"
        return f"overleg '{cause['title']}' ({dutch_date(cause.get('date'))})"
    if not cause.get("title"):
        return CAUSE_LABELS.get(str(kind), str(kind))
    reference = f" {cause['reference']}" if cause.get("reference") else ""
    return f"besluit{reference}: {cause['title']}"


def cause_text(version: Mapping[str, Any], parties: Mapping[str, str] | None = None) -> str:
    """A wording version's origin as the goal page says it: "eerste tekst", "eigen herziening",
    or its cause named once ("besluit 34313238: Salarismix", "besluit (intern)")."""
    cause = version["cause"]
    if cause["type"] == "none":
        return "eerste tekst" if version["version"] == 1 else "eigen herziening"
    if cause.get("hidden"):
        return f"{CAUSE_LABELS.get(cause['type'], cause['type'])} (intern)"
    return cause_label(cause, parties)
