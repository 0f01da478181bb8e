"""A goal's amendments (post-its): proposing one, deciding it once, and the wording version an
adoption makes. Part of Goal (goal.py), which defines the events; the private methods named
after them (`_amendment_proposed`, `_amendment_decided`) are what those events apply."""

from __future__ import annotations

from collections.abc import Container
from datetime import date
from typing import Any
from uuid import UUID

from onderhandeling.domain import values
from onderhandeling.domain import wording_rules as rules
from onderhandeling.domain.errors import AlreadyDecided, EmptyValue, NotAParticipant, NotFound
from onderhandeling.domain.goal_versions import Wording
from onderhandeling.domain.values import AmendmentOutcome, CauseType, RevisionKind


class Amendments(Wording):
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

    def _amendment_proposed(  # applied by Goal.AmendmentProposed
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

    def _amendment_decided(  # applied by Goal.AmendmentDecided
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
