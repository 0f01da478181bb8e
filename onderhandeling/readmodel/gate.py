"""The one visibility gate: what a reader may see of the read models.

Every row that can be internal carries its confidentiality (a position also counts its
meeting's); nothing is dropped or rewritten when rows are written. What a reader gets is
decided here, when they read: in SQL (`visible`), for rows already read (`may_see`,
`shown`), and for the table of standing positions, which is kept per audience (`audience`).
Pages, API schemas, documents and exports never decide it; they read through queries that
take the reader and come here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from onderhandeling.domain.values import Confidentiality
from onderhandeling.domain.visibility import Reader

INTERNAL = Confidentiality.INTERNAL.value
SHARED = Confidentiality.SHARED.value

# The standing positions (current_positions.py) are kept once for each audience: the
# ministry's includes internal positions, the committee's holds the latest shared one.
ALL = INTERNAL
SHARED_ONLY = SHARED


def visible(reader: Reader, column: str = "confidentiality") -> str:
    """The SQL condition (after WHERE … AND) that keeps out rows the reader may not see."""
    return "1 = 1" if reader.sees_internal else f"{column} <> '{INTERNAL}'"


def may_see(reader: Reader, confidentiality: str) -> bool:
    return reader.may_see(confidentiality)


def shown(
    reader: Reader, rows: Iterable[dict[str, Any]], column: str = "confidentiality"
) -> list[dict[str, Any]]:
    """The rows (already read) this reader may see."""
    return [row for row in rows if reader.may_see(row[column])]


def is_internal(confidentiality: str) -> bool:
    return confidentiality == INTERNAL


def combined(*confidentialities: str) -> str:
    """As internal as the most internal of them (a position in an internal meeting)."""
    return INTERNAL if INTERNAL in confidentialities else SHARED


def audience(reader: Reader) -> str:
    """Which kept audience of standing positions this reader reads."""
    return ALL if reader.sees_internal else SHARED_ONLY


def audiences_seeing(confidentiality: str) -> tuple[str, ...]:
    """The audiences a position of this confidentiality stands for."""
    return (ALL,) if confidentiality == INTERNAL else (ALL, SHARED_ONLY)
