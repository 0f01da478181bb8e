"""The wording side of a goal: numbered versions, amendments (post-its) and open passages.

Split from goal.py to keep each module readable; Goal inherits from WordedGoal, so these
events are stored under the topic ``onderhandeling.domain.goal_wording:WordedGoal.<Name>``.
Public methods check the rules and compute what needs computing (such as which open passages
a revision orphans); the private @event methods only apply what they are given, because they
run again on every replay.
"""

from __future__ import annotations

from collections.abc import Container
from datetime import date
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from onderhandeling.domain import values
from onderhandeling.domain.errors import (
    AgreementSigned,
    AlreadyDecided,
    AmbiguousQuote,
    NotAParticipant,
    NotFound,
    QuoteNotFound,
    RuleViolation,
    StaleVersion,
)
from onderhandeling.domain.values import AmendmentOutcome, CauseType, RevisionKind


class WordedGoal(Aggregate):
    if TYPE_CHECKING:  # set by Goal.__init__; not annotated at run time, or the library
        # would take them for fields of the created event
        code: str
        frozen_on: date | None
        wording: str  # the current wording; earlier ones live in the events and read models
        # version_dates[n - 1] is the effective date of wording version n, as ISO text: the
        # aggregate is copied on every load, and a thousand strings copy ten times faster
        # than a thousand dates (and compare the same).
        version_dates: list[str]
        amendments: dict[str, dict[str, Any]]
        passages: dict[str, dict[str, Any]]

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
            raise RuleViolation(f"goal {self.code}: the new wording equals the current wording")
        cause = values.choice("cause_type", cause_type, CauseType)
        if (cause is CauseType.NONE) != (cause_id is None):
            raise values.InvalidInput("cause_id", "a cause needs an id, and 'none' takes no id")
        orphaned = [
            passage_id
            for passage_id, passage in self.passages.items()
            if passage["status"] == "open"
            and text.count(passage["quote"]) < passage.get("occurrence", 1)
        ]
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
        if (text is None) == (quote is None):
            raise values.InvalidInput(
                "text", "give either a whole proposed text or a quoted passage with its replacement"
            )
        if quote is not None:
            values.text("quote", quote, values.MAX_WORDING)
            if quote not in self.wording:
                raise QuoteNotFound(f"goal {self.code}: the quoted passage is not in the wording")
            if replacement is None:
                raise values.InvalidInput("replacement", "a passage amendment needs a replacement")
            # An empty replacement proposes deleting the passage.
            if len(replacement) > values.MAX_WORDING:
                raise values.InvalidInput("replacement", "replacement is too long")
        else:
            values.text("text", text or "", values.MAX_WORDING)
            replacement = None
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
                    raise values.InvalidInput(
                        "adopted_text", "a partly adopted amendment needs the text actually adopted"
                    )
                adopted = adopted_text
            else:
                adopted = amendment["replacement"] if amendment["quote"] else amendment["text"]
            assert adopted is not None
            new_wording = self._wording_with(amendment, adopted)
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

    def _wording_with(self, amendment: dict[str, Any], adopted: str) -> str:
        quote = amendment["quote"]
        if quote is None:
            return values.text("adopted_text", adopted, values.MAX_WORDING)
        if len(adopted) > values.MAX_WORDING:
            raise values.InvalidInput("adopted_text", "adopted text is too long")
        if quote not in self.wording:
            raise QuoteNotFound(
                f"goal {self.code}: the quoted passage of this amendment is no longer in the "
                f"wording (version {self.current_version}); revise the wording by hand instead"
            )
        return self.wording.replace(quote, adopted, 1)

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
        values.text("quote", quote, values.MAX_WORDING)
        count = self.wording.count(quote)
        if count == 0:
            raise QuoteNotFound(f"goal {self.code}: the quoted passage is not in the wording")
        if occurrence is None and count > 1:
            raise AmbiguousQuote(
                "occurrence",
                f"goal {self.code}: the quoted passage occurs {count} times in the wording; "
                f"say which occurrence (1 to {count}) is meant",
                occurrences=count,
            )
        if occurrence is not None and not 1 <= occurrence <= count:
            raise values.InvalidInput(
                "occurrence",
                f"goal {self.code}: the quoted passage occurs {count} time(s); occurrence "
                f"{occurrence} does not exist",
            )
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
            occurrence=occurrence or 1,
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
