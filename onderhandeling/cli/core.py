"""Core commands: demo, status, export and import (history lives in cli_projections)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Protocol
from uuid import UUID

from pydantic_core import to_jsonable_python

from onderhandeling.domain.errors import NotFound
from onderhandeling.dutch.labels import STANCE_LABELS
from onderhandeling.service import Negotiations, StatusOut


class CommandModule(Protocol):
    def register(self, commands: Any) -> None: ...


def register(commands: Any) -> None:
    demo = commands.add_parser("demo", help="load the demo negotiation into an empty store")
    demo.add_argument(
        "--if-empty", action="store_true", help="do nothing (exit 0) when the store has data"
    )
    demo.set_defaults(handler=run_demo)

    status = commands.add_parser(
        "status", help="per agreement, priority and goal: version, status, stances"
    )
    add_agreement_option(status)
    status.add_argument("--json", action="store_true", help="print JSON")
    status.set_defaults(handler=run_status)

    export = commands.add_parser("export", help="write the whole event log as JSON Lines")
    export.add_argument("file", metavar="FILE", type=Path)
    export.set_defaults(handler=run_export)

    load = commands.add_parser("import", help="load an export into an empty store")
    load.add_argument("file", metavar="FILE", type=Path)
    load.set_defaults(handler=run_import)


def add_agreement_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--agreement", metavar="ID", help="agreement id or title (default: the first agreement)"
    )


def open_app() -> Negotiations:
    return Negotiations()


def choose_agreement(app: Negotiations, given: str | None) -> UUID:
    agreements = app.agreements()
    if given:
        for agreement in agreements:
            if given in (agreement["id"], agreement["title"]):
                return UUID(agreement["id"])
        raise NotFound(f"agreement {given!r} not found")
    if not agreements:
        raise NotFound("the store holds no agreement yet (try: onderhandeling demo)")
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


def run_status(args: argparse.Namespace) -> int:
    app = open_app()
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
        print(f"Ondertekend op {status['signed_on']}")
    print("Partijen: " + ", ".join(p["code"] for p in status["parties"]))
    for priority in status["priorities"]:
        print(f"\n{priority['title']}")
        for goal in priority["goals"]:
            print(f"  {goal['code']:<5} v{goal['version']:<3} {goal['status']:<15} {goal['title']}")
            for party, stance in sorted(goal["stances"].items()):
                label = STANCE_LABELS.get(stance["stance"], stance["stance"])
                print(f"        {party:<10} {label} ({stance['effective_date']})")
    print()


def run_export(args: argparse.Namespace) -> int:
    from onderhandeling.service.transfer import export_events

    app = open_app()
    with args.file.open("w", encoding="utf-8", newline="\n") as out:
        count = export_events(app, out, progress_bar("export"))
    print(f"{count} gebeurtenissen geschreven naar {args.file}", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from onderhandeling.service.transfer import import_events

    app = open_app()
    count = import_events(app, args.file, progress_bar("import"))
    print(f"{count} gebeurtenissen ingelezen uit {args.file}", file=sys.stderr)
    return 0
