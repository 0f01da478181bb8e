"""The stance heat map: goals as rows, parties as columns, a stance tile in each cell.

Party heads show the short name, with the full name in a <title> (shown on hover); the
row heads show the goal code, with its title as far as the width allows (the full title
in a <title>). "Needs reconfirming" is a small ring in the cell's corner, explained once
in the legend.
"""

from __future__ import annotations

import math
from collections import Counter

from onderhandeling.pictures import stances
from onderhandeling.pictures.data import Stance, StanceCell, StanceMatrix, Table
from onderhandeling.pictures.svg import (
    SMALL,
    document,
    empty,
    esc,
    num,
    plural,
    prefix_for,
    text,
    text_width,
    truncate,
)

KIND = "heatmap"
TITLE = "Standpunten per doelstelling en partij"

_MARGIN = 8.0
_CELL = 24.0
_PITCH = 30.0
_HEAD_ANGLE = 60.0  # degrees the party heads are turned up from the horizontal
_HEAD_MAX = 118.0  # the longest party head, in user units
_TARGET_WIDTH = 480.0  # row heads shrink to keep the picture about this wide
_ROW_HEAD_MAX = 240.0
# Above this many cells the per-cell tooltips are left out to keep the picture small;
# the table alternative holds the same facts.
_CELL_TITLES_UP_TO = 1_000


def _cell_map(matrix: StanceMatrix) -> dict[tuple[str, str], StanceCell]:
    party_codes = {party.code for party in matrix.parties}
    goal_codes = {goal.code for goal in matrix.goals}
    return {
        (cell.goal, cell.party): cell
        for cell in matrix.cells
        if cell.party in party_codes and cell.goal in goal_codes
    }


def _cell_defs(prefix: str) -> list[str]:
    """Cell-sized tiles, so that each of the many cells is one short <use>."""
    tiles = [
        f'<g id="{prefix}-cell-{s.value}">{stances.use_symbol(prefix, s, 0, 0, _CELL)}</g>'
        for s in stances.ORDER
    ]
    marker = stances.use_reconfirm(prefix, 0, 0, _CELL)
    return [*tiles, f'<g id="{prefix}-cell-reconfirm">{marker}</g>']


def _summary(matrix: StanceMatrix, cells: dict[tuple[str, str], StanceCell]) -> str:
    counts: Counter[Stance] = Counter()
    reconfirm = 0
    for goal in matrix.goals:
        for party in matrix.parties:
            cell = cells.get((goal.code, party.code))
            counts[cell.stance if cell else Stance.UNKNOWN] += 1
            reconfirm += bool(cell and cell.needs_reconfirming)
    tally = ", ".join(
        f"{stances.STYLES[stance].label}: {counts[stance]}" for stance in stances.ORDER
    )
    sentence = (
        f"{plural(len(matrix.goals), 'doelstelling', 'doelstellingen')} en "
        f"{plural(len(matrix.parties), 'partij', 'partijen')}. Standpunten: {tally}."
    )
    if reconfirm:
        sentence += f" {reconfirm} moeten opnieuw bevestigd worden."
    return sentence + " De tabel bij deze afbeelding geeft elk standpunt."


