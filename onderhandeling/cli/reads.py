"""Commands over the read models: state, history, diff, blame, compare, changes, rebuild."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any
from uuid import UUID

from onderhandeling.cli.core import (
    add_agreement_option,
    choose_agreement,
    open_app,
    print_json,
)
from onderhandeling.domain.errors import InvalidInput
from onderhandeling.domain.visibility import MINISTRY
from onderhandeling.dutch.labels import STANCE_LABELS
from onderhandeling.dutch.timeline import cause_label, sentence
from onderhandeling.service import NOW, Negotiations

Handler = Callable[[argparse.Namespace], int]


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


def register(commands: Any) -> None:
    state = commands.add_parser("state", help="the whole agreement now, on a date, or as known")
    state.add_argument("--as-of", metavar="DATE", help="as it stood on this date (took effect)")
    state.add_argument(
        "--known-at", metavar="DATETIME", help="as recorded by this moment (UTC unless given)"
    )
    _common(state, closing(_run_state))

    history = commands.add_parser("history", help="a goal's history, by effective date")
    history.add_argument("goal_code", metavar="GOAL_CODE")
    history.add_argument("--substantive", action="store_true", help="leave out editorial changes")
    _common(history, closing(_run_history))

    diff = commands.add_parser("diff", help="word diff between two wording versions of a goal")
    diff.add_argument("goal_code", metavar="GOAL_CODE")
    diff.add_argument("from_version", metavar="FROM_VERSION")
    diff.add_argument("to_version", metavar="TO_VERSION")
    _common(diff, closing(_run_diff))

    blame = commands.add_parser("blame", help="which version, date and cause made each span")
    blame.add_argument("goal_code", metavar="GOAL_CODE")
    blame.add_argument("--version", metavar="N", help="wording version (default: current)")
    _common(blame, closing(_run_blame))

    compare = commands.add_parser("compare", help="compare two baselines, or one with now")
    compare.add_argument("baseline", metavar="BASELINE")
    compare.add_argument("other", metavar="BASELINE|now", nargs="?", default=NOW)
    _common(compare, closing(_run_compare))

    changes = commands.add_parser("changes", help="every change since a date or a baseline")
    changes.add_argument("--since", metavar="DATE|BASELINE", required=True)
    _common(changes, closing(_run_changes))

    rebuild = commands.add_parser("rebuild", help="drop the read models and rebuild them")
    rebuild.add_argument("--json", action="store_true", help="print JSON")
    rebuild.set_defaults(handler=closing(_run_rebuild))


def _common(parser: argparse.ArgumentParser, handler: Handler) -> None:
    add_agreement_option(parser)
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=handler)


def parse_date(field: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            field, f"{field}: expected a date like 2022-10-14, got {text!r}"
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
            field, f"{field}: expected a date or date-time like 2022-10-14T12:00, got {text!r}"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_version(field: str, text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise InvalidInput(field, f"{field}: expected a version number from 1, got {text!r}")
    return int(text)


def _goal(app: Negotiations, args: argparse.Namespace) -> UUID:
    return app.goal_id(choose_agreement(app, args.agreement), args.goal_code)


def _run_state(app: Negotiations, args: argparse.Namespace) -> int:
    as_of = parse_date("--as-of", args.as_of)
    known_at = parse_moment("--known-at", args.known_at)
    state = app.agreement_state(choose_agreement(app, args.agreement), MINISTRY, as_of, known_at)
    if args.json:
        print_json(state)
        return 0
    clock = state["clock"]
    when = []
    if clock["as_of"]:
        when.append(f"stand op {clock['as_of']}")
    if clock["known_at"]:
        when.append(f"bekend op {clock['known_at']}")
    print(f"{state['agreement']['title']} ({', '.join(when) or 'nu'})")
    for priority in state["priorities"]:
        print(f"\n{priority['title']}")
        for goal in priority["goals"]:
            print(f"  {goal['code']:<5} v{goal['version']:<3} {goal['status']:<15} {goal['title']}")
            counts = ", ".join(
                f"{n} {STANCE_LABELS.get(s, s)}" for s, n in goal["consensus"].items() if n
            )
            print(f"        consensus: {counts}")
            for party, stance in goal["stances"].items():
                flag = "  [opnieuw bevestigen]" if stance["needs_reconfirmation"] else ""
                label = STANCE_LABELS.get(stance["stance"], stance["stance"])
                print(f"        {party:<10} {label} ({stance['effective_date']}){flag}")
            for passage in goal["open_passages"]:
                print(f"        open passage ({passage['status']}): “{passage['quote']}”")
            for amendment in goal["pending_amendments"]:
                print(f"        wijzigingsvoorstel {amendment['party']}: {amendment['reason']}")
    return 0


def _run_history(app: Negotiations, args: argparse.Namespace) -> int:
    history = app.goal_history(_goal(app, args), MINISTRY, args.substantive)
    if args.json:
        print_json(history["entries"])  # a list, as before the read models
        return 0
    goal = history["goal"]
    print(f"{goal['code']} {goal['title']} (versie {goal['version']}, {goal['status']})")
    for entry in history["entries"]:
        print(
            f"{entry['effective_date']}  {sentence(entry)}\n"
            f"            vastgelegd {entry['recorded_at'][:16]} door {entry['recorded_by']}"
        )
        wording = entry.get("wording")
        if wording and wording["version"] > 1:
            print(f"            {wording['diff_text']}")
    return 0


def _run_diff(app: Negotiations, args: argparse.Namespace) -> int:
    old = parse_version("FROM_VERSION", args.from_version)
    new = parse_version("TO_VERSION", args.to_version)
    diff = app.goal_diff(_goal(app, args), old, new, MINISTRY)
    if args.json:
        print_json(diff)
        return 0
    print(f"{diff['goal']['code']}: versie {old} → {new}")
    print(diff["text"])
    return 0


def _run_blame(app: Negotiations, args: argparse.Namespace) -> int:
    version = None if args.version is None else parse_version("--version", args.version)
    blamed = app.provenance(_goal(app, args), version, MINISTRY)
    if args.json:
        print_json(blamed)
        return 0
    print(f"{blamed['goal']['code']} versie {blamed['version']}")
    for span in blamed["spans"]:
        cause = cause_label(span["cause"]) or span["reason"]
        print(f"v{span['version']:<4} {span['effective_date']}  {cause}")
        print(f"      {span['text']!r}")
    return 0


def _run_compare(app: Negotiations, args: argparse.Namespace) -> int:
    compared = app.compare(
        choose_agreement(app, args.agreement), args.baseline, args.other, MINISTRY
    )
    if args.json:
        print_json(compared)
        return 0
    print(f"{compared['from']['name']} → {compared['to']['name']}")
    for goal in compared["changed"]:
        print(f"  gewijzigd {goal['code']} v{goal['from_version']} → v{goal['to_version']}")
        print(f"      {goal['diff_text']}")
    for goal in compared["added"]:
        print(f"  toegevoegd {goal['code']} v{goal['version']}")
    for goal in compared["dropped"]:
        print(f"  vervallen {goal['code']} ({goal['reason']})")
    print(f"  ongewijzigd: {', '.join(compared['unchanged']) or '-'}")
    return 0


def _run_changes(app: Negotiations, args: argparse.Namespace) -> int:
    changes = app.changes_since(choose_agreement(app, args.agreement), args.since, MINISTRY)
    if args.json:
        print_json(changes)
        return 0
    print(f"{changes['count']} wijzigingen sinds {args.since}")
    for entry in changes["agreement"]:
        print(f"  {entry['effective_date']}  {sentence(entry)}")
    for goal in changes["goals"]:
        print(f"\n{goal['code']} {goal['title']}")
        for entry in goal["entries"]:
            print(f"  {entry['effective_date']}  {sentence(entry)}")
    return 0


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
