"""A goal's open passages (marked yellow): marking a quoted span as still disputed, and
resolving it. Part of Goal (goal.py), which defines the events; `_passage_marked` and
`_passage_resolved` are what they apply."""

from __future__ import annotations

from collections.abc import Container
from datetime import date
from uuid import UUID

from onderhandeling.domain import values
from onderhandeling.domain import wording_rules as rules
from onderhandeling.domain.errors import AlreadyDecided, NotFound
from onderhandeling.domain.goal_versions import Wording


class Passages(Wording):
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

    def _passage_marked(  # applied by Goal.PassageMarked
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

    def _passage_resolved(  # applied by Goal.PassageResolved
        self, passage_id: str, note: str, effective_date: date, recorded_by: UUID
    ) -> None:
        passage = self.passages[passage_id]
        passage["status"] = "resolved"
        passage["resolution"] = note
        passage["resolved_on"] = effective_date
