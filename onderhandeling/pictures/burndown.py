"""The burn-down to signing: open passages and pending amendments over time, two step
lines told apart by line style and marker shape (solid with circles, dashed with
squares), with the signing date as a vertical line.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from onderhandeling.dutch.dates import format_date
from onderhandeling.pictures import svg
from onderhandeling.pictures.data import BurndownPoint, Table
from onderhandeling.pictures.timeaxis import TimeScale, by_date, nice_ceiling, step_path, time_axis

KIND = "burndown"
TITLE = "Open passages en openstaande wijzigingsvoorstellen tot de ondertekening"

_LEFT = 36.0  # room for the count labels
_PLOT = 180.0

PASSAGES = "Open passages"
AMENDMENTS = "Openstaande wijzigingsvoorstellen"
_PASSAGE_COLOUR = "#0b5cad"  # 6.7:1 on white
_AMENDMENT_COLOUR = "#a34a00"  # 5.9:1 on white


def _circle(x: float, y: float, colour: str) -> str:
    return (
        f'<circle cx="{svg.num(x)}" cy="{svg.num(y)}" r="3.6" fill="#ffffff" stroke="{colour}" '
        f'stroke-width="2"/>'
    )


def _square(x: float, y: float, colour: str) -> str:
    return (
        f'<rect x="{svg.num(x - 3.5)}" y="{svg.num(y - 3.5)}" width="7" height="7" '
        f'fill="{colour}"/>'
    )


def burndown(
    points: Sequence[BurndownPoint],
    *,
    signing: date | None = None,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
    title: str = TITLE,
    id_prefix: str | None = None,
) -> str:
    """The burn-down as an SVG string; the time axis reaches the signing date if given."""
    prefix = svg.prefix_for(KIND, (tuple(points), signing, start, end, today), id_prefix)
    frame = svg.Frame(KIND, prefix, title)
    ordered = by_date(points)
    if not ordered:
        return frame.empty()
    last = ordered[-1]
    body: list[str] = []
    # The legend: a line sample and marker for each series, with the latest count.
    legend_y = svg.MARGIN + 8
    for index, (name, value, colour, dash, marker) in enumerate(
        (
            (PASSAGES, last.open_passages, _PASSAGE_COLOUR, "", _circle),
            (AMENDMENTS, last.pending_amendments, _AMENDMENT_COLOUR, "6 4", _square),
        )
    ):
        y = legend_y + index * 20
        extra = f'stroke-width="2.5" stroke-dasharray="{dash}"' if dash else 'stroke-width="2.5"'
        body.append(svg.line(svg.MARGIN, y, svg.MARGIN + 30, y, stroke=colour, extra=extra))
        body.append(marker(svg.MARGIN + 15, y, colour))
        body.append(
            svg.text(
                svg.MARGIN + 38,
                y + 4.5,
                f"{name}: {value} op {format_date(last.on)}",
                size=svg.SMALL,
            )
        )
    plot_top = legend_y + 2 * 20 + 18
    plot_bottom = plot_top + _PLOT

    dates = [point.on for point in ordered]
    dates.extend(day for day in (signing, today) if day is not None)
    scale = TimeScale.spanning(
        dates, svg.MARGIN + _LEFT, svg.WIDTH - svg.MARGIN - 12, start=start, end=end
    )
    top_value, step = nice_ceiling(max(max(p.open_passages, p.pending_amendments) for p in ordered))

    def y_of(value: int) -> float:
        return plot_bottom - _PLOT * max(0, min(value, top_value)) / top_value

    for value in range(0, top_value + 1, step):
        y = y_of(value)
        if value:
            body.append(svg.line(scale.left, y, scale.right, y, stroke=svg.GRID))
        body.append(
            svg.text(
                scale.left - 6, y + 4, str(value), size=svg.SMALL, anchor="end", fill=svg.MUTED
            )
        )
    body.extend(time_axis(scale, top=plot_top, bottom=plot_bottom))

    if signing is not None and scale.contains(signing):
        x = scale.x(signing)
        label = f"ondertekening {format_date(signing)}"
        anchor = "end" if x + svg.text_width(label, svg.SMALL) > svg.WIDTH - svg.MARGIN else "start"
        body.append(
            svg.line(
                x,
                plot_top - 14,
                x,
                plot_bottom,
                stroke=svg.MUTED,
                extra='stroke-width="1.5" stroke-dasharray="2 3"',
            )
        )
        body.append(
            svg.text(
                x + (4 if anchor == "start" else -4),
                plot_top - 6,
                label,
                size=svg.SMALL,
                anchor=anchor,
            )
        )

    until_day = today if today is not None else last.on
    until = max(scale.x(until_day), scale.x(last.on))
    for attribute, colour, dash, marker in (
        ("open_passages", _PASSAGE_COLOUR, "", _circle),
        ("pending_amendments", _AMENDMENT_COLOUR, "6 4", _square),
    ):
        coordinates = [(scale.x(p.on), y_of(int(getattr(p, attribute)))) for p in ordered]
        dash_attribute = f' stroke-dasharray="{dash}"' if dash else ""
        body.append(
            f'<path d="{step_path(coordinates, until)}" fill="none" stroke="{colour}" '
            f'stroke-width="2.5"{dash_attribute}/>'
        )
        if len(coordinates) <= 120:
            body.extend(marker(x, y, colour) for x, y in coordinates)
    height = plot_bottom + 30
    desc = (
        f"Van {format_date(ordered[0].on)} tot {format_date(last.on)}: open passages van "
        f"{ordered[0].open_passages} naar {last.open_passages}, openstaande "
        f"wijzigingsvoorstellen van {ordered[0].pending_amendments} naar "
        f"{last.pending_amendments}."
    )
    if signing is not None:
        desc += f" Ondertekening: {format_date(signing)}."
    desc += " " + svg.table_note("elke datum")
    return frame.document(height=height, desc=desc, body=body)


def burndown_table(points: Sequence[BurndownPoint], *, title: str = TITLE) -> Table:
    """One row per date with both counts."""
    rows = tuple(
        (format_date(p.on), str(p.open_passages), str(p.pending_amendments))
        for p in by_date(points)
    )
    return Table(caption=title, headers=("Datum", PASSAGES, AMENDMENTS), rows=rows)
