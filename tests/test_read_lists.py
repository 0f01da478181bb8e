"""The page lists read from the read models give exactly what loading every aggregate from the
event log gave (the oracle below is the old page code), for every reader; and a limited
change list is the newest part of the full one, with the full count."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from onderhandeling.domain import (
    Agreement,
    Decision,
    DiscussionPoint,
    Goal,
    Meeting,
    Party,
    Person,
)
from onderhandeling.domain.visibility import COMMITTEE, MINISTRY, Reader
from onderhandeling.readmodel import (
    agreement_detail,
    changes_since,
    last_meeting_of_kind,
    list_agreements,
    list_decisions,
    list_discussion_points,
    list_meeting_titles,
    list_meetings,
    list_parties,
)
from onderhandeling.service import Negotiations
from tests.support.negotiation_builder import DAY, build_small
from tests.support.projections import build_rich


def _topic(kind: type, event_name: str) -> str:
    return f"{kind.__module__}:{kind.__qualname__}.{event_name}"


def _ids(app: Negotiations, kind: type, event_name: str) -> list[UUID]:
    return list(dict.fromkeys(_originators(app, _topic(kind, event_name))))


# --- the oracle: the lists as the pages built them from the aggregates ------------------------


def old_meetings(app: Negotiations, agreement_id: UUID, reader: Reader) -> list[dict[str, Any]]:
    found = []
    for meeting_id in _ids(app, Meeting, "Logged"):
        meeting = app.load(Meeting, meeting_id, "meeting")
        if meeting.agreement_id != agreement_id or not reader.may_see(meeting.confidentiality):
            continue
        found.append(
            {
                "id": str(meeting.id),
                "title": meeting.title,
                "kind": meeting.kind,
                "held_on": meeting.held_on,
                "summary": meeting.summary,
                "parties_present": [str(p) for p in meeting.parties_present],
                "is_internal": meeting.confidentiality == "internal",
            }
        )
    return sorted(found, key=lambda m: m["held_on"], reverse=True)


def old_meeting_titles(app: Negotiations, reader: Reader) -> dict[str, dict[str, Any]]:
    found = {}
    for meeting_id in _ids(app, Meeting, "Logged"):
        meeting = app.load(Meeting, meeting_id, "meeting")
        if reader.may_see(meeting.confidentiality):
            found[str(meeting.id)] = {
                "title": meeting.title,
                "kind": meeting.kind,
                "withdrawn": meeting.withdrawn,
            }
    return found


def old_points(
    app: Negotiations, agreement_id: UUID, reader: Reader, goal_id: UUID | None = None
) -> list[dict[str, Any]]:
    found = []
    for point_id in _ids(app, DiscussionPoint, "Raised"):
        point = app.load(DiscussionPoint, point_id, "discussion point")
        if point.agreement_id != agreement_id or not reader.may_see(point.confidentiality):
            continue
        if goal_id is not None and point.goal_id != goal_id:
            continue
        chosen = point.chosen
        if chosen is not None:
            decision = app.load(Decision, chosen["decision_id"], "decision")
            chosen = chosen if reader.may_see(decision.confidentiality) else None
        found.append(
            {
                "id": str(point.id),
                "title": point.title,
                "options": point.options,
                "preferences": {str(k): v for k, v in point.preferences.items()},
                "chosen": chosen,
                "raised_on": point.raised_on,
                "is_internal": point.confidentiality == "internal",
            }
        )
    return found


def old_decisions(
    app: Negotiations, agreement_id: UUID, reader: Reader, goal_id: UUID | None = None
) -> list[dict[str, Any]]:
    found = []
    for decision_id in _ids(app, Decision, "Recorded"):
        decision = app.load(Decision, decision_id, "decision")
        if decision.agreement_id != agreement_id or not reader.may_see(decision.confidentiality):
            continue
        if goal_id is not None and goal_id not in decision.goal_ids:
            continue
        found.append(
            {
                "id": str(decision.id),
                "decided_by": decision.decided_by,
                "reference": decision.reference,
                "title": decision.title,
                "text": decision.text,
                "decided_on": decision.decided_on,
                "is_internal": decision.confidentiality == "internal",
            }
        )
    return sorted(found, key=lambda d: d["decided_on"], reverse=True)


def _typed(value: Any) -> Any:
    """The value with the type of every leaf, so a str/date/UUID mix-up fails the compare."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return (type(value).__name__, value)


