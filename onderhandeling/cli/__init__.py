"""The `onderhandeling` command line: one entry point, sub-commands registered by topic."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from onderhandeling.cli import core as cli_core
from onderhandeling.cli import human
from onderhandeling.cli.parser import DutchParser
from onderhandeling.config import ConfigurationError
from onderhandeling.domain.errors import DomainError


def build_parser() -> argparse.ArgumentParser:
    parser = DutchParser(
        prog="onderhandeling",
        description="Volgt beleidsonderhandelingen tussen meerdere partijen.",
        epilog="De opslag staat in ONDERHANDELING_DATABASE_URL "
        "(standaard sqlite:///data/onderhandeling.sqlite).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="OPDRACHT")
    for module in _command_modules():
        module.register(commands)
    return parser


def _command_modules() -> list[cli_core.CommandModule]:
    modules: list[cli_core.CommandModule] = [cli_core]
    # Later topics add their commands here (projections, web).
    for name in ("onderhandeling.cli.reads", "onderhandeling.cli.serve"):
        try:
            modules.append(__import__(name, fromlist=["register"]))
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
    return modules


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result: int = args.handler(args)
    except DomainError as error:
        print(f"onderhandeling: {human.refusal(error)}", file=sys.stderr)
        return 2
    except ConfigurationError as error:
        print(f"onderhandeling: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # a file that cannot be read or written, a database that is down
        print(f"onderhandeling: {error}", file=sys.stderr)
        return 1
    return result


if __name__ == "__main__":
    sys.exit(main())
