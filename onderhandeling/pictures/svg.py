"""Shared SVG helpers: escaping, numbers, text measuring, the document frame, time axes.

Everything is drawn with presentation attributes, never ``style`` attributes or
``<style>`` elements: the site's Content-Security-Policy forbids inline styles.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol, TypeVar

INK = "#1f2328"  # text and strong lines: 15.8:1 on white
MUTED = "#57606a"  # secondary text and axes: 6.4:1 on white
GRID = "#d0d7de"  # decorative grid lines only
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif"
FONT_SIZE = 14
SMALL = 13

# Characters XML 1.0 does not allow at all (C0 controls except tab, newline, return;
# lone surrogates; U+FFFE and U+FFFF): dropped, or the SVG would not parse.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NOT_ID = re.compile(r"[^A-Za-z0-9_-]")

# The axis labels' month abbreviations; full dates come from onderhandeling.dutch.dates.
MONTH_ABBREVIATIONS: tuple[str, ...] = (
    "jan",
    "feb",
    "mrt",
    "apr",
    "mei",
    "jun",
    "jul",
    "aug",
    "sep",
    "okt",
    "nov",
    "dec",
)


def esc(text: object) -> str:
    """Escape text for an XML text node or a double- or single-quoted attribute."""
    return html.escape(_NOT_XML.sub("", str(text)), quote=True)


def num(value: float) -> str:
    """A coordinate with at most one decimal, without a trailing ".0"."""
    rounded = round(value, 1)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.1f}"


def prefix_for(kind: str, data: object, given: str | None = None) -> str:
    """An id prefix for one picture: the caller's (cleaned) or one derived from the data.

    Two pictures on a page need different prefixes, or their ids (title, desc, symbols)
    would clash; the derived one differs whenever the data differs.
    """
    if given:
        cleaned = _NOT_ID.sub("-", given)
        return cleaned if cleaned[0].isalpha() else f"p{cleaned}"
    digest = hashlib.sha1(repr(data).encode("utf-8", "replace"), usedforsecurity=False)
    return f"pic-{kind}-{digest.hexdigest()[:8]}"


def plural(count: int, one: str, many: str) -> str:
    """ "1 partij", "3 partijen"."""
    return f"{count} {one if count == 1 else many}"


# Rough advance widths, in em, of a humanist sans-serif (DejaVu Sans is the widest of
# the listed fonts, so estimates err on the wide side).
_NARROW = frozenset("iljtfrI.,:;'|!()[] ")
_WIDE = frozenset("mwMWOQGDHN@%")


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """Estimate the rendered width of a text in user units."""
    units = 0.0
    for char in text:
        if char in _NARROW:
            units += 0.34
        elif char in _WIDE:
            units += 0.9
        elif char.isupper():
            units += 0.72
        elif char.isdigit():
            units += 0.64
        else:
            units += 0.61
    return units * size


def truncate(text: str, max_width: float, size: float = FONT_SIZE) -> str:
    """Shorten a text with "…" so that it fits in max_width."""
    text = " ".join(text.split())
    if text_width(text, size) <= max_width:
        return text
    ellipsis = text_width("…", size)
    kept = ""
    for char in text:
        if text_width(kept + char, size) + ellipsis > max_width:
            break
        kept += char
    return kept.rstrip() + "…"


def wrap(text: str, max_width: float, size: float = FONT_SIZE, max_lines: int = 4) -> list[str]:
    """Break a text into lines of at most max_width; the last line is truncated if needed."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and text_width(candidate, size) > max_width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return [truncate(line, max_width, size) for line in lines]


def text(
    x: float,
    y: float,
    content: str,
    *,
    size: float = FONT_SIZE,
    anchor: str = "start",
    fill: str = INK,
    weight: str = "",
    extra: str = "",
    halo: bool = False,
) -> str:
    """A <text> element; content is escaped here.

    With halo, a white outline painted under the letters keeps grid lines from crossing them.
    """
    attributes = f'x="{num(x)}" y="{num(y)}"'
    if size != FONT_SIZE:
        attributes += f' font-size="{num(size)}"'
    if anchor != "start":
        attributes += f' text-anchor="{anchor}"'
    if fill != INK:
        attributes += f' fill="{fill}"'
    if weight:
        attributes += f' font-weight="{weight}"'
    if extra:
        attributes += f" {extra}"
    if halo:
        attributes += (
            ' stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"'
        )
    return f"<text {attributes}>{esc(content)}</text>"