def _same(new: Any, old: Any) -> None:
    assert _typed(new) == _typed(old)


def _with_internal_choice(app: Negotiations) -> tuple[UUID, list[UUID]]:
    """A rich negotiation plus a shared point chosen by an internal decision, an internal
    point, an internal decision about a goal and a second agreement with its own meeting."""
    rich = build_rich(app)
    s = rich.small
    point = app.raise_discussion_point(
        s.agreement,
        "Bekostiging",
        [{"key": "A", "label": "Optie A"}, {"key": "B", "label": "Optie B"}],
        DAY,
        s.me,
        goal_id=s.goal,
    )
    app.state_preference(point, s.job, "A", "eerst", date(2022, 9, 3), s.me)
    app.state_preference(point, s.mboraad, "B", "", date(2022, 9, 3), s.me)
    app.state_preference(point, s.job, "B", "toch", date(2022, 9, 4), s.me)
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
        goal_ids=[s.goal],
    )
    hidden = app.raise_discussion_point(
        s.agreement,
        "Intern punt",
        [{"key": "X", "label": "X"}, {"key": "Y", "label": "Y"}],
        DAY,
        s.me,
        confidentiality="internal",
    )
    app.state_preference(hidden, s.ocw, "X", "", date(2022, 9, 6), s.me)
    other = app.start_agreement("Ander akkoord", date(2023, 1, 1), date(2026, 12, 31), DAY, s.me)
    app.admit_party(other, s.ocw, "signatory", DAY, s.me)
    app.log_meeting(other, "Elders", "ambtelijk", DAY, [s.ocw], "Niets", "shared", [], s.me)
    return s.agreement, [s.goal, s.goal2]


def test_lists_equal_the_aggregates_for_every_reader(app: Negotiations) -> None:
    agreement, goals = _with_internal_choice(app)
    for reader in (MINISTRY, COMMITTEE):
        _same(list_meetings(app, agreement, reader), old_meetings(app, agreement, reader))
        every = {str(m) for m in _ids(app, Meeting, "Logged")}
        _same(list_meeting_titles(app, reader, every), old_meeting_titles(app, reader))
        _same(list_discussion_points(app, agreement, reader), old_points(app, agreement, reader))
        _same(list_decisions(app, agreement, reader), old_decisions(app, agreement, reader))
        for goal in goals:
            _same(
                list_discussion_points(app, agreement, reader, goal),
                old_points(app, agreement, reader, goal),
            )
            _same(
                list_decisions(app, agreement, reader, goal),
                old_decisions(app, agreement, reader, goal),
            )
    # The oracle is not vacuous: there is something internal to hide and a choice to hide.
    shown = list_meetings(app, agreement, COMMITTEE)
    assert len(shown) < len(list_meetings(app, agreement, MINISTRY))
    chosen = {p["title"]: p["chosen"] for p in list_discussion_points(app, agreement, COMMITTEE)}
    assert chosen["Bekostiging"] is None
    assert "Intern punt" not in chosen
    ministry = {p["title"]: p for p in list_discussion_points(app, agreement, MINISTRY)}
    assert ministry["Bekostiging"]["chosen"]["option"] == "B"
    assert "Interne keuze" not in repr(list_decisions(app, agreement, COMMITTEE))


def test_agreements_and_parties_equal_the_aggregates(app: Negotiations) -> None:
    agreement, _ = _with_internal_choice(app)
    started = _ids(app, Agreement, "Started")
    assert list_agreements(app) == [
        {"id": str(a), "title": app.load(Agreement, a).title} for a in started
    ]
    assert app.agreements() == list_agreements(app)
    assert app.agreement_ids() == started and started[0] == agreement
    parties = [app.load(Party, p, "party") for p in _ids(app, Party, "Added")]
    expected = sorted(
        ({"id": str(p.id), "code": p.code, "name": p.name, "kind": p.kind} for p in parties),
        key=lambda p: p["code"],
    )
    assert app.parties() == list_parties(app) == expected


