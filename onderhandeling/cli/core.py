"""Core commands: demo, status, export and import (the reads are in reads.py)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol
from uuid import UUID

from pydantic_core import to_jsonable_python

from onderhandeling.cli import human
from onderhandeling.domain.errors import NotFound
from onderhandeling.service import Negotiations, StatusOut

Handler = Callable[[argparse.Namespace], int]


class CommandModule(Protocol):
    def register(self, commands: Any) -> None: ...


def register(commands: Any) -> None:
    demo = commands.add_parser("demo", help="laad de demo-onderhandeling in een lege opslag")
    demo.add_argument(
        "--if-empty",
        action="store_true",
        help="doe niets (exitcode 0) als de opslag al gegevens bevat",
    )
    demo.set_defaults(handler=run_demo)

    status = commands.add_parser(
        "status", help="per akkoord, prioriteit en doelstelling: versie, status, standpunten"
    )
    add_agreement_option(status)
    status.add_argument("--json", action="store_true", help="uitvoer als JSON")
    status.set_defaults(handler=closing(run_status))

    export = commands.add_parser(
        "export", help="schrijf het hele gebeurtenissenlogboek als JSON Lines"
    )
    export.add_argument("file", metavar="BESTAND", type=Path)
    export.set_defaults(handler=closing(run_export))

    load = commands.add_parser("import", help="lees een export in een lege opslag in")
    load.add_argument("file", metavar="BESTAND", type=Path)
    load.set_defaults(handler=closing(run_import))


def add_agreement_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--agreement",
        metavar="ID",
        help="id of titel van het akkoord (standaard: het eerste akkoord)",
    )


def open_app() -> Negotiations:
    return Negotiations()


def closing(run: Callable[[Negotiations, argparse.Namespace], int]) -> Handler:
    """A handler that opens the store, runs, and always closes it (PostgreSQL connections
    must not outlive the command, e.g. when main() runs many times in one process)."""

    def handler(args: argparse.Namespace) -> int:
        app = open_app()
        try:
            return run(app, args)
        finally:
            app.close()

    return handler


def choose_agreement(app: Negotiations, given: str | None) -> UUID:
    agreements = app.agreements()
    if given:
        for agreement in agreements:
            if given in (agreement["id"], agreement["title"]):
                return UUID(agreement["id"])
        raise NotFound(f"akkoord {given!r} niet gevonden")
    if not agreements:
        raise NotFound("de opslag bevat nog geen akkoord (probeer: onderhandeling demo)")
    return UUID(agreements[0]["id"])


def print_json(data: object) -> None:
    """Data as JSON; typed read results by their field names (or aliases), as the API gives them."""
    print(json.dumps(to_jsonable_python(data, by_alias=True), ensure_ascii=False, indent=2))


def progress_bar(label: str) -> Any:
    def show(done: int, total: int) -> None:
        if sys.stderr.isatty() or done == total:
            print(f"\r{label}: {done}/{total}", end="\n" if done == total else "", file=sys.stderr)

    return show


def run_demo(args: argparse.Namespace) -> int:
    from onderhandeling.demo.loader import load_demo

    app = open_app()
    if args.if_empty and (app.recorder.max_notification_id() or 0) > 0:
        print("De opslag bevat al gegevens; demo niet opnieuw geladen.", file=sys.stderr)
        return 0
    agreement_id = load_demo(app)
    print(f"Demo geladen: akkoord {agreement_id} in {app.database.describe()}")
    # Demo accounts only ever go into a store that the demo itself filled.
    from onderhandeling.accounts.store import DEMO_PASSWORD, create_demo_accounts

    names = create_demo_accounts(app)
    print(f"Demo-accounts (wachtwoord {DEMO_PASSWORD}): {', '.join(names)}")
    return 0


def run_status(app: Negotiations, args: argparse.Namespace) -> int:
    if args.agreement:
        chosen = [choose_agreement(app, args.agreement)]
    else:
        chosen = [UUID(a["id"]) for a in app.agreements()]
    statuses = [app.status(agreement_id) for agreement_id in chosen]
    if args.json:
        print_json({"agreements": statuses})
        return 0
    if not statuses:
        print("De opslag bevat nog geen akkoord (probeer: onderhandeling demo).")
    for status in statuses:
        print_status(status)
    return 0


def print_status(status: StatusOut) -> None:
    print(status["agreement"]["title"])
    if status["signed_on"]:
        print(f"Ondertekend op {human.day(status['signed_on'])}")
    print("Partijen:")
    for party in status["parties"]:
        print(f"  {human.party_line(party)}")
    for priority in status["priorities"]:
        print(f"\n{priority['title']}")
        for goal in priority["goals"]:
            print(goal_line(goal))
            for party, stance in sorted(goal["stances"].items()):
                print(f"        {party:<10} {stance_text(stance)}")
    print()


def goal_line(goal: Any) -> str:
    """A goal in an overview: code, wording version, status in Dutch and title."""
    status = human.status(goal["status"])
    return f"  {goal['code']:<5} v{goal['version']:<3} {status:<18} {goal['title']}"


def stance_text(stance: Any) -> str:
    """A party's standing position: "steunt (7 september 2022)"."""
    return f"{human.stance(stance['stance'])} ({human.day(stance['effective_date'])})"


def run_export(app: Negotiations, args: argparse.Namespace) -> int:
    from onderhandeling.service.transfer import export_events

    with args.file.open("w", encoding="utf-8", newline="\n") as out:
        count = export_events(app, out, progress_bar("exporteren"))
    print(f"{count} gebeurtenissen geschreven naar {args.file}", file=sys.stderr)
    return 0


def run_import(app: Negotiations, args: argparse.Namespace) -> int:
    from onderhandeling.service.transfer import import_events

    count = import_events(app, args.file, progress_bar("inlezen"))
    print(f"{count} gebeurtenissen ingelezen uit {args.file}", file=sys.stderr)
    return 0
