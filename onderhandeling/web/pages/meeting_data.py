"""Page data for meetings and decisions as records that can be corrected: the agreement's list
of meetings, one meeting with its positions and the history of its facts, one decision with
its versions, and the Dutch description of what a correction changed.

Everything here comes from the service's queries with the reader passed on, so a template
never decides what a reader may see.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from onderhandeling.domain.values import Confidentiality, MeetingKind, Stance
from onderhandeling.domain.visibility import Reader
from onderhandeling.dutch.dates import format_date
from onderhandeling.dutch.labels import MEETING_KIND_LABELS, STANCE_LABELS
from onderhandeling.service import Negotiations, PositionOut, in_one_snapshot
from onderhandeling.web.pages.meeting_form import party_option

# A fact of a meeting or decision (as the read models name it) → its Dutch name.
FACT_LABELS = {
    "title": "titel",
    "kind": "soort",
    "held_on": "datum",
    "effective_date": "datum",
    "decided_on": "datum",
    "parties_present": "aanwezige partijen",
    "parties_json": "aanwezige partijen",
    "summary": "samenvatting",
    "confidentiality": "vertrouwelijkheid",
    "reference": "kenmerk",
    "text": "tekst",
}
MEETING_FACTS = ("held_on", "title", "kind", "parties_present", "summary", "confidentiality")
DECISION_FACTS = ("decided_on", "reference", "title", "text")


def form_date(value: Any) -> str:
    """An ISO date as a form shows it: 14-10-2022."""
    try:
        return date.fromisoformat(str(value)).strftime("%d-%m-%Y")
    except ValueError:
        return str(value or "")


def fact_text(field: str, value: Any, codes: Mapping[str, str]) -> str:
    """One fact's value, readable: dates in Dutch, parties by code, labels for stored values."""
    if field in ("held_on", "effective_date", "decided_on"):
        try:
            return format_date(date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    if field == "kind":
        return MEETING_KIND_LABELS.get(str(value), str(value))
    if field == "confidentiality":
        return "intern" if value == Confidentiality.INTERNAL else "gedeeld"
    if field == "parties_json":
        value = [codes.get(p, "?") for p in json.loads(str(value))]
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "geen"
    return f"‘{value}’" if value else "(leeg)"


def changes(
    changed: Mapping[str, Mapping[str, Any]], codes: Mapping[str, str]
) -> list[dict[str, str]]:
    """A correction's {field: {from, to}} as [{label, before, after}], in Dutch."""
    return [
        {
            "label": FACT_LABELS.get(field, field),
            "before": fact_text(field, change.get("from"), codes),
            "after": fact_text(field, change.get("to"), codes),
        }
        for field, change in changed.items()
    ]


@dataclass(frozen=True)
class VersionView:
    """One version of a record's facts (read through it) with what changed since the one
    before it, in Dutch."""

    version: Any
    changes: list[dict[str, str]]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.version, name)


def versions_with_changes(versions: Sequence[Any], facts: tuple[str, ...]) -> list[VersionView]:
    """Each version of a record's facts with what changed since the version before it."""
    shown = []
    for before, version in zip([None, *versions], versions, strict=False):
        changed = {}
        for fact in facts if before is not None else ():
            old, new = getattr(before, fact), getattr(version, fact)
            if old != new:
                changed[fact] = {"from": old, "to": new}
        shown.append(VersionView(version, changes(changed, {})))
    return shown


@in_one_snapshot
def meetings_page(service: Negotiations, /, agreement_id: UUID, reader: Reader) -> dict[str, Any]:
    """The agreement's meetings, newest first; the parties present are named by code in the
    list, and each code once by name below it (nine names per row would not fit)."""
    agreement = service.agreement(agreement_id)
    meetings = service.meetings(agreement_id, reader)
    present = {code for meeting in meetings for code in meeting.parties_present}
    parties = [p for p in service.parties() if p.code in present]
    return {"agreement": agreement, "meetings": meetings, "parties": parties}


