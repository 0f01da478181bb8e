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

from typing import NamedTuple

from onderhandeling.projections.sql import Sql, insert_statement
from onderhandeling.visibility import Reader

ALL = "internal"  # the audience that sees internal positions too (the ministry)
SHARED_ONLY = "shared"  # the audience that sees shared positions only (the committee)


def audience_of(reader: Reader) -> str:
    return ALL if reader.sees_internal else SHARED_ONLY


def audiences_seeing(confidentiality: str) -> tuple[str, ...]:
    return (ALL,) if confidentiality == "internal" else (ALL, SHARED_ONLY)


class Standing(NamedTuple):
    effective_date: str
    seq: int
    position_id: str


Key = tuple[str, str, str]  # goal id, party id, audience

_UPSERT = (
    insert_statement(
        "proj_current_positions",
        ("goal_id", "party_id", "audience", "agreement_id", "position_id"),
    )
    + " ON CONFLICT (goal_id, party_id, audience) DO UPDATE SET "
    "position_id = EXCLUDED.position_id"
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

    def prepare(self, agreement_id: str, goal_id: str, party_id: str) -> None:
        """Read a party's standing positions on a goal before one of their rows is closed:
        they are found through their open rows."""
        if (goal_id, party_id) not in self._loaded:
            self._load(agreement_id, goal_id, party_id)

    def write(self) -> None:
        """Store what changed in this batch (called once, before the tracking position moves)."""
        for key in sorted(self._changed):
            standing = self._standing[key]
            if standing is None:
                self.sql.defer(_DELETE, key)
            else:
                self.sql.defer(_UPSERT, (*key, self._agreement_of[key], standing.position_id))
        self._changed.clear()

    def _get(self, agreement_id: str, key: Key) -> Standing | None:
        if key not in self._standing and key[:2] not in self._loaded:
            self._load(agreement_id, key[0], key[1])
        return self._standing.get(key)

    def _set(self, agreement_id: str, key: Key, standing: Standing | None) -> None:
        self._standing[key] = standing
        self._agreement_of[key] = agreement_id
        self._changed.add(key)

    def _load(self, agreement_id: str, goal_id: str, party_id: str) -> None:
        """One short index lookup per goal, party and batch (both audiences at once): a
        meeting touches a few parties of each goal, so reading a goal's every standing
        position would cost more than it saves."""
        self._loaded.add((goal_id, party_id))
        for row in self.sql.rows(
            "SELECT c.goal_id, c.party_id, c.audience, p.effective_date, p.seq, p.position_id "
            "FROM proj_current_positions c JOIN proj_positions p "
            "ON p.position_id = c.position_id AND p.withdrawn_at IS NULL "
            "WHERE c.goal_id = ? AND c.party_id = ?",
            [goal_id, party_id],
        ):
            key = (row["goal_id"], row["party_id"], row["audience"])
            if key not in self._standing:  # what this batch already decided wins
                self._standing[key] = Standing(
                    row["effective_date"], int(row["seq"]), row["position_id"]
                )
                self._agreement_of[key] = agreement_id

    def _latest_remaining(self, key: Key) -> Standing | None:
        goal_id, party_id, audience = key
        shared_only = " AND confidentiality <> 'internal'" if audience == SHARED_ONLY else ""
        row = self.sql.one(
            "SELECT effective_date, seq, position_id FROM proj_positions "
            f"WHERE goal_id = ? AND party_id = ? AND withdrawn_at IS NULL{shared_only} "
            "ORDER BY effective_date DESC, seq DESC LIMIT 1",
            [goal_id, party_id],
        )
        if row is None:
            return None
        return Standing(row["effective_date"], int(row["seq"]), row["position_id"])
