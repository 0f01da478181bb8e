"""The Jinja2 environment of the HTML pages: Dutch filters, the common context, and one
render function that answers an htmx request with a named block of the page template."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from jinja2 import pass_context
from jinja2_fragments.fastapi import Jinja2Blocks
from starlette.datastructures import URL

from onderhandeling.domain.values import Confidentiality
from onderhandeling.dutch.dates import format_date, format_datetime
from onderhandeling.dutch.labels import (
    CAUSE_LABELS,
    KIND_LABELS,
    MEETING_KIND_LABELS,
    OUTCOME_LABELS,
    STANCE_LABELS,
    STATUS_LABELS,
)
from onderhandeling.web import security
from onderhandeling.web.pages import presenting
from onderhandeling.web.pages.current_agreement import agreement_id_of

TEMPLATE_DIR = Path(__file__).parent.parent / "templates"

# Short symbols for the party × goal matrix: readable without colour, explained in a legend.
STANCE_SYMBOLS = {
    "supports": "✔",
    "conditional": "✔*",
    "neutral": "○",
    "objects": "✖",
    "blocks": "✖✖",
    "unknown": "?",
}

templates = Jinja2Blocks(directory=str(TEMPLATE_DIR))
# Templates ship with the code and do not change while it runs: without this, Jinja looks up
# every template file's modification time on every render (7% of a busy server's time).
templates.env.auto_reload = False


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value)
    try:
        if "T" in text or " " in text:
            return datetime.fromisoformat(text)
        return date.fromisoformat(text)
    except ValueError:
        return None


def datum(value: Any) -> str:
    """A date (or ISO text) as "14 oktober 2022"; empty for nothing."""
    moment = _as_date(value)
    return "" if moment is None else format_date(moment)


def datumtijd(value: Any) -> str:
    """A moment (or ISO text) as "14 oktober 2022, 09:05" in Dutch local time."""
    moment = _as_date(value)
    if moment is None:
        return ""
    if not isinstance(moment, datetime):
        return format_date(moment)
    return format_datetime(moment)


def _label(labels: Mapping[Any, str]) -> Any:
    def lookup(value: Any) -> str:
        return labels.get(value, str(value))

    return lookup


templates.env.filters["datum"] = datum
templates.env.filters["datumtijd"] = datumtijd
templates.env.filters["standpunt"] = _label(STANCE_LABELS)
templates.env.filters["standpunt_symbool"] = _label(STANCE_SYMBOLS)
templates.env.filters["status"] = _label(STATUS_LABELS)
templates.env.filters["overlegsoort"] = _label(MEETING_KIND_LABELS)
templates.env.filters["uitkomst"] = _label(OUTCOME_LABELS)
templates.env.filters["oorzaak"] = _label(CAUSE_LABELS)
templates.env.filters["soort"] = _label(KIND_LABELS)
presenting.register(templates.env)
# Up to this many wording versions, the goal page's compare form lists them all to choose from.
templates.env.globals["VERSIONS_LISTED"] = 60
templates.env.globals["STANCE_LABELS"] = STANCE_LABELS
templates.env.globals["STANCE_SYMBOLS"] = STANCE_SYMBOLS
templates.env.globals["MEETING_KIND_LABELS"] = MEETING_KIND_LABELS
templates.env.globals["OUTCOME_LABELS"] = OUTCOME_LABELS
# Templates compare a row's confidentiality to the enum, never to a spelt-out value.
templates.env.globals["INTERNAL"] = Confidentiality.INTERNAL


# Path parameter values that appear in a URL exactly as written (ids, codes).
_PLAIN = re.compile(r"[A-Za-z0-9_~-]+")


URL_PATTERNS_KEPT = 512  # per app; the base URL in the key comes from the Host header


def _url_pattern(
    request: Request, patterns: dict[Any, tuple[str, str]], name: str, names: tuple[str, ...]
) -> tuple[str, str]:
    """(scheme, host and root path; the route's path with a placeholder per parameter),
    remembered in the app's dict (bounded: emptied when full)."""
    key = (str(request.base_url), name, names)
    found = patterns.get(key)
    if found is None:
        placeholders = {param: f"PLACEHOLDER{i}X" for i, param in enumerate(names)}
        path = str(request.url_for(name, **placeholders))
        relative = str(request.app.url_path_for(name, **placeholders))
        found = (path[: len(path) - len(relative)], relative)
        if len(patterns) >= URL_PATTERNS_KEPT:
            patterns.clear()
        patterns[key] = found
    return found


@pass_context
def url_for(context: Mapping[str, Any], name: str, /, **params: Any) -> URL:
    """Starlette's url_for, remembered per route: the dashboard links each of 200 goals three
    times, and FastAPI's route lookup cost ~0.15 ms per link (80 ms of a 170 ms page).
    Values that are not plain (anything URL-quoting could change) take the slow path."""
    request: Request = context["request"]
    patterns = getattr(request.app.state, "url_patterns", None)
    if patterns is None or not all(_PLAIN.fullmatch(str(v)) for v in params.values()):
        return request.url_for(name, **params)
    names = tuple(params)
    prefix, path = _url_pattern(request, patterns, name, names)
    for i, param in enumerate(names):
        path = path.replace(f"PLACEHOLDER{i}X", str(params[param]), 1)
    return URL(prefix + path)


templates.env.globals["url_for"] = url_for


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


def common_context(request: Request, user: Any | None, fragment: bool = False) -> dict[str, Any]:
    """What base.html needs on every page: user, CSRF token, menu, links, messages (kept
    for the next full page when only a fragment is rendered)."""
    token = security.csrf_token(request) if user is not None else ""
    path = request.url.path
    nav: list[dict[str, Any]] = []
    if user is not None:
        items = [("Overzicht", request.url_for("page_dashboard"))]
        current = agreement_id_of(request.app.state.negotiations, request)
        if current is not None:
            items.append(("Akkoord", request.url_for("page_agreement", agreement_id=current)))
            items.append(("Overleggen", request.url_for("page_meetings", agreement_id=current)))
        if getattr(user, "can_write", False):
            items.append(("Overleg vastleggen", request.url_for("page_meeting_form")))
        nav = [
            {"label": label, "href": str(href), "current": URL(str(href)).path == path}
            for label, href in items
        ]
    return {
        "current_user": user,
        "csrf_token": token,
        "nav_items": nav,
        "accessibility_url": request.url_for("page_accessibility"),
        "logout_url": request.url_for("sign_out_page"),
        "home_url": request.url_for("page_dashboard"),
        "messages": [] if fragment else pop_messages(request),
        "may_write": bool(user is not None and getattr(user, "can_write", False)),
    }


def flash(request: Request, text: str, kind: str = "info") -> None:
    """Remember a message for the next page (after POST → redirect → GET)."""
    if "session" in request.scope:
        request.session.setdefault("meldingen", []).append({"kind": kind, "text": text})


def pop_messages(request: Request) -> list[dict[str, str]]:
    if "session" not in request.scope:
        return []
    messages: list[dict[str, str]] = request.session.pop("meldingen", [])
    return messages


def render(
    request: Request,
    name: str,
    context: dict[str, Any],
    *,
    user: Any | None = None,
    block: str | None = None,
    status_code: int = 200,
) -> Response:
    """Render a page; for an htmx request and a named block, only that block.

    Every response says Vary: HX-Request, because the same URL serves page and fragment.
    """
    # A history restore after a cache miss needs the whole page, not the fragment.
    restoring = request.headers.get("HX-History-Restore-Request") == "true"
    fragment = block is not None and is_htmx(request) and not restoring
    full = {**common_context(request, user, fragment), **context}
    headers = {"Vary": "HX-Request"}
    if fragment:
        return templates.TemplateResponse(
            request, name, full, status_code=status_code, headers=headers, block_name=block
        )
    return templates.TemplateResponse(request, name, full, status_code=status_code, headers=headers)


def error_page(request: Request, status: int, title: str, detail: str) -> Response:
    """The Dutch error page, for problems.error_page (registered on the app by app.py)."""
    context = {"status_code": status, "title": title, "detail": detail}
    return render(request, "error.html", context, status_code=status)
