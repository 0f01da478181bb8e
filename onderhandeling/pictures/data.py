"""The plain data each picture draws: small frozen dataclasses, no application types.

The pages convert their read models into these; the pictures never see an event, an
aggregate or a request. A stance is the domain's own value (``Stance``, from
domain/values.py: the one list of stances), so ``Stance(position.stance)`` converts one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from onderhandeling.domain.values import Stance

__all__ = ["Stance"]  # the pictures' modules and their callers name it through here


@dataclass(frozen=True)
class Party:
    """A party: its code, full name and (optional) short name shown in tight places."""

    code: str
    name: str
    short_name: str = ""

    @property
    def label(self) -> str:
        """The short name, else the full name, else (only then) the code."""
        return self.short_name or self.name or self.code


@dataclass(frozen=True)
class Goal:
    """A goal (doelstelling): its code ("K1") and title."""

    code: str
    title: str = ""

    @property
    def label(self) -> str:
        """ "K1 Gelijke kansen", or just the code when there is no title."""
        return f"{self.code} {self.title}".strip()


@dataclass(frozen=True)
class StanceCell:
    """One party's current stance on one goal, by codes."""

    party: str
    goal: str
    stance: Stance
    needs_reconfirming: bool = False


@dataclass(frozen=True)
class StanceMatrix:
    """Heat map input: rows are goals, columns parties; a missing cell is "onbekend"."""

    parties: tuple[Party, ...]
    goals: tuple[Goal, ...]
    cells: tuple[StanceCell, ...]


@dataclass(frozen=True)
class StanceCounts:
    """Consensus bar input for one goal: how many signatories hold each stance."""

    goal: Goal
    counts: Mapping[Stance, int] = field(default_factory=dict)

    def count(self, stance: Stance) -> int:
        """The count for a stance; negative or missing counts are zero."""
        return max(0, int(self.counts.get(stance, 0)))

    @property
    def total(self) -> int:
        return sum(self.count(stance) for stance in Stance)


@dataclass(frozen=True)
class SharePoint:
    """On a date: how many signatories support (and support on conditions) of a total."""

    on: date
    supporting: int
    total: int
    conditional: int = 0


@dataclass(frozen=True)
class ShareSeries:
    """Consensus over time for one goal or priority."""

    label: str
    points: tuple[SharePoint, ...]
    description: str = ""


@dataclass(frozen=True)
class BurndownPoint:
    """On a date: the open passages and the amendments still awaiting a decision."""

    on: date
    open_passages: int
    pending_amendments: int


@dataclass(frozen=True)
class EarlierDate:
    """A date a milestone was once planned on, and why it moved away from it."""

    on: date
    reason: str = ""


@dataclass(frozen=True)
class Milestone:
    """A milestone on its current date, with the dates it was planned on before (oldest first)."""

    name: str
    on: date
    earlier: tuple[EarlierDate, ...] = ()
    description: str = ""

    @property
    def moved(self) -> bool:
        return any(earlier.on != self.on for earlier in self.earlier)


@dataclass(frozen=True)
class PositionPoint:
    """A stance a party took on a goal, effective from a date."""

    goal: str
    on: date
    stance: Stance
    needs_reconfirming: bool = False


@dataclass(frozen=True)
class Table:
    """A picture's text alternative: the page renders it as an HTML table.

    The first cell of each row is the row's header (``<th scope="row">``).
    ``empty_text`` is what the page shows instead of rows when there are none.
    """

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty_text: str = "Geen gegevens"
