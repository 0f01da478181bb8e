"""Each party's standing position on each goal, now: one row per goal, party and audience in
``proj_current_positions``, kept by the projector so that "where does everyone stand" is a
lookup instead of a search for the latest of all positions ever taken.

Two audiences, because the committee's current stance is the latest *shared* position: when
a party's newest position is internal, the ministry sees that one and the committee the one
before it. Point-in-time questions (another date, another moment of knowledge) still search
``proj_positions`` itself (read_state.current_stances).

The standing position is the latest by effective date, ties by recording order, among those
not corrected or retracted. New positions only ever compare against the standing one; only
when the standing one is corrected or retracted is the latest remaining one looked up.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from onderhandeling.domain.visibility import COMMITTEE
from onderhandeling.readmodel.gate import ALL, SHARED_ONLY, audiences_seeing, visible
from onderhandeling.readmodel.sql import Sql


def needs_reconfirmation(wording_version: int, current_version: int, standing: bool = True) -> bool:
    """The reconfirmation rule: a standing position about an older wording version than the
    goal's current one must be confirmed again (a corrected or retracted one needs nothing)."""
    return standing and wording_version < current_version


class Standing(NamedTuple):
    effective_date: str
    seq: int
    position_id: str
    row_id: str  # the position's open row, so readers join on its primary key


Key = tuple[str, str, str]  # goal id, party id, audience

# What a reader shows of a standing position is copied from its row here, so "where does
# everyone stand" reads one index range of this table instead of 3,000 joined lookups. The
# row is written before this statement runs (see write()).
_COPIED = (
    "stance",
    "summary",
    "conditions",
    "meeting_id",
    "wording_version",
    "effective_date",
    "seq",
)
_UPSERT = (
    "INSERT INTO proj_current_positions (goal_id, party_id, audience, agreement_id, "
    f"position_id, row_id, {', '.join(_COPIED)}) "
    f"SELECT ?, ?, ?, ?, p.position_id, p.row_id, {', '.join('p.' + c for c in _COPIED)} "
    "FROM proj_positions p WHERE p.row_id = ? "
    "ON CONFLICT (goal_id, party_id, audience) DO UPDATE SET position_id = EXCLUDED.position_id, "
    f"row_id = EXCLUDED.row_id, {', '.join(f'{c} = EXCLUDED.{c}' for c in _COPIED)}"
)
# A standing position with the facts of its open row that decide which one stands.
_STANDING = (
    "SELECT c.goal_id, c.party_id, c.audience, c.agreement_id, p.effective_date, p.seq, "
    "p.position_id, p.row_id FROM proj_current_positions c JOIN proj_positions p "
    "ON p.row_id = c.row_id"
)
_DELETE = "DELETE FROM proj_current_positions WHERE goal_id = ? AND party_id = ? AND audience = ?"


class CurrentPositions:
    """The standing positions touched by one batch, written back when the batch ends."""

    def __init__(self, sql: Sql) -> None:
        self.sql = sql
        self._standing: dict[Key, Standing | None] = {}
        self._agreement_of: dict[Key, str] = {}
        self._loaded: set[tuple[str, str]] = set()  # (goal id, party id) read from the table
        self._changed: set[Key] = set()

    def recorded(
        self,
        agreement_id: str,
        goal_id: str,
        party_id: str,
        confidentiality: str,
        standing: Standing,
    ) -> None:
        """A new position: it stands if it is later than the one standing."""
        for audience in audiences_seeing(confidentiality):
            key = (goal_id, party_id, audience)
            current = self._get(agreement_id, key)
            if current is None or standing[:2] > current[:2]:
                self._set(agreement_id, key, standing)

    def withdrawn(self, agreement_id: str, goal_id: str, party_id: str, position_id: str) -> None:
        """A position was corrected or retracted (already marked so in proj_positions): where it
        stood, the latest remaining one stands instead."""
        for audience in (ALL, SHARED_ONLY):
            key = (goal_id, party_id, audience)
            current = self._get(agreement_id, key)
            if current is not None and current.position_id == position_id:
                self._set(agreement_id, key, self._latest_remaining(key))

    def preload(self, pairs: set[tuple[str, str]]) -> None:
        """Read the standing positions of every (goal, party) a batch is about to record a
        position for, in one query: one round trip instead of one per position (a meeting
        with ten positions, or a rebuild batch with thousands)."""
        wanted = sorted(pair for pair in pairs if not self._known((*pair, ALL)))
        for start in range(0, len(wanted), 400):
            chunk = wanted[start : start + 400]
            self._loaded.update(chunk)
            marks = ", ".join("(?, ?)" for _ in chunk)
            self._remember(
                self.sql.rows(
                    f"{_STANDING} WHERE (c.goal_id, c.party_id) IN (VALUES {marks})",
                    [value for pair in chunk for value in pair],
                )
            )

    def prepare(self, agreement_id: str, goal_id: str, party_id: str) -> None:
        """Read a party's standing positions on a goal before one of their rows is closed:
        they are found through their open rows."""
        if not self._known((goal_id, party_id, ALL)):
            self._load(goal_id, party_id)

    def _known(self, key: Key) -> bool:
        return key[:2] in self._loaded

    def write(self) -> None:
        """Store what changed in this batch (called once, before the tracking position moves)."""
        for key in sorted(self._changed):
            standing = self._standing[key]
            if standing is None:
                self.sql.defer(_DELETE, key)
            else:
                # Deferred after the batch's position rows (deferred statements go out in
                # the order they were first queued), so the copied row exists.
                self.sql.defer(_UPSERT, (*key, self._agreement_of[key], standing.row_id))
        self._changed.clear()

    def _get(self, agreement_id: str, key: Key) -> Standing | None:
        if key not in self._standing and not self._known(key):
            self._load(key[0], key[1])
        return self._standing.get(key)

    def _set(self, agreement_id: str, key: Key, standing: Standing | None) -> None:
        self._standing[key] = standing
        self._agreement_of[key] = agreement_id
        self._changed.add(key)

    def _load(self, goal_id: str, party_id: str) -> None:
        """One short index lookup per goal, party and batch (both audiences at once), for
        positions the batch did not preload."""
        self._loaded.add((goal_id, party_id))
        self._remember(
            self.sql.rows(
                f"{_STANDING} WHERE c.goal_id = ? AND c.party_id = ?", [goal_id, party_id]
            )
        )

    def _remember(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            key = (row["goal_id"], row["party_id"], row["audience"])
            if key not in self._standing:  # what this batch already decided wins
                self._standing[key] = Standing(
                    row["effective_date"], int(row["seq"]), row["position_id"], row["row_id"]
                )
                self._agreement_of[key] = row["agreement_id"]

    def _latest_remaining(self, key: Key) -> Standing | None:
        goal_id, party_id, audience = key
        shared_only = f" AND {visible(COMMITTEE)}" if audience == SHARED_ONLY else ""
        row = self.sql.one(
            "SELECT effective_date, seq, position_id, row_id FROM proj_positions "
            f"WHERE goal_id = ? AND party_id = ? AND withdrawn_at IS NULL{shared_only} "
            "ORDER BY effective_date DESC, seq DESC LIMIT 1",
            [goal_id, party_id],
        )
        if row is None:
            return None
        return Standing(row["effective_date"], int(row["seq"]), row["position_id"], row["row_id"])
