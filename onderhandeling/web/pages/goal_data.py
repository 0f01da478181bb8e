"""Page data for one goal: wording with open passages, indicators and actions, positions,
amendments as diffs, decisions, history, versions and provenance, and the choices the writers'
forms offer (the causes a revision can name). Read from the service's typed results."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from markupsafe import Markup

from onderhandeling.domain.values import Confidentiality
from onderhandeling.domain.visibility import Reader
from onderhandeling.dutch.parties import short_name
from onderhandeling.dutch.timeline import cause_text, dutch_date
from onderhandeling.service import (
    AgreementOut,
    AmendmentOut,
    GoalOut,
    Negotiations,
    PassageOut,
    VersionInfo,
    in_one_snapshot,
)
from onderhandeling.text.diff import DiffOp, word_diff
from onderhandeling.web.pages.meeting_data import changes
from onderhandeling.web.pages.presenting import diff_to_html

# Around a change, this many words of unchanged text are kept; the rest is cut to "…".
CONTEXT_WORDS = 8
ELLIPSIS = DiffOp("equal", " … ")


def _nth(text: str, quote: str, occurrence: int) -> int:
    """Where the occurrence-th (1, 2, …) copy of quote starts in text; -1 when there is none."""
    start = -1
    for _ in range(max(occurrence, 1)):
        start = text.find(quote, start + 1)
        if start < 0:
            break
    return start


def marked_wording(wording: str, passages: list[PassageOut]) -> list[dict[str, Any]]:
    """The wording cut into pieces; each open passage's quote is marked where it was meant
    (a quote that occurs more than once names its occurrence). A marked piece carries its
    passage and its number in the list of open passages."""
    spans: list[tuple[int, int, PassageOut]] = []
    for passage in passages:
        if passage.status != "open" or not passage.quote:
            continue
        start = _nth(wording, passage.quote, passage.occurrence or 1)
        end = start + len(passage.quote)
        if start < 0 or any(start < e and end > s for s, e, _ in spans):
            continue
        spans.append((start, end, passage))
    spans.sort(key=lambda s: s[0])
    pieces: list[dict[str, Any]] = []
    at = 0
    for number, (start, end, passage) in enumerate(spans, start=1):
        if start > at:
            pieces.append({"text": wording[at:start], "passage": None})
        pieces.append({"text": wording[start:end], "passage": passage, "number": number})
        at = end
    if at < len(wording):
        pieces.append({"text": wording[at:], "passage": None})
    return pieces


def _words(text: str) -> list[str]:
    return text.split(" ")


def compact(ops: list[DiffOp], context: int = CONTEXT_WORDS) -> list[DiffOp]:
    """A diff with long unchanged stretches cut to `context` words on each side of a change,
    so a small change in a long wording reads as that change."""
    shown: list[DiffOp] = []
    last = len(ops) - 1
    for index, op in enumerate(ops):
        words = _words(op.text)
        if op.kind != "equal" or len(words) <= 2 * context + 1:
            shown.append(op)
            continue
        head = " ".join(words[: context + 1]) if index > 0 else ""
        tail = " ".join(words[-context - 1 :]) if index < last else ""
        shown += [DiffOp("equal", head)] if head else []
        shown.append(ELLIPSIS)
        shown += [DiffOp("equal", tail)] if tail else []
    return shown


def proposed_wording(amendment: AmendmentOut, amended: str) -> str:
    """The wording an amendment proposes: its whole text, or the wording it amends with the
    quoted passage replaced."""
    if amendment.quote is None:
        return amendment.text or ""
    return amended.replace(amendment.quote, amendment.replacement or "", 1)


def amendment_rows(amendments: list[AmendmentOut], texts: dict[int, str]) -> list[dict[str, Any]]:
    """Each amendment with the word diff of what it proposes against the version it amends."""
    rows = []
    for amendment in amendments:
        amended = texts.get(amendment.based_on, "")
        ops = word_diff(amended, proposed_wording(amendment, amended))
        rows.append({"amendment": amendment, "diff": diff_to_html(compact(ops))})
    return rows


def diff_html(
    service: Negotiations, goal_id: UUID, old: int, new: int, reader: Reader, *, short: bool = False
) -> Markup:
    """The word diff between two wording versions, as escaped HTML with <del>/<ins>; short:
    only the changes with a few words around them."""
    ops = [DiffOp(op.kind, op.text) for op in service.goal_diff(goal_id, old, new, reader).ops]  # type: ignore[arg-type]
    return diff_to_html(compact(ops) if short and old != new else ops)


def clamp(value: int | None, default: int, highest: int) -> int:
    if value is None:
        return default
    return min(max(value, 1), highest)


def cause_choices(
    service: Negotiations, agreement_id: UUID, goal: GoalOut, reader: Reader
) -> list[tuple[str, list[tuple[str, str]]]]:
    """What a revision can name as its cause, grouped for a select list: the agreement's
    meetings and decisions and the goal's amendments, newest first, each as "type:id"."""
    meetings = [
        (f"meeting:{m.id}", f"{m.title} ({dutch_date(m.held_on)})")
        for m in sorted(service.meetings(agreement_id, reader), key=lambda m: m.held_on)
        if not m.withdrawn
    ]
    decisions = [
        (f"decision:{d.id}", f"{d.reference + ': ' if d.reference else ''}{d.title}")
        for d in service.decision_list(agreement_id, reader)
    ]
    amendments = [
        (
            f"amendment:{a.id}",
            f"voorstel van {a.party_name or a.party} ({dutch_date(a.proposed_on)})",
        )
        for a in sorted(goal.amendments, key=lambda a: a.proposed_on)
    ]
    groups = [
        ("Overleggen", meetings[::-1]),
        ("Besluiten", decisions),
        ("Wijzigingsvoorstellen", amendments[::-1]),
    ]
    return [(label, options) for label, options in groups if options]


