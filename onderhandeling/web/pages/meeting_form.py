"""The meeting form's data: which agreement it logs into, the parties present and goals
discussed, and the grid of stances (one row per party present, one choice per goal
discussed, each row's summaries and conditions folded away), read from a posted form and
turned into the positions the service logs.

The grid's cells are named by party and goal id ("standpunt-<party>-<goal>"), so the
values typed so far survive when the grid is drawn again for other parties or goals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from onderhandeling.domain.errors import DomainError
from onderhandeling.domain.values import Confidentiality, MeetingKind, Stance
from onderhandeling.dutch.dates import format_date
from onderhandeling.dutch.labels import MEETING_KIND_LABELS, STANCE_LABELS
from onderhandeling.dutch.parties import short_name
from onderhandeling.service import AgreementOut, Negotiations, PositionInput, in_one_snapshot
from onderhandeling.web.pages.forms import Form
from onderhandeling.web.pages.refusals import dutch_message
from onderhandeling.web.pages.support import error_field

CELL_FIELDS = ("standpunt", "samenvatting", "voorwaarden", "intern")
# A refusal about one position names its field as the service got it: "positions.2.summary".
POSITION_FIELDS = {"summary": "samenvatting", "conditions": "voorwaarden"}
MEETING_FIELDS = {"titel", "datum", "soort", "partijen", "samenvatting"}
# The key of the message that the grid was drawn for other parties or goals than chosen.
GRID = "raster"
NO_STANCE = "– geen standpunt –"


@dataclass
class MeetingForm:
    """What the form holds: typed values by field, ids chosen, and the grid's cells
    (by "<party>-<goal>": standpunt, samenvatting, voorwaarden, intern)."""

    agreement: str = ""
    titel: str = ""
    datum: str = ""
    soort: str = MeetingKind.BILATERAAL.value
    samenvatting: str = ""
    intern: str = ""
    partijen: list[str] = field(default_factory=list)
    doelen: list[str] = field(default_factory=list)
    cells: dict[str, dict[str, str]] = field(default_factory=dict)
    # The parties and goals the posted grid was drawn for.
    drawn_parties: list[str] = field(default_factory=list)
    drawn_goals: list[str] = field(default_factory=list)

    @classmethod
    def empty(cls, agreement: str) -> MeetingForm:
        return cls(agreement=agreement, datum=date.today().strftime("%d-%m-%Y"))

    @classmethod
    def posted(cls, form: Form) -> MeetingForm:
        read = cls(
            agreement=form.text("akkoord"),
            titel=form.text("titel"),
            datum=form.text("datum"),
            soort=form.text("soort"),
            samenvatting=form.text("samenvatting"),
            intern=form.text("intern"),
            partijen=form.texts("partijen"),
            doelen=form.texts("doelen"),
            drawn_parties=form.texts("raster-partij"),
            drawn_goals=form.texts("raster-doel"),
        )
        for party in read.partijen:
            for goal in read.doelen:
                key = cell_key(party, goal)
                read.cells[key] = {name: form.text(f"{name}-{key}") for name in CELL_FIELDS}
        return read

    def grid_is_stale(self) -> bool:
        """Whether the grid sent was drawn for other parties or goals than those chosen (a
        form posted without JavaScript after changing them): its cells were not all seen."""
        if not self.doelen:
            return False
        return set(self.drawn_parties) != set(self.partijen) or set(self.drawn_goals) != set(
            self.doelen
        )


def cell_key(party_id: str, goal_id: str) -> str:
    return f"{party_id}-{goal_id}"


def party_option(participant: Any) -> dict[str, str]:
    """A party as the forms name it: by its short name, its full name after it (when it
    differs), never by its bare code."""
    name = participant.name or participant.code
    short = short_name(participant.code, name)
    return {
        "id": participant.id,
        "code": participant.code,
        "name": name,
        "label": short,
        "hint": "" if short == name else name,
    }


def _goal(ref: Any) -> dict[str, str]:
    label = f"{ref.code} {ref.title}".strip()
    return {"id": ref.id, "code": ref.code, "title": ref.title, "label": label, "hint": ""}


def _agreement_option(agreement: AgreementOut) -> tuple[str, str]:
    if agreement.signed_on is None:
        return agreement.id, agreement.title
    signed = format_date(date.fromisoformat(agreement.signed_on))
    return agreement.id, f"{agreement.title} (ondertekend op {signed})"


@in_one_snapshot
def form_context(
    service: Negotiations, /, form: MeetingForm, errors: dict[str, str]
) -> dict[str, Any]:
    """Everything the form shows: the agreements to choose from (signed ones marked), and for
    the chosen one its parties and goals, the grid of the chosen ones, the typed values."""
    agreements = [service.agreement(UUID(a.id)) for a in service.agreements()]
    chosen = next((a for a in agreements if a.id == form.agreement), None)
    parties = [party_option(p) for p in chosen.parties] if chosen else []
    goals = [_goal(g) for g in chosen.goals] if chosen else []
    present = [p for p in parties if p["id"] in form.partijen]
    discussed = [g for g in goals if g["id"] in form.doelen]
    rows = []
    for party in present:
        cells = []
        for goal in discussed:
            key = cell_key(party["id"], goal["id"])
            cells.append({"goal": goal, "key": key, **form.cells.get(key, {})})
        opened = any(
            cell.get(name) or f"{name}-{cell['key']}" in errors
            for cell in cells
            for name in ("samenvatting", "voorwaarden", "intern")
        )
        rows.append({"party": party, "cells": cells, "open": opened})
    return {
        "form": form,
        "errors": errors,
        "agreement_options": [_agreement_option(a) for a in agreements],
        "agreement": chosen,
        "signed_on": chosen.signed_on if chosen else None,
        "party_options": parties,
        "goal_options": goals,
        "rows": rows,
        "discussed": discussed,
        "stance_options": [(s.value, STANCE_LABELS.get(s.value, s.value)) for s in Stance],
        "kind_options": [(k.value, MEETING_KIND_LABELS.get(k.value, k.value)) for k in MeetingKind],
        "no_stance": NO_STANCE,
    }


@dataclass(frozen=True)
class GridPosition:
    """A position read from the grid, with the cell it came from and who and what it is
    about, so a refusal can mark that cell and name them."""

    key: str
    about: str
    position: PositionInput


def grid_positions(form: Form, typed: MeetingForm, context: dict[str, Any]) -> list[GridPosition]:
    """The positions chosen in the grid, in its order (party by party). A cell with a summary
    or conditions but no stance is marked: the text would be lost."""
    positions = []
    stances = {s.value for s in Stance}
    for row in context["rows"]:
        party = row["party"]
        for cell in row["cells"]:
            key = cell["key"]
            about = f"{party['name']} over {cell['goal']['label']}"
            stance = cell.get("standpunt", "")
            summary = cell.get("samenvatting", "").strip()
            conditions = cell.get("voorwaarden", "").strip()
            if not stance:
                if summary or conditions:
                    form.errors[f"standpunt-{key}"] = (
                        f"Kies het standpunt van {about}, of maak de samenvatting en de "
                        "voorwaarden leeg."
                    )
                continue
            if stance not in stances:
                form.errors[f"standpunt-{key}"] = f"Kies het standpunt van {about}."
                continue
            positions.append(
                GridPosition(
                    key,
                    about,
                    PositionInput(
                        goal_id=UUID(cell["goal"]["id"]),
                        party_id=UUID(party["id"]),
                        stance=stance,
                        summary=summary,
                        conditions=conditions,
                        confidentiality=Confidentiality.of(bool(cell.get("intern"))),
                    ),
                )
            )
    return positions


def _check_meeting(form: Form, typed: MeetingForm) -> None:
    """Every part of the meeting missing is marked at once (the domain refuses one at a time)."""
    if not typed.agreement:
        form.errors["akkoord"] = "Kies het akkoord waarin u het overleg vastlegt."
    form.required("titel", "titel", "Vul een titel in, bijvoorbeeld ‘Bilateraal overleg JOB’.")
    if typed.soort not in set(MeetingKind):
        form.errors["soort"] = "Kies de soort overleg."
    if not typed.partijen:
        form.errors["partijen"] = "Kies minstens één aanwezige partij."
    shown = form.text("akkoord-getoond")
    if shown and shown != typed.agreement:
        form.errors["akkoord"] = (
            "U koos een ander akkoord. Kies ‘Akkoord kiezen’ en daarna de aanwezige partijen en "
            "besproken doelstellingen van dat akkoord."
        )
    elif typed.grid_is_stale():
        form.errors[GRID] = (
            "Het raster hieronder is bijgewerkt voor de gekozen partijen en doelstellingen. "
            "Controleer de standpunten en sla het overleg opnieuw op."
        )


def checked_positions(
    form: Form, typed: MeetingForm, context: dict[str, Any]
) -> list[GridPosition]:
    """The positions to log, after noting on the form what is missing or wrong in the
    meeting's facts and in the grid (all at once: the domain refuses one thing at a time)."""
    _check_meeting(form, typed)
    if context["agreement"] is None:
        form.errors.setdefault("akkoord", "Kies het akkoord waarin u het overleg vastlegt.")
        return []
    return grid_positions(form, typed, context)


def refused_field(
    error: DomainError, positions: list[GridPosition], signed_on: str | None
) -> tuple[str, str]:
    """The field a refusal marks and its Dutch message: a position's cell, named by its party
    and goal; a refusal about the signing at the date; else the meeting's field."""
    if error.code == "agreement-signed" and signed_on:
        signed = format_date(date.fromisoformat(signed_on))
        return "datum", (
            f"Dit akkoord is ondertekend op {signed}. Een overleg van na die datum kan er geen "
            "standpunten meer aan toevoegen. Controleer de datum, of kies een ander akkoord."
        )
    message = dutch_message(error)
    named = str(error.details.get("field", ""))
    parts = named.split(".")
    if len(parts) == 3 and parts[0] == "positions" and parts[1].isdigit():
        index = int(parts[1])
        if index < len(positions):
            cell = positions[index]
            name = POSITION_FIELDS.get(parts[2], "standpunt")
            return f"{name}-{cell.key}", f"Standpunt van {cell.about}: {message}"
    found = error_field(error, "titel")
    return (found if found in MEETING_FIELDS else "titel"), message
