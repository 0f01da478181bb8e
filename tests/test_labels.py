"""Every stored value has its Dutch label, and the timeline speaks Dutch."""

from __future__ import annotations

from onderhandeling.domain.values import AmendmentOutcome, GoalStatus, MeetingKind, Stance
from onderhandeling.dutch.labels import (
    MEETING_KIND_LABELS,
    OUTCOME_LABELS,
    STANCE_LABELS,
    STATUS_LABELS,
)
from onderhandeling.dutch.timeline import sentence
from onderhandeling.readmodel import goal_history
from onderhandeling.service import Negotiations
from tests.support.negotiation_builder import DAY, build_small


def test_every_domain_value_has_a_dutch_label() -> None:
    """A new stance, status, outcome or meeting kind cannot reach the interface unlabelled."""
    assert set(STANCE_LABELS) == {s.value for s in Stance}
    assert set(STATUS_LABELS) == {s.value for s in GoalStatus}
    assert {k for k in OUTCOME_LABELS if k} == {o.value for o in AmendmentOutcome}
    assert set(MEETING_KIND_LABELS) == {k.value for k in MeetingKind}


def test_timeline_texts_use_dutch_labels(app: Negotiations) -> None:
    """Status changes and amendment outcomes read in Dutch in a goal's history."""
    small = build_small(app)
    app.change_goal_status(small.goal, "agreed", "akkoord bereikt", DAY, small.me)
    amendment = app.propose_amendment(small.goal, small.job, "beter", DAY, small.me, text="Nieuw")
    app.decide_amendment(small.goal, amendment, "rejected", DAY, small.me, reason="nee")
    summaries = " ".join(sentence(e) for e in goal_history(app, small.goal)["entries"])
    assert "overeengekomen" in summaries and "verworpen" in summaries
    assert "agreed" not in summaries and "rejected" not in summaries
