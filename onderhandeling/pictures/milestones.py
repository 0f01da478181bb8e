"""Milestones on a time line: one row per milestone, a filled diamond on its date.

A moved milestone is drawn as moved: a hollow diamond on each date it was planned on
before, a dashed arrow from each to the next, and the reasons in a <title>. Its row can
take keyboard focus (tabindex="0") so the reasons show on focus as on hover; the picture
is then a named group rather than an image (see ``svg.Frame.document``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from onderhandeling.dutch.dates import format_date
from onderhandeling.pictures import svg
from onderhandeling.pictures.data import Milestone, Table
from onderhandeling.pictures.timeaxis import TimeScale, time_axis

KIND = "milestones"
TITLE = "Mijlpalen"

_ROW = 60.0
_ACCENT = "#0b5cad"  # 6.7:1 on white


def _ordered(items: Sequence[Milestone]) -> list[Milestone]:
    return sorted(items, key=lambda item: item.on)


def _diamond(x: float, y: float, *, hollow: bool) -> str:
    size = 6.5
    corners = ((x, y - size), (x + size, y), (x, y + size), (x - size, y))
    points = " ".join(f"{svg.num(cx)},{svg.num(cy)}" for cx, cy in corners)
    if hollow:
        return (
            f'<polygon points="{points}" fill="#ffffff" stroke="{svg.MUTED}" stroke-width="1.6"/>'
        )
    return f'<polygon points="{points}" fill="{_ACCENT}" stroke="{svg.INK}" stroke-width="1"/>'


def _moves(item: Milestone) -> list[tuple[date, date, str]]:
    """(from, to, reason) for each move, oldest first; no-op moves are left out."""
    chain = [*(earlier.on for earlier in item.earlier), item.on]
    reasons = [earlier.reason for earlier in item.earlier]
    return [
        (chain[index], chain[index + 1], reasons[index])
        for index in range(len(item.earlier))
        if chain[index] != chain[index + 1]
    ]


def _moved_sentence(item: Milestone) -> str:
    """ "Ondertekening: verplaatst van 17 oktober 2022 naar 20 oktober 2022 (reden: …)."""
    parts = []
    for old, new, reason in _moves(item):
        because = f" (reden: {reason})" if reason.strip() else ""
        parts.append(f"van {format_date(old)} naar {format_date(new)}{because}")
    return f"{item.name}: verplaatst {'; daarna '.join(parts)}."


def _reason_box(item: Milestone, y: float) -> str:
    """The reasons for the moves, drawn over the row but hidden until the page's CSS shows
    them on focus or hover (``svg.picture g:focus .picture-reason {visibility: visible}``).
    """
    reasons = "; ".join(reason for _, _, reason in _moves(item) if reason.strip())
    if not reasons:
        return ""
    lines = svg.wrap(f"Reden: {reasons}", svg.INNER - 12, svg.SMALL, max_lines=2)
    height = 8 + 16 * len(lines)
    texts = "".join(
        svg.text(svg.MARGIN + 6, y + 17 + 16 * (number + 1) - 2, content, size=svg.SMALL)
        for number, content in enumerate(lines)
    )
    return (
        f'<g class="picture-reason" visibility="hidden"><rect x="{svg.num(svg.MARGIN)}" '
        f'y="{svg.num(y + 18)}" width="{svg.num(svg.INNER)}" height="{svg.num(height)}" rx="4" '
        f'fill="#ffffff" stroke="{svg.INK}"/>{texts}</g>'
    )


