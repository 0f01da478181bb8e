"""The dashboard's pictures: the typed read results turned into the pictures' plain data,
drawn as SVG with their table alternatives (onderhandeling/pictures, docs/pictures.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, TypedDict

from markupsafe import Markup

from onderhandeling import pictures
from onderhandeling.dutch.parties import short_name
from onderhandeling.pictures import data as picture
from onderhandeling.service import BurndownStep, OverviewOut, PrioritySupport


@dataclass(frozen=True)
class Picture:
    """An SVG (escaped by the picture itself) and its table alternative."""

    svg: Markup
    table: picture.Table


class Span(TypedDict):
    """The days a time line shows, and the day it marks as today (None: no mark): the time
    pictures' keyword arguments of the same names."""

    start: date
    end: date
    today: date | None


def _draw(svg: str, table: picture.Table) -> Picture:
    # The pictures escape every text they hold (docs/pictures.md), so they are markup.
    return Picture(Markup(svg), table)


def parties_of(state: OverviewOut) -> tuple[picture.Party, ...]:
    return tuple(picture.Party(p.code, p.name, short_name(p.code, p.name)) for p in state.parties)


def heat_map(state: OverviewOut) -> Picture:
    goals = [g for priority in state.priorities for g in priority.goals]
    matrix = picture.StanceMatrix(
        parties=parties_of(state),
        goals=tuple(picture.Goal(g.code, g.title) for g in goals),
        cells=tuple(
            picture.StanceCell(code, g.code, picture.Stance(s.stance), s.needs_reconfirmation)
            for g in goals
            for code, s in g.stances.items()
        ),
    )
    return _draw(pictures.heatmap(matrix, id_prefix="heatmap"), pictures.heatmap_table(matrix))


def consensus_bars(state: OverviewOut) -> list[Picture]:
    """Per priority: a bar per goal of the signatories' stances."""
    found = []
    for index, priority in enumerate(state.priorities):
        rows = [
            picture.StanceCounts(
                picture.Goal(g.code, g.title),
                {picture.Stance(k): v for k, v in g.consensus.items()},
            )
            for g in priority.goals
        ]
        title = f"Draagvlak bij {priority.title}"
        found.append(
            _draw(
                pictures.consensus_bar(rows, title=title, id_prefix=f"draagvlak-{index}"),
                pictures.consensus_bar_table(rows, title=title),
            )
        )
    return found


def consensus_over_time(support: list[PrioritySupport], span: Span) -> Picture:
    series = tuple(
        picture.ShareSeries(
            priority.title,
            tuple(
                picture.SharePoint(
                    date.fromisoformat(p.on), p.supporting, priority.total, p.conditional
                )
                for p in priority.points
            ),
        )
        for priority in support
    )
    title = "Draagvlak per prioriteit in de tijd"
    return _draw(
        pictures.consensus_over_time(series, title=title, id_prefix="in-de-tijd", **span),
        pictures.consensus_over_time_table(series, title=title),
    )


def burndown(steps: list[BurndownStep], signing: date | None, span: Span) -> Picture:
    points = tuple(
        picture.BurndownPoint(date.fromisoformat(s.on), s.open_passages, s.pending_amendments)
        for s in steps
    )
    return _draw(
        pictures.burndown(points, signing=signing, id_prefix="burndown", **span),
        pictures.burndown_table(points),
    )


@dataclass(frozen=True)
class Milestone:
    """A milestone as it stood on the dashboard's date: where it was planned then, the moves
    made by then (each with from, to, reason) and whether its date had passed."""

    name: str
    planned_on: str
    moves: list[dict[str, Any]]
    passed: bool


def milestone_line(milestones: list[Milestone], span: Span) -> Picture:
    items = tuple(
        picture.Milestone(
            m.name,
            date.fromisoformat(m.planned_on),
            tuple(
                picture.EarlierDate(date.fromisoformat(move["from"]), str(move.get("reason", "")))
                for move in m.moves
            ),
        )
        for m in milestones
    )
    return _draw(
        pictures.milestones(items, id_prefix="mijlpalen", **span),
        pictures.milestones_table(items),
    )