@dataclass(frozen=True)
class PositionView:
    """A position as the meeting page shows it: the read result's facts (read through it),
    the correction that replaced it, whether it lapsed with the meeting, and the values its
    correction form starts from (only while it stands)."""

    position: PositionOut
    replacement: PositionOut | None
    lapsed: bool
    form: dict[str, str] | None = None
    goal_title: str = ""

    def __getattr__(self, name: str) -> Any:
        return getattr(self.position, name)

    @property
    def is_internal(self) -> bool:
        return self.position.confidentiality == Confidentiality.INTERNAL


@in_one_snapshot
def meeting_page(service: Negotiations, /, meeting_id: UUID, reader: Reader) -> dict[str, Any]:
    """One meeting: its facts, its positions (corrections beside what they correct, each with
    its state), the versions of its facts and the values its correction forms start from."""
    meeting = service.meeting(meeting_id, reader)
    agreement = service.agreement(UUID(meeting.agreement_id))
    names = {p.code: p.name for p in agreement.parties}
    ids = {p.code: p.id for p in agreement.parties}
    goal_order = {g.id: i for i, g in enumerate(agreement.goals)}
    goal_titles = {g.id: g.title for g in agreement.goals}
    by_id = {p.id: p for p in meeting.positions}
    # By goal and party; the sort is stable, so a correction (recorded later) follows what it
    # corrects.
    ordered = sorted(meeting.positions, key=lambda p: (goal_order.get(p.goal_id, 0), p.party or ""))
    positions = [
        PositionView(
            position,
            replacement=by_id.get(position.replaced_by or ""),
            lapsed=meeting.withdrawn
            and position.retracted
            and position.closed_at == meeting.withdrawn_at,
            form=position_form(position) if position.standing and not meeting.withdrawn else None,
            goal_title=goal_titles.get(position.goal_id, ""),
        )
        for position in ordered
    ]
    return {
        "meeting": meeting,
        "agreement": agreement,
        "present": [
            {"code": code, "name": names.get(code, "")} for code in meeting.parties_present
        ],
        "positions": positions,
        "correctable": [p for p in positions if p.form is not None],
        "versions": versions_with_changes(meeting.versions, MEETING_FACTS),
        "party_options": [party_option(p) for p in agreement.parties],
        "kind_options": [(k.value, MEETING_KIND_LABELS.get(k.value, k.value)) for k in MeetingKind],
        "stance_options": [(s.value, STANCE_LABELS.get(s.value, s.value)) for s in Stance],
        "meeting_form": {
            "titel": meeting.title,
            "soort": meeting.kind,
            "datum": form_date(meeting.held_on),
            "partijen": [ids[c] for c in meeting.parties_present if c in ids],
            "samenvatting": meeting.summary,
            "intern": "1" if meeting.confidentiality == Confidentiality.INTERNAL else "",
        },
    }


def position_form(position: PositionOut) -> dict[str, str]:
    """The values a position's correction form starts from."""
    return {
        "standpunt": position.stance,
        "samenvatting": position.summary,
        "voorwaarden": position.conditions,
        "intern": "1" if position.confidentiality == Confidentiality.INTERNAL else "",
    }


@in_one_snapshot
def decision_page(service: Negotiations, /, decision_id: UUID, reader: Reader) -> dict[str, Any]:
    """One decision: its facts, the goals it is about and the versions of its facts."""
    decision = service.decision(decision_id, reader)
    agreement = service.agreement(UUID(decision.agreement_id))
    goal_ids = {g.code: g.id for g in agreement.goals}
    return {
        "decision": decision,
        "agreement": agreement,
        "goals": [{"code": code, "id": goal_ids.get(code)} for code in decision.goals],
        "versions": versions_with_changes(decision.versions, DECISION_FACTS),
        "decision_form": {
            "kenmerk": decision.reference,
            "titel": decision.title,
            "tekst": decision.text,
            "datum": form_date(decision.decided_on),
        },
    }