def milestones(
    items: Sequence[Milestone],
    *,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
    title: str = TITLE,
    id_prefix: str | None = None,
) -> str:
    """The time line as an SVG string, with an optional "vandaag" line."""
    prefix = svg.prefix_for(KIND, (tuple(items), start, end, today), id_prefix)
    frame = svg.Frame(KIND, prefix, title)
    ordered = _ordered(items)
    if not ordered:
        return frame.empty()
    dates = [item.on for item in ordered]
    dates.extend(earlier.on for item in ordered for earlier in item.earlier)
    scale = TimeScale.spanning(
        dates, svg.MARGIN + 10, svg.WIDTH - svg.MARGIN - 10, start=start, end=end
    )
    arrow = f"{prefix}-arrow"
    defs = [
        f'<marker id="{arrow}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path d="M0 1L9 5L0 9Z" '
        f'fill="{svg.MUTED}"/></marker>'
    ]
    top = svg.MARGIN + 4
    body: list[str] = []
    # A key to the marks, above the rows.
    body.append(_diamond(svg.MARGIN + 8, top + 8, hollow=False))
    body.append(svg.text(svg.MARGIN + 20, top + 12.5, "datum", size=svg.SMALL))
    body.append(_diamond(svg.MARGIN + 78, top + 8, hollow=True))
    body.append(
        svg.line(
            svg.MARGIN + 88,
            top + 8,
            svg.MARGIN + 116,
            top + 8,
            stroke=svg.MUTED,
            extra=f'stroke-width="1.6" stroke-dasharray="4 3" marker-end="url(#{arrow})"',
        )
    )
    body.append(
        svg.text(svg.MARGIN + 124, top + 12.5, "eerder gepland, verplaatst", size=svg.SMALL)
    )
    rows_top = top + 28
    rows: list[str] = []
    interactive = False
    for index, item in enumerate(ordered):
        y = rows_top + index * _ROW
        track = y + 46
        moves = _moves(item)
        parts = [
            svg.text(
                svg.MARGIN, y + 14, svg.truncate(item.name, svg.INNER), weight="bold", halo=True
            )
        ]
        when = format_date(item.on)
        if moves:
            when += f", eerder gepland op {', '.join(format_date(old) for old, _, _ in moves)}"
        parts.append(
            svg.text(
                svg.MARGIN,
                y + 30,
                svg.truncate(when, svg.INNER, svg.SMALL),
                size=svg.SMALL,
                fill=svg.MUTED,
                halo=True,
            )
        )
        parts.append(svg.line(scale.left, track, scale.right, track, stroke="#d0d7de"))
        for old, new, _reason in moves:
            x_old, x_new = scale.x(old), scale.x(new)
            gap = 8.0 if x_new >= x_old else -8.0
            if abs(x_new - x_old) > 18:
                parts.append(
                    svg.line(
                        x_old + gap,
                        track,
                        x_new - gap,
                        track,
                        stroke=svg.MUTED,
                        extra=f'stroke-width="1.6" stroke-dasharray="4 3" '
                        f'marker-end="url(#{arrow})"',
                    )
                )
            parts.append(_diamond(x_old, track, hollow=True))
        parts.append(_diamond(scale.x(item.on), track, hollow=False))
        if moves:
            interactive = True
            sentence = _moved_sentence(item)
            rows.append(
                f'<g tabindex="0" role="img" aria-label="{svg.esc(sentence)}">'
                f"<title>{svg.esc(sentence)}</title>{''.join(parts)}{_reason_box(item, y)}</g>"
            )
        else:
            rows.append(f"<g>{''.join(parts)}</g>")
    bottom = rows_top + len(ordered) * _ROW + 4
    body.extend(time_axis(scale, top=rows_top, bottom=bottom))
    if today is not None and scale.contains(today):
        x = scale.x(today)
        body.append(
            svg.line(
                x,
                rows_top - 4,
                x,
                bottom,
                stroke=svg.INK,
                extra='stroke-width="1.2" stroke-dasharray="1 3"',
            )
        )
        body.append(
            svg.text(
                x,
                bottom + 34,
                f"vandaag, {format_date(today)}",
                size=svg.SMALL,
                anchor="middle"
                if svg.MARGIN + 80 < x < svg.WIDTH - 80
                else ("start" if x <= svg.MARGIN + 80 else "end"),
            )
        )
    body.extend(rows)
    height = bottom + (44 if today is not None and scale.contains(today) else 30)
    moved = [item for item in ordered if _moves(item)]
    desc = (
        f"{svg.plural(len(ordered), 'mijlpaal', 'mijlpalen')}, van {format_date(ordered[0].on)} "
        f"tot {format_date(ordered[-1].on)}."
    )
    if moved:
        desc += " " + " ".join(_moved_sentence(item) for item in moved)
    desc += " " + svg.table_note("elke mijlpaal")
    return frame.document(height=height, desc=desc, defs=defs, body=body, interactive=interactive)


def milestones_table(items: Sequence[Milestone], *, title: str = TITLE) -> Table:
    """One row per milestone: its date, the dates planned before, and why it moved."""
    rows = []
    for item in _ordered(items):
        moves = _moves(item)
        rows.append(
            (
                item.name,
                format_date(item.on),
                ", ".join(format_date(old) for old, _, _ in moves),
                "; ".join(reason for _, _, reason in moves if reason.strip()),
            )
        )
    headers = ("Mijlpaal", "Datum", "Eerder gepland op", "Reden van verplaatsing")
    return Table(caption=title, headers=headers, rows=tuple(rows))
