"""Commands for the web application: accounts, API tokens and the server."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from onderhandeling.accounts.store import ROLES, AccountStore, create_account
from onderhandeling.cli.core import closing
from onderhandeling.domain.errors import InvalidInput
from onderhandeling.service import Negotiations


def register(commands: Any) -> None:
    user = commands.add_parser("user", help="lokale accounts van de webapplicatie")
    user_commands = user.add_subparsers(dest="user_command", required=True, metavar="ACTIE")
    add = user_commands.add_parser(
        "add", help="voeg een account toe (vraagt twee keer om het wachtwoord)"
    )
    add.add_argument("name", metavar="NAAM")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument(
        "--password-stdin", action="store_true", help="lees het wachtwoord van standaardinvoer"
    )
    add.set_defaults(handler=run_user_add)
    listing = user_commands.add_parser("list", help="toon de accounts en hun rollen")
    listing.set_defaults(handler=run_user_list)

    token = commands.add_parser("token", help="API-tokens")
    token_commands = token.add_subparsers(dest="token_command", required=True, metavar="ACTIE")
    create = token_commands.add_parser(
        "create", help="maak een API-token dat optreedt als account NAAM (één keer getoond)"
    )
    create.add_argument("name", metavar="NAAM")
    create.set_defaults(handler=run_token_create)
    revoke = token_commands.add_parser("revoke", help="trek elk API-token van account NAAM in")
    revoke.add_argument("name", metavar="NAAM")
    revoke.set_defaults(handler=run_token_revoke)

    serve = commands.add_parser("serve", help="start de webapplicatie")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(handler=run_serve)


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Wachtwoord: ")
    second = getpass.getpass("Wachtwoord (nogmaals): ")
    if first != second:
        raise InvalidInput("password", "de twee wachtwoorden verschillen")
    return first


@closing
def run_user_add(app: Negotiations, args: argparse.Namespace) -> int:
    account = create_account(app, args.name, args.role, read_password(args.password_stdin))
    print(f"Account {account.name} ({account.role}) aangemaakt.")
    return 0


@closing
def run_user_list(app: Negotiations, args: argparse.Namespace) -> int:
    for account in AccountStore(app.database).all():
        print(f"{account.name:<30} {account.role}")
    return 0


@closing
def run_token_create(app: Negotiations, args: argparse.Namespace) -> int:
    print(AccountStore(app.database).create_token(args.name))
    print(
        f"Dit token werkt als account {args.name}; het wordt niet opnieuw getoond.",
        file=sys.stderr,
    )
    return 0


@closing
def run_token_revoke(app: Negotiations, args: argparse.Namespace) -> int:
    count = AccountStore(app.database).revoke_tokens(args.name)
    print(f"{count} token(s) ingetrokken.")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from onderhandeling.web.nodelay import PROTOCOL

    uvicorn.run(
        "onderhandeling.web.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        http=PROTOCOL,
    )
    return 0
