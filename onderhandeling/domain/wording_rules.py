"""The rules about a goal's texts that need no more of the goal than its wording: quotes and
their occurrences, what an amendment proposes and what adopting it makes of the wording,
which open passages a revision orphans. Goal (goal.py) calls them before it triggers events.
"""

from __future__ import annotations

from collections.abc import Container
from datetime import date
from typing import Any
from uuid import UUID

from onderhandeling.domain import values
from onderhandeling.domain.errors import (
    AmbiguousQuote,
    EmptyValue,
    NoSuchOccurrence,
    NotFound,
    QuoteNotFound,
    TooLong,
)
from onderhandeling.domain.plausibility import DateWindow


def occurrence_of(code: str, wording: str, quote: str, occurrence: int | None) -> int:
    """Which occurrence of the quote is meant (1 for the first). A quote found more than once
    needs it said: which of the identical spans is meant cannot be guessed."""
    values.text("quote", quote, values.MAX_WORDING)
    count = wording.count(quote)
    if count == 0:
        raise QuoteNotFound(f"goal {code}: the quoted passage is not in the wording")
    if occurrence is None and count > 1:
        raise AmbiguousQuote(
            "occurrence",
            f"goal {code}: the quoted passage occurs {count} times in the wording; say which "
            f"occurrence (1 to {count}) is meant",
            occurrences=count,
        )
    if occurrence is not None and not 1 <= occurrence <= count:
        raise NoSuchOccurrence(
            "occurrence",
            f"goal {code}: the quoted passage occurs {count} time(s); occurrence {occurrence} "
            "does not exist",
        )
    return occurrence or 1


def orphaned_by(passages: dict[str, dict[str, Any]], text: str) -> list[str]:
    """The open passages whose quote (at its occurrence) a new wording no longer holds."""
    return [
        passage_id
        for passage_id, passage in passages.items()
        if passage["status"] == "open"
        and text.count(passage["quote"]) < passage.get("occurrence", 1)
    ]


def proposal(
    code: str, wording: str, text: str | None, quote: str | None, replacement: str | None
) -> str | None:
    """Check an amendment: a whole new text, or a quoted passage with its replacement (empty
    to delete it). Returns the replacement to store (None for a whole text)."""
    if (text is None) == (quote is None):
        raise values.InvalidInput(
            "text", "give either a whole proposed text or a quoted passage with its replacement"
        )
    if quote is None:
        values.text("text", text or "", values.MAX_WORDING)
        return None
    values.text("quote", quote, values.MAX_WORDING)
    if quote not in wording:
        raise QuoteNotFound(f"goal {code}: the quoted passage is not in the wording")
    if replacement is None:
        raise EmptyValue("replacement", "a passage amendment needs a replacement")
    if len(replacement) > values.MAX_WORDING:
        raise TooLong("replacement", "replacement is too long", limit=values.MAX_WORDING)
    return replacement


def adopted_wording(
    code: str, wording: str, version: int, amendment: dict[str, Any], adopted: str
) -> str:
    """The wording once the adopted text is put in: the whole new text, or the quoted passage
    replaced (refused when the quote has left the wording since)."""
    quote = amendment["quote"]
    if quote is None:
        return values.text("adopted_text", adopted, values.MAX_WORDING)
    if len(adopted) > values.MAX_WORDING:
        raise TooLong("adopted_text", "adopted text is too long", limit=values.MAX_WORDING)
    if quote not in wording:
        raise QuoteNotFound(
            f"goal {code}: the quoted passage of this amendment is no longer in the wording "
            f"(version {version}); revise the wording by hand instead"
        )
    return wording.replace(quote, adopted, 1)


def checked_actions(
    actions: list[dict[str, Any]],
    participants: Container[UUID],
    window: DateWindow | None = None,
) -> list[dict[str, Any]]:
    """Actions as stored: each {"what", "parties" (aan zet, taking part), "due"}. A due that
    is an ISO date is a planned date: within the window when one is given. Fields of a
    refusal are named by position (actions.2.due), so a form can mark the row."""
    if len(actions) > values.MAX_LIST_ITEMS:
        raise values.InvalidInput("actions", "too many actions")
    checked = []
    for index, action in enumerate(actions):
        at = f"actions.{index}."
        parties = values.ids([UUID(str(p)) for p in action.get("parties", [])])
        for party_id in parties:
            if party_id not in participants:
                raise NotFound(
                    "an action names a party outside the agreement", field=f"{at}parties"
                )
        due = values.optional_text(f"{at}due", action.get("due"), values.MAX_SHORT)
        if window is not None and _is_iso_date(due):
            window.planned(f"{at}due", date.fromisoformat(due))
        checked.append(
            {
                "what": values.text(f"{at}what", action.get("what", "")),
                "parties": parties,
                "due": due,
            }
        )
    return checked


def _is_iso_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10
