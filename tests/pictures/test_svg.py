"""The shared helpers: escaping, measuring, scales and Dutch axis labels."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from onderhandeling.pictures.data import EarlierDate
from onderhandeling.pictures.svg import (
    esc,
    prefix_for,
    text_width,
    truncate,
    wrap,
)
from onderhandeling.pictures.timeaxis import TimeScale, by_date, date_ticks, nice_ceiling, step_path


def test_escaping_covers_markup_quotes_and_characters_xml_forbids() -> None:
    escaped = esc("<a href='x'>\"&\x00\x08\ufffe</a>")
    assert escaped == "&lt;a href=&#x27;x&#x27;&gt;&quot;&amp;&lt;/a&gt;"
    element = ET.fromstring(f'<t a="{escaped}">{escaped}</t>')
    assert element.text == element.attrib["a"] == "<a href='x'>\"&</a>"


def test_by_date_orders_points_and_keeps_the_later_given_of_one_date() -> None:
    first, second, third = (
        EarlierDate(date(2023, 3, 1), "eerste"),
        EarlierDate(date(2023, 1, 1), "tweede"),
        EarlierDate(date(2023, 3, 1), "derde"),
    )
    assert by_date([first, second, third]) == [second, third]
    assert by_date([]) == []


def test_truncate_and_wrap_keep_within_the_width() -> None:
    long = "Begeleiding van school naar werk of vervolgopleiding"
    short = truncate(long, 120)
    assert short.endswith("…") and text_width(short) <= 120
    assert truncate("K1", 120) == "K1"
    lines = wrap(long + " " + long, 150, max_lines=3)
    assert len(lines) == 3 and all(text_width(line) <= 150 for line in lines)
    assert wrap("", 100) == []


def test_time_scale_holds_dates_outside_at_the_edges() -> None:
    scale = TimeScale.spanning([], 10, 110, start=date(2022, 1, 1), end=date(2022, 12, 31))
    assert scale.x(date(1900, 1, 1)) == 10
    assert scale.x(date.max) == 110
    assert 10 < scale.x(date(2022, 7, 1)) < 110
    assert not scale.contains(date(2023, 1, 1))


def test_a_single_date_gets_a_span_around_it() -> None:
    scale = TimeScale.spanning([date(2022, 10, 3)], 0, 100)
    assert scale.start < date(2022, 10, 3) < scale.end
    assert 40 < scale.x(date(2022, 10, 3)) < 60
    edge = TimeScale.spanning([date.max], 0, 100)
    assert edge.end == date.max


def test_long_spans_start_and_end_on_a_month() -> None:
    scale = TimeScale.spanning([date(2022, 8, 26), date(2023, 1, 17)], 0, 400)
    assert (scale.start, scale.end) == (date(2022, 8, 1), date(2023, 2, 1))


def test_ticks_are_dutch_months_and_fit() -> None:
    scale = TimeScale.spanning([], 0, 400, start=date(2022, 8, 26), end=date(2023, 1, 17))
    labels = [label for _, label in date_ticks(scale, 8)]
    assert labels == ["sep 2022", "okt", "nov", "dec", "jan 2023"]
    long = TimeScale.spanning([], 0, 400, start=date(2022, 1, 1), end=date(2027, 12, 31))
    ticks = date_ticks(long, 7)
    assert len(ticks) <= 7
    assert ticks[0][1] == "2022"
    short = TimeScale.spanning([], 0, 400, start=date(2022, 10, 3), end=date(2022, 10, 20))
    assert date_ticks(short, 7)[0][1] == "3 okt"
    huge = TimeScale.spanning([], 0, 400, start=date.min, end=date.max)
    assert 1 <= len(date_ticks(huge, 7)) <= 7


def test_step_path_holds_each_value_until_the_next_change() -> None:
    assert step_path([], 10) == ""
    assert step_path([(0, 5), (10, 5), (20, 8)], 30) == "M0 5H20V8H30"
    assert step_path([(0, 5), (10, 5)], 0) == "M0 5H10"


def test_nice_ceiling() -> None:
    assert nice_ceiling(0) == (1, 1)
    assert nice_ceiling(14) == (15, 5)
    assert nice_ceiling(7) == (8, 2)
    top, step = nice_ceiling(10**9)
    assert top >= 10**9 and top / step <= 5


def test_prefixes_are_valid_ids() -> None:
    assert prefix_for("heatmap", (1, 2)) != prefix_for("heatmap", (1, 3))
    assert prefix_for("x", None, "9 lives") == "p9-lives"
