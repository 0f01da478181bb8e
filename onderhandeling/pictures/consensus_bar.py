"""Consensus per goal: one stacked horizontal bar of the signatories' stances per goal.

Each segment is filled with its stance's colour and pattern and carries its count in a
white label when wide enough; under the bar the counts are written out in words.
"""

from __future__ import annotations

from collections.abc import Sequence

from onderhandeling.pictures import stances, svg
from onderhandeling.pictures.data import StanceCounts, Table

KIND = "consensus-bar"
TITLE = "Draagvlak per doelstelling"

_BAR = 22.0


def _spelled(row: StanceCounts) -> str:
    """ "5 steunt, 2 steunt onder voorwaarden, 1 onbekend" (stances with a count only)."""
    parts = [
        f"{row.count(stance)} {stances.STYLES[stance].label}"
        for stance in stances.ORDER
        if row.count(stance)
    ]
    return ", ".join(parts) if parts else "geen standpunten"


def consensus_bar(
    rows: Sequence[StanceCounts], *, title: str = TITLE, id_prefix: str | None = None
) -> str:
    """The bars as an SVG string; bar lengths share one scale (the largest total)."""
    prefix = svg.prefix_for(KIND, tuple(rows), id_prefix)
    frame = svg.Frame(KIND, prefix, title)
    if not rows:
        return frame.empty()
    legend, legend_height = stances.legend(prefix, patterns=True)
    body = list(legend)
    scale_total = max(1, max(row.total for row in rows))
    y = svg.MARGIN + legend_height + 12
    for row in rows:
        body.append(
            svg.text(svg.MARGIN, y + 13, svg.truncate(row.goal.label, svg.INNER), weight="bold")
        )
        top = y + 20
        body.append(
            f'<rect x="{svg.num(svg.MARGIN)}" y="{svg.num(top)}" width="{svg.num(svg.INNER)}" '
            f'height="{svg.num(_BAR)}" fill="#ffffff" stroke="{svg.MUTED}" stroke-width="0.8"/>'
        )
        left = svg.MARGIN
        for stance in stances.ORDER:
            count = row.count(stance)
            if not count:
                continue
            width = svg.INNER * count / scale_total
            tip = f"{row.goal.code}: {count} {stances.STYLES[stance].label}"
            segment = (
                f'<rect x="{svg.num(left)}" y="{svg.num(top)}" width="{svg.num(width)}" '
                f'height="{svg.num(_BAR)}" fill="url(#{stances.pattern_id(prefix, stance)})" '
                f'stroke="#ffffff" stroke-width="1"/>'
            )
            label = str(count)
            label_width = svg.text_width(label, svg.SMALL) + 8
            if width >= label_width + 4:
                middle = left + width / 2
                segment += (
                    f'<rect x="{svg.num(middle - label_width / 2)}" y="{svg.num(top + 3)}" '
                    f'width="{svg.num(label_width)}" height="{svg.num(_BAR - 6)}" rx="3" '
                    f'fill="#ffffff"/>'
                    + svg.text(middle, top + _BAR / 2 + 4.2, label, size=svg.SMALL, anchor="middle")
                )
            body.append(f"<g><title>{svg.esc(tip)}</title>{segment}</g>")
            left += width
        lines = svg.wrap(_spelled(row), svg.INNER, svg.SMALL, max_lines=3)
        for number, content in enumerate(lines):
            body.append(
                svg.text(
                    svg.MARGIN,
                    top + _BAR + 16 + 15 * number,
                    content,
                    size=svg.SMALL,
                    fill=svg.MUTED,
                )
            )
        y = top + _BAR + 16 + 15 * (len(lines) - 1) + 14
    return frame.document(
        height=y + svg.MARGIN,
        desc=_description(rows),
        defs=stances.pattern_defs(prefix),
        body=body,
    )


def _description(rows: Sequence[StanceCounts]) -> str:
    agreed = sum(1 for row in rows if row.total and row.count(stances.ORDER[0]) == row.total)
    return (
        f"{svg.plural(len(rows), 'doelstelling', 'doelstellingen')}; bij {agreed} steunen alle "
        f"ondertekenaars. Per doelstelling het aantal ondertekenaars per standpunt; de tabel "
        f"bij deze afbeelding geeft de aantallen."
    )


def consensus_bar_table(rows: Sequence[StanceCounts], *, title: str = TITLE) -> Table:
    """The same counts as a table: one row per goal, one column per stance, and the total."""
    headers = (
        "Doelstelling",
        *(stances.STYLES[stance].label.capitalize() for stance in stances.ORDER),
        "Totaal",
    )
    body = tuple(
        (
            row.goal.label,
            *(str(row.count(stance)) for stance in stances.ORDER),
            str(row.total),
        )
        for row in rows
    )
    return Table(caption=title, headers=headers, rows=body)
