"""One party's stances over time: a row per goal, the stance tile on the date each
position took effect, and a line in the stance's colour for as long as it held.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from onderhandeling.dutch.dates import format_date
from onderhandeling.pictures import stances, svg
from onderhandeling.pictures.data import Goal, Party, PositionPoint, Table
from onderhandeling.pictures.timeaxis import TimeScale, by_date, time_axis

KIND = "party-stances"

_ROW = 46.0
_TILE = 18.0
# Above this many positions the per-position tooltips are left out (the table has them).
_TITLES_UP_TO = 400


def default_title(party: Party) -> str:
    return f"Standpunten van {party.name or party.label} in de tijd"


def _by_goal(
    goals: Sequence[Goal], positions: Sequence[PositionPoint]
) -> dict[str, list[PositionPoint]]:
    """Positions per goal code, by date; of two on one date the later given wins."""
    per_goal: dict[str, list[PositionPoint]] = {goal.code: [] for goal in goals}
    for position in positions:
        if position.goal in per_goal:
            per_goal[position.goal].append(position)
    return {code: by_date(held) for code, held in per_goal.items()}


def party_stances(
    party: Party,
    goals: Sequence[Goal],
    positions: Sequence[PositionPoint],
    *,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
    title: str | None = None,
    id_prefix: str | None = None,
) -> str:
    """The party's stances as an SVG string; the last stance holds to today or the last date."""
    title = title or default_title(party)
    prefix = svg.prefix_for(
        KIND, (party, tuple(goals), tuple(positions), start, end, today), id_prefix
    )
    frame = svg.Frame(KIND, prefix, title)
    per_goal = _by_goal(goals, positions)
    if not goals or not any(per_goal.values()):
        return frame.empty()
    legend, legend_height = stances.legend(
        prefix,
        with_reconfirm=any(p.needs_reconfirming for held in per_goal.values() for p in held),
    )
    body = list(legend)
    rows_top = svg.MARGIN + legend_height + 12
    dates = [p.on for held in per_goal.values() for p in held]
    if today is not None:
        dates.append(today)
    scale = TimeScale.spanning(
        dates,
        svg.MARGIN + _TILE / 2 + 2,
        svg.WIDTH - svg.MARGIN - _TILE / 2 - 2,
        start=start,
        end=end,
    )
    until_day = today if today is not None else max(dates)
    with_titles = sum(len(held) for held in per_goal.values()) <= _TITLES_UP_TO
    rows: list[str] = []
    for index, goal in enumerate(goals):
        y = rows_top + index * _ROW
        track = y + 30
        held = per_goal[goal.code]
        rows.append(
            f"<g><title>{svg.esc(goal.label)}</title>"
            + svg.text(
                svg.MARGIN, y + 13, svg.truncate(goal.label, svg.INNER), weight="bold", halo=True
            )
            + "</g>"
        )
        rows.append(svg.line(scale.left, track, scale.right, track, stroke="#d0d7de"))
        if not held:
            rows.append(
                svg.text(
                    scale.left,
                    track + 4.5,
                    "geen standpunt vastgelegd",
                    size=svg.SMALL,
                    fill=svg.MUTED,
                    halo=True,
                )
            )
            continue
        until = max(scale.x(until_day), scale.x(held[-1].on))
        for number, position in enumerate(held):
            x_from = scale.x(position.on)
            x_to = scale.x(held[number + 1].on) if number + 1 < len(held) else until
            if x_to > x_from:
                colour = stances.STYLES[position.stance].colour
                rows.append(
                    svg.line(x_from, track, x_to, track, stroke=colour, extra='stroke-width="4"')
                )
        for position in held:
            x = scale.x(position.on) - _TILE / 2
            drawn = stances.use_symbol(prefix, position.stance, x, track - _TILE / 2, _TILE)
            if position.needs_reconfirming:
                drawn += stances.use_reconfirm(prefix, x, track - _TILE / 2, _TILE)
            if with_titles:
                tip = (
                    f"{goal.code}, {format_date(position.on)}: "
                    f"{stances.label(position.stance, position.needs_reconfirming)}"
                )
                drawn = f"<g><title>{svg.esc(tip)}</title>{drawn}</g>"
            rows.append(drawn)
    bottom = rows_top + len(goals) * _ROW + 2
    body.extend(time_axis(scale, top=rows_top, bottom=bottom))
    body.extend(rows)
    height = bottom + 30
    latest = []
    for goal in goals:
        held = per_goal[goal.code]
        if held:
            latest.append(
                f"{goal.code} {stances.label(held[-1].stance, held[-1].needs_reconfirming)}"
            )
    desc = (
        f"{svg.plural(len(goals), 'doelstelling', 'doelstellingen')}, {scale.spoken()}. "
        f"Laatste standpunt: {'; '.join(latest)}. {svg.table_note('elk standpunt met datum')}"
    )
    return frame.document(height=height, desc=desc, defs=stances.symbol_defs(prefix), body=body)


def party_stances_table(
    party: Party,
    goals: Sequence[Goal],
    positions: Sequence[PositionPoint],
    *,
    title: str | None = None,
) -> Table:
    """One row per position: goal, date, stance, and whether it needs reconfirming."""
    per_goal = _by_goal(goals, positions)
    rows = tuple(
        (
            goal.label,
            format_date(position.on),
            stances.STYLES[position.stance].label,
            "ja" if position.needs_reconfirming else "nee",
        )
        for goal in goals
        for position in per_goal[goal.code]
    )
    headers = ("Doelstelling", "Datum", "Standpunt", "Opnieuw bevestigen")
    return Table(caption=title or default_title(party), headers=headers, rows=rows)
