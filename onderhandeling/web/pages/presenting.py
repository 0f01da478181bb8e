"""The pages' rendering of what the read models keep as data: a timeline entry's Dutch
sentence, a revision's cause, a word diff as HTML with Dutch screen-reader labels, and a
party by its name instead of its code. Registered as Jinja filters by templating.py."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Any

from jinja2 import Environment, pass_context
from markupsafe import Markup

from onderhandeling.domain.values import Confidentiality
from onderhandeling.dutch.labels import ROLE_LABELS
from onderhandeling.dutch.parties import short_name
from onderhandeling.dutch.timeline import cause_text, sentence

_NEWLINE_RE = re.compile(r"\r\n|\r|\n")

# The bracketed labels are visually hidden but read out by screen readers, so a change is
# announced as such; sighted users see the browser's strike-through/underline, not just colour.
_HTML_WRAPPERS: dict[str, tuple[str, str]] = {
    "equal": ("", ""),
    "delete": (
        '<del class="diff-del"><span class="visually-hidden">[verwijderd: </span>',
        '<span class="visually-hidden">]</span></del>',
    ),
    "insert": (
        '<ins class="diff-ins"><span class="visually-hidden">[ingevoegd: </span>',
        '<span class="visually-hidden">]</span></ins>',
    ),
}


def _html_text(text: str) -> str:
    return _NEWLINE_RE.sub("<br>\n", html.escape(text, quote=True))


def diff_to_html(ops: Iterable[Any]) -> Markup:
    """A word diff ({"kind", "text"} operations, or DiffOps) as escaped HTML with
    ``<del>``/``<ins>`` and screen-reader labels."""
    parts: list[str] = []
    for op in ops:
        kind, text = (op["kind"], op["text"]) if isinstance(op, Mapping) else (op.kind, op.text)
        opening, closing = _HTML_WRAPPERS[kind]
        parts.append(f"{opening}{_html_text(text)}{closing}")
    return Markup("".join(parts))  # every text is escaped above


class PartyNames:
    """Every party's short and full name by code, read once per request."""

    def __init__(self, parties: Iterable[Any]) -> None:
        self.full: dict[str, str] = {}
        self.short: dict[str, str] = {}
        for party in parties:
            code, name = str(party["code"]), str(party["name"])
            self.full[code] = name or code
            self.short[code] = short_name(code, name)


def party_names(context: Mapping[str, Any]) -> PartyNames:
    """The parties of the page's context (``party_names``), else of the request's service,
    remembered on the request."""
    given = context.get("party_names")
    if isinstance(given, PartyNames):
        return given
    request = context.get("request")
    if request is None:
        return PartyNames(())
    names = getattr(request.state, "party_names", None)
    if names is None:
        names = PartyNames(request.app.state.negotiations.parties())
        request.state.party_names = names
    return names


@pass_context
def party_short(context: Mapping[str, Any], code: Any) -> str:
    """A party code as the party's short name ("MBORAAD" → "MBO Raad")."""
    return party_names(context).short.get(str(code), "" if code is None else str(code))


@pass_context
def party_full(context: Mapping[str, Any], code: Any) -> str:
    """A party code as the party's full name."""
    return party_names(context).full.get(str(code), "" if code is None else str(code))


@pass_context
def party_choices(context: Mapping[str, Any], pairs: Iterable[tuple[Any, Any]]) -> list[Any]:
    """(value, party code) choices of a select as (value, short name)."""
    short = party_names(context).short
    return [(value, short.get(str(code), code)) for value, code in pairs]


@pass_context
def event_sentence(context: Mapping[str, Any], entry: Mapping[str, Any]) -> str:
    """A timeline entry's Dutch sentence, parties by their short names."""
    return sentence(entry, party_names(context).short)


@pass_context
def version_cause(context: Mapping[str, Any], version: Mapping[str, Any]) -> str:
    """A wording version's cause in Dutch, a party by its short name."""
    return cause_text(version, party_names(context).short)


# Confidentiality in Dutch; the values themselves exist only in the enum.
CONFIDENTIALITY_LABELS = {
    Confidentiality.SHARED.value: "gedeeld",
    Confidentiality.INTERNAL.value: "intern",
}


def register(env: Environment) -> None:
    """Add the filters: ``gebeurtenis`` (an entry's sentence), ``herkomst`` (a version's
    cause), ``verschil`` (a diff as HTML), ``partij``/``partijnaam`` (a party code as its
    short or full name), ``rol`` and ``vertrouwelijkheid`` (stored values in Dutch)."""
    env.filters["gebeurtenis"] = event_sentence
    env.filters["partij"] = party_short
    env.filters["partijnaam"] = party_full
    env.filters["partij_opties"] = party_choices
    env.filters["rol"] = lambda role: ROLE_LABELS.get(role, role)
    env.filters["vertrouwelijkheid"] = lambda value: CONFIDENTIALITY_LABELS.get(value, value)
    env.filters["herkomst"] = version_cause
    env.filters["verschil"] = diff_to_html