def test_limited_changes_are_the_newest_with_the_full_count(app: Negotiations) -> None:
    agreement, _ = _with_internal_choice(app)
    for reader in (MINISTRY, COMMITTEE):
        full = changes_since(app, agreement, "2000-01-01", reader)
        entries = [e for g in full["goals"] for e in g["entries"]] + full["agreement"]
        newest = sorted(entries, key=lambda e: (e["effective_date"] or "", e["seq"]))[-7:]
        limited = changes_since(app, agreement, "2000-01-01", reader, limit=7)
        assert limited["count"] == full["count"] == len(entries)
        shown = [e for g in limited["goals"] for e in g["entries"]] + limited["agreement"]
        assert sorted(e["seq"] for e in shown) == sorted(e["seq"] for e in newest)
        assert changes_since(app, agreement, "2000-01-01", reader, limit=10_000) == full
    internal = changes_since(app, agreement, "2000-01-01", MINISTRY, limit=3)
    shared = changes_since(app, agreement, "2000-01-01", COMMITTEE, limit=3)
    assert shared["count"] < internal["count"]
    assert "internal" not in repr(shared)


def test_last_committee_meeting_is_the_latest_not_withdrawn(app: Negotiations) -> None:
    """The dashboard's "since the last committee meeting" skips a withdrawn one."""
    s = build_small(app)
    present = [s.ocw, s.job]
    first = app.log_meeting(
        s.agreement,
        "BC 1",
        "begeleidingscommissie",
        date(2022, 9, 5),
        present,
        "",
        "shared",
        [],
        s.me,
    )
    late = app.log_meeting(
        s.agreement,
        "BC 2",
        "begeleidingscommissie",
        date(2022, 9, 20),
        present,
        "",
        "shared",
        [],
        s.me,
    )
    app.log_meeting(
        s.agreement, "Ander", "bilateraal", date(2022, 9, 25), present, "", "shared", [], s.me
    )
    assert last_meeting_of_kind(app, s.agreement, MINISTRY, "begeleidingscommissie")["id"] == str(
        late.meeting_id
    )
    app.withdraw_meeting(late.meeting_id, "dubbel", s.me)
    found = last_meeting_of_kind(app, s.agreement, MINISTRY, "begeleidingscommissie")
    assert found is not None and found["id"] == str(first.meeting_id)


def test_agreement_structure_equals_the_aggregates(app: Negotiations) -> None:
    """Priorities, parties, goals, milestones with moves, baselines and signatures read from
    the read models equal what the aggregates hold."""
    rich = build_rich(app)
    agreement_id = rich.small.agreement
    aggregate = app.load(Agreement, agreement_id)
    codes = {p: app.load(Party, p).code for p in aggregate.participants}
    party_names = {p: app.load(Party, p).name for p in aggregate.participants}
    names = {
        str(s["signer"]): app.load(Person, s["signer"]).name for s in aggregate.signatures.values()
    }
    expected = {
        "id": str(aggregate.id),
        "title": aggregate.title,
        "term_start": str(aggregate.term_start),
        "term_end": str(aggregate.term_end),
        "priorities": [{"key": k, "title": t} for k, t in aggregate.priorities.items()],
        "parties": [
            {"id": str(p), "code": codes[p], "name": party_names[p], "role": role}
            for p, role in aggregate.participants.items()
        ],
        "goals": [
            {"code": c, "id": str(g), "title": app.load(Goal, g).title}
            for c, g in aggregate.goals.items()
        ],
        "milestones": [
            {
                "key": m.key,
                "name": m.name,
                "planned_on": str(m.planned_on),
                "moves": [
                    {k: str(v) if k != "reason" else v for k, v in mv.items()} for mv in m.moves
                ],
            }
            for m in aggregate.milestones.values()
        ],
        "baselines": [{"name": n, "on": str(b["on"])} for n, b in aggregate.baselines.items()],
        "signatures": [
            {
                "party": codes[p],
                "party_name": party_names[p],
                "on": str(s["on"]),
                "signer": names[str(s["signer"])],
            }
            for p, s in aggregate.signatures.items()
        ],
        "signed_on": None if aggregate.signed_on is None else str(aggregate.signed_on),
    }
    assert agreement_detail(app, agreement_id) == expected


def _originators(app: Negotiations, topic: str) -> list[UUID]:
    """Ids of aggregates with events of this topic, in recording order (from the log)."""
    found: list[UUID] = []
    start = 1
    while page := app.recorder.select_notifications(start, 500, topics=[topic]):
        found += [UUID(str(n.originator_id)) for n in page]
        start = page[-1].id + 1
    return found
