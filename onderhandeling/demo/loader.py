"""Load the demo negotiation (Werkagenda mbo 2022) from its TOML data file, through the
application's public commands only, in the order of the file's steps."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from datetime import date
from importlib import resources
from typing import Any
from uuid import UUID

from onderhandeling.demo.practice import load_practice
from onderhandeling.domain.errors import DomainError
from onderhandeling.domain.values import Confidentiality
from onderhandeling.service import Negotiations, PositionInput

DEMO_FILE = "werkagenda_mbo_2022.toml"


class DemoRefused(DomainError):
    code = "demo-refused"


def demo_data() -> dict[str, Any]:
    text = resources.files("onderhandeling.demo").joinpath(DEMO_FILE).read_text("utf-8")
    return tomllib.loads(text)


def _confidentiality(spec: dict[str, Any]) -> Confidentiality:
    """The demo data marks internal content with `internal = true`."""
    return Confidentiality.of(bool(spec.get(Confidentiality.INTERNAL.value)))


class DemoLoader:
    def __init__(self, app: Negotiations, data: dict[str, Any]) -> None:
        self.app = app
        self.data = data
        self.persons: dict[str, UUID] = {}
        self.parties: dict[str, UUID] = {}
        self.goals: dict[str, UUID] = {}
        self.meetings: dict[str, UUID] = {}
        self.amendments: dict[str, tuple[UUID, UUID]] = {}
        self.passages: dict[str, tuple[UUID, UUID]] = {}
        self.points: dict[str, UUID] = {}
        self.decisions: dict[str, UUID] = {}
        self.agreement_id: UUID | None = None

    @property
    def agreement(self) -> UUID:
        assert self.agreement_id is not None
        return self.agreement_id

    def load(self, progress: Callable[[str], None] | None = None) -> UUID:
        if (self.app.recorder.max_notification_id() or 0) > 0:
            raise DemoRefused("the store is not empty; the demo loads only into an empty store")
        spec = self.data["agreement"]
        started: date = spec["created_on"]
        # The person who loads the demo is the recorder of everything in it.
        loader = self.app.register_person("Demo-invoer", started)
        self.persons["demo"] = loader
        for person in self.data.get("persons", []):
            self.persons[person["key"]] = self.app.register_person(person["name"], started, loader)
        for party in self.data["parties"]:
            self.parties[party["code"]] = self.app.add_party(
                party["code"], party["name"], party["kind"], party.get("joined_on", started), loader
            )
        self.agreement_id = self.app.start_agreement(
            spec["title"], spec["term_start"], spec["term_end"], started, loader
        )
        for party in self.data["parties"]:
            self.app.admit_party(
                self.agreement,
                self.parties[party["code"]],
                party["role"],
                party.get("joined_on", started),
                loader,
            )
        for priority in self.data["priorities"]:
            self.app.add_priority(
                self.agreement, priority["key"], priority["title"], started, loader
            )
        for milestone in self.data.get("milestones", []):
            self.app.plan_milestone(
                self.agreement,
                milestone["key"],
                milestone["name"],
                milestone["planned_on"],
                milestone.get("recorded_on", started),
                loader,
            )
        for goal in self.data["goals"]:
            self._add_goal(goal, loader)
        for point in self.data.get("discussion_points", []):
            self.points[point["key"]] = self.app.raise_discussion_point(
                self.agreement,
                point["title"],
                point["options"],
                point["raised_on"],
                loader,
                goal_id=self.goals[point["goal"]] if point.get("goal") else None,
                confidentiality=_confidentiality(point),
            )
        for number, step in enumerate(self.data.get("steps", []), start=1):
            if progress:
                progress(f"stap {number}: {step['do']}")
            try:
                self._step(step)
            except DomainError as error:
                raise DemoRefused(f"demo step {number} ({step['do']}): {error}") from error
        return self.agreement

    def _add_goal(self, goal: dict[str, Any], loader: UUID) -> None:
        on: date = goal["created_on"]
        goal_id = self.app.add_goal(
            self.agreement,
            goal["code"],
            goal["priority"],
            goal["title"],
            goal["wording"],
            on,
            loader,
        )
        self.goals[goal["code"]] = goal_id
        if goal.get("status", "draft") != "draft":
            self.app.change_goal_status(
                goal_id, goal["status"], "Opgesteld in de werkgroep", on, loader
            )
        if goal.get("indicators"):
            self.app.set_indicators(goal_id, goal["indicators"], on, loader)
        if goal.get("actions"):
            actions = [
                {
                    "what": action["what"],
                    "parties": [self.parties[code] for code in action.get("parties", [])],
                    "due": action.get("due", ""),
                }
                for action in goal["actions"]
            ]
            self.app.set_actions(goal_id, actions, on, loader)

    def _recorder(self, step: dict[str, Any]) -> UUID:
        return self.persons[step.get("recorded_by", "demo")]

    def _step(self, step: dict[str, Any]) -> None:
        handler = getattr(self, "_do_" + step["do"], None)
        if handler is None:
            raise DemoRefused(f"unknown step kind {step['do']!r}")
        handler(step, step["on"], self._recorder(step))

    def _position(self, given: dict[str, Any]) -> PositionInput:
        """A position as a step gives it (one of a meeting's, or a step of its own)."""
        return PositionInput(
            goal_id=self.goals[given["goal"]],
            party_id=self.parties[given["party"]],
            stance=given["stance"],
            summary=given["summary"],
            conditions=given.get("conditions", ""),
            confidentiality=_confidentiality(given),
        )

    def _do_meeting(self, step: dict[str, Any], on: date, by: UUID) -> None:
        rows = [self._position(p) for p in step.get("positions", [])]
        logged = self.app.log_meeting(
            self.agreement,
            step["title"],
            step["kind"],
            on,
            [self.parties[code] for code in step["parties"]],
            step.get("summary", ""),
            _confidentiality(step),
            rows,
            by,
        )
        self.meetings[step["key"]] = logged.meeting_id

    def _do_position(self, step: dict[str, Any], on: date, by: UUID) -> None:
        self.app.record_position(
            self.goals[step["goal"]],
            self._position(step),
            on,
            by,
            meeting_id=self.meetings[step["meeting"]] if step.get("meeting") else None,
        )

    def _cause(self, step: dict[str, Any]) -> tuple[str, UUID | None]:
        cause = step.get("cause") or {}
        if "meeting" in cause:
            return "meeting", self.meetings[cause["meeting"]]
        if "decision" in cause:
            return "decision", self.decisions[cause["decision"]]
        return "none", None

    def _do_revise(self, step: dict[str, Any], on: date, by: UUID) -> None:
        goal_id = self.goals[step["goal"]]
        cause_type, cause_id = self._cause(step)
        current = self.app.goal_version(goal_id)
        self.app.revise_wording(
            goal_id,
            step["text"],
            current,
            step["reason"],
            step.get("kind", "substantive"),
            on,
            by,
            cause_type=cause_type,
            cause_id=cause_id,
        )

    def _do_amend(self, step: dict[str, Any], on: date, by: UUID) -> None:
        goal_id = self.goals[step["goal"]]
        amendment_id = self.app.propose_amendment(
            goal_id,
            self.parties[step["party"]],
            step["reason"],
            on,
            by,
            text=step.get("text"),
            quote=step.get("quote"),
            replacement=step.get("replacement"),
        )
        self.amendments[step["key"]] = (goal_id, amendment_id)

    def _do_decide_amendment(self, step: dict[str, Any], on: date, by: UUID) -> None:
        goal_id, amendment_id = self.amendments[step["amendment"]]
        self.app.decide_amendment(
            goal_id,
            amendment_id,
            step["outcome"],
            on,
            by,
            reason=step.get("reason", ""),
            adopted_text=step.get("adopted_text"),
            kind=step.get("kind", "substantive"),
        )

    def _do_mark_passage(self, step: dict[str, Any], on: date, by: UUID) -> None:
        goal_id = self.goals[step["goal"]]
        passage_id = self.app.mark_passage(
            goal_id,
            step["quote"],
            step.get("note", ""),
            [self.parties[code] for code in step.get("aan_zet", [])],
            on,
            by,
        )
        self.passages[step["key"]] = (goal_id, passage_id)

    def _do_resolve_passage(self, step: dict[str, Any], on: date, by: UUID) -> None:
        goal_id, passage_id = self.passages[step["passage"]]
        self.app.resolve_passage(goal_id, passage_id, step["note"], on, by)

    def _do_preference(self, step: dict[str, Any], on: date, by: UUID) -> None:
        self.app.state_preference(
            self.points[step["discussion_point"]],
            self.parties[step["party"]],
            step["option"],
            step.get("reason", ""),
            on,
            by,
        )

    def _do_decision(self, step: dict[str, Any], on: date, by: UUID) -> None:
        choose = step.get("choose")
        self.decisions[step["key"]] = self.app.record_decision(
            self.agreement,
            step["decided_by"],
            step.get("reference", ""),
            step["title"],
            step["text"],
            on,
            by,
            goal_ids=[self.goals[code] for code in step.get("goals", [])],
            chooses=(self.points[choose["discussion_point"]], choose["option"]) if choose else None,
            confidentiality=_confidentiality(step),
        )

    def _do_status(self, step: dict[str, Any], on: date, by: UUID) -> None:
        self.app.change_goal_status(
            self.goals[step["goal"]], step["status"], step["reason"], on, by
        )

    def _do_move_milestone(self, step: dict[str, Any], on: date, by: UUID) -> None:
        self.app.move_milestone(
            self.agreement, step["milestone"], step["to"], step["reason"], on, by
        )

    def _do_baseline(self, step: dict[str, Any], on: date, by: UUID) -> None:
        self.app.freeze_baseline(self.agreement, step["name"], on, by)

    def _do_sign(self, step: dict[str, Any], on: date, by: UUID) -> None:
        self.app.sign(
            self.agreement, self.parties[step["party"]], self.persons[step["signer"]], on, by
        )


def load_demo(app: Negotiations, progress: Callable[[str], None] | None = None) -> UUID:
    """The demo negotiation, then an unsigned practice agreement beside it (demo_practice.py);
    returns the demo negotiation's id."""
    loader = DemoLoader(app, demo_data())
    agreement = loader.load(progress)
    load_practice(app, loader)
    return agreement
