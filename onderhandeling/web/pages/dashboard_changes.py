"""What changed, summed up for the committee: one line per goal ("K4: tekst v2 → v3, 2 nieuwe
standpunten"), the agreement's own changes as sentences, and the routine entries (wordings
frozen at signing, signatures, frozen versions) folded into one line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from onderhandeling.dutch.timeline import sentence
from onderhandeling.service import ChangesOut, TimelineEntry

# Entries that follow from another fact and need no reading of their own.
ROUTINE = {
    "wording_frozen": ("tekst bevroren bij ondertekening", "teksten bevroren bij ondertekening"),
    "signature_recorded": ("handtekening", "handtekeningen"),
    "signing_completed": ("ondertekening voltooid", "ondertekening voltooid"),
    "baseline_frozen": ("versie vastgelegd", "versies vastgelegd"),
}

# Per goal: how each kind of change is counted, in the order the summary names them.
COUNTED = {
    "position_recorded": ("nieuw standpunt", "nieuwe standpunten"),
    "position_corrected": ("standpunt gecorrigeerd", "standpunten gecorrigeerd"),
    "position_retracted": ("standpunt ingetrokken", "standpunten ingetrokken"),
    "amendment_proposed": ("nieuw wijzigingsvoorstel", "nieuwe wijzigingsvoorstellen"),
    "amendment_decided": ("voorstel besloten", "voorstellen besloten"),
    "passage_marked": ("open passage gemarkeerd", "open passages gemarkeerd"),
    "passage_resolved": ("open passage opgelost", "open passages opgelost"),
    "goal_status_changed": ("statuswijziging", "statuswijzigingen"),
    "indicators_set": ("indicatoren vastgesteld", "indicatoren vastgesteld"),
    "actions_set": ("acties vastgesteld", "acties vastgesteld"),
    "point_raised": ("nieuw discussiepunt", "nieuwe discussiepunten"),
    "preference_stated": ("voorkeur uitgesproken", "voorkeuren uitgesproken"),
    "option_chosen": ("optie gekozen", "opties gekozen"),
    "decision_recorded": ("besluit", "besluiten"),
}


@dataclass(frozen=True)
class GoalSummary:
    id: str
    code: str
    title: str
    what: str


@dataclass(frozen=True)
class ChangeLine:
    """One change in the full list: its date, its goal (if any) and its Dutch sentence."""

    on: str | None
    goal_id: str | None
    goal_code: str | None
    what: str


@dataclass(frozen=True)
class Summary:
    goals: list[GoalSummary]
    agreement: list[ChangeLine]
    routine: str
    lines: list[ChangeLine]


def _counted(count: int, names: tuple[str, str]) -> str:
    return f"{count} {names[0] if count == 1 else names[1]}"


def _say(entry: TimelineEntry, parties: Mapping[str, str]) -> str:
    return sentence(entry.model_dump(), parties)


def goal_summary(entries: list[TimelineEntry]) -> str:
    """ "tekst v2 → v3, 2 nieuwe standpunten, 1 open passage opgelost" (routine left out)."""
    parts = []
    versions = [e.version for e in entries if e.kind == "wording_revised" and e.version]
    if versions:
        parts.append(f"tekst v{min(versions) - 1} → v{max(versions)}")
    kinds = Counter(e.kind for e in entries)
    parts += [_counted(kinds[kind], names) for kind, names in COUNTED.items() if kinds[kind]]
    other = sum(n for kind, n in kinds.items() if kind not in COUNTED and kind not in ROUTINE)
    other -= kinds["wording_revised"]
    if other > 0:
        parts.append(_counted(other, ("andere wijziging", "andere wijzigingen")))
    return ", ".join(parts)


def summarise(changed: ChangesOut, shown: int, parties: Mapping[str, str]) -> Summary:
    """The summary of every change read, and the newest ``shown`` as a flat list; parties
    named by the given name per party code."""
    routine: Counter[str] = Counter()
    goals = []
    for goal in changed.goals:
        routine.update(e.kind for e in goal.entries if e.kind in ROUTINE)
        what = goal_summary(goal.entries)
        if what:
            goals.append(GoalSummary(goal.id, goal.code, goal.title, what))
    routine.update(e.kind for e in changed.agreement if e.kind in ROUTINE)
    agreement = [
        ChangeLine(e.effective_date, None, None, _say(e, parties))
        for e in changed.agreement
        if e.kind not in ROUTINE
    ]
    agreement.sort(key=lambda c: c.on or "", reverse=True)
    lines = [
        ChangeLine(e.effective_date, goal.id, goal.code, _say(e, parties))
        for goal in changed.goals
        for e in goal.entries
    ]
    lines += [ChangeLine(e.effective_date, None, None, _say(e, parties)) for e in changed.agreement]
    lines.sort(key=lambda c: c.on or "", reverse=True)
    folded = ", ".join(
        _counted(routine[kind], names) for kind, names in ROUTINE.items() if routine[kind]
    )
    return Summary(goals, agreement, folded, lines[:shown])
