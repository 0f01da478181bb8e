"""Roster: the parties of one agreement as the rules need them.

Rules ask "does this party take part?"; refusals must then name the party by code and name
("MBORAAD (MBO Raad)"), not by an id. Names live in the Party aggregates, so the caller hands
in a function that describes a party; it is only called when a refusal needs it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from uuid import UUID


@dataclass(frozen=True)
class Roster:
    participants: frozenset[UUID]
    describe: Callable[[UUID], str] = field(default=str, compare=False)

    @classmethod
    def of(cls, party_ids: Iterable[UUID], describe: Callable[[UUID], str] = str) -> Roster:
        return cls(frozenset(party_ids), describe)

    def __contains__(self, party_id: object) -> bool:
        return party_id in self.participants

    def __iter__(self) -> Iterator[UUID]:
        return iter(self.participants)

    def label(self, party_id: UUID) -> str:
        """'CODE (Name)' of any party, for a refusal that must say which one."""
        return self.describe(party_id)
