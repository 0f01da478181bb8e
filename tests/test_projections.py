"""The read models: kept up to date from the event log, equal after a rebuild, on two clocks,
and never showing internal content to the steering committee."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from typing import Any

import eventsourcing.domain
import pytest

from onderhandeling.domain.visibility import COMMITTEE, MINISTRY
from onderhandeling.dutch.timeline import cause_label
from onderhandeling.readmodel import (
    agreement_state,
    changes_since,
    compare_baselines,
    goal_history,
    projector,
    projector_of,
    rebuild,
)
from onderhandeling.service import Negotiations, PositionInput
from onderhandeling.web.pages.data import discussion_points
from tests.support.negotiation_builder import DAY, build_small
from tests.support.projections import Rich, clear_read_models, dump_rows


class FakeClock:
    """Sets the moment the library stamps on new events (their recorded time)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = datetime(2022, 9, 1, 12, tzinfo=UTC)
        monkeypatch.setattr(eventsourcing.domain, "datetime_now_with_tzinfo", self.read)

    def read(self) -> datetime:
        return self.now

    def set(self, day: date) -> None:
        self.now = datetime.combine(day, time(12), tzinfo=UTC)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeClock]:
    yield FakeClock(monkeypatch)


def _stances(state: dict[str, Any], code: str) -> dict[str, Any]:
    goals = [g for p in state["priorities"] for g in p["goals"]]
    found: dict[str, Any] = next(g for g in goals if g["code"] == code)["stances"]
    return found


def test_position_logged_late_counts_on_its_effective_date_not_before_it_was_known(
    app: Negotiations, clock: FakeClock
) -> None:
    """A position logged on 20 September for a meeting of 15 September is in the state of 16
    September, but not in what was known on 16 September."""
    s = build_small(app)
    clock.set(date(2022, 9, 20))
    app.log_meeting(
        s.agreement,
        "Bilateraal",
        "bilateraal",
        date(2022, 9, 15),
        [s.job],
        "",
        "shared",
        [PositionInput(s.goal, s.job, "supports", "Eens")],
        s.me,
    )
    on_16 = date(2022, 9, 16)
    known_16 = datetime.combine(on_16, time.max, tzinfo=UTC)
    assert "JOB" in _stances(agreement_state(app, s.agreement, as_of=on_16), "K1")
    assert "JOB" not in _stances(agreement_state(app, s.agreement, known_at=known_16), "K1")
    both = agreement_state(app, s.agreement, as_of=on_16, known_at=known_16)
    assert "JOB" not in _stances(both, "K1")
    assert "JOB" in _stances(agreement_state(app, s.agreement), "K1")


def test_wording_and_status_follow_both_clocks(app: Negotiations, clock: FakeClock) -> None:
    """The wording version and status as of a date ignore later revisions on either clock."""
    s = build_small(app)
    clock.set(date(2022, 9, 10))
    app.revise_wording(
        s.goal,
        "Iedere student vindt snel een stage.",
        1,
        "sneller",
        "substantive",
        date(2022, 9, 10),
        s.me,
    )
    app.change_goal_status(s.goal, "agreed", "klaar", date(2022, 9, 10), s.me)
    before = agreement_state(app, s.agreement, as_of=date(2022, 9, 9))
    goal = before["priorities"][0]["goals"][0]
    assert (goal["version"], goal["status"], goal["wording"]) == (
        1,
        "draft",
        "Iedere student vindt een stage.",
    )
    known = agreement_state(app, s.agreement, known_at=datetime(2022, 9, 5, tzinfo=UTC))
    assert known["priorities"][0]["goals"][0]["version"] == 1
    now = agreement_state(app, s.agreement)["priorities"][0]["goals"][0]
    assert (now["version"], now["status"]) == (2, "agreed")


def test_rebuild_gives_exactly_the_rows_of_incremental_updating(
    app: Negotiations, rich: Rich
) -> None:
    """Dropping and rebuilding the read models from the log gives the same rows, table by table."""
    incremental = dump_rows(app)
    assert incremental["proj_timeline"]
    rebuild(app)
    assert dump_rows(app) == incremental


