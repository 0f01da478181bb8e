"""The projector's table of standing positions gives exactly what searching every position
gives: for the ministry and for the committee, after saves one by one and after a rebuild."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any
from uuid import UUID

import pytest

from onderhandeling.domain.visibility import COMMITTEE, MINISTRY, Reader
from onderhandeling.readmodel import rebuild
from onderhandeling.readmodel.read_common import Clock, read_models
from onderhandeling.readmodel.read_state import current_stances
from onderhandeling.service import Negotiations, PositionInput
from tests.support.negotiation_builder import DAY, build_small

STANCES = ("supports", "conditional", "neutral", "objects", "blocks")
# A date after everything: the search over all positions, with the same meaning as "now".
END_OF_TIME = Clock(as_of=date(9999, 12, 31))


def standing(app: Negotiations, agreement: UUID, reader: Reader, clock: Clock) -> Any:
    with read_models(app) as sql:
        found = current_stances(sql, str(agreement), reader, clock)
    return {
        goal: {party: row["position_id"] for party, row in parties.items()}
        for goal, parties in found.items()
    }


def assert_table_matches_search(app: Negotiations, agreement: UUID) -> None:
    for reader in (MINISTRY, COMMITTEE):
        assert standing(app, agreement, reader, Clock()) == standing(
            app, agreement, reader, END_OF_TIME
        )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_standing_positions_equal_the_search_over_all_positions(
    app: Negotiations, seed: int
) -> None:
    """Random positions (shared and internal, dates out of order), corrections and
    retractions, including of the standing position and of the last shared one."""
    rng = random.Random(seed)
    small = build_small(app)
    goals = [small.goal, small.goal2]
    parties = [small.ocw, small.job, small.mboraad]
    live: list[tuple[UUID, UUID, UUID]] = []  # (goal, party, position) still standing somewhere
    for _ in range(60):
        goal, party = rng.choice(goals), rng.choice(parties)
        when = DAY + timedelta(days=rng.randrange(30))
        action = rng.random()
        if action < 0.15 and live:
            old_goal, _, old = live.pop(rng.randrange(len(live)))
            app.retract_position(old, "vergissing", small.me)
        elif action < 0.3 and live:
            old_goal, old_party, old = live.pop(rng.randrange(len(live)))
            new = app.correct_position(
                old,
                stance=rng.choice(STANCES),
                summary=f"gecorrigeerd {rng.random():.3f}",
                confidentiality=rng.choice(("shared", "internal")),
                reason="vergissing",
                recorded_by=small.me,
            )
            live.append((old_goal, old_party, new))
        else:
            position = PositionInput(
                goal,
                party,
                rng.choice(STANCES),
                f"standpunt {rng.random():.3f}",
                confidentiality=rng.choice(("shared", "shared", "internal")),
            )
            if rng.random() < 0.1:  # in an internal meeting: internal whatever it says
                new = app.log_meeting(
                    small.agreement,
                    "Intern vooroverleg",
                    "ambtelijk",
                    when,
                    [party],
                    "Vooroverleg",
                    "internal",
                    [position],
                    small.me,
                ).position_ids[0]
            else:
                new = app.record_position(goal, position, when, small.me)
            live.append((goal, party, new))
        assert_table_matches_search(app, small.agreement)
    before = {r: standing(app, small.agreement, r, Clock()) for r in (MINISTRY, COMMITTEE)}
    rebuild(app)  # now everything is applied in one batch
    assert_table_matches_search(app, small.agreement)
    assert {r: standing(app, small.agreement, r, Clock()) for r in (MINISTRY, COMMITTEE)} == before


def test_committee_sees_the_latest_shared_position_under_a_newer_internal_one(
    app: Negotiations,
) -> None:
    small = build_small(app)
    shared = app.record_position(
        small.goal, PositionInput(small.goal, small.job, "supports", "openbaar"), DAY, small.me
    )
    internal = app.record_position(
        small.goal,
        PositionInput(small.goal, small.job, "blocks", "vertrouwelijk", confidentiality="internal"),
        DAY + timedelta(days=1),
        small.me,
    )
    ministry = standing(app, small.agreement, MINISTRY, Clock())
    committee = standing(app, small.agreement, COMMITTEE, Clock())
    assert ministry[str(small.goal)][str(small.job)] == str(internal)
    assert committee[str(small.goal)][str(small.job)] == str(shared)
    app.retract_position(shared, "ingetrokken", small.me)
    assert str(small.goal) not in standing(app, small.agreement, COMMITTEE, Clock())
    assert standing(app, small.agreement, MINISTRY, Clock())[str(small.goal)] == {
        str(small.job): str(internal)
    }
