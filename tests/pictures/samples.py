"""Sample data for the picture tests, shaped like the Werkagenda mbo demo.

Run ``python -m tests.pictures.samples [folder]`` to write one SVG of each picture
(default /tmp/pictures-samples) for looking at.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

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

PARTIES = (
    Party("OCW", "Ministerie van Onderwijs, Cultuur en Wetenschap", "OCW"),
    Party("JOB", "Jongeren Organisatie Beroepsonderwijs", "JOB"),
    Party("BVMBO", "Beroepsvereniging mbo (docenten)", "BVMBO"),
    Party("MBORAAD", "MBO Raad"),
    Party("NRTO", "Nederlandse Raad voor Training en Opleiding", "NRTO"),
    Party("VNONCW", "VNO-NCW / MKB-Nederland", "VNO-NCW/MKB"),
    Party("VNG", "Vereniging van Nederlandse Gemeenten", "VNG"),
    Party("SBB", "Samenwerkingsorganisatie Beroepsonderwijs Bedrijfsleven", "SBB"),
    Party("FNV", "FNV"),
    Party("AOB", "Algemene Onderwijsbond", "AOb"),
    Party("CNV", "CNV Onderwijs"),
    Party("INSPECTIE", "Inspectie van het Onderwijs", "Inspectie"),
)

GOALS = (
    Goal("K1", "Studentenwelzijn en sociale veiligheid"),
    Goal("K2", "Kansrijk kiezen"),
    Goal("K3", "Begeleiding van school naar werk of vervolgopleiding"),
    Goal("K4", "Doorlopende leerroutes in de beroepskolom"),
    Goal("K5", "Gelijkwaardigheid en emancipatie van het mbo"),
    Goal("A1", "Stages en stagediscriminatie"),
    Goal("A2", "Leven lang ontwikkelen in het mbo"),
    Goal("A3", "Teruggeleiding naar school"),
)

_CYCLE = (
    Stance.SUPPORTS,
    Stance.SUPPORTS,
    Stance.CONDITIONAL,
    Stance.SUPPORTS,
    Stance.UNKNOWN,
    Stance.OBJECTS,
    Stance.SUPPORTS,
    Stance.NEUTRAL,
    Stance.BLOCKS,
    Stance.SUPPORTS,
    Stance.CONDITIONAL,
)


def matrix(parties: tuple[Party, ...] = PARTIES, goals: tuple[Goal, ...] = GOALS) -> StanceMatrix:
    cells = []
    for row, goal in enumerate(goals):
        for column, party in enumerate(parties):
            stance = _CYCLE[(row * 3 + column) % len(_CYCLE)]
            if stance is Stance.UNKNOWN:
                continue  # a missing cell is "onbekend"
            cells.append(StanceCell(party.code, goal.code, stance, (row + column) % 5 == 0))
    return StanceMatrix(parties, goals, tuple(cells))


def counts(goals: tuple[Goal, ...] = GOALS) -> tuple[StanceCounts, ...]:
    rows = []
    for index, goal in enumerate(goals):
        rows.append(
            StanceCounts(
                goal,
                {
                    Stance.SUPPORTS: 4 + index % 5,
                    Stance.CONDITIONAL: 2 - index % 3,
                    Stance.NEUTRAL: index % 2,
                    Stance.OBJECTS: (index + 1) % 3,
                    Stance.BLOCKS: 1 if index == 2 else 0,
                    Stance.UNKNOWN: 3 - index % 4,
                },
            )
        )
    return tuple(rows)


DATES = (
    date(2022, 8, 26),
    date(2022, 9, 9),
    date(2022, 9, 23),
    date(2022, 10, 4),
    date(2022, 10, 14),
    date(2022, 11, 9),
    date(2023, 1, 17),
)


def shares() -> tuple[ShareSeries, ...]:
    series = []
    labels = (
        "Kansengelijkheid",
        "Aansluiting onderwijs en arbeidsmarkt",
        "Kwaliteit, onderzoek en innovatie",
    )
    for offset, label in enumerate(labels):
        points = tuple(
            SharePoint(day, min(11, 2 + index * (offset + 1)), 11, min(3, index % 4))
            for index, day in enumerate(DATES)
        )
        series.append(ShareSeries(label, points))
    return tuple(series)


def burndown_points() -> tuple[BurndownPoint, ...]:
    values = ((14, 6), (12, 9), (11, 7), (8, 8), (5, 4), (3, 2), (0, 0))
    return tuple(
        BurndownPoint(day, passages, amendments)
        for day, (passages, amendments) in zip(DATES, values, strict=True)
    )


SIGNING = date(2023, 1, 17)


def milestone_list() -> tuple[Milestone, ...]:
    return (
        Milestone("CWIZO", date(2022, 10, 3)),
        Milestone(
            "RFEI (Raad Financiële, Economische Zaken en Innovatie)",
            date(2022, 10, 11),
            (EarlierDate(date(2022, 10, 3), "Geen RWIZO vóór de ministerraad van 14 oktober"),),
        ),
        Milestone("Ministerraad", date(2022, 10, 14)),
        Milestone("Commissiedebat mbo in de Tweede Kamer", date(2022, 11, 9)),
        Milestone(
            "Ondertekening Werkagenda mbo",
            SIGNING,
            (
                EarlierDate(date(2022, 10, 17), "Presentatie verschoven naar ROC van Nijmegen"),
                EarlierDate(date(2022, 10, 20), "Nog niet alle partijen akkoord"),
            ),
        ),
    )


def positions() -> tuple[PositionPoint, ...]:
    return (
        PositionPoint("K1", date(2022, 8, 26), Stance.UNKNOWN),
        PositionPoint("K1", date(2022, 9, 23), Stance.CONDITIONAL),
        PositionPoint("K1", date(2022, 10, 14), Stance.SUPPORTS),
        PositionPoint("K2", date(2022, 9, 9), Stance.OBJECTS),
        PositionPoint("K2", date(2022, 10, 4), Stance.CONDITIONAL, needs_reconfirming=True),
        PositionPoint("K3", date(2022, 9, 9), Stance.BLOCKS),
        PositionPoint("K3", date(2022, 11, 9), Stance.NEUTRAL),
        PositionPoint("K3", date(2023, 1, 17), Stance.SUPPORTS),
        PositionPoint("A1", date(2022, 10, 4), Stance.SUPPORTS),
    )


def _many_parties() -> tuple[Party, ...]:
    return PARTIES + tuple(Party(f"ROC{i}", f"ROC nummer {i}", f"ROC {i}") for i in range(12))


def write_samples(folder: Path) -> list[Path]:
    from onderhandeling.pictures import (
        burndown,
        consensus_bar,
        consensus_over_time,
        heatmap,
        milestones,
        party_stances,
    )

    folder.mkdir(parents=True, exist_ok=True)
    pictures = {
        "heatmap": heatmap(matrix()),
        "heatmap-few": heatmap(matrix(PARTIES[:4], GOALS[:5])),
        "heatmap-empty": heatmap(StanceMatrix((), (), ())),
        "heatmap-many-parties": heatmap(matrix(_many_parties(), GOALS[:6])),
        "consensus_bar": consensus_bar(counts()),
        "consensus_over_time": consensus_over_time(shares()),
        "burndown": burndown(burndown_points(), signing=SIGNING),
        "milestones": milestones(milestone_list(), today=date(2022, 10, 18)),
        "party_stances": party_stances(PARTIES[3], GOALS[:6], positions()),
    }
    written = []
    for name, svg in pictures.items():
        path = folder / f"{name}.svg"
        path.write_text(svg, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/pictures-samples")
    for written_path in write_samples(target):
        print(written_path)
