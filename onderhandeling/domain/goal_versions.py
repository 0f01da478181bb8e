"""A goal's wording versions: revising the wording, and what a revision checks (a stale base
version, the same text, the cause). Part of Goal (goal.py), which defines the events; the
private `_wording_revised` is what its WordingRevised event applies."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from onderhandeling.domain import values
from onderhandeling.domain import wording_rules as rules
from onderhandeling.domain.errors import AgreementSigned, NotFound, SameWording, StaleVersion
from onderhandeling.domain.values import CauseType, RevisionKind


class Wording:
    """The wording and its versions (Goal's attributes, set when it is drafted)."""

    code: str
    wording: str
    version_dates: list[str]
    frozen_on: date | None
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
        return self._revise(text, reason, kind, cause_type, cause_id, effective_date, recorded_by)

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
        """The next wording version, checked here for both roads to it (a revision, and an
        adopted amendment in goal_amendments.py)."""
        reason = values.text("reason", reason)
        kind = values.choice("kind", kind, RevisionKind).value
        effective_date = values.a_date("effective_date", effective_date)
        text = values.text("text", text, values.MAX_WORDING)
        if text == self.wording:
            raise SameWording(f"goal {self.code}: the new wording equals the current wording")
        cause = values.choice("cause_type", cause_type, CauseType)
        if (cause is CauseType.NONE) != (cause_id is None):
            raise values.InvalidInput("cause_id", "a cause needs an id, and 'none' takes no id")
        if cause is CauseType.AMENDMENT and str(cause_id) not in self.amendments:
            raise NotFound(f"goal {self.code}: the amendment named as cause does not exist")
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

    def _wording_revised(  # applied by Goal.WordingRevised
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
