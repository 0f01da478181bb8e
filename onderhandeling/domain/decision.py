"""Decision (besluit / beslisnota): what the minister or cabinet decided, with its reference."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from onderhandeling.domain import values
from onderhandeling.domain.errors import NothingChanged
from onderhandeling.domain.plausibility import DateWindow
from onderhandeling.domain.values import Confidentiality


class Decision(Aggregate):
    @classmethod
    def record(
        cls,
        agreement_id: UUID,
        decided_by: str,
        reference: str,
        title: str,
        text: str,
        goal_ids: list[UUID],
        option: dict[str, str] | None,
        confidentiality: str,
        effective_date: date,
        recorded_by: UUID,
        window: DateWindow | None = None,
    ) -> Decision:
        """option, when the decision picks one: {"discussion_point_id": …, "option": "2a"}.

        window: the dates on which a decision of this negotiation can have been taken."""
        values.a_date("effective_date", effective_date)
        if window is not None:
            window.happened("effective_date", effective_date)
        return cls(
            agreement_id=agreement_id,
            decided_by=values.text("decided_by", decided_by, values.MAX_SHORT),
            reference=values.optional_text("reference", reference, values.MAX_REFERENCE),
            title=values.text("title", title, values.MAX_SHORT),
            text=values.text("text", text),
            goal_ids=values.ids(goal_ids),
            option=option,
            confidentiality=values.choice(
                "confidentiality", confidentiality, Confidentiality
            ).value,
            effective_date=values.a_date("effective_date", effective_date),
            recorded_by=recorded_by,
        )

    @event("Recorded")
    def __init__(
        self,
        agreement_id: UUID,
        decided_by: str,
        reference: str,
        title: str,
        text: str,
        goal_ids: list[UUID],
        option: dict[str, str] | None,
        confidentiality: str,
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        self.agreement_id = agreement_id
        self.decided_by = decided_by
        self.reference = reference
        self.title = title
        self.text = text
        self.goal_ids = list(goal_ids)
        self.option = option
        self.confidentiality = confidentiality
        self.decided_on = effective_date

    def correct(
        self,
        *,
        reference: str,
        title: str,
        text: str,
        decided_on: date,
        reason: str,
        window: DateWindow,
        recorded_by: UUID,
    ) -> None:
        """Correct a mis-typed reference, title, text or date; the original stays in the
        history beside the correction."""
        new_reference = values.optional_text("reference", reference, values.MAX_REFERENCE)
        new_title = values.text("title", title, values.MAX_SHORT)
        new_text = values.text("text", text)
        new_date = window.happened("decided_on", values.a_date("decided_on", decided_on))
        if (new_reference, new_title, new_text, new_date) == (
            self.reference,
            self.title,
            self.text,
            self.decided_on,
        ):
            raise NothingChanged()
        self._corrected(
            reference=new_reference,
            title=new_title,
            text=new_text,
            reason=values.text("reason", reason),
            effective_date=new_date,
            recorded_by=recorded_by,
        )

    @event("Corrected")
    def _corrected(
        self,
        reference: str,
        title: str,
        text: str,
        reason: str,
        effective_date: date,
        recorded_by: UUID,
    ) -> None:
        self.reference = reference
        self.title = title
        self.text = text
        self.decided_on = effective_date