def origin(version: VersionInfo, parties: dict[str, str] | None = None) -> str:
    """A version's cause in Dutch ("eigen herziening", "overleg 'Bilateraal' (…)"), parties
    by the given name per party code."""
    return cause_text({"version": version.version, "cause": version.cause.model_dump()}, parties)


def _positions(
    service: Negotiations, goal: GoalOut, reader: Reader, names: dict[str, str]
) -> list[dict[str, Any]]:
    """The positions on the goal by party name, newest first per party."""
    meeting_ids = {p.meeting_id for p in goal.positions if p.meeting_id}
    meetings = service.meeting_titles(reader, meeting_ids)
    by_id = {p.id: p for p in goal.positions}
    newest_first = sorted(goal.positions, key=lambda p: p.effective_date, reverse=True)
    return [
        {
            "position": position,
            "party": names.get(position.party_id, position.party or "?"),
            "meeting": meetings.get(position.meeting_id) if position.meeting_id else None,
            "replacement": by_id.get(position.replaced_by or ""),
            "is_internal": position.confidentiality == Confidentiality.INTERNAL,
        }
        for position in sorted(newest_first, key=lambda p: names.get(p.party_id, "?"))
    ]


def _actions(goal: GoalOut, agreement: AgreementOut) -> list[dict[str, Any]]:
    """The actions with the parties aan zet by name (ids as the read model keeps them)."""
    parties = {p.id: p for p in agreement.parties}
    return [
        {
            "what": action.get("what", ""),
            "parties": [parties[p] for p in action.get("parties", []) if p in parties],
            "due": action.get("due", ""),
            "due_typed": _as_typed(action.get("due", "")),
        }
        for action in goal.actions
    ]


def _as_typed(due: str) -> str:
    """A due date as the form takes it (2023-06-01 → 01-06-2023); other text as it is."""
    try:
        return date.fromisoformat(due).strftime("%d-%m-%Y") if len(due) == 10 else due
    except ValueError:
        return due


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
    with a thousand versions would otherwise make a page of half a megabyte). The compare
    pane is filled only when two versions are asked for."""
    goal = service.goal(goal_id, reader)
    agreement_id = UUID(goal.agreement_id)
    agreement = service.agreement(agreement_id)
    names = {p.id: p.name for p in agreement.parties}
    codes = {p.id: p.code for p in agreement.parties}
    short_names = {p.code: short_name(p.code, p.name) for p in agreement.parties}
    versions = service.wording_versions(goal_id, reader)
    by_version = {v.version: v for v in versions}
    current = goal.version
    spans = service.provenance(goal_id, None, reader).spans
    shown = clamp(version, current, current)
    compared = diff_from is not None or diff_to is not None
    old = clamp(diff_from, max(current - 1, 1), current)
    new = clamp(diff_to, current, current)
    history = service.goal_history(goal_id, reader).entries
    timeline = [
        {
            "entry": entry,
            # A correction of a meeting or decision says in Dutch what it changed.
            "changes": changes(changed, codes) if isinstance(changed, dict) else [],
            "cause": (
                origin(entry.wording, short_names)
                if entry.wording and entry.wording.version > 1
                else ""
            ),
        }
        for entry in reversed(history)
        for changed in [entry.details.get("changed")]
    ]
    return {
        "goal": goal,
        "agreement": agreement,
        "parties": agreement.parties,
        "party_options": [(p.id, p.name) for p in agreement.parties],
        "names": names,
        "pieces": marked_wording(goal.wording, goal.passages),
        "open_passages": [p for p in goal.passages if p.status == "open"],
        "closed_passages": [p for p in goal.passages if p.status != "open"],
        "actions": _actions(goal, agreement),
        "positions": _positions(service, goal, reader, names),
        "amendments": amendment_rows(goal.amendments, {v.version: v.text for v in versions}),
        "causes": cause_choices(service, agreement_id, goal, reader),
        "points": service.discussion_points(agreement_id, reader, goal_id),
        "decisions": service.decision_list(agreement_id, reader, goal_id),
        "timeline": timeline[: None if full_history else TIMELINE_SHOWN],
        "timeline_total": len(history),
        "versions": versions,
        "version_count": len(versions),
        "shown": by_version[shown],
        "shown_cause": origin(by_version[shown], short_names),
        "shown_diff": diff_html(service, goal_id, max(shown - 1, 1), shown, reader, short=True),
        "compared": compared,
        "diff_from": old,
        "diff_to": new,
        "diff": diff_html(service, goal_id, old, new, reader) if compared else Markup(""),
        "provenance": [
            {
                "text": span.text,
                "version": by_version[span.version],
                "cause": origin(span, short_names),
            }
            for span in spans
        ],
    }
