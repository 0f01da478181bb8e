"""Time on the pictures' x axis: dates in order, a date scale, Dutch month ticks, the axis,
step lines and round tops for count axes."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol, TypeVar

from onderhandeling.dutch.dates import format_date
from onderhandeling.pictures.svg import GRID, MUTED, SMALL, line, num, text, text_width

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

    def spoken(self) -> str:
        """The span in words, for a picture's description: "van 1 juni 2023 tot 5 juli 2023"."""
        return f"van {format_date(self.start)} tot {format_date(self.end)}"

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
