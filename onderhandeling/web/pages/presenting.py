"""The pages' rendering of what the read models keep as data: a timeline entry's Dutch
sentence, a revision's cause, and a word diff as HTML with Dutch screen-reader labels.
Registered as Jinja filters by templating.py."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

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


def register(env: Environment) -> None:
    """Add the filters: ``gebeurtenis`` (an entry's sentence), ``herkomst`` (a version's
    cause) and ``verschil`` (a diff as HTML)."""
    env.filters["gebeurtenis"] = sentence
    env.filters["herkomst"] = cause_text
    env.filters["verschil"] = diff_to_html
