"""Commands over the read models: state, history, diff, blame, compare, changes, rebuild."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any
from uuid import UUID

from onderhandeling.cli import human
from onderhandeling.cli.core import (
    add_agreement_option,
    choose_agreement,
    closing,
    goal_line,
    print_json,
    stance_text,
)
from onderhandeling.domain.errors import InvalidInput
from onderhandeling.domain.visibility import MINISTRY
from onderhandeling.dutch.timeline import cause_label, sentence
from onderhandeling.service import NOW, Negotiations


def register(commands: Any) -> None:
    state = _command(commands, "state", _read_state, _show_state)
    state.add_argument("--as-of", metavar="DATUM", help="zoals het stond op deze datum")
    state.add_argument(
        "--known-at", metavar="MOMENT", help="zoals vastgelegd tot dit moment (UTC tenzij vermeld)"
    )
    history = _command(
        commands,
        "history",
        _read_history,
        _show_history,
        goal=True,
        as_json=lambda history: history["entries"],  # a list, as before the read models
    )
    history.add_argument(
        "--substantive", action="store_true", help="laat redactionele wijzigingen weg"
    )
    diff = _command(commands, "diff", _read_diff, _show_diff, goal=True)
    diff.add_argument("from_version", metavar="VAN_VERSIE")
    diff.add_argument("to_version", metavar="NAAR_VERSIE")
    blame = _command(commands, "blame", _read_blame, _show_blame, goal=True)
    blame.add_argument("--version", metavar="N", help="tekstversie (standaard: de huidige)")
    compare = _command(commands, "compare", _read_compare, _show_compare)
    compare.add_argument("baseline", metavar="VERSIE")
    compare.add_argument("other", metavar="VERSIE|now", nargs="?", default=NOW)
    changes = _command(commands, "changes", _read_changes, _show_changes)
    changes.add_argument("--since", metavar="DATUM|VERSIE", required=True)

    rebuild = commands.add_parser("rebuild", help="leesmodellen weggooien en opnieuw opbouwen")
    rebuild.add_argument("--json", action="store_true", help="uitvoer als JSON")
    rebuild.set_defaults(handler=closing(_run_rebuild))


Read = Callable[[Negotiations, argparse.Namespace], Any]
Show = Callable[[Any, argparse.Namespace], None]


# What each read command does, as its help says it.
_HELP = {
    "state": "het hele akkoord nu, op een datum of zoals bekend op een moment",
    "history": "de geschiedenis van een doelstelling, op datum van ingang",
    "diff": "woordverschil tussen twee tekstversies van een doelstelling",
    "blame": "welke versie, datum en oorzaak elk stuk tekst maakte",
    "compare": "vergelijk twee vastgelegde versies, of één met nu",
    "changes": "elke wijziging sinds een datum of een vastgelegde versie",
}


def _command(
    commands: Any,
    name: str,
    read: Read,
    show: Show,
    goal: bool = False,
    as_json: Callable[[Any], Any] = lambda data: data,
) -> argparse.ArgumentParser:
    """A read command about an agreement (or one of its goals): what it reads is printed as
    JSON with --json (``as_json`` of it), else shown to a person."""
    parser: argparse.ArgumentParser = commands.add_parser(name, help=_HELP[name])
    if goal:
        parser.add_argument("goal_code", metavar="DOELSTELLING")
    add_agreement_option(parser)
    parser.add_argument("--json", action="store_true", help="uitvoer als JSON")

    def run(app: Negotiations, args: argparse.Namespace) -> int:
        data = read(app, args)
        if args.json:
            print_json(as_json(data))
        else:
            show(data, args)
        return 0

    parser.set_defaults(handler=closing(run))
    return parser


def parse_date(field: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            field, f"{field}: verwacht een datum als 2022-10-14, niet {text!r}"
        ) from None


def parse_moment(field: str, text: str | None) -> datetime | None:
    """A date alone means the end of that day: "known on 16 September" includes that day."""
    if text is None:
        return None
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time.max, tzinfo=UTC)
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            field, f"{field}: verwacht een datum of moment als 2022-10-14T12:00, niet {text!r}"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_version(field: str, text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise InvalidInput(field, f"{field}: verwacht een versienummer vanaf 1, niet {text!r}")
    return int(text)


def _goal(app: Negotiations, args: argparse.Namespace) -> UUID:
    return app.goal_id(choose_agreement(app, args.agreement), args.goal_code)


def _read_state(app: Negotiations, args: argparse.Namespace) -> Any:
    as_of = parse_date("--as-of", args.as_of)
    known_at = parse_moment("--known-at", args.known_at)
    return app.agreement_state(choose_agreement(app, args.agreement), MINISTRY, as_of, known_at)


def _show_state(state: Any, args: argparse.Namespace) -> None:
    clock = state["clock"]
    when = []
    if clock["as_of"]:
        when.append(f"stand op {human.day(clock['as_of'])}")
    if clock["known_at"]:
        when.append(f"bekend op {human.known_at(args.known_at, clock['known_at'])}")
    print(f"{state['agreement']['title']} ({', '.join(when) or 'nu'})")
    for priority in state["priorities"]:
        print(f"\n{priority['title']}")
        for goal in priority["goals"]:
            print(goal_line(goal))
            counts = ", ".join(f"{n} {human.stance(s)}" for s, n in goal["consensus"].items() if n)
            print(f"        consensus: {counts}")
            for party, stance in goal["stances"].items():
                flag = "  [opnieuw bevestigen]" if stance["needs_reconfirmation"] else ""
                print(f"        {party:<10} {stance_text(stance)}{flag}")
            for passage in goal["open_passages"]:
                print(f"        {human.passage(passage['status'])}: “{passage['quote']}”")
            for amendment in goal["pending_amendments"]:
                by = amendment["party_name"] or amendment["party"] or "?"
                print(f"        wijzigingsvoorstel van {by}: {amendment['reason']}")


def _read_history(app: Negotiations, args: argparse.Namespace) -> Any:
    return app.goal_history(_goal(app, args), MINISTRY, args.substantive)


def _show_history(history: Any, args: argparse.Namespace) -> None:
    goal = history["goal"]
    status = human.status(goal["status"])
    print(f"{goal['code']} {goal['title']} (versie {goal['version']}, {status})")
    for entry in history["entries"]:
        print(
            f"{human.day(entry['effective_date']):<17}  {sentence(entry)}\n"
            f"{'':<19}vastgelegd {human.moment(entry['recorded_at'])} "
            f"door {entry['recorded_by']}"
        )
        wording = entry.get("wording")
        if wording and wording["version"] > 1:
            print(f"{'':<19}{wording['diff_text']}")


def _read_diff(app: Negotiations, args: argparse.Namespace) -> Any:
    old = parse_version("VAN_VERSIE", args.from_version)
    new = parse_version("NAAR_VERSIE", args.to_version)
    return app.goal_diff(_goal(app, args), old, new, MINISTRY)


def _show_diff(diff: Any, args: argparse.Namespace) -> None:
    old, new = int(args.from_version), int(args.to_version)
    print(f"{diff['goal']['code']}: versie {old} → {new}")
    print(diff["text"])


def _read_blame(app: Negotiations, args: argparse.Namespace) -> Any:
    version = None if args.version is None else parse_version("--version", args.version)
    return app.provenance(_goal(app, args), version, MINISTRY)


def _show_blame(blamed: Any, args: argparse.Namespace) -> None:
    print(f"{blamed['goal']['code']} versie {blamed['version']}")
    for span in blamed["spans"]:
        first = "eerste tekst" if span["version"] == 1 else "eigen herziening"
        cause = cause_label(span["cause"]) or span["reason"] or first
        print(f"v{span['version']:<4} {human.day(span['effective_date'])}  {cause}")
        print(f"      {span['text']!r}")


def _read_compare(app: Negotiations, args: argparse.Namespace) -> Any:
    agreement = choose_agreement(app, args.agreement)
    return app.compare(agreement, args.baseline, args.other, MINISTRY)


def _show_compare(compared: Any, args: argparse.Namespace) -> None:
    print(f"{human.baseline(compared['from']['name'])} → {human.baseline(compared['to']['name'])}")
    for goal in compared["changed"]:
        print(f"  gewijzigd {goal['code']} v{goal['from_version']} → v{goal['to_version']}")
        print(f"      {goal['diff_text']}")
    for goal in compared["added"]:
        print(f"  toegevoegd {goal['code']} v{goal['version']}")
    for goal in compared["dropped"]:
        print(f"  vervallen {goal['code']} ({goal['reason']})")
    print(f"  ongewijzigd: {', '.join(compared['unchanged']) or '-'}")


def _read_changes(app: Negotiations, args: argparse.Namespace) -> Any:
    return app.changes_since(choose_agreement(app, args.agreement), args.since, MINISTRY)


def _show_changes(changes: Any, args: argparse.Namespace) -> None:
    print(f"{changes['count']} wijzigingen sinds {human.date_or_name(args.since)}")
    for entry in changes["agreement"]:
        print(f"  {human.day(entry['effective_date'])}  {sentence(entry)}")
    for goal in changes["goals"]:
        print(f"\n{goal['code']} {goal['title']}")
        for entry in goal["entries"]:
            print(f"  {human.day(entry['effective_date'])}  {sentence(entry)}")


def _run_rebuild(app: Negotiations, args: argparse.Namespace) -> int:
    shown = {"step": -1}

    def progress(done: int, total: int) -> None:
        step = done * 10 // max(total, 1)
        if sys.stderr.isatty() or step != shown["step"] or done == total:
            shown["step"] = step
            print(f"herbouw leesmodellen: {done}/{total}", file=sys.stderr)

    count = app.rebuild_read_models(progress)
    if args.json:
        print_json({"events": count})
    else:
        print(f"{count} gebeurtenissen verwerkt", file=sys.stderr)
    return 0
