"""An account of the web application: its name, role and the person it records as, and the
rules for names, roles and passwords. Accounts are made on the command line only, so its
refusals are said in Dutch."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from onderhandeling.domain.errors import InvalidInput

ROLES = ("beheerder", "onderhandelaar", "stuurgroep")
WRITER_ROLES = frozenset({"beheerder", "onderhandelaar"})
MIN_PASSWORD = 8
MAX_PASSWORD = 1024


@dataclass(frozen=True)
class Account:
    name: str
    person_id: UUID
    role: str

    @property
    def can_write(self) -> bool:
        return self.role in WRITER_ROLES


def check_name(name: str) -> str:
    """Account names: 1–64 letters, digits, '-', '_', '.' or '@'."""
    if not 1 <= len(name) <= 64 or not all(ch.isalnum() or ch in "-_.@" for ch in name):
        raise InvalidInput(
            "name", "een accountnaam heeft 1 tot 64 letters, cijfers, '-', '_', '.' of '@'"
        )
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidInput("role", f"de rol is een van: {', '.join(ROLES)}")
    return role


def check_password(password: str) -> str:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InvalidInput(
            "password", f"een wachtwoord heeft {MIN_PASSWORD} tot {MAX_PASSWORD} tekens"
        )
    return password
