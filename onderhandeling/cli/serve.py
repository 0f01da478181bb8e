"""Commands for the web application: accounts, API tokens and the server."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from onderhandeling.accounts.store import ROLES, AccountStore, create_account
from onderhandeling.cli.core import open_app
from onderhandeling.domain.errors import InvalidInput


def register(commands: Any) -> None:
    user = commands.add_parser("user", help="local accounts of the web application")
    user_commands = user.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    add = user_commands.add_parser("add", help="add an account (asks for the password twice)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    add.set_defaults(handler=run_user_add)
    listing = user_commands.add_parser("list", help="list the accounts and their roles")
    listing.set_defaults(handler=run_user_list)

    token = commands.add_parser("token", help="API tokens")
    token_commands = token.add_subparsers(dest="token_command", required=True, metavar="ACTION")
    create = token_commands.add_parser(
        "create", help="make an API token that acts as account NAME (printed once)"
    )
    create.add_argument("name", metavar="NAME")
    create.set_defaults(handler=run_token_create)
    revoke = token_commands.add_parser("revoke", help="revoke every API token of account NAME")
    revoke.add_argument("name", metavar="NAME")
    revoke.set_defaults(handler=run_token_revoke)

    serve = commands.add_parser("serve", help="run the web application")
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
        raise InvalidInput("password", "the two passwords differ")
    return first


def run_user_add(args: argparse.Namespace) -> int:
    password = read_password(args.password_stdin)
    app = open_app()
    try:
        account = create_account(app, args.name, args.role, password)
    finally:
        app.close()
    print(f"Account {account.name} ({account.role}) aangemaakt.")
    return 0


def run_user_list(args: argparse.Namespace) -> int:
    app = open_app()
    try:
        for account in AccountStore(app.database).all():
            print(f"{account.name:<30} {account.role}")
    finally:
        app.close()
    return 0


def run_token_create(args: argparse.Namespace) -> int:
    app = open_app()
    try:
        token = AccountStore(app.database).create_token(args.name)
    finally:
        app.close()
    print(token)
    print(
        f"Dit token werkt als account {args.name}; het wordt niet opnieuw getoond.",
        file=sys.stderr,
    )
    return 0


def run_token_revoke(args: argparse.Namespace) -> int:
    app = open_app()
    try:
        count = AccountStore(app.database).revoke_tokens(args.name)
    finally:
        app.close()
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
