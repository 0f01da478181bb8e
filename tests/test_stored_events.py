"""Stored events stay readable: an export of the demo made before positions became events of
their meetings (they were events of their goals then) still imports, replays and gives
exactly the state the code of that day gave, and those positions can still be corrected."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

from onderhandeling.domain.visibility import MINISTRY
from onderhandeling.readmodel import agreement_state
from onderhandeling.service import Negotiations
from onderhandeling.service.transfer import import_events

DATA = Path(__file__).parent / "data"
BEFORE_MEETINGS_HELD_POSITIONS = DATA / "demo-2026-12-01-positions-on-goals.jsonl"
MEETINGS_HOLD_POSITIONS = DATA / "demo-2026-12-01-meetings-hold-positions.jsonl"


UNKNOWN = {
    "stance": "unknown",
    "effective_date": None,
    "summary": "",
    "conditions": "",
    "position_id": None,
    "meeting": None,
    "wording_version": None,
    "needs_reconfirmation": False,
}


def expected(name: str) -> dict[str, Any]:
    state: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return in_todays_shape(state)


def in_todays_shape(state: dict[str, Any]) -> dict[str, Any]:
    """A state saved before a party's stance had one shape (a bare value under the party) and
    before parties were named by name too: the same facts in today's shape."""
    goals = {g["code"]: g for p in state["priorities"] for g in p["goals"]}
    names = {p["code"]: p["name"] for p in state["parties"]}
    for party in state["parties"]:
        for code, stance in party["stances"].items():
            if not isinstance(stance, str):
                continue
            held = goals[code]["stances"].get(party["code"])
            assert (held["stance"] if held else "unknown") == stance
            party["stances"][code] = held or UNKNOWN
    for goal in goals.values():
        for amendment in goal["pending_amendments"]:
            amendment.setdefault("party_name", names.get(amendment["party"], ""))
    return state


def as_json(value: object) -> object:
    return json.loads(json.dumps(value, ensure_ascii=False))


def test_the_demo_exported_when_positions_were_goal_events_gives_the_same_state(
    app: Negotiations,
) -> None:
    """Now and as it stood on 1 October 2022: identical to what that code computed."""
    import_events(app, BEFORE_MEETINGS_HELD_POSITIONS)
    now = expected("demo-2026-12-01-positions-on-goals.state.json")
    agreement = UUID(now["agreement"]["id"])
    assert as_json(agreement_state(app, agreement, MINISTRY)) == now
    assert as_json(agreement_state(app, agreement, MINISTRY, as_of=date(2022, 10, 1))) == expected(
        "demo-2026-12-01-positions-on-goals.state-2022-10-01.json"
    )


def test_a_position_recorded_on_its_goal_can_still_be_corrected_and_retracted(
    app: Negotiations,
) -> None:
    """The goal keeps accepting corrections of the positions it holds from back then."""
    import_events(app, BEFORE_MEETINGS_HELD_POSITIONS)
    now = expected("demo-2026-12-01-positions-on-goals.state.json")
    agreement = UUID(now["agreement"]["id"])
    state = agreement_state(app, agreement, MINISTRY)
    goal = next(g for p in state["priorities"] for g in p["goals"] if g["stances"])
    code, stance = next(iter(goal["stances"].items()))
    me = app.register_person("Corrector", date(2023, 3, 1))
    corrected = app.correct_position(
        UUID(stance["position_id"]), stance="neutral", reason="verkeerd overgenomen", recorded_by=me
    )
    after = agreement_state(app, agreement, MINISTRY)
    again = next(g for p in after["priorities"] for g in p["goals"] if g["id"] == goal["id"])
    assert again["stances"][code]["position_id"] == str(corrected)
    assert again["stances"][code]["stance"] == "neutral"
    app.retract_position(corrected, "toch niet", me)
    final = agreement_state(app, agreement, MINISTRY)
    last = next(g for p in final["priorities"] for g in p["goals"] if g["id"] == goal["id"])
    assert last["stances"].get(code, {}).get("position_id") != str(corrected)


def test_the_demo_exported_when_meetings_held_positions_gives_the_same_state(
    app: Negotiations,
) -> None:
    """The export made before the layout was rearranged (wording events still stored under
    the class they were first defined on) replays to the state that code computed."""
    import_events(app, MEETINGS_HOLD_POSITIONS)
    now = expected("demo-2026-12-01-meetings-hold-positions.state.json")
    agreement = UUID(now["agreement"]["id"])
    assert as_json(agreement_state(app, agreement, MINISTRY)) == now
    assert as_json(agreement_state(app, agreement, MINISTRY, as_of=date(2022, 10, 1))) == expected(
        "demo-2026-12-01-meetings-hold-positions.state-2022-10-01.json"
    )