def line(
    x1: float, y1: float, x2: float, y2: float, *, stroke: str = MUTED, extra: str = ""
) -> str:
    tail = f" {extra}" if extra else ""
    return (
        f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
        f'stroke="{stroke}"{tail}/>'
    )


def document(
    *,
    kind: str,
    prefix: str,
    width: float,
    height: float,
    title: str,
    desc: str,
    body: Iterable[str],
    defs: Iterable[str] = (),
    interactive: bool = False,
) -> str:
    """The <svg> frame: scales to its container, named by its <title> and <desc>.

    A picture is one image (role="img") unless it holds focusable parts: an image's
    children are presentational, so focusable ones inside would be hidden from assistive
    technology (axe: nested-interactive); such a picture is a named group instead.
    """
    role = "group" if interactive else "img"
    defs_text = "".join(defs)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="picture picture-{esc(kind)}" '
        f'role="{role}" aria-labelledby="{prefix}-title {prefix}-desc" width="100%" '
        f'viewBox="0 0 {num(width)} {num(height)}" font-family="{esc(FONT_FAMILY)}" '
        f'font-size="{FONT_SIZE}" fill="{INK}">',
        f'<title id="{prefix}-title">{esc(title)}</title>',
        f'<desc id="{prefix}-desc">{esc(desc)}</desc>',
    ]
    if defs_text:
        parts.append(f"<defs>{defs_text}</defs>")
    parts.append('<rect width="100%" height="100%" fill="#ffffff"/>')
    parts.extend(body)
    parts.append("</svg>")
    return "".join(parts)


EMPTY_MESSAGE = "Geen gegevens om te tonen"


def empty(*, kind: str, prefix: str, title: str, message: str = EMPTY_MESSAGE) -> str:
    """The picture drawn when there is nothing to draw: it says so."""
    width, height = 480.0, 72.0
    body = [
        f'<rect x="1" y="1" width="{num(width - 2)}" height="{num(height - 2)}" rx="6" '
        f'fill="#ffffff" stroke="{MUTED}" stroke-dasharray="6 4"/>',
        text(width / 2, 30, title, anchor="middle", weight="bold"),
        text(width / 2, 52, message, anchor="middle", fill=MUTED),
    ]
    return document(
        kind=kind,
        prefix=prefix,
        width=width,
        height=height,
        title=title,
        desc=f"{message}.",
        body=body,
    )


class _Dated(Protocol):
    @property
    def on(self) -> date: ...


_DatedT = TypeVar("_DatedT", bound=_Dated)


def by_date(points: Iterable[_DatedT]) -> list[_DatedT]:
    """The points in date order, one per date: of two on one date the later given wins."""
    latest = {point.on: point for point in points}
    return [latest[day] for day in sorted(latest)]


