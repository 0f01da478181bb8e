"""The stance heat map: goals as rows, parties as columns (or the other way round when
that fits better, e.g. many parties and few goals), a stance tile in each cell.

Party heads show the short name, with the full name in a <title> (shown on hover); goal
heads show the code, in rows with the title as far as the width allows (the full title in
a <title>). "Needs reconfirming" is a small ring in the cell's corner, explained once
in the legend.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from onderhandeling.pictures import stances, svg
from onderhandeling.pictures.data import Stance, StanceCell, StanceMatrix, Table

KIND = "heatmap"
TITLE = "Standpunten per doelstelling en partij"

_CELL = 24.0
_PITCH = 30.0
_HEAD_ANGLE = 60.0  # degrees the party heads are turned up from the horizontal
_HEAD_MAX = 118.0  # the longest party head, in user units
_TARGET_WIDTH = svg.WIDTH  # row heads shrink to keep the picture about this wide
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
        f"{svg.plural(len(matrix.goals), 'doelstelling', 'doelstellingen')} en "
        f"{svg.plural(len(matrix.parties), 'partij', 'partijen')}. Standpunten: {tally}."
    )
    if reconfirm:
        sentence += f" {reconfirm} moeten opnieuw bevestigd worden."
    return f"{sentence} {svg.table_note('elk standpunt')}"


@dataclass(frozen=True)
class _Head:
    """A row or column head: its key (a code), the text shown, and the full text (tooltip)."""

    key: str
    short: str  # shown where room is tight (column heads; row heads with no room)
    long: str  # shown in row heads as far as it fits
    full: str  # the tooltip


def _goal_heads(matrix: StanceMatrix) -> list[_Head]:
    return [_Head(g.code, g.code, g.label, g.label) for g in matrix.goals]


def _party_heads(matrix: StanceMatrix) -> list[_Head]:
    return [_Head(p.code, p.label, p.label, p.name or p.label) for p in matrix.parties]


@dataclass(frozen=True)
class _Layout:
    rows: list[_Head]
    columns: list[_Head]
    parties_as_rows: bool
    rotate: bool  # column heads turned up (when they are wider than a column)
    head_height: float
    overhang: float  # how far turned heads reach right of the last column
    row_head: float
    long_heads: bool  # row heads show their long text
    width: float


def _layout(rows: list[_Head], columns: list[_Head], parties_as_rows: bool) -> _Layout:
    head_width = min(_HEAD_MAX, max(svg.text_width(c.short, svg.SMALL) for c in columns))
    rotate = head_width > _PITCH - 4
    if rotate:
        angle = math.radians(_HEAD_ANGLE)
        head_height = float(math.ceil(head_width * math.sin(angle) + 12))
        overhang = max(0.0, head_width * math.cos(angle) - _PITCH / 2)
    else:
        head_height, overhang = 24.0, 0.0
    grid_width = len(columns) * _PITCH
    budget = _TARGET_WIDTH - 2 * svg.MARGIN - grid_width - overhang
    longest = max(svg.text_width(r.long) for r in rows)
    shortest_useful = max(svg.text_width(r.short) for r in rows)
    # Long heads only when a useful part of them fits (the table and tooltips hold them).
    long_heads = budget >= shortest_useful + svg.text_width(" Begeleiding")
    row_head = (min(budget - 10, longest, _ROW_HEAD_MAX) if long_heads else shortest_useful) + 10
    width = max(_TARGET_WIDTH, 2 * svg.MARGIN + row_head + grid_width + overhang)
    return _Layout(
        rows, columns, parties_as_rows, rotate, head_height, overhang, row_head, long_heads, width
    )


def _choose_layout(matrix: StanceMatrix, parties_as_rows: bool | None) -> _Layout:
    """Goals as rows, unless that is too wide and parties as rows is narrower (or asked)."""
    goals, parties = _goal_heads(matrix), _party_heads(matrix)
    by_goal = _layout(goals, parties, parties_as_rows=False)
    by_party = _layout(parties, goals, parties_as_rows=True)
    if parties_as_rows is None:
        parties_as_rows = by_goal.width > _TARGET_WIDTH and by_party.width < by_goal.width
    return by_party if parties_as_rows else by_goal


def heatmap(
    matrix: StanceMatrix,
    *,
    title: str = TITLE,
    parties_as_rows: bool | None = None,
    id_prefix: str | None = None,
) -> str:
    """The heat map as an SVG string; goals are rows unless parties as rows fits better."""
    prefix = svg.prefix_for(KIND, (matrix, parties_as_rows), id_prefix)
    if not matrix.parties or not matrix.goals:
        return svg.Frame(KIND, prefix, title).empty()
    cells = _cell_map(matrix)
    layout = _choose_layout(matrix, parties_as_rows)
    grid_left = svg.MARGIN + layout.row_head
    grid_top = svg.MARGIN + layout.head_height
    grid_width = len(layout.columns) * _PITCH

    body: list[str] = []
    for index, column in enumerate(layout.columns):
        cx = grid_left + index * _PITCH + _PITCH / 2
        if layout.rotate:
            y = grid_top - 8
            head = svg.text(
                cx + 4,
                y,
                svg.truncate(column.short, _HEAD_MAX, svg.SMALL),
                size=svg.SMALL,
                extra=f'transform="rotate(-{svg.num(_HEAD_ANGLE)} {svg.num(cx + 4)} {svg.num(y)})"',
            )
        else:
            head = svg.text(cx, grid_top - 8, column.short, size=svg.SMALL, anchor="middle")
        body.append(f"<g><title>{svg.esc(column.full)}</title>{head}</g>")

    with_titles = len(matrix.parties) * len(matrix.goals) <= _CELL_TITLES_UP_TO
    reconfirm_any = False
    for index, row in enumerate(layout.rows):
        top = grid_top + index * _PITCH
        if index % 2 == 0:
            body.append(
                f'<rect x="{svg.num(svg.MARGIN)}" y="{svg.num(top)}" '
                f'width="{svg.num(layout.row_head + grid_width)}" height="{svg.num(_PITCH)}" '
                f'fill="#f6f8fa"/>'
            )
        shown = svg.truncate(row.long, layout.row_head - 10) if layout.long_heads else row.short
        head = svg.text(svg.MARGIN + 4, top + _PITCH / 2 + 4.5, shown)
        body.append(f"<g><title>{svg.esc(row.full)}</title>{head}</g>")
        for number, column in enumerate(layout.columns):
            party, goal = (row, column) if layout.parties_as_rows else (column, row)
            cell = cells.get((goal.key, party.key))
            stance = cell.stance if cell else Stance.UNKNOWN
            reconfirm = bool(cell and cell.needs_reconfirming)
            reconfirm_any = reconfirm_any or reconfirm
            x = grid_left + number * _PITCH + (_PITCH - _CELL) / 2
            y = top + (_PITCH - _CELL) / 2
            drawn = f'<use href="#{prefix}-cell-{stance.value}" x="{svg.num(x)}" y="{svg.num(y)}"/>'
            if reconfirm:
                drawn += f'<use href="#{prefix}-cell-reconfirm" x="{svg.num(x)}" y="{svg.num(y)}"/>'
            if with_titles:
                tip = f"{party.short}, {goal.key}: {stances.label(stance, reconfirm)}"
                drawn = f"<g><title>{svg.esc(tip)}</title>{drawn}</g>"
            body.append(drawn)

    legend_top = grid_top + len(layout.rows) * _PITCH + 16
    legend, legend_height = stances.legend(
        prefix,
        y=legend_top,
        width=min(layout.width, _TARGET_WIDTH) - 2 * svg.MARGIN,
        with_reconfirm=reconfirm_any,
    )
    body.extend(legend)
    height = legend_top + legend_height + svg.MARGIN
    return svg.Frame(KIND, prefix, title, layout.width).document(
        height=height,
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
