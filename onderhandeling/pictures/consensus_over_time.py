"""Consensus over time: per goal or priority a strip with the share of signatories that
support (solid) and that support on conditions (hatched, stacked on top), as step lines
over a shared Dutch time axis. Each strip runs from 0% (bottom) to 100% (top).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from onderhandeling.dutch.dates import format_date
from onderhandeling.pictures import stances, svg
from onderhandeling.pictures.data import ShareSeries, Stance, Table
from onderhandeling.pictures.timeaxis import TimeScale, by_date, step_path, time_axis

KIND = "consensus-over-time"
TITLE = "Draagvlak in de tijd"

_RIGHT = 48.0  # room for the latest percentage
_STRIP = 40.0


def _share(part: int, total: int) -> float:
    if total <= 0:
        return 0.0
    return min(1.0, max(0.0, part / total))


def _percent(part: int, total: int) -> str:
    return f"{round(100 * _share(part, total))}%"


def consensus_over_time(
    series: Sequence[ShareSeries],
    *,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
    title: str = TITLE,
    id_prefix: str | None = None,
) -> str:
    """The strips as an SVG string; lines run to today (if given) or the last date."""
    prefix = svg.prefix_for(KIND, (tuple(series), start, end, today), id_prefix)
    frame = svg.Frame(KIND, prefix, title)
    if not any(s.points for s in series):
        return frame.empty()
    legend, legend_height = stances.legend(
        prefix,
        stances=(Stance.SUPPORTS, Stance.CONDITIONAL),
        patterns=True,
    )
    body = list(legend)
    top = svg.MARGIN + legend_height + 4
    body.append(
        svg.text(
            svg.MARGIN,
            top + 12,
            "Elke strook loopt van 0% (onder) tot 100% (boven).",
            size=svg.SMALL,
        )
    )
    top += 24
    all_dates = [point.on for s in series for point in s.points]
    if today is not None:
        all_dates.append(today)
    scale = TimeScale.spanning(
        all_dates, svg.MARGIN, svg.WIDTH - svg.MARGIN - _RIGHT, start=start, end=end
    )
    until_day = today if today is not None else max(all_dates)
    y = top
    strips: list[str] = []
    for one in series:
        points = by_date(one.points)
        strips.append(
            svg.text(
                svg.MARGIN, y + 13, svg.truncate(one.label, svg.INNER), weight="bold", halo=True
            )
        )
        strip_top = y + 20
        bottom = strip_top + _STRIP
        strips.append(
            f'<rect x="{svg.num(scale.left)}" y="{svg.num(strip_top)}" '
            f'width="{svg.num(scale.right - scale.left)}" height="{svg.num(_STRIP)}" fill="none" '
            f'stroke="{svg.GRID}"/>'
        )
        strips.append(
            svg.line(
                scale.left,
                strip_top + _STRIP / 2,
                scale.right,
                strip_top + _STRIP / 2,
                stroke=svg.GRID,
                extra='stroke-dasharray="4 3"',
            )
        )
        if points:
            until = max(scale.x(until_day), scale.x(points[-1].on))
            supported = [
                (scale.x(p.on), bottom - _STRIP * _share(p.supporting, p.total)) for p in points
            ]
            with_conditions = [
                (scale.x(p.on), bottom - _STRIP * _share(p.supporting + p.conditional, p.total))
                for p in points
            ]
            first_x = supported[0][0]
            base = f"V{svg.num(bottom)}H{svg.num(first_x)}Z"
            strips.append(
                f'<path d="{step_path(with_conditions, until)}{base}" '
                f'fill="url(#{stances.pattern_id(prefix, Stance.CONDITIONAL)})"/>'
            )
            strips.append(
                f'<path d="{step_path(supported, until)}{base}" '
                f'fill="{stances.STYLES[Stance.SUPPORTS].colour}"/>'
            )
            strips.append(
                f'<path d="{step_path(supported, until)}" fill="none" stroke="{svg.INK}" '
                f'stroke-width="1.6"/>'
            )
            last = points[-1]
            latest = _percent(last.supporting, last.total)
            strips.append(
                f"<g><title>{svg.esc(f'{one.label}: {latest} steunt op {format_date(last.on)}')}"
                f"</title>"
                + svg.text(scale.right + 6, strip_top + _STRIP / 2 + 5, latest, weight="bold")
                + "</g>"
            )
        else:
            strips.append(
                svg.text(
                    scale.left + 6,
                    strip_top + _STRIP / 2 + 4,
                    "geen gegevens",
                    size=svg.SMALL,
                    fill=svg.MUTED,
                )
            )
        y = bottom + 10
    axis = time_axis(scale, top=top, bottom=y)
    body.extend(axis)  # grid lines under the strips
    body.extend(strips)
    height = y + 30
    latest_parts = []
    for one in series:
        points = by_date(one.points)
        if points:
            latest_parts.append(f"{one.label} {_percent(points[-1].supporting, points[-1].total)}")
    desc = (
        f"Aandeel ondertekenaars dat steunt, voor "
        f"{svg.plural(len(series), 'onderwerp', 'onderwerpen')}, {scale.spoken()}. "
        f"Laatste stand: {'; '.join(latest_parts)}. {svg.table_note('elke datum')}"
    )
    return frame.document(height=height, desc=desc, defs=stances.pattern_defs(prefix), body=body)


def consensus_over_time_table(series: Sequence[ShareSeries], *, title: str = TITLE) -> Table:
    """One row per series and date: supporting, on conditions, total and the share."""
    rows = tuple(
        (
            one.label,
            format_date(point.on),
            str(point.supporting),
            str(point.conditional),
            str(point.total),
            _percent(point.supporting, point.total),
        )
        for one in series
        for point in by_date(one.points)
    )
    headers = (
        "Onderwerp",
        "Datum",
        "Steunt",
        "Steunt onder voorwaarden",
        "Ondertekenaars",
        "Aandeel steunt",
    )
    return Table(caption=title, headers=headers, rows=rows)
