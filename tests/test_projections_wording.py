"""Word diffs between any two wording versions, and blame, read from the read models."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from onderhandeling.domain.errors import InvalidInput
from onderhandeling.dutch.timeline import cause_label
from onderhandeling.readmodel import agreement_state, blame, diff_versions, wording_versions
from onderhandeling.service import Negotiations
from onderhandeling.web.pages.presenting import diff_to_html
from tests.support.negotiation_builder import build_small

Revised = tuple[Negotiations, UUID]

V1 = "Iedere student vindt een stage. Scholen helpen hun studenten daarbij."
V2 = "Iedere student vindt snel een stage. Scholen helpen hun studenten daarbij."
V4 = "Scholen helpen hun studenten daarbij. Iedere student vindt een stage."
V5 = "Scholen helpen hun studenten daarbij. Iedere student vindt ’s zomers een stage, óók mbo'ers."


@pytest.fixture
def goal(app: Negotiations) -> Revised:
    """A goal revised by hand: an insertion, a deletion, a moved sentence, and an adopted
    amendment with Dutch punctuation."""
    s = build_small(app)
    goal = app.add_goal(s.agreement, "K9", "KANS", "Stages", V1, date(2022, 9, 1), s.me)
    app.revise_wording(goal, V2, 1, "sneller", "substantive", date(2022, 9, 2), s.me)
    app.revise_wording(goal, V1, 2, "toch niet", "substantive", date(2022, 9, 3), s.me)
    app.revise_wording(goal, V4, 3, "volgorde", "editorial", date(2022, 9, 4), s.me)
    amendment = app.propose_amendment(goal, s.job, "zomerstages", date(2022, 9, 5), s.me, text=V5)
    app.decide_amendment(goal, amendment, "adopted", date(2022, 9, 6), s.me)
    return app, goal


def test_diff_between_neighbouring_versions_shows_an_insertion(goal: Revised) -> None:
    """Version 1 → 2 inserts one word; the other words are kept."""
    app, goal_id = goal
    diff = diff_versions(app, goal_id, 1, 2)
    assert (
        diff["text"]
        == "Iedere student vindt {+snel +}een stage. Scholen helpen hun studenten daarbij."
    )
    assert [op["kind"] for op in diff["ops"]] == ["equal", "insert", "equal"]
    assert '<ins class="diff-ins">' in diff_to_html(diff["ops"])


def test_diff_shows_a_deletion_and_versions_that_undo_each_other(goal: Revised) -> None:
    """2 → 3 deletes the word again, and 1 → 3 has no change at all."""
    app, goal_id = goal
    assert "[-snel -]" in diff_versions(app, goal_id, 2, 3)["text"]
    assert diff_versions(app, goal_id, 1, 3)["text"] == V1
    assert [op["kind"] for op in diff_versions(app, goal_id, 1, 3)["ops"]] == ["equal"]


def test_diff_between_any_two_versions_in_either_order(goal: Revised) -> None:
    """Distant versions diff directly, and the reverse diff swaps insertions and deletions."""
    app, goal_id = goal
    forward = diff_versions(app, goal_id, 1, 5)
    assert forward["text"] == (
        "[-Iedere student vindt een stage. -]Scholen helpen hun studenten daarbij."
        "{+ Iedere student vindt ’s zomers een stage, óók mbo'ers.+}"
    )
    backward = diff_versions(app, goal_id, 5, 1)
    assert "".join(o["text"] for o in backward["ops"] if o["kind"] != "delete") == V1
    assert forward["from"]["version"] == 1 and forward["to"]["cause"]["party"] == "JOB"


def test_blame_of_a_moved_sentence_keeps_its_original_version(goal: Revised) -> None:
    """Blame of version 4 credits both sentences to version 1: a move is not new text."""
    app, goal_id = goal
    spans = [(s["text"], s["version"]) for s in blame(app, goal_id, 4)["spans"]]
    assert spans == [
        ("Scholen helpen hun studenten daarbij.", 1),
        (" ", 4),
        ("Iedere student vindt een stage.", 1),
    ]


def test_blame_of_current_version_names_date_cause_and_party(goal: Revised) -> None:
    """Blame of the current version annotates Dutch punctuation and words added by the
    adopted amendment with its version, date, cause and party."""
    app, goal_id = goal
    result = blame(app, goal_id)
    assert result["version"] == 5 and "".join(s["text"] for s in result["spans"]) == V5
    added = [s for s in result["spans"] if s["version"] == 5]
    assert [s["text"] for s in added] == ["’s zomers ", ", óók mbo'ers"]
    assert added[0]["effective_date"] == "2022-09-06"
    assert cause_label(added[0]["cause"]) == "wijzigingsvoorstel van JOB"
    assert added[0]["cause"]["party"] == "JOB"
    assert result["spans"][0]["effective_date"] == "2022-09-01"


def test_blame_of_a_deletion_returns_to_the_older_provenance(goal: Revised) -> None:
    """After deleting the inserted word again, version 3 is all version 1."""
    app, goal_id = goal
    assert [(s["text"], s["version"]) for s in blame(app, goal_id, 3)["spans"]] == [(V1, 1)]


def test_unknown_versions_are_refused(goal: Revised) -> None:
    """Asking for a version that does not exist names the versions that do."""
    app, goal_id = goal
    with pytest.raises(InvalidInput, match="versions 1 to 5"):
        diff_versions(app, goal_id, 1, 6)
    with pytest.raises(InvalidInput):
        blame(app, goal_id, 0)


def test_wording_versions_lists_every_version_with_its_text(goal: Revised) -> None:
    """All five versions are listed in order with text, reason and kind."""
    app, goal_id = goal
    versions = wording_versions(app, goal_id)
    assert [v["version"] for v in versions] == [1, 2, 3, 4, 5]
    assert versions[3]["kind"] == "editorial" and versions[4]["text"] == V5


def test_passage_orphaned_by_a_revision_is_marked_so_from_that_date(app: Negotiations) -> None:
    """A passage whose quote a revision removes shows as orphaned from the revision's date,
    and as open before it."""
    s = build_small(app)
    app.mark_passage(s.goal, "een stage", "te vaag", [], date(2022, 9, 2), s.me)
    app.revise_wording(
        s.goal, "Iedere student vindt werk.", 1, "anders", "substantive", date(2022, 9, 5), s.me
    )

    def passages(on: date | None) -> list[str]:
        state = agreement_state(app, s.agreement, as_of=on)
        return [p["status"] for p in state["priorities"][0]["goals"][0]["open_passages"]]

    assert passages(date(2022, 9, 3)) == ["open"]
    assert passages(None) == ["orphaned"]
