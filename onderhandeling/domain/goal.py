"""Goal (doelstelling): one negotiated commitment with a versioned wording, indicators,
actions, a status, and the amendments (post-its) and open passages about its wording.

Public methods check the rules and compute what needs computing (such as which open passages
a revision orphans); the private @event methods only apply what they are given, because they
run again on every replay. The parties' positions on a goal are events of the meetings where
they were taken (meeting.py), so the goal stays small however long the negotiation runs.

One class, one event namespace: the wording's events were once defined on a base class
(goal_wording.WordedGoal) and are stored under that name; topics.py maps those names here.
"""

from __future__ import annotations

from collections.abc import Container
from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from onderhandeling.domain import values
from onderhandeling.domain import wording_rules as rules
from onderhandeling.domain.errors import (
    AgreementSigned,
    AlreadyDecided,
    EmptyValue,
    NotAParticipant,
    NotFound,
    RuleViolation,
    SameWording,
    StaleVersion,
)
from onderhandeling.domain.values import (
    AmendmentOutcome,
    CauseType,
    Confidentiality,
    GoalStatus,
    RevisionKind,
    Stance,
)

GOAL_NAMESPACE = uuid5(NAMESPACE_URL, "https://onderhandeling.example/goal")


class Goal(Aggregate):
    @staticmethod
    def create_id(agreement_id: UUID, code: str) -> UUID:
        # The id follows from agreement and code, so a code is unique within an agreement.
        return uuid5(GOAL_NAMESPACE, f"{agreement_id}/{code}")

    @classmethod
    def draft(
        cls,
        agreement_id: UUID,
        code: str,
        priority: str,
        title: str,
        wording: str,
        effective_date: date,
        recorded_by: UUID,
    ) -> Goal:
        return cls(
            agreement_id=agreement_id,
            code=values.code("code", code),
            priority=priority,
            title=values.text("title", title, values.MAX_SHORT),
            wording=values.text("wording", wording, values.MAX_WORDING),
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("Drafted")
    def __init__(
        self,
        agreement_id: UUID,
        code: str,
        priority: str,
        title: str,
        wording: str,
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        self.agreement_id = agreement_id
        self.code = code
        self.priority = priority
        self.title = title
        self.status = GoalStatus.DRAFT.value
        self.frozen_on: date | None = None
        self.indicators: list[str] = []
        self.actions: list[dict[str, Any]] = []
        self.wording = wording
        self.version_dates = [effective_date.isoformat()]
        # position id → what a correction of a position recorded on the goal needs (below)
        self.legacy_positions: dict[str, dict[str, Any]] = {}
        self.amendments: dict[str, dict[str, Any]] = {}
        self.passages: dict[str, dict[str, Any]] = {}

    @property
    def current_version(self) -> int:
        return len(self.version_dates)

    def version_in_force(self, on: date) -> int:
        """The wording version in force on a date: the highest one that had taken effect by
        then (version 1 for a date before the first wording)."""
        day = on.isoformat()
        for number in range(len(self.version_dates), 0, -1):
            if self.version_dates[number - 1] <= day:
                return number
        return 1

    def require_not_frozen(self) -> None:
        if self.frozen_on is not None:
            raise AgreementSigned(
                f"goal {self.code}: the agreement was signed on {self.frozen_on}; "
                "its wording can no longer change"
            )

    # --- revisions ---------------------------------------------------------------------------

    def revise_wording(
        self,
        text: str,
        based_on: int,
        reason: str,
        kind: str,
        cause_type: str,
        cause_id: UUID | None,
        effective_date: date,
        recorded_by: UUID,
    ) -> int:
        """Make a new wording version; refused when based on a version that is not current."""
        self.require_not_frozen()
        if based_on != self.current_version:
            raise StaleVersion(based_on=based_on, current_version=self.current_version)
        return self._revise(
            text=text,
            reason=values.text("reason", reason),
            kind=values.choice("kind", kind, RevisionKind).value,
            cause_type=cause_type,
            cause_id=cause_id,
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    def _revise(
        self,
        text: str,
        reason: str,
        kind: str,
        cause_type: str,
        cause_id: UUID | None,
        effective_date: date,
        recorded_by: UUID,
    ) -> int:
        text = values.text("text", text, values.MAX_WORDING)
        if text == self.wording:
            raise SameWording(f"goal {self.code}: the new wording equals the current wording")
        cause = values.choice("cause_type", cause_type, CauseType)
        if (cause is CauseType.NONE) != (cause_id is None):
            raise values.InvalidInput("cause_id", "a cause needs an id, and 'none' takes no id")
        orphaned = rules.orphaned_by(self.passages, text)
        self._wording_revised(
            version=self.current_version + 1,
            text=text,
            based_on=self.current_version,
            reason=reason,
            kind=kind,
            cause_type=cause.value,
            cause_id=cause_id,
            orphaned_passages=orphaned,
            effective_date=effective_date,
            recorded_by=recorded_by,
        )
        return self.current_version

    @event("WordingRevised")
    def _wording_revised(
        self,
        version: int,
        text: str,
        based_on: int,
        reason: str,
        kind: str,
        cause_type: str,
        cause_id: UUID | None,
        orphaned_passages: list[str],
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        self.wording = text
        self.version_dates.append(effective_date.isoformat())
        for passage_id in orphaned_passages:
            self.passages[passage_id]["status"] = "orphaned"

    @event("WordingFrozen")
    def freeze(self, effective_date: date, recorded_by: UUID) -> None:
        """Called when the agreement is fully signed, in the same save as the last signature."""
        self.frozen_on = effective_date

    # --- amendments (post-its) -----------------------------------------------------------------

    def propose_amendment(
        self,
        amendment_id: UUID,
        party_id: UUID,
        reason: str,
        text: str | None,
        quote: str | None,
        replacement: str | None,
        participants: Container[UUID],
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        """Either a whole new text, or a replacement for one quoted passage of the wording."""
        self.require_not_frozen()
        if party_id not in participants:
            raise NotAParticipant(
                f"goal {self.code}: the proposing party does not take part in the agreement"
            )
        replacement = rules.proposal(self.code, self.wording, text, quote, replacement)
        self._amendment_proposed(
            amendment_id=str(amendment_id),
            party_id=party_id,
            reason=values.text("reason", reason),
            text=text,
            quote=quote,
            replacement=replacement,
            based_on=self.current_version,
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("AmendmentProposed")
    def _amendment_proposed(
        self,
        amendment_id: str,
        party_id: UUID,
        reason: str,
        text: str | None,
        quote: str | None,
        replacement: str | None,
        based_on: int,
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        self.amendments[amendment_id] = {
            "id": amendment_id,
            "party_id": party_id,
            "reason": reason,
            "text": text,
            "quote": quote,
            "replacement": replacement,
            "based_on": based_on,
            "proposed_on": effective_date,
            "outcome": None,
            "decided_on": None,
            "decision_reason": "",
            "adopted_text": None,
            "resulting_version": None,
        }

    def amendment(self, amendment_id: UUID | str) -> dict[str, Any]:
        try:
            return self.amendments[str(amendment_id)]
        except KeyError:
            raise NotFound(f"goal {self.code}: amendment not found") from None

    def decide_amendment(
        self,
        amendment_id: UUID,
        outcome: str,
        reason: str,
        adopted_text: str | None,
        kind: str,
        effective_date: date,
        recorded_by: UUID,
    ) -> int | None:
        """Decide an amendment once. Adoption makes the next wording version in the same save;
        returns that version number, or None when nothing was adopted.

        adopted_text is what was actually adopted when only partly adopted: the replacement for
        the quoted passage, or the whole wording for a whole-text amendment.
        """
        amendment = self.amendment(amendment_id)
        if amendment["outcome"] is not None:
            raise AlreadyDecided(
                f"goal {self.code}: this amendment was already decided ({amendment['outcome']})"
            )
        result = values.choice("outcome", outcome, AmendmentOutcome)
        values.a_date("effective_date", effective_date)
        adopted: str | None = None
        new_wording: str | None = None
        if result in (AmendmentOutcome.ADOPTED, AmendmentOutcome.PARTLY_ADOPTED):
            self.require_not_frozen()
            if result is AmendmentOutcome.PARTLY_ADOPTED:
                if adopted_text is None:
                    raise EmptyValue(
                        "adopted_text", "a partly adopted amendment needs the text actually adopted"
                    )
                adopted = adopted_text
            else:
                adopted = amendment["replacement"] if amendment["quote"] else amendment["text"]
            assert adopted is not None
            new_wording = rules.adopted_wording(
                self.code, self.wording, self.current_version, amendment, adopted
            )
            reason = values.optional_text("reason", reason)
            kind = values.choice("kind", kind, RevisionKind).value
        elif result is AmendmentOutcome.REJECTED:
            reason = values.text("reason", reason)
        else:
            reason = values.optional_text("reason", reason)
        self._amendment_decided(
            amendment_id=amendment["id"],
            outcome=result.value,
            reason=reason,
            adopted_text=adopted,
            effective_date=effective_date,
            recorded_by=recorded_by,
        )
        if new_wording is None:
            return None
        return self._revise(
            text=new_wording,
            reason=reason or amendment["reason"],
            kind=kind,
            cause_type=CauseType.AMENDMENT.value,
            cause_id=UUID(amendment["id"]),
            effective_date=effective_date,
            recorded_by=recorded_by,
        )

    @event("AmendmentDecided")
    def _amendment_decided(
        self,
        amendment_id: str,
        outcome: str,
        reason: str,
        adopted_text: str | None,
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        amendment = self.amendments[amendment_id]
        amendment["outcome"] = outcome
        amendment["decision_reason"] = reason
        amendment["adopted_text"] = adopted_text
        amendment["decided_on"] = effective_date
        if outcome in (AmendmentOutcome.ADOPTED.value, AmendmentOutcome.PARTLY_ADOPTED.value):
            # The revision event that follows in the same save has this number.
            amendment["resulting_version"] = self.current_version + 1

    # --- open passages (yellow marking) ---------------------------------------------------------

    def mark_passage(
        self,
        passage_id: UUID,
        quote: str,
        note: str,
        aan_zet: list[UUID],
        participants: Container[UUID],
        effective_date: date,
        recorded_by: UUID,
        occurrence: int | None = None,
    ) -> None:
        """Mark a quoted span of the wording as still disputed. A quote that occurs more than
        once needs `occurrence` (1 for the first, 2 for the second, …): which of the
        identical spans is meant cannot be guessed."""
        self.require_not_frozen()
        occurrence = rules.occurrence_of(self.code, self.wording, quote, occurrence)
        parties = values.ids(aan_zet)
        for party_id in parties:
            if party_id not in participants:
                raise NotFound("a party aan zet does not take part in the agreement")
        self._passage_marked(
            passage_id=str(passage_id),
            quote=quote,
            note=values.optional_text("note", note),
            aan_zet=parties,
            version=self.current_version,
            occurrence=occurrence,
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("PassageMarked")
    def _passage_marked(
        self,
        passage_id: str,
        quote: str,
        note: str,
        aan_zet: list[UUID],
        version: int,
        effective_date: date,
        recorded_by: UUID,
        occurrence: int = 1,  # absent from events stored before it was asked for
    ) -> None:
        self.passages[passage_id] = {
            "id": passage_id,
            "quote": quote,
            "occurrence": occurrence,
            "note": note,
            "aan_zet": list(aan_zet),
            "version": version,
            "marked_on": effective_date,
            "status": "open",
            "resolution": "",
            "resolved_on": None,
        }

    def resolve_passage(
        self, passage_id: UUID, note: str, effective_date: date, recorded_by: UUID
    ) -> None:
        passage = self.passages.get(str(passage_id))
        if passage is None:
            raise NotFound(f"goal {self.code}: open passage not found")
        if passage["status"] == "resolved":
            raise AlreadyDecided(f"goal {self.code}: this passage is already resolved")
        self._passage_resolved(
            passage_id=str(passage_id),
            note=values.text("note", note),
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("PassageResolved")
    def _passage_resolved(
        self, passage_id: str, note: str, effective_date: date, recorded_by: UUID
    ) -> None:
        passage = self.passages[passage_id]
        passage["status"] = "resolved"
        passage["resolution"] = note
        passage["resolved_on"] = effective_date

    # --- title, status, indicators, actions --------------------------------------------------

    def change_status(
        self, status: str, reason: str, effective_date: date, recorded_by: UUID
    ) -> None:
        new = values.choice("status", status, GoalStatus)
        if new.value == self.status:
            raise RuleViolation(f"goal {self.code} already has status {new.value}")
        self._status_changed(
            status=new.value,
            reason=values.text("reason", reason),
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("StatusChanged")
    def _status_changed(
        self, status: str, reason: str, effective_date: date, recorded_by: UUID
    ) -> None:
        self.status = status

    def set_indicators(
        self, indicators: list[str], effective_date: date, recorded_by: UUID
    ) -> None:
        self.require_not_frozen()
        self._indicators_set(
            indicators=values.texts("indicators", indicators),
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("IndicatorsSet")
    def _indicators_set(
        self, indicators: list[str], effective_date: date, recorded_by: UUID
    ) -> None:
        self.indicators = list(indicators)

    def set_actions(
        self,
        actions: list[dict[str, Any]],
        participants: Container[UUID],
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        """actions: each {"what": str, "parties": [party id, …] (aan zet), "due": str}."""
        self.require_not_frozen()
        self._actions_set(
            actions=rules.checked_actions(actions, participants),
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("ActionsSet")
    def _actions_set(
        self, actions: list[dict[str, Any]], effective_date: date, recorded_by: UUID
    ) -> None:
        self.actions = [dict(a) for a in actions]

    # --- positions recorded on the goal (before positions moved to meetings) ------------------

    # Until meetings held their own positions, a position was an event of its goal. Those
    # events stay in every store and must replay, so the goal keeps applying them, in a compact
    # form: what a correction or retraction of such a position needs to check. New positions
    # are events of their meeting (meeting.py).

    def correct_legacy_position(
        self,
        position_id: UUID,
        replaces: UUID,
        stance: str,
        summary: str,
        conditions: str,
        confidentiality: str,
        recorded_by: UUID,
    ) -> None:
        """Replace a position recorded on this goal by a corrected one (same party, date,
        meeting and wording version)."""
        old = self._legacy_standing(replaces)
        self._position_recorded(
            position_id=str(position_id),
            party_id=UUID(old["party_id"]),
            stance=values.choice("stance", stance, Stance).value,
            summary=values.text("summary", summary),
            conditions=values.optional_text("conditions", conditions),
            meeting_id=None if old["meeting_id"] is None else UUID(old["meeting_id"]),
            wording_version=old["wording_version"],
            confidentiality=values.choice(
                "confidentiality", confidentiality, Confidentiality
            ).value,
            corrects=str(replaces),
            effective_date=date.fromisoformat(old["effective_date"]),
            recorded_by=recorded_by,
        )

    @event("PositionRecorded")
    def _position_recorded(
        self,
        position_id: str,
        party_id: UUID,
        stance: str,
        summary: str,
        conditions: str,
        meeting_id: UUID | None,
        wording_version: int,
        confidentiality: str,
        corrects: str | None,
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        self.legacy_positions[position_id] = {
            "party_id": str(party_id),
            "meeting_id": None if meeting_id is None else str(meeting_id),
            "wording_version": wording_version,
            "effective_date": effective_date.isoformat(),
            "standing": True,
        }
        if corrects is not None:
            self.legacy_positions[corrects]["standing"] = False

    def retract_legacy_position(self, position_id: UUID, reason: str, recorded_by: UUID) -> None:
        """Withdraw a position recorded on this goal; it stays in the history, retracted."""
        old = self._legacy_standing(position_id)
        self._position_retracted(
            position_id=str(position_id),
            reason=values.text("reason", reason),
            effective_date=date.fromisoformat(old["effective_date"]),
            recorded_by=recorded_by,
        )

    @event("PositionRetracted")
    def _position_retracted(
        self, position_id: str, reason: str, effective_date: date, recorded_by: UUID
    ) -> None:
        self.legacy_positions[position_id]["standing"] = False

    def _legacy_standing(self, position_id: UUID) -> dict[str, Any]:
        position = self.legacy_positions.get(str(position_id))
        if position is None:
            raise NotFound(f"goal {self.code}: position not found", id=str(position_id))
        if not position["standing"]:
            raise AlreadyDecided("that position was already corrected or retracted")
        return position
