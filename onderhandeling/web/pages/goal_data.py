"""Page data for one goal: wording with open passages, positions, amendments, history,
versions, diffs and provenance."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from markupsafe import Markup

from onderhandeling.domain.values import Confidentiality
from onderhandeling.domain.visibility import Reader
from onderhandeling.dutch.parties import party_label, short_name
from onderhandeling.dutch.timeline import cause_text
from onderhandeling.service import Negotiations, in_one_snapshot
from onderhandeling.web.pages.data import (
    decisions,
    discussion_points,
    meeting_titles,
    party_codes,
)
from onderhandeling.web.pages.meeting_data import changes
from onderhandeling.web.pages.presenting import diff_to_html


def _nth(text: str, quote: str, occurrence: int) -> int:
    """Where the occurrence-th (1, 2, …) copy of quote starts in text; -1 when there is none."""
    start = -1
    for _ in range(max(occurrence, 1)):
        start = text.find(quote, start + 1)
        if start < 0:
            break
    return start


def marked_wording(wording: str, passages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The wording cut into pieces; each open passage's quote is marked where it was meant
    (a quote that occurs more than once names its occurrence)."""
    spans: list[tuple[int, int, dict[str, Any]]] = []
    for passage in passages:
        if passage["status"] != "open" or not passage["quote"]:
            continue
        start = _nth(wording, passage["quote"], int(passage.get("occurrence") or 1))
        if start < 0 or any(
            start < end and start + len(passage["quote"]) > s for s, end, _ in spans
        ):
            continue
        spans.append((start, start + len(passage["quote"]), passage))
    spans.sort(key=lambda s: s[0])
    pieces: list[dict[str, Any]] = []
    at = 0
    for start, end, passage in spans:
        if start > at:
            pieces.append({"text": wording[at:start], "passage": None})
        pieces.append({"text": wording[start:end], "passage": passage})
        at = end
    if at < len(wording):
        pieces.append({"text": wording[at:], "passage": None})
    return pieces


def diff_html(service: Negotiations, goal_id: UUID, old: int, new: int, reader: Reader) -> Markup:
    """The word diff between two wording versions, as escaped HTML with <del>/<ins>."""
    diff = service.goal_diff(goal_id, old, new, reader)
    return diff_to_html(diff["ops"])


def clamp(value: int | None, default: int, highest: int) -> int:
    if value is None:
        return default
    return min(max(value, 1), highest)


TIMELINE_SHOWN = 100


@in_one_snapshot
def goal_page(
    service: Negotiations,
    /,
    goal_id: UUID,
    reader: Reader,
    version: int | None = None,
    diff_from: int | None = None,
    diff_to: int | None = None,
    full_history: bool = False,
) -> dict[str, Any]:
    """full_history: the whole timeline; otherwise the newest TIMELINE_SHOWN entries (a goal
    with a thousand versions would otherwise make a page of half a megabyte)."""
    goal = service.goal(goal_id, reader).as_dict()
    agreement_id = UUID(goal["agreement_id"])
    agreement = service.agreement(agreement_id).as_dict()
    codes = party_codes(service, agreement)
    versions = [v.as_dict() for v in service.wording_versions(goal_id, reader)]
    short_names = {p["code"]: short_name(p["code"], p["name"]) for p in agreement["parties"]}
    for entry in versions:
        entry["cause_text"] = cause_text(entry, short_names)
    by_version = {v["version"]: v for v in versions}
    current = goal["version"]
    meetings = meeting_titles(
        service, reader, {p["meeting_id"] for p in goal["positions"] if p["meeting_id"]}
    )
    spans = service.provenance(goal_id, None, reader).spans
    provenance = [{"text": span["text"], "version": by_version[span["version"]]} for span in spans]

    positions = []
    by_id = {p["id"]: p for p in goal["positions"]}
    newest_first = sorted(goal["positions"], key=lambda p: p["effective_date"], reverse=True)
    for position in sorted(newest_first, key=lambda p: codes.get(str(p["party_id"]), "?")):
        meeting = meetings.get(str(position["meeting_id"])) if position["meeting_id"] else None
        positions.append(
            {
                **position,
                "party": codes.get(str(position["party_id"]), "?"),
                "meeting": meeting,
                "replacement": by_id.get(position["replaced_by"] or ""),
                "reconfirm": position["needs_reconfirmation"],
                "is_internal": position["confidentiality"] == Confidentiality.INTERNAL,
            }
        )

    shown = clamp(version, current, current)
    old = clamp(diff_from, max(current - 1, 1), current)
    new = clamp(diff_to, current, current)
    history = service.goal_history(goal_id, reader).as_dict()["entries"]
    for entry in history:
        changed = entry["details"].get("changed")
        # A correction of a meeting or decision says in Dutch what it changed.
        entry["changes"] = changes(changed, codes) if isinstance(changed, dict) else []
    return {
        "goal": goal,
        "agreement": agreement,
        "parties": agreement["parties"],
        "party_options": [
            (p["id"], party_label(p["code"], p["name"])) for p in agreement["parties"]
        ],
        "codes": codes,
        "pieces": marked_wording(goal["wording"], goal["passages"]),
        "open_passages": [p for p in goal["passages"] if p["status"] == "open"],
        "closed_passages": [p for p in goal["passages"] if p["status"] != "open"],
        "positions": positions,
        "amendments": [{**a, "party": a["party"] or "?"} for a in goal["amendments"]],
        "points": discussion_points(service, agreement_id, reader, goal_id),
        "decisions": decisions(service, agreement_id, reader, goal_id),
        "timeline": list(reversed(history))[: None if full_history else TIMELINE_SHOWN],
        "timeline_total": len(history),
        "versions": versions,
        "shown": by_version[shown],
        "diff_from": old,
        "diff_to": new,
        "diff": diff_html(service, goal_id, old, new, reader),
        "shown_diff": diff_html(service, goal_id, max(shown - 1, 1), shown, reader),
        "provenance": provenance,
    }