def test_rebuild_in_batches_of_both_sizes_gives_the_same_rows(
    app: Negotiations, rich: Rich, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Far behind, bigger batches; near the end, the usual size: rows stay the same (a
    position and its correction, a revision and its passage, may fall in different batches)."""
    incremental = dump_rows(app)
    monkeypatch.setattr(projector, "BATCH", 2)
    monkeypatch.setattr(projector, "FAR_BEHIND_BATCH", 5)
    sizes: list[int] = []
    rebuild(app, lambda done, last: sizes.append(done))
    steps = [b - a for a, b in zip([0, *sizes], sizes, strict=False)]
    assert 5 in steps and 2 in steps
    assert dump_rows(app) == incremental


def test_rebuild_equals_incremental_on_the_demo(app: Negotiations) -> None:
    """On the demo negotiation too, a rebuild reproduces every row of incremental updating."""
    demo_loader = pytest.importorskip("onderhandeling.demo.loader")
    try:
        demo_loader.demo_data()
    except FileNotFoundError:
        pytest.skip("no demo data file")
    demo_loader.load_demo(app)
    incremental = dump_rows(app)
    rebuild(app)
    assert dump_rows(app) == incremental


def test_catching_up_resumes_after_a_restart(app: Negotiations, database: Any) -> None:
    """A new application object on the same store continues from the stored position."""
    s = build_small(app)
    clear_read_models(app)
    other = Negotiations(database)
    try:
        applied = projector_of(other).catch_up()
        assert applied == app.recorder.max_notification_id()
        assert projector_of(other).catch_up() == 0
        other.revise_wording(s.goal, "Nieuwe tekst.", 1, "r", "substantive", DAY, s.me)
        assert projector_of(app).catch_up() == 0  # the save already caught up
    finally:
        other.close()
    assert agreement_state(app, s.agreement)["priorities"][0]["goals"][0]["version"] == 2


def test_stance_on_an_older_wording_needs_reconfirmation(app: Negotiations) -> None:
    """A party's stance taken on version 1 is flagged once the goal is at version 2."""
    s = build_small(app)
    app.record_position(s.goal, PositionInput(s.goal, s.job, "supports", "Eens"), DAY, s.me)
    assert not _stances(agreement_state(app, s.agreement), "K1")["JOB"]["needs_reconfirmation"]
    app.revise_wording(
        s.goal, "Iedere student vindt snel een stage.", 1, "r", "substantive", DAY, s.me
    )
    stance = _stances(agreement_state(app, s.agreement), "K1")["JOB"]
    assert stance["needs_reconfirmation"] and stance["wording_version"] == 1


def test_the_goal_flags_reconfirmation_as_the_state_does(app: Negotiations) -> None:
    """The goal's standing position carries the same reconfirmation flag as the state's
    stance (one rule, readmodel/current_positions.needs_reconfirmation); a corrected one none."""
    s = build_small(app)
    first = app.record_position(s.goal, PositionInput(s.goal, s.job, "supports", "Eens"), DAY, s.me)
    app.revise_wording(
        s.goal, "Iedere student vindt snel een stage.", 1, "r", "substantive", DAY, s.me
    )
    (position,) = app.goal(s.goal)["positions"]
    assert position["id"] == str(first)
    assert position["needs_reconfirmation"] is True
    assert _stances(agreement_state(app, s.agreement), "K1")["JOB"]["needs_reconfirmation"]


def test_state_lists_consensus_passages_amendments_and_points(
    app: Negotiations, rich: Rich
) -> None:
    """Current state counts signatories' stances (no position = unknown), lists open and
    pending items, discussion points with preferences and the decision, and per party stances."""
    state = agreement_state(app, rich.small.agreement, MINISTRY)
    k1 = state["priorities"][0]["goals"][0]
    assert k1["consensus"]["conditional"] == 1  # JOB
    assert k1["consensus"]["supports"] == 1  # MBORAAD, after its correction
    assert k1["consensus"]["objects"] == 1  # OCW, internally
    assert sum(k1["consensus"].values()) == 3  # signatories only, not the adviser
    assert [p["quote"] for p in k1["open_passages"]] == ["Iedere student"]
    assert [a["reason"] for a in k1["pending_amendments"]] == ["Nog open"]
    assert k1["version"] == 4 and k1["status"] == "in_negotiation"
    point = state["discussion_points"][0]
    assert point["preferences"]["JOB"]["option"] == "2a"
    assert point["chosen"]["decision"]["reference"] == "34313238"
    job = next(p for p in state["parties"] if p["code"] == "JOB")
    stances = {code: held["stance"] for code, held in job["stances"].items()}
    assert stances == {"K1": "conditional", "A1": "unknown", "K2": "unknown"}
    assert state["agreement"]["signed_on"] == "2022-12-01"


def test_retracted_position_no_longer_counts(app: Negotiations, rich: Rich) -> None:
    """A retracted position drops out of the current stances."""
    state = agreement_state(app, rich.small.agreement)
    a1 = next(g for p in state["priorities"] for g in p["goals"] if g["code"] == "A1")
    assert "JOB" not in a1["stances"]
    assert a1["status"] == "dropped"


def test_committee_never_sees_internal_meetings_or_positions(app: Negotiations, rich: Rich) -> None:
    """State, counts, history, changes and compare leave out internal meetings and positions
    for the steering committee, while the ministry sees them."""
    agreement, goal = rich.small.agreement, rich.small.goal
    secret = ("Intern overleg", "Geheime strategie", "Strategie en timing", "objects")
    committee_views = [
        agreement_state(app, agreement, COMMITTEE),
        goal_history(app, goal, COMMITTEE),
        changes_since(app, agreement, "2022-01-01", COMMITTEE),
        changes_since(app, agreement, "Eerste versie", COMMITTEE),
        compare_baselines(app, agreement, "Eerste versie", "now", COMMITTEE),
    ]
    for view in committee_views:
        text = repr(view)
        for word in secret[:3]:
            assert word not in text
        assert str(rich.internal_meeting) not in text
        assert str(rich.internal_position) not in text
    k1 = committee_views[0]["priorities"][0]["goals"][0]
    assert "OCW" not in k1["stances"] and k1["consensus"]["objects"] == 0
    assert k1["consensus"]["unknown"] == 1
    ministry = repr(goal_history(app, goal, MINISTRY))
    assert "Geheime strategie" in ministry


def test_committee_does_not_see_the_choice_of_an_internal_decision(app: Negotiations) -> None:
    """A shared point decided by an internal decision reads as undecided to the steering
    committee (no option, no date), in the state and on the pages; the ministry sees it."""
    s = build_small(app)
    point = app.raise_discussion_point(
        s.agreement,
        "Bekostiging",
        [{"key": "A", "label": "Optie A"}, {"key": "B", "label": "Optie B"}],
        DAY,
        s.me,
    )
    app.record_decision(
        s.agreement,
        "MOCW",
        "INT-1",
        "Interne keuze",
        "Optie B",
        date(2022, 9, 5),
        s.me,
        chooses=(point, "B"),
        confidentiality="internal",
    )
    committee = agreement_state(app, s.agreement, COMMITTEE)["discussion_points"]
    assert [p["title"] for p in committee] == ["Bekostiging"]
    assert committee[0]["chosen"] is None
    assert "2022-09-05" not in repr(committee)
    page = discussion_points(app, s.agreement, COMMITTEE)
    assert [p["chosen"] for p in page] == [None]
    ministry = agreement_state(app, s.agreement, MINISTRY)["discussion_points"][0]["chosen"]
    assert ministry["option"] == "B" and ministry["on"] == "2022-09-05"
    assert ministry["decision"]["reference"] == "INT-1"
    assert discussion_points(app, s.agreement, MINISTRY)[0]["chosen"]["option"] == "B"


def test_history_orders_by_effective_date_with_recorder_and_causes(
    app: Negotiations, rich: Rich
) -> None:
    """A goal's history is ordered by effective date, names the recorder, and gives each
    wording change its reason, kind, cause and diff; --substantive drops editorial changes."""
    history = goal_history(app, rich.small.goal)
    entries = history["entries"]
    dates = [e["effective_date"] for e in entries]
    assert dates == sorted(dates)
    assert all(e["recorded_by"] == "Beleidsmedewerker" for e in entries)
    revisions = [e["wording"] for e in entries if e["event"] == "WordingRevised"]
    assert [r["version"] for r in revisions] == [2, 3, 4]
    assert revisions[0]["cause"] == {
        "type": "amendment",
        "id": revisions[0]["cause"]["id"],
        "party": "JOB",
        "party_name": "JOB-mbo",  # renamed on 20 September
        "title": None,
        "reference": None,
        "date": None,
        "hidden": False,
    }
    assert cause_label(revisions[0]["cause"]) == "wijzigingsvoorstel van JOB"
    assert cause_label(revisions[1]["cause"]) == "besluit 34313238: Salarismix"
    assert "{+passende +}" in revisions[0]["diff_text"]
    assert any(e["event"] == "Recorded" for e in entries)  # the decision about this goal
    substantive = goal_history(app, rich.small.goal, substantive=True)["entries"]
    kinds = [e["wording"]["kind"] for e in substantive if e["event"] == "WordingRevised"]
    assert kinds == ["substantive", "substantive"]


def test_erased_name_disappears_from_history(app: Negotiations) -> None:
    """After erasing a person's name, the history shows the erased marker instead."""
    s = build_small(app)
    app.erase_person_name(s.me, "AVG-verzoek", DAY, s.me)
    entries = goal_history(app, s.goal)["entries"]
    assert {e["recorded_by"] for e in entries} == {"[naam verwijderd]"}
