"""One party's stances across all goals of the agreement: a picture of its stances over
time (with its table), and per goal its stance now and how it changed."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from markupsafe import Markup

from onderhandeling import pictures
from onderhandeling.domain.errors import NotFound
from onderhandeling.dutch.parties import short_name
from onderhandeling.pictures.data import Goal, Party, PositionPoint, Stance
from onderhandeling.web.deps import CurrentUser
from onderhandeling.web.pages.support import agreement_id_of, negotiations, not_found
from onderhandeling.web.pages.templating import render

router = APIRouter()


def party_context(found: dict[str, Any]) -> dict[str, Any]:
    """The page's rows (goal, its positions by date, the one standing now) and picture."""
    party = found["party"]
    rows = []
    points: list[PositionPoint] = []
    for goal in found["goals"]:
        mine = sorted(
            (p for p in found["positions"] if p["goal_id"] == goal["id"]),
            key=lambda p: p["effective_date"],
        )
        held = [p for p in mine if p["standing"]]
        current = held[-1] if held else None
        rows.append({"goal": goal, "positions": mine, "current": current})
        points += [
            PositionPoint(
                goal=goal["code"],
                on=date.fromisoformat(str(p["effective_date"])),
                stance=Stance(p["stance"]),
                needs_reconfirming=bool(p["needs_reconfirmation"]) and p is current,
            )
            for p in held
        ]
    who = Party(party["code"], party["name"], short_name(party["code"], party["name"]))
    goals = [Goal(g["code"], g["title"]) for g in found["goals"]]
    svg = pictures.party_stances(who, goals, points)
    table = pictures.table_html(pictures.party_stances_table(who, goals, points))
    return {
        "party": {**party, "short_name": who.short_name},
        "rows": rows,
        "picture": Markup(svg),  # every text in it is escaped by the pictures package
        "picture_table": Markup(table),
    }


@router.get("/partijen/{code}", name="page_party")
def party_page(request: Request, code: str, user: CurrentUser) -> Response:
    service = negotiations(request)
    agreement_id = agreement_id_of(service, request)
    if agreement_id is None:
        return not_found(request, user)
    try:
        found = service.party_positions(agreement_id, code, user.reader).as_dict()
    except NotFound:
        return not_found(request, user)
    return render(request, "partij.html", party_context(found), user=user)
