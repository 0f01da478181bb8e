"""Logging a meeting with all the positions taken in it (the meeting page itself is
pages_meetings.py)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from onderhandeling.domain.errors import DomainError
from onderhandeling.domain.values import Confidentiality, MeetingKind, Stance
from onderhandeling.dutch.labels import MEETING_KIND_LABELS, STANCE_LABELS
from onderhandeling.service import PositionInput
from onderhandeling.web.deps import CSRF, Service, Writer
from onderhandeling.web.pages.forms import Form, Posted
from onderhandeling.web.pages.refusals import dutch_message
from onderhandeling.web.pages.support import (
    agreement_id_of,
    error_field,
    negotiations,
    not_found,
    see_other,
)
from onderhandeling.web.pages.templating import flash, is_htmx, render, templates
from onderhandeling.web.security import User

router = APIRouter()

ROW_FIELD = re.compile(r"^rij-(\d{1,3})-")
# A refusal about one position names it as the service got it: "positions.2.party".
POSITION_FIELD = re.compile(r"^positions\.(\d{1,3})\.(\w+)$")
ROW_FIELDS = {
    "goal": "doel",
    "party": "partij",
    "stance": "standpunt",
    "summary": "samenvatting",
    "conditions": "voorwaarden",
    "wording_version": "doel",
}
MEETING_FIELDS = {"titel", "datum", "soort", "partijen", "samenvatting"}
ROW_KEYS = ("doel", "partij", "standpunt", "samenvatting", "voorwaarden", "intern")
MAX_ROWS = 200


def _empty_row(index: int) -> dict[str, str]:
    return {"index": str(index), **dict.fromkeys(ROW_KEYS, "")}


def _rows_of(form: FormData) -> list[dict[str, str]]:
    indices = sorted({int(m.group(1)) for key in form if (m := ROW_FIELD.match(key))})
    return [
        {"index": str(i), **{k: str(form.get(f"rij-{i}-{k}", "")) for k in ROW_KEYS}}
        for i in indices[:MAX_ROWS]
    ]


def _is_blank(row: dict[str, str]) -> bool:
    return not any(row[k].strip() for k in ("doel", "partij", "standpunt", "samenvatting"))


def _options(request: Request, agreement_id: UUID) -> dict[str, Any]:
    agreement = negotiations(request).agreement(agreement_id)
    return {
        "agreement_id": agreement_id,
        "goal_options": [(g["id"], g["code"]) for g in agreement["goals"]],
        "party_options": [(p["id"], p["code"]) for p in agreement["parties"]],
        "stance_options": [(s.value, STANCE_LABELS.get(s.value, s.value)) for s in Stance],
        "kind_options": [(k.value, MEETING_KIND_LABELS.get(k.value, k.value)) for k in MeetingKind],
    }


def _show_form(
    request: Request,
    user: User,
    agreement_id: UUID,
    form: dict[str, Any],
    errors: dict[str, str],
    status_code: int = 200,
) -> Response:
    context = {**_options(request, agreement_id), "form": form, "errors": errors}
    return render(request, "overleg_nieuw.html", context, user=user, status_code=status_code)


@router.get("/overleggen/nieuw", name="page_meeting_form")
def meeting_form(request: Request, user: Writer) -> Response:
    agreement_id = agreement_id_of(negotiations(request), request)
    if agreement_id is None:
        return not_found(request, user)
    form = {
        "titel": "",
        "datum": date.today().strftime("%d-%m-%Y"),
        "soort": "bilateraal",
        "partijen": [],
        "samenvatting": "",
        "intern": "",
        "rows": [_empty_row(0)],
    }
    return _show_form(request, user, agreement_id, form, {})


def _positions(form: Form, rows: list[dict[str, str]]) -> list[PositionInput]:
    """The rows filled in, as positions. A row filled in only partly is marked here, every
    such row at once: the domain refuses one thing at a time, and would first say that the
    party of a row without a summary was not present."""
    positions = []
    for number, row in enumerate(rows, start=1):
        if _is_blank(row):
            continue
        key = f"rij-{row['index']}"
        goal = form.id(
            f"{key}-doel", f"{key}-doel", f"Kies de doelstelling van standpunt {number}."
        )
        party = form.id(f"{key}-partij", f"{key}-partij", f"Kies de partij van standpunt {number}.")
        if row["standpunt"] not in {s.value for s in Stance}:
            form.errors[f"{key}-standpunt"] = f"Kies het standpunt van standpunt {number}."
        if not row["samenvatting"].strip():
            form.errors[f"{key}-samenvatting"] = f"Vat standpunt {number} kort samen."
        positions.append(
            PositionInput(
                goal_id=goal,
                party_id=party,
                stance=row["standpunt"],
                summary=row["samenvatting"],
                conditions=row["voorwaarden"],
                confidentiality=Confidentiality.of(bool(row["intern"])),
            )
        )
    return positions


def _refused_field(error: DomainError, rows: list[dict[str, str]]) -> tuple[str, int | None]:
    """The form field a refusal is about, and for a position the number of its row on the
    form. The service counts only the rows it got (blank rows are left out)."""
    sent = [row for row in rows if not _is_blank(row)]
    found = POSITION_FIELD.match(str(error.details.get("field", "")))
    if found is not None and int(found.group(1)) < len(sent):
        row = sent[int(found.group(1))]
        number = next(n for n, r in enumerate(rows, start=1) if r is row)
        return f"rij-{row['index']}-{ROW_FIELDS.get(found.group(2), 'partij')}", number
    field = error_field(error, "titel")
    return (field if field in MEETING_FIELDS else "titel"), None


@router.post("/overleggen/nieuw", name="page_meeting_submit", dependencies=CSRF)
def meeting_submit(request: Request, user: Writer, form: Posted, service: Service) -> Response:
    agreement_id = agreement_id_of(service, request)
    if agreement_id is None:
        return not_found(request, user)
    rows = _rows_of(form.data) or [_empty_row(0)]
    typed: dict[str, Any] = {
        **form.typed({k: k for k in ("titel", "datum", "soort", "samenvatting", "intern")}),
        "partijen": form.texts("partijen"),
        "rows": rows,
    }
    if "add_row" in form.data:
        new = _empty_row(max(int(r["index"]) for r in rows) + 1)
        if is_htmx(request):
            context = {
                **_options(request, agreement_id),
                "row": new,
                "number": len(rows) + 1,
                "errors": {},
            }
            return templates.TemplateResponse(
                request, "_overleg_rij.html", context, headers={"Vary": "HX-Request"}
            )
        typed["rows"] = [*rows, new]
        return _show_form(request, user, agreement_id, typed, {})
    # Every part missing is marked at once (the domain would refuse one at a time).
    form.required("titel", "titel", "Vul een titel in, bijvoorbeeld ‘Bilateraal overleg JOB’.")
    on = form.date("datum", "datum")
    if typed["soort"] not in set(MeetingKind):
        form.errors["soort"] = "Kies de soort overleg."
    if not typed["partijen"]:
        form.errors["partijen"] = "Kies minstens één aanwezige partij."
    positions = _positions(form, rows)
    if form.errors:
        return _show_form(request, user, agreement_id, typed, form.errors, status_code=422)
    try:
        logged = service.log_meeting(
            agreement_id,
            typed["titel"],
            typed["soort"],
            on,
            form.ids("partijen"),
            typed["samenvatting"],
            form.confidentiality(),
            positions,
            user.person_id,
        )
    except DomainError as error:
        field, number = _refused_field(error, rows)
        message = dutch_message(error)
        errors = {field: message if number is None else f"Standpunt {number}: {message}"}
        return _show_form(request, user, agreement_id, typed, errors, status_code=422)
    flash(request, f"Het overleg is vastgelegd met {len(positions)} standpunt(en).")
    return see_other(request.url_for("page_meeting", meeting_id=str(logged.meeting_id)))
