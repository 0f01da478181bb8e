"""Every picture: well-formed, named, escaped, readable without colour, with its table."""

from __future__ import annotations

import ast
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from onderhandeling import pictures
from onderhandeling.domain import values
from onderhandeling.dutch.dates import format_date
from onderhandeling.pictures import stances
from onderhandeling.pictures.data import (
    BurndownPoint,
    EarlierDate,
    Goal,
    Milestone,
    Party,
    PositionPoint,
    SharePoint,
    ShareSeries,
    Stance,
    StanceCell,
    StanceCounts,
    StanceMatrix,
)
from tests.pictures import samples

SVG = "{http://www.w3.org/2000/svg}"
PACKAGE = Path(pictures.__file__).parent
HOSTILE = "<script>alert(\"x\")</script> & 'K1' \x00\x1f"
HOSTILE_SHOWN = "<script>alert(\"x\")</script> & 'K1' "
ISO_DATE = re.compile(r"\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b")


def sample_pictures() -> dict[str, str]:
    return {
        "heatmap": pictures.heatmap(samples.matrix()),
        "heatmap-few": pictures.heatmap(samples.matrix(samples.PARTIES[:3], samples.GOALS[:2])),
        "consensus_bar": pictures.consensus_bar(samples.counts()),
        "consensus_over_time": pictures.consensus_over_time(samples.shares()),
        "burndown": pictures.burndown(samples.burndown_points(), signing=samples.SIGNING),
        "milestones": pictures.milestones(samples.milestone_list(), today=date(2022, 10, 18)),
        "party_stances": pictures.party_stances(
            samples.PARTIES[3], samples.GOALS, samples.positions()
        ),
    }


def empty_pictures() -> dict[str, str]:
    return {
        "heatmap": pictures.heatmap(StanceMatrix((), (), ())),
        "heatmap-no-goals": pictures.heatmap(StanceMatrix(samples.PARTIES, (), ())),
        "consensus_bar": pictures.consensus_bar([]),
        "consensus_over_time": pictures.consensus_over_time([ShareSeries("K1", ())]),
        "burndown": pictures.burndown([]),
        "milestones": pictures.milestones([]),
        "party_stances": pictures.party_stances(samples.PARTIES[0], samples.GOALS, []),
    }


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def visible_text(root: ET.Element) -> str:
    return " ".join(
        "".join(element.itertext()) for element in root.iter() if element.tag == f"{SVG}text"
    )


def ids(root: ET.Element) -> list[str]:
    return [element.attrib["id"] for element in root.iter() if "id" in element.attrib]


@pytest.mark.parametrize(
    "svg", [*sample_pictures().values(), *empty_pictures().values()], ids=lambda s: s[60:100]
)
def test_every_picture_is_well_formed_named_and_scalable(svg: str) -> None:
    root = parse(svg)
    assert root.attrib["role"] in {"img", "group"}
    assert root.attrib["width"] == "100%"
    assert "height" not in root.attrib  # the height follows the viewBox's proportions
    assert re.fullmatch(r"0 0 [0-9.]+ [0-9.]+", root.attrib["viewBox"])
    assert "style" not in svg  # the Content-Security-Policy forbids inline styles
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert (title.text or "").strip() and (desc.text or "").strip()
    assert root.attrib["aria-labelledby"].split() == [title.attrib["id"], desc.attrib["id"]]
    assert len(ids(root)) == len(set(ids(root)))
    for element in root.iter():
        for name in ("href", "{http://www.w3.org/1999/xlink}href"):
            if name in element.attrib:
                assert element.attrib[name].lstrip("#") in ids(root)
        for value in element.attrib.values():
            if value.startswith("url(#"):
                assert value[5:-1] in ids(root)
    assert not ISO_DATE.search(svg)


def test_pictures_with_the_same_kind_but_other_data_have_other_ids() -> None:
    one = parse(pictures.heatmap(samples.matrix()))
    other = parse(pictures.heatmap(samples.matrix(samples.PARTIES[:2])))
    assert not set(ids(one)) & set(ids(other))
    given = parse(pictures.heatmap(samples.matrix(), id_prefix='dash"board 1'))
    assert all(name.startswith("dash-board-1") for name in ids(given))


@pytest.mark.parametrize("name", list(empty_pictures()))
def test_empty_inputs_say_there_is_nothing_to_show(name: str) -> None:
    root = parse(empty_pictures()[name])
    assert "Geen gegevens" in visible_text(root)
    assert "Geen gegevens" in "".join(root.itertext())