def _shift(day: date, days: int) -> date:
    """day + days, held inside the dates Python can represent."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


@dataclass(frozen=True)
class TimeScale:
    """Maps dates onto x between left and right; dates outside are held at the edges."""

    start: date
    end: date
    left: float
    right: float

    @classmethod
    def spanning(
        cls,
        dates: Iterable[date],
        left: float,
        right: float,
        *,
        start: date | None = None,
        end: date | None = None,
    ) -> TimeScale:
        """A scale over the given dates (or start/end where given), at least two weeks."""
        known = sorted(dates)
        first = start if start is not None else (known[0] if known else date.today())
        last = end if end is not None else (known[-1] if known else first)
        if last < first:
            first, last = last, first
        span = (last - first).days
        if span > 60:
            # Whole months, so the axis starts and ends on a labelled month.
            if start is None:
                first = first.replace(day=1)
            if end is None and last.day != 1:
                last = _shift(last.replace(day=28), 4).replace(day=1)
        if span < 14:
            pad = (14 - span) // 2 + 1
            first, last = _shift(first, -pad), _shift(last, pad)
        return cls(first, last, left, right)

    @property
    def days(self) -> int:
        return max(1, (self.end - self.start).days)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def x(self, day: date) -> float:
        offset = min(max((day - self.start).days, 0), self.days)
        return self.left + (self.right - self.left) * offset / self.days


def _month_starts(start: date, end: date) -> list[date]:
    months: list[date] = []
    year, month = start.year, start.month
    if start.day != 1:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    while True:
        try:
            first = date(year, month, 1)
        except ValueError:
            break
        if first > end:
            break
        months.append(first)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def date_ticks(scale: TimeScale, max_ticks: int) -> list[tuple[date, str]]:
    """Ticks on month starts ("okt", "jan 2023"; years alone on long spans), or on days."""
    max_ticks = max(2, max_ticks)
    months = _month_starts(scale.start, scale.end)
    if len(months) < 2:
        middle = scale.start + (scale.end - scale.start) / 2
        return [
            (day, f"{day.day} {MONTH_ABBREVIATIONS[day.month - 1]}")
            for day in (scale.start, middle, scale.end)
        ]
    chosen = months
    for step in (1, 2, 3, 4, 6, 12, 24, 60, 120, 600, 1200, 6000, 12000, 60000):
        if len(months) // step > max_ticks:
            continue  # too many ticks even before aligning them
        chosen = [day for day in months if (day.year * 12 + day.month - 1) % step == 0]
        if len(chosen) <= max_ticks:
            break
    if step >= 12:
        return [(day, str(day.year)) for day in chosen]
    ticks: list[tuple[date, str]] = []
    for index, day in enumerate(chosen):
        label = MONTH_ABBREVIATIONS[day.month - 1]
        if index == 0 or day.month <= step:
            label = f"{label} {day.year}"
        ticks.append((day, label))
    return ticks


def time_axis(scale: TimeScale, *, top: float, bottom: float) -> list[str]:
    """A time axis along y=bottom with month labels, and light grid lines up to y=top.

    A label that would touch the one before it is left out (its tick stays); a year it
    carried moves on to the next label shown.
    """
    plot_width = scale.right - scale.left
    ticks = date_ticks(scale, int(plot_width // 62) + 1)
    parts = [line(scale.left, bottom, scale.right, bottom, stroke=MUTED)]
    shown_until = -math.inf
    year_left_out = False
    for day, label in ticks:
        x = scale.x(day)
        if bottom > top:
            parts.append(line(x, top, x, bottom, stroke=GRID))
        parts.append(line(x, bottom, x, bottom + 5, stroke=MUTED))
        if year_left_out and " " not in label and not label.isdigit():
            label = f"{label} {day.year}"
        width = text_width(label, SMALL)
        anchor, left = "middle", x - width / 2
        if left < scale.left - 8:
            anchor, left = "start", x
        elif x + width / 2 > scale.right + 8:
            anchor, left = "end", x - width
        if left < shown_until + 8:
            year_left_out = year_left_out or " " in label
            continue
        year_left_out = False
        shown_until = left + width
        parts.append(text(x, bottom + 19, label, size=SMALL, anchor=anchor, fill=MUTED))
    return parts


def step_path(points: Sequence[tuple[float, float]], until: float) -> str:
    """A step line through (x, y) points, each value held until the next x, the last to until."""
    if not points:
        return ""
    # Only the points where the value changes matter to a step line.
    changes = [points[0]]
    changes.extend(point for before, point in itertools.pairwise(points) if point[1] != before[1])
    segments = [f"M{num(changes[0][0])} {num(changes[0][1])}"]
    for (_x, _y), (next_x, next_y) in itertools.pairwise(changes):
        segments.append(f"H{num(next_x)}V{num(next_y)}")
    until = max(until, points[-1][0])
    if until > changes[-1][0]:
        segments.append(f"H{num(until)}")
    return "".join(segments)


def nice_ceiling(value: int) -> tuple[int, int]:
    """A round top for a count axis (at least 1) and a tick step giving at most 5 steps."""
    value = max(1, value)
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if math.ceil(value / step) <= 5:
            return step * math.ceil(value / step), step
    magnitude = 10 ** (len(str(value)) - 1)
    step = magnitude * math.ceil(value / magnitude / 5)
    return step * math.ceil(value / step), step
