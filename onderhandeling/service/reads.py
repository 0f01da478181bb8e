"""The service's reads over the read models, typed: the agreement on a date, changes,
comparisons, a goal's history, versions, diffs and provenance, the lists the pages show, and
what a view needs to be read in one snapshot or remembered under the read models' position.

The web and the CLI read only through here (and queries.py): they never import the read
models, so what a reader may see is decided below them, once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from uuid import UUID

from onderhandeling.domain.visibility import MINISTRY, Reader
from onderhandeling.readmodel import read_compare, read_history, read_lists, read_state
from onderhandeling.readmodel.projector import projector_of
from onderhandeling.readmodel.read_common import read_models
from onderhandeling.readmodel.read_goal import goal_by_code, goal_version
from onderhandeling.readmodel.results_history import (
    ChangesOut,
    ComparisonOut,
    GoalDiffOut,
    GoalHistoryOut,
    ProvenanceOut,
    WordingVersion,
)
from onderhandeling.readmodel.results_lists import (
    DecisionItem,
    DiscussionPointItem,
    MeetingTitle,
    RecentMeeting,
)
from onderhandeling.readmodel.results_state import AgreementStateOut
from onderhandeling.service.base import NegotiationsBase

# The later side of a comparison that is not a baseline.
NOW = read_compare.NOW
# How many changes beyond those listed are counted exactly (see changes_since).
COUNT_CAP = read_compare.COUNT_CAP


class Reads(NegotiationsBase):
    # --- snapshots and positions ------------------------------------------------------------

    @contextmanager
    def one_snapshot(self) -> Iterator[None]:
        """Every read made inside sees the same snapshot of the read models."""
        with read_models(self):
            yield

    @contextmanager
    def read_position(self) -> Iterator[int]:
        """Catch up and read in one snapshot; yields the position of the last event in it, so a
        view made inside can be remembered under that position (see web/view_cache.py)."""
        projector = projector_of(self)
        with projector.reading():
            yield projector.caught_up_position()

    def rebuild_read_models(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Drop the read models and rebuild them from the whole log; how many events."""
        return projector_of(self).rebuild(progress)

    def goal_id(self, agreement_id: UUID, code: str) -> UUID:
        """The id of the goal with this code in the agreement; NotFound when there is none."""
        return UUID(goal_by_code(self, agreement_id, code))

    def goal_version(self, goal_id: UUID) -> int:
        """The goal's current wording version."""
        return goal_version(self, goal_id)

    # --- the agreement on a date, changes, comparisons ----------------------------------------

    def agreement_state(
        self,
        agreement_id: UUID,
        reader: Reader = MINISTRY,
        as_of: date | None = None,
        known_at: datetime | None = None,
    ) -> AgreementStateOut:
        """The whole agreement as it stood on ``as_of`` and/or as known at ``known_at``."""
        state = read_state.agreement_state(self, agreement_id, reader, as_of, known_at)
        return AgreementStateOut.model_validate(state)

    def changes_since(
        self, agreement_id: UUID, since: str, reader: Reader = MINISTRY, limit: int | None = None
    ) -> ChangesOut:
        """Every change since a date or a baseline, by goal (the newest ``limit``, if given)."""
        changes = read_compare.changes_since(self, agreement_id, since, reader, limit)
        return ChangesOut.model_validate(changes)

    def compare(
        self, agreement_id: UUID, first: str, second: str = NOW, reader: Reader = MINISTRY
    ) -> ComparisonOut:
        """Goals changed, added and dropped between two baselines, or a baseline and now."""
        compared = read_compare.compare_baselines(self, agreement_id, first, second, reader)
        return ComparisonOut.model_validate(compared)

    # --- one goal's wording over time --------------------------------------------------------

    def goal_history(
        self, goal_id: UUID, reader: Reader = MINISTRY, substantive: bool = False
    ) -> GoalHistoryOut:
        history = read_history.goal_history(self, goal_id, reader, substantive)
        return GoalHistoryOut.model_validate(history)

    def wording_versions(self, goal_id: UUID, reader: Reader = MINISTRY) -> list[WordingVersion]:
        versions = read_history.wording_versions(self, goal_id, reader)
        return [WordingVersion.model_validate(v) for v in versions]

    def goal_diff(
        self, goal_id: UUID, first: int, second: int | None = None, reader: Reader = MINISTRY
    ) -> GoalDiffOut:
        """The word diff between two wording versions (the second by default the current)."""
        with read_models(self):
            last = self.goal_version(goal_id) if second is None else second
            diff = read_history.diff_versions(self, goal_id, first, last, reader)
        return GoalDiffOut.model_validate(diff)

    def provenance(
        self, goal_id: UUID, version: int | None = None, reader: Reader = MINISTRY
    ) -> ProvenanceOut:
        """Which version and cause each span of a wording came from (default: current)."""
        return ProvenanceOut.model_validate(read_history.blame(self, goal_id, version, reader))

    # --- the lists the pages show ------------------------------------------------------------

    def last_meeting_of_kind(
        self, agreement_id: UUID, reader: Reader, kind: str
    ) -> RecentMeeting | None:
        found = read_lists.last_meeting_of_kind(self, agreement_id, reader, kind)
        return None if found is None else RecentMeeting.model_validate(found)

    def meeting_titles(self, reader: Reader, meeting_ids: set[str]) -> dict[str, MeetingTitle]:
        """Meeting id → title, kind and whether withdrawn, for those this reader may see."""
        titles = read_lists.list_meeting_titles(self, reader, meeting_ids)
        return {key: MeetingTitle.model_validate(value) for key, value in titles.items()}

    def decision_list(
        self, agreement_id: UUID, reader: Reader, goal_id: UUID | None = None
    ) -> list[DecisionItem]:
        decisions = read_lists.list_decisions(self, agreement_id, reader, goal_id)
        return [DecisionItem.model_validate(d) for d in decisions]

    def discussion_points(
        self, agreement_id: UUID, reader: Reader, goal_id: UUID | None = None
    ) -> list[DiscussionPointItem]:
        points = read_lists.list_discussion_points(self, agreement_id, reader, goal_id)
        return [DiscussionPointItem.model_validate(p) for p in points]