def hostile_pictures() -> dict[str, str]:
    party = Party(HOSTILE, HOSTILE, HOSTILE)
    goal = Goal(HOSTILE, HOSTILE)
    on = date(2022, 10, 1)
    return {
        "heatmap": pictures.heatmap(
            StanceMatrix((party,), (goal,), (StanceCell(HOSTILE, HOSTILE, Stance.BLOCKS),)),
            title=HOSTILE,
        ),
        "consensus_bar": pictures.consensus_bar(
            [StanceCounts(goal, {Stance.SUPPORTS: 3})], title=HOSTILE
        ),
        "consensus_over_time": pictures.consensus_over_time(
            [ShareSeries(HOSTILE, (SharePoint(on, 1, 2),))], title=HOSTILE
        ),
        "burndown": pictures.burndown([BurndownPoint(on, 1, 2)], title=HOSTILE),
        "milestones": pictures.milestones(
            [Milestone(HOSTILE, on, (EarlierDate(date(2022, 9, 1), HOSTILE),))], title=HOSTILE
        ),
        "party_stances": pictures.party_stances(
            party, [goal], [PositionPoint(HOSTILE, on, Stance.OBJECTS)], title=HOSTILE
        ),
    }


@pytest.mark.parametrize("name", list(hostile_pictures()))
def test_hostile_labels_are_escaped(name: str) -> None:
    svg = hostile_pictures()[name]
    assert "<script" not in svg
    root = parse(svg)
    assert not [element for element in root.iter() if "script" in element.tag]
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == HOSTILE_SHOWN


def test_the_table_html_escapes_too() -> None:
    table = pictures.heatmap_table(StanceMatrix((Party("X", HOSTILE),), (Goal("K1", HOSTILE),), ()))
    rendered = pictures.table_html(table)
    assert "<script" not in rendered
    root = ET.fromstring(rendered)
    assert root.find("caption") is not None
    assert [th.attrib["scope"] for th in root.iter("th")] == ["col", "col", "row"]


def test_an_empty_table_says_so() -> None:
    rendered = pictures.table_html(pictures.burndown_table([]))
    assert "Geen gegevens" in rendered
    ET.fromstring(rendered)


def test_every_stance_has_its_own_symbol_and_pattern_without_colour() -> None:
    colour = re.compile(r'(fill|stroke)="[^"]*"')
    symbols = {}
    for definition in stances.symbol_defs("p"):
        element = ET.fromstring(definition.replace("<symbol", f'<symbol xmlns="{SVG[1:-1]}"'))
        symbols[element.attrib["id"]] = colour.sub("", definition.split(">", 1)[1])
    assert len(set(symbols.values())) == len(symbols) == len(Stance) + 1
    patterns = [colour.sub("", d.split(">", 1)[1]) for d in stances.pattern_defs("p")]
    assert len(set(patterns)) == len(Stance)
    # Each heat map cell names its stance's symbol, and the legend names every stance.
    svg = pictures.heatmap(samples.matrix())
    for stance in Stance:
        assert f'-{stance.value}"' in svg
        assert stances.STYLES[stance].label in visible_text(parse(svg))