def heatmap(matrix: StanceMatrix, *, title: str = TITLE, id_prefix: str | None = None) -> str:
    """The heat map as an SVG string."""
    prefix = prefix_for(KIND, matrix, id_prefix)
    if not matrix.parties or not matrix.goals:
        return empty(kind=KIND, prefix=prefix, title=title)
    cells = _cell_map(matrix)

    head_width = min(_HEAD_MAX, max(text_width(p.label, SMALL) for p in matrix.parties))
    angle = math.radians(_HEAD_ANGLE)
    head_height = math.ceil(head_width * math.sin(angle) + 12)
    overhang = max(0.0, head_width * math.cos(angle) - _PITCH / 2)
    grid_width = len(matrix.parties) * _PITCH
    budget = _TARGET_WIDTH - 2 * _MARGIN - grid_width - overhang
    longest = max(text_width(goal.label) for goal in matrix.goals)
    codes = max(text_width(goal.code) for goal in matrix.goals)
    # Titles only when a useful part of them fits (the table and tooltips hold them all).
    with_titles_in_heads = budget >= codes + text_width(" Begeleiding")
    row_head = (min(budget, longest, _ROW_HEAD_MAX) if with_titles_in_heads else codes) + 10
    width = max(_TARGET_WIDTH, 2 * _MARGIN + row_head + grid_width + overhang)
    grid_left = _MARGIN + row_head
    grid_top = _MARGIN + head_height

    body: list[str] = []
    for column, party in enumerate(matrix.parties):
        cx = grid_left + column * _PITCH + _PITCH / 2
        y = grid_top - 8
        name = party.name if party.name and party.name != party.label else party.label
        body.append(
            f"<g><title>{esc(name)}</title>"
            + text(
                cx + 4,
                y,
                truncate(party.label, _HEAD_MAX, SMALL),
                size=SMALL,
                extra=f'transform="rotate(-{num(_HEAD_ANGLE)} {num(cx + 4)} {num(y)})"',
            )
            + "</g>"
        )

    with_titles = len(matrix.parties) * len(matrix.goals) <= _CELL_TITLES_UP_TO
    reconfirm_any = False
    for row, goal in enumerate(matrix.goals):
        top = grid_top + row * _PITCH
        if row % 2 == 0:
            body.append(
                f'<rect x="{num(_MARGIN)}" y="{num(top)}" width="{num(row_head + grid_width)}" '
                f'height="{num(_PITCH)}" fill="#f6f8fa"/>'
            )
        shown = truncate(goal.label, row_head - 10) if with_titles_in_heads else goal.code
        head = text(_MARGIN + 4, top + _PITCH / 2 + 4.5, shown)
        body.append(f"<g><title>{esc(goal.label)}</title>{head}</g>")
        for column, party in enumerate(matrix.parties):
            cell = cells.get((goal.code, party.code))
            stance = cell.stance if cell else Stance.UNKNOWN
            reconfirm = bool(cell and cell.needs_reconfirming)
            reconfirm_any = reconfirm_any or reconfirm
            x = grid_left + column * _PITCH + (_PITCH - _CELL) / 2
            y = top + (_PITCH - _CELL) / 2
            drawn = f'<use href="#{prefix}-cell-{stance.value}" x="{num(x)}" y="{num(y)}"/>'
            if reconfirm:
                drawn += f'<use href="#{prefix}-cell-reconfirm" x="{num(x)}" y="{num(y)}"/>'
            if with_titles:
                tip = f"{party.label}, {goal.code}: {stances.label(stance, reconfirm)}"
                drawn = f"<g><title>{esc(tip)}</title>{drawn}</g>"
            body.append(drawn)

    legend_top = grid_top + len(matrix.goals) * _PITCH + 16
    legend, legend_height = stances.legend(
        prefix,
        x=_MARGIN,
        y=legend_top,
        width=min(width, _TARGET_WIDTH) - 2 * _MARGIN,
        with_reconfirm=reconfirm_any,
    )
    body.extend(legend)
    height = legend_top + legend_height + _MARGIN
    return document(
        kind=KIND,
        prefix=prefix,
        width=width,
        height=height,
        title=title,
        desc=_summary(matrix, cells),
        defs=[*stances.symbol_defs(prefix), *_cell_defs(prefix)],
        body=body,
    )


def heatmap_table(matrix: StanceMatrix, *, title: str = TITLE) -> Table:
    """The same facts as a table: one row per goal, one column per party."""
    cells = _cell_map(matrix)
    rows: list[tuple[str, ...]] = []
    for goal in matrix.goals:
        row = [goal.label]
        for party in matrix.parties:
            cell = cells.get((goal.code, party.code))
            if cell is None:
                row.append(stances.label(Stance.UNKNOWN))
            else:
                row.append(stances.label(cell.stance, cell.needs_reconfirming))
        rows.append(tuple(row))
    headers = ("Doelstelling", *(party.label for party in matrix.parties))
    return Table(caption=title, headers=headers, rows=tuple(rows) if matrix.parties else ())
