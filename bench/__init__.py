"""Benchmark of the read models (`python -m bench`, `make bench`; not run by the tests).

Generation saves aggregates straight through the application's ``save`` (the command layer
would spend most of the time re-loading goals), so the projector has the whole log to catch up
from zero afterwards. Positions are events of meetings (one per round of all parties on a
goal), as the application records them. Everything runs in a temporary directory (SQLite),
and the load phases on PostgreSQL in a schema of their own.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from uuid import UUID

from onderhandeling.domain import Agreement, Goal, Meeting, Party, Person
from onderhandeling.domain.roster import Roster
from onderhandeling.service import Negotiations

STANCES = ["supports", "conditional", "neutral", "objects", "blocks"]
WORDS = [
    "studenten",
    "scholen",
    "leerbedrijven",
    "stage",
    "kansen",
    "begeleiding",
    "docenten",
    "regio",
    "arbeidsmarkt",
    "instellingen",
    "mbo",
    "onderwijs",
    "kwaliteit",
    "welzijn",
    "veiligheid",
    "loopbaan",
    "ontwikkeling",
    "vakmanschap",
    "samenwerking",
    "ouders",
    "gemeenten",
    "werkgevers",
    "sectoren",
    "vervolgopleiding",
    "doorstroom",
]
START = date(2022, 4, 1)


@dataclass(frozen=True)
class Sizes:
    goals: int
    parties: int
    big_versions: int
    events_per_goal: int

    @property
    def label(self) -> str:
        return (
            f"{self.goals} doelen, {self.parties} partijen, {self.big_versions} versies in het "
            f"grootste doel, ~{self.events_per_goal} gebeurtenissen per doel"
        )


FULL = Sizes(goals=200, parties=15, big_versions=1000, events_per_goal=1000)
SMALL = Sizes(goals=20, parties=15, big_versions=100, events_per_goal=250)


@dataclass
class World:
    person: UUID
    agreement: UUID
    parties: list[UUID]
    goals: list[UUID] = field(default_factory=list)
    big_goal: UUID | None = None
    big_code: str = "G000"
    last_day: date = START


def wording(rng: random.Random, words: int = 60) -> str:
    sentences, sentence = [], []
    for _ in range(words):
        sentence.append(rng.choice(WORDS))
        if len(sentence) >= 8 and rng.random() < 0.2:
            sentences.append(" ".join(sentence).capitalize() + ".")
            sentence = []
    if sentence:
        sentences.append(" ".join(sentence).capitalize() + ".")
    return " ".join(sentences)


def edit(rng: random.Random, text: str) -> str:
    """A small realistic revision: replace, insert or delete a few words."""
    words = text.split(" ")
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(words))
        choice = rng.random()
        if choice < 0.5:
            words[at] = rng.choice(WORDS)
        elif choice < 0.8 or len(words) < 20:
            words.insert(at, rng.choice(WORDS))
        else:
            del words[at]
    new = " ".join(words)
    return new if new != text else new + " aanvulling."


def generate(app: Negotiations, sizes: Sizes, progress: Callable[[str], None]) -> World:
    rng = random.Random(2022)
    person = Person.register("Bench", START)
    parties = [
        Party.add(f"P{n:02d}", f"Partij {n}", "organisatie", START, person.id)
        for n in range(sizes.parties)
    ]
    agreement = Agreement.start("Bench-akkoord", START, date(2027, 12, 31), START, person.id)
    for key in ("KANS", "AOA", "KOI"):
        agreement.add_priority(key, f"Prioriteit {key}", START, person.id)
    for party in parties:
        agreement.admit_party(party.id, "signatory", START, person.id)
    app.save(person, *parties, agreement)
    world = World(person.id, agreement.id, [p.id for p in parties])
    roster = Roster.of(world.parties)
    window = agreement.window(date.today())
    for n in range(sizes.goals):
        code = f"G{n:03d}"
        priority = ("KANS", "AOA", "KOI")[n % 3]
        text = wording(rng)
        goal = Goal.draft(agreement.id, code, priority, f"Doel {n}", text, START, person.id)
        agreement.register_goal(goal.id, code, priority, START, person.id)
        goal.change_status("in_negotiation", "gestart", START, person.id)
        day = START
        versions = sizes.big_versions if n == 0 else max(2, sizes.events_per_goal // 50)
        positions = sizes.events_per_goal - versions
        meetings: list[Meeting] = []
        for k in range(max(versions, positions)):
            day = START + timedelta(days=k * 300 // max(versions, positions))
            if k < versions - 1:
                text = edit(rng, text)
                kind = "substantive" if rng.random() < 0.8 else "editorial"
                goal.revise_wording(
                    text, goal.current_version, "herzien", kind, "none", None, day, person.id
                )
            if k < positions:
                # Every party in turn; a meeting holds one position per party on the goal.
                if k % len(world.parties) == 0:
                    meetings.append(
                        Meeting.log(
                            agreement.id,
                            f"Overleg {code}-{k}",
                            "bilateraal",
                            day,
                            world.parties,
                            [],
                            "",
                            "shared",
                            roster,
                            window,
                            person.id,
                        )
                    )
                meetings[-1].record_position(
                    UUID(int=rng.getrandbits(128)),
                    goal=goal,
                    agreement=agreement,
                    party_id=world.parties[k % len(world.parties)],
                    stance=rng.choice(STANCES),
                    summary="Standpunt in overleg",
                    conditions="",
                    wording_version=None,
                    confidentiality="internal" if rng.random() < 0.1 else "shared",
                    roster=roster,
                    recorded_by=person.id,
                )
        app.save(goal, *meetings)
        world.goals.append(goal.id)
        world.last_day = max(world.last_day, day)
        if n == 0:
            world.big_goal, world.big_code = goal.id, code
        if n % 20 == 19:
            progress(f"{n + 1}/{sizes.goals} doelen")
    app.save(agreement)
    return world