def contrast(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def test_colours_have_aa_contrast_against_white() -> None:
    used = set()
    for svg in sample_pictures().values():
        used.update(re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{6})"', svg))
    decorative = {"#ffffff", "#d0d7de", "#f6f8fa"}  # background, grid lines, row stripes
    for colour in used - decorative:
        assert contrast(colour) >= 4.5, colour


def test_heatmap_table_holds_the_same_stances() -> None:
    matrix = samples.matrix()
    table = pictures.heatmap_table(matrix)
    assert table.headers[1:] == tuple(party.label for party in matrix.parties)
    by_codes = {(cell.goal, cell.party): cell for cell in matrix.cells}
    assert len(table.rows) == len(matrix.goals)
    for goal, row in zip(matrix.goals, table.rows, strict=True):
        assert row[0] == goal.label
        for party, shown in zip(matrix.parties, row[1:], strict=True):
            cell = by_codes.get((goal.code, party.code))
            expected = stances.label(
                cell.stance if cell else Stance.UNKNOWN, bool(cell and cell.needs_reconfirming)
            )
            assert shown == expected
    # The picture draws one tile per cell, and a reconfirm marker per flagged cell.
    svg = pictures.heatmap(matrix)
    tiles = sum(svg.count(f'-cell-{s.value}" x=') for s in Stance)
    assert tiles == len(matrix.parties) * len(matrix.goals)
    flagged = sum(cell.needs_reconfirming for cell in matrix.cells)
    assert svg.count('-cell-reconfirm" x=') == flagged


def test_heatmap_heads_have_the_full_party_name_as_tooltip() -> None:
    root = parse(pictures.heatmap(samples.matrix()))
    titles = {"".join(t.itertext()) for t in root.iter(f"{SVG}title")}
    assert "Ministerie van Onderwijs, Cultuur en Wetenschap" in titles
    assert "OCW" in visible_text(root)


def test_consensus_bar_table_holds_the_same_counts() -> None:
    rows = samples.counts()
    table = pictures.consensus_bar_table(rows)
    assert table.headers[0] == "Doelstelling" and table.headers[-1] == "Totaal"
    for row, shown in zip(rows, table.rows, strict=True):
        assert shown[0] == row.goal.label
        assert shown[1:-1] == tuple(str(row.count(s)) for s in stances.ORDER)
        assert shown[-1] == str(row.total)
    text = visible_text(parse(pictures.consensus_bar(rows)))
    assert "4 steunt, 2 steunt onder voorwaarden, 1 bezwaar, 3 onbekend" in text


def test_consensus_over_time_table_and_latest_share() -> None:
    series = samples.shares()
    table = pictures.consensus_over_time_table(series)
    assert len(table.rows) == sum(len(s.points) for s in series)
    assert table.rows[0][:2] == ("Kansengelijkheid", "26 augustus 2022")
    last = series[0].points[-1]
    share = f"{round(100 * last.supporting / last.total)}%"
    assert table.rows[len(series[0].points) - 1][-1] == share
    assert share in visible_text(parse(pictures.consensus_over_time(series)))


def test_burndown_table_and_signing_line() -> None:
    points = samples.burndown_points()
    table = pictures.burndown_table(points)
    assert table.rows == tuple(
        (format_date(p.on), str(p.open_passages), str(p.pending_amendments)) for p in points
    )
    text = visible_text(parse(pictures.burndown(points, signing=date(2023, 6, 1))))
    assert "ondertekening 1 juni 2023" in text
    assert "jun" in text  # the axis reaches the signing date, with Dutch month labels


def test_a_moved_milestone_is_drawn_as_moved_and_focusable() -> None:
    svg = pictures.milestones(samples.milestone_list())
    root = parse(svg)
    assert root.attrib["role"] == "group"  # focusable parts may not sit inside an image
    focusable = [e for e in root.iter() if e.attrib.get("tabindex") == "0"]
    assert len(focusable) == 2
    tip = "".join(focusable[-1].find(f"{SVG}title").itertext())  # type: ignore[union-attr]
    assert "van 17 oktober 2022 naar 20 oktober 2022" in tip
    assert "Nog niet alle partijen akkoord" in tip
    assert "stroke-dasharray" in ET.tostring(focusable[-1], encoding="unicode")
    # The reasons are also drawn, hidden until the page's CSS shows them on focus.
    reason = focusable[-1].find(f"{SVG}g[@class='picture-reason']")
    assert reason is not None and reason.attrib["visibility"] == "hidden"
    assert "Reden: Presentatie verschoven" in "".join(reason.itertext())
    table = pictures.milestones_table(samples.milestone_list())
    assert table.rows[-1] == (
        "Ondertekening Werkagenda mbo",
        "17 januari 2023",
        "17 oktober 2022, 20 oktober 2022",
        "Presentatie verschoven naar ROC van Nijmegen; Nog niet alle partijen akkoord",
    )
    unmoved = parse(pictures.milestones([Milestone("CWIZO", date(2022, 10, 3))]))
    assert unmoved.attrib["role"] == "img"
    assert not [e for e in unmoved.iter() if "tabindex" in e.attrib]


def test_party_stances_table_holds_every_position() -> None:
    party, goals, positions = samples.PARTIES[3], samples.GOALS, samples.positions()
    table = pictures.party_stances_table(party, goals, positions)
    assert table.caption == "Standpunten van MBO Raad in de tijd"
    assert len(table.rows) == len(positions)
    assert ("K2 Kansrijk kiezen", "4 oktober 2022", "steunt onder voorwaarden", "ja") in (
        table.rows
    )
    svg = pictures.party_stances(party, goals, positions)
    assert svg.count("<use") == len(positions) + len(Stance) + 2  # + legend, reconfirm
    assert "geen standpunt vastgelegd" in visible_text(parse(svg))


FAR = (date(1900, 1, 1), date(2100, 12, 31), date.min, date.max)


def out_of_range_pictures() -> list[Callable[[], str]]:
    start, end = date(2022, 9, 1), date(2022, 12, 31)
    far = [date(2022, 10, 1), *FAR]
    return [
        lambda: pictures.consensus_over_time(
            [ShareSeries("K1", tuple(SharePoint(d, 1, 2) for d in far))], start=start, end=end
        ),
        lambda: pictures.consensus_over_time(
            [ShareSeries("K1", tuple(SharePoint(d, 3, 0) for d in far))], today=date.max
        ),
        lambda: pictures.burndown(
            [BurndownPoint(d, 2, 1) for d in far], signing=date.max, start=start, end=end
        ),
        lambda: pictures.burndown([BurndownPoint(d, -3, 10**9) for d in far], signing=date.min),
        lambda: pictures.milestones(
            [Milestone("M", d, (EarlierDate(date.min),)) for d in far], start=start, end=end
        ),
        lambda: pictures.milestones([Milestone("M", d) for d in far], today=date.max),
        lambda: pictures.party_stances(
            samples.PARTIES[0],
            [Goal("K1")],
            [PositionPoint("K1", d, Stance.SUPPORTS) for d in far],
            start=end,
            end=start,
        ),
    ]


@pytest.mark.parametrize("draw", out_of_range_pictures())
def test_dates_outside_the_range_stay_inside_the_picture(draw: Callable[[], str]) -> None:
    root = parse(draw())
    width = float(root.attrib["viewBox"].split()[2])
    drawn = [child for child in root if child.tag != f"{SVG}defs"]
    for element in (e for child in drawn for e in child.iter()):
        for name in ("x", "x1", "x2", "cx"):
            if name in element.attrib:
                assert -1 <= float(element.attrib[name]) <= width + 1


def test_large_inputs_stay_bounded() -> None:
    parties = tuple(Party(f"P{i}", f"Partij nummer {i}", f"Partij {i}") for i in range(50))
    goals = tuple(Goal(f"G{i}", f"Doelstelling nummer {i} met een lange titel") for i in range(200))
    matrix = samples.matrix(parties, goals)
    svg = pictures.heatmap(matrix)
    parse(svg)
    assert len(svg) < 1_000_000
    assert len(pictures.table_html(pictures.heatmap_table(matrix))) < 1_500_000
    counts = samples.counts(goals)
    assert len(pictures.consensus_bar(counts)) < 400_000
    days = [date(2022, 1, 1).fromordinal(date(2022, 1, 1).toordinal() + i) for i in range(400)]
    positions = [
        PositionPoint(goal.code, day, Stance.SUPPORTS) for goal in goals for day in days[::40]
    ]
    assert len(pictures.party_stances(parties[0], goals, positions)) < 600_000
    series = [
        ShareSeries(g.label, tuple(SharePoint(d, i % 9, 9) for i, d in enumerate(days[::4])))
        for g in goals
    ]
    assert len(pictures.consensus_over_time(series)) < 1_500_000
    points = [BurndownPoint(d, 400 - i, i % 7) for i, d in enumerate(days)]
    assert len(pictures.burndown(points)) < 60_000


def test_the_pictures_stances_are_the_domains_stored_strings() -> None:
    # The pictures may not import the domain, so they keep their own list of stances;
    # the pages convert with Stance(position.stance), which needs the very same values.
    assert [stance.value for stance in Stance] == [stance.value for stance in values.Stance]


def test_the_package_imports_only_the_standard_library_itself_and_the_dutch_wording() -> None:
    """…and the domain's list of stances, which it shares rather than copies."""
    allowed = set(sys.stdlib_module_names)
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                assert (
                    name.split(".")[0] in allowed
                    or name.startswith(("onderhandeling.pictures", "onderhandeling.dutch"))
                    or (path.name, name) == ("data.py", "onderhandeling.domain.values")
                ), (
                    path.name,
                    name,
                )


def test_samples_can_be_written(tmp_path: Path) -> None:
    written = samples.write_samples(tmp_path)
    assert len(written) == 9
    for path in written:
        parse(path.read_text(encoding="utf-8"))


def test_the_heat_map_turns_when_parties_as_rows_fits_better() -> None:
    parties = tuple(Party(f"P{i}", f"Partij nummer {i}", f"Partij {i}") for i in range(30))
    matrix = samples.matrix(parties, samples.GOALS[:5])
    turned = parse(pictures.heatmap(matrix))
    assert float(turned.attrib["viewBox"].split()[2]) <= 480
    rotated = [t for t in turned.iter(f"{SVG}text") if "rotate" in t.attrib.get("transform", "")]
    assert not rotated  # goal codes fit above their columns
    upright = parse(pictures.heatmap(matrix, parties_as_rows=False))
    assert float(upright.attrib["viewBox"].split()[2]) > 900
    # The same cells either way.
    for stance in Stance:
        use = f'-cell-{stance.value}"'
        assert ET.tostring(turned, encoding="unicode").count(use) == ET.tostring(
            upright, encoding="unicode"
        ).count(use)
